/**
 * The server's lifecycle: open the one DuckDB file, migrate, seed settings, start the
 * scheduler, load the demo dataset into an empty database, and undo all of it on shutdown.
 *
 * While the server runs it writes <db>.server.json (pid, url, token; mode 0600) so that
 * `npm run ingest` asks the server to run the ingest instead of opening the locked file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { todayIn } from '../calendar';
import { readConfig, type Config } from './config';
import { closeDatabase, openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { loadSettings, saveSetting, seedSettings, type Settings } from './settings';
import { ensureFresh } from './refresh/index';
import { inboxHasWork, ingestIsRunning, runIngest } from './imports/ingest';
import { runAlerts } from './alerts/alerts';
import { startScheduler, type Scheduler } from '../../../jobs/scheduler';
import { writeDemoData } from '../../../jobs/demo/generate';

export type DemoState = 'off' | 'not-needed' | 'loading' | 'loaded' | 'failed';

export interface Runtime {
	config: Config;
	db: Database;
	settings: Settings;
	schemaVersion: number;
	scheduler: Scheduler | null;
	demo: { state: DemoState; asOf?: string; error?: string };
	/** When the scheduler last looked at the inbox (a run is recorded only when there was work). */
	lastScheduledCheck: Date | null;
	token: string;
	startedAt: Date;
}

export interface RuntimeFile {
	pid: number;
	url: string;
	token: string;
}

export function runtimeFilePath(config: Config): string {
	return `${config.dbPath}.server.json`;
}

/** The running server of this database, if its runtime file names a live process. */
export function readRuntimeFile(config: Config): RuntimeFile | null {
	try {
		const info = JSON.parse(fs.readFileSync(runtimeFilePath(config), 'utf8')) as RuntimeFile;
		process.kill(info.pid, 0);
		return info;
	} catch {
		return null;
	}
}

function serverUrl(): string {
	if (process.env.CARE_SERVER_URL) return process.env.CARE_SERVER_URL;
	const host = !process.env.HOST || process.env.HOST === '0.0.0.0' || process.env.HOST === '::' ? '127.0.0.1' : process.env.HOST;
	const port = process.env.PORT ?? (import.meta.env?.DEV ? '5173' : '3000');
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function loadDemoIfEmpty(rt: Runtime): Promise<void> {
	const [counts] = await rt.db.query<{ customers: number; tickets: number; calls: number; survey_answers: number; import_files: number }>('db/data_counts');
	const empty = counts !== undefined && counts.customers + counts.tickets + counts.calls + counts.survey_answers + counts.import_files === 0;
	if (!empty) {
		rt.demo.state = 'not-needed';
		return;
	}
	const asOf = rt.config.demoAsOf ?? todayIn(rt.settings.unit.timeZone);
	rt.demo = { state: 'loading', asOf };
	const t0 = Date.now();
	try {
		const demo = await writeDemoData(rt.config.inboxDir, path.join(rt.config.dataDir, 'demo'), { asOf });
		// The demo unit works by the product's business calendar, with Iranian public holidays
		// over its history (computed before the shipped official list): store what it used.
		rt.settings.business_calendar = demo.businessCalendar;
		await saveSetting(rt.db, 'business_calendar', rt.settings.business_calendar);
		const run = await runIngest(rt.db, rt.config, 'startup');
		rt.demo.state = run.status === 'failed' ? 'failed' : 'loaded';
		if (run.error) rt.demo.error = run.error;
		console.log(`[demo] demo dataset as of ${asOf} loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s (run #${run.id}: ${run.inserted} rows)`);
	} catch (e) {
		rt.demo = { state: 'failed', asOf, error: (e as Error).message };
		console.error('[demo] could not load the demo dataset:', e);
	}
}

const KEY = Symbol.for('care-dashboard.runtime');
type Pinned = { [KEY]?: Promise<Runtime> };

async function start(): Promise<Runtime> {
	const config = readConfig();
	const db = await openDatabase(config.dbPath, { waitForLockMs: 60_000, memoryLimit: config.duckdbMemoryLimit });
	const schemaVersion = await migrate(db);
	await seedSettings(db, config);
	await db.query('ingest/mark_interrupted_runs');
	const settings = await loadSettings(db);
	await ensureFresh(db, settings);

	const rt: Runtime = {
		config,
		db,
		settings,
		schemaVersion,
		scheduler: null,
		demo: { state: config.demo === 'off' ? 'off' : 'not-needed' },
		lastScheduledCheck: null,
		token: crypto.randomBytes(24).toString('hex'),
		startedAt: new Date()
	};
	const file: RuntimeFile = { pid: process.pid, url: serverUrl(), token: rt.token };
	fs.writeFileSync(runtimeFilePath(config), JSON.stringify(file, null, 2), { mode: 0o600 });

	if (config.scheduler === 'on') {
		const expression = config.ingestCron ?? settings.ingest.cron;
		// A file younger than 2 s may still be being copied in; the next tick takes it.
		rt.scheduler = startScheduler(
			expression,
			settings.unit.timeZone,
			async () => {
				rt.lastScheduledCheck = new Date();
				if (inboxHasWork(config.inboxDir, 2000)) await runIngest(db, config, 'schedule', { minAgeMs: 2000 });
			},
			// After the ingest, on the freshest data: peaks under way today, webhook posts due.
			[{ name: 'alerts', run: async () => runAlerts({ db, settings: await loadSettings(db), now: new Date() }) }]
		);
	}
	// Not awaited: the server answers at once and the overview says the demo is loading.
	if (config.demo === 'auto') void loadDemoIfEmpty(rt);
	console.log(`[care] database ${config.dbPath} (schema v${schemaVersion}); inbox ${config.inboxDir}; scheduler ${rt.scheduler ? `"${rt.scheduler.cron}" in ${rt.scheduler.timeZone}` : 'off'}`);
	return rt;
}

/** Start once per process; later calls return the same runtime. */
export function startRuntime(): Promise<Runtime> {
	const pinned = globalThis as Pinned;
	pinned[KEY] ??= start();
	return pinned[KEY];
}

export function getRuntime(): Promise<Runtime> {
	return startRuntime();
}

export async function stopRuntime(reason = 'shutdown'): Promise<void> {
	const pinned = globalThis as Pinned;
	const started = pinned[KEY];
	if (!started) return;
	delete pinned[KEY];
	let rt: Runtime;
	try {
		rt = await started;
	} catch {
		return;
	}
	await rt.scheduler?.stop();
	// Let a running ingest finish its file transaction (up to 30 s); anything cut off is rolled back by DuckDB.
	const deadline = Date.now() + 30_000;
	while (ingestIsRunning() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	try {
		const info = JSON.parse(fs.readFileSync(runtimeFilePath(rt.config), 'utf8')) as RuntimeFile;
		if (info.pid === process.pid) fs.unlinkSync(runtimeFilePath(rt.config));
	} catch {
		// already gone
	}
	closeDatabase();
	console.log(`[care] stopped (${reason}); database closed`);
}
