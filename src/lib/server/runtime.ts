/**
 * The server's lifecycle: open the one DuckDB file, migrate, seed settings, start the
 * scheduler, load the demo dataset into an empty database, and undo all of it on shutdown.
 *
 * While the server runs it writes <db>.server.json (pid, url, token; mode 0600) so that
 * `npm run ingest` and `npm run user` ask the server instead of opening the locked file.
 *
 * Accounts at start: with the demo dataset and no real account, one demo account per role;
 * with no real administrator, a one-time setup link printed to the log.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { todayIn } from '../calendar';
import { readConfig, type Config } from './config';
import { closeDatabase, openDatabase, type Database } from './db/database';
import { listMigrations, migrate, schemaVersion as readSchemaVersion } from './db/migrate';
import { backupsDir } from './db/backup';
import { problem } from '../i18n/translate';
import { reportStorageProblem } from './storage';
import { loadSettings, saveSetting, seedSettings, type Settings } from './settings';
import { ensureFresh } from './refresh/index';
import { ensureTrackRecord } from './churn/track';
import { ingestIsRunning, recoverInterruptedRuns, runIngest, settlePendingMoves, stuckFiles } from './imports/ingest';
import { inboxHasWork } from './imports/inbox';
import { removeStaleUploads } from './imports/upload';
import { runAlerts } from './alerts/alerts';
import { log } from './log';
import { allowedHostnames } from './auth/network';
import { ensureDemoAccounts, DEMO_ACCOUNTS } from './auth/demo';
import { sessionPolicy, purgeExpiredSessions } from './auth/sessions';
import { needsSetup, SetupLink } from './auth/setup';
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
	/** The CLI's hand-off token (also in the runtime file). */
	token: string;
	/** The one-time link that creates the first administrator. */
	setup: SetupLink;
	/** Host names the server answers to (the host check, auth/network.ts). */
	allowedHosts: Set<string>;
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
		if (await ensureDemoAccounts(rt.db)) log().info({ accounts: DEMO_ACCOUNTS.map((a) => a.login) }, 'demo accounts created (password = login); creating a real administrator removes them');
		const demo = await writeDemoData(rt.config.inboxDir, path.join(rt.config.dataDir, 'demo'), { asOf });
		// The demo unit works by the product's business calendar, with Iranian public holidays
		// over its history (computed before the shipped official list): store what it used.
		rt.settings.business_calendar = demo.businessCalendar;
		await saveSetting(rt.db, 'business_calendar', rt.settings.business_calendar);
		const run = await runIngest(rt.db, rt.config, 'startup');
		rt.demo.state = run.status === 'failed' ? 'failed' : 'loaded';
		if (run.error) rt.demo.error = run.error;
		log().info({ asOf, runId: run.id, rows: run.inserted, ms: Date.now() - t0 }, 'demo dataset loaded');
	} catch (e) {
		rt.demo = { state: 'failed', asOf, error: (e as Error).message };
		log().error({ err: e }, 'could not load the demo dataset');
	}
}

const KEY = Symbol.for('care-dashboard.runtime');
type Pinned = { [KEY]?: Promise<Runtime> };

async function start(): Promise<Runtime> {
	// adapter-node listens on every interface unless HOST says otherwise, and reads HOST after
	// the server's init hook (which starts this runtime) has run: so `node build` run directly
	// binds loopback too, as `npm start` does. The dashboard shows customer data.
	process.env.HOST ??= '127.0.0.1';
	const config = readConfig();
	// A read-only data folder still serves the dashboard: the file is opened read-only.
	const db = await openDatabase(config.dbPath, { waitForLockMs: 60_000, memoryLimit: config.duckdbMemoryLimit, tempDirectory: config.duckdbTempDir, readOnlyFallback: true });
	let schemaVersion: number;
	if (db.readOnly) {
		schemaVersion = await readSchemaVersion(db);
		const latest = Math.max(...listMigrations().map((m) => m.version));
		if (schemaVersion < latest) throw new Error(`${config.dbPath} can only be opened read-only and needs migrations (schema v${schemaVersion}, this version needs v${latest}); make its folder writable`);
		reportStorageProblem(problem('problem.dataReadOnly', { dir: config.dataDir }));
	} else {
		// A migration takes a backup first (db/migrate.ts) when the database already holds data.
		schemaVersion = await migrate(db, { backupDir: backupsDir(config) });
		await seedSettings(db, config);
		// A crash may have cut off a run: count what it committed and finish its files' moves.
		await recoverInterruptedRuns(db);
		await settlePendingMoves(db, config);
		const stale = removeStaleUploads(config.inboxDir);
		if (stale) log().warn({ removed: stale }, 'removed uploads cut off by a stop');
	}
	const settings = await loadSettings(db);
	if (!db.readOnly) {
		await ensureFresh(db, settings);
		// A database migrated to the stored track record gets it now, not at the next load.
		await ensureTrackRecord(db, settings.churn);
	}

	const rt: Runtime = {
		config,
		db,
		settings,
		schemaVersion,
		scheduler: null,
		demo: { state: config.demo === 'off' ? 'off' : 'not-needed' },
		lastScheduledCheck: null,
		token: crypto.randomBytes(24).toString('hex'),
		setup: new SetupLink(),
		allowedHosts: allowedHostnames(config.allowedHosts),
		startedAt: new Date()
	};
	await purgeExpiredSessions(db, sessionPolicy(settings, config));
	const file: RuntimeFile = { pid: process.pid, url: serverUrl(), token: rt.token };
	try {
		fs.writeFileSync(runtimeFilePath(config), JSON.stringify(file, null, 2), { mode: 0o600 });
	} catch (e) {
		log().warn({ err: e }, 'could not write the runtime file: `npm run ingest` cannot hand its work to this server');
	}

	if (config.scheduler === 'on' && !db.readOnly) {
		const expression = config.ingestCron ?? settings.ingest.cron;
		// A file younger than 2 s may still be being copied in; the next tick takes it.
		rt.scheduler = startScheduler(
			expression,
			settings.unit.timeZone,
			async () => {
				rt.lastScheduledCheck = new Date();
				const stuck = new Set((await stuckFiles(db)).map((s) => s.sourcePath));
				if (inboxHasWork(config.inboxDir, 2000, Date.now(), stuck)) await runIngest(db, config, 'schedule', { minAgeMs: 2000 });
			},
			// After the ingest, on the freshest data: peaks under way today, webhook posts due.
			[{ name: 'alerts', run: async () => runAlerts({ db, settings: await loadSettings(db), now: new Date() }) }]
		);
	}
	// Not awaited: the server answers at once and the overview says the demo is loading.
	if (config.demo === 'auto' && !db.readOnly) void loadDemoIfEmpty(rt);
	log().info(
		{ database: config.dbPath, schemaVersion, inbox: config.inboxDir, scheduler: rt.scheduler ? `${rt.scheduler.cron} (${rt.scheduler.timeZone})` : 'off' },
		'care dashboard started'
	);
	// Printed plainly, for whoever runs the server to open (it is not kept anywhere).
	if (await needsSetup(db)) {
		console.log(
			`[care] no administrator yet: open ${serverUrl()}/setup/${rt.setup.create()} to create one ` +
				'(this link works once, until the server stops), or run `npm run user -- add LOGIN --role admin`'
		);
	}
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
	log().info({ reason }, `stopped (${reason}); database closed`);
}
