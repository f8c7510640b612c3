/**
 * Command line: `npm run ingest`, `npm run import`, `npm run backup`, `npm run restore`,
 * `npm run demo-data` and `npm run user` (./users.ts).
 *
 * A DuckDB file has one writer process. When the server is running it owns the file, so
 * `ingest`, `backup` and `restore` ask it (POST /api/… with the token from <db>.server.json)
 * to do the job; when no server runs, the CLI opens the file itself for the length of it.
 */
import path from 'node:path';
import { todayIn } from '../src/lib/calendar';
import { inEnglish } from '../src/lib/i18n/translate';
import { readConfig, type Config } from '../src/lib/server/config';
import { closeDatabase, isLockError, openDatabase, type Database } from '../src/lib/server/db/database';
import { backupDatabase, backupsDir, resolveBackup, type BackupResult } from '../src/lib/server/db/backup';
import { restoreDatabase } from '../src/lib/server/maintenance';
import { migrate } from '../src/lib/server/db/migrate';
import { readRuntimeFile } from '../src/lib/server/runtime';
import { setLogger } from '../src/lib/server/log';
import { loadSettings, seedSettings } from '../src/lib/server/settings';
import { writeDemoData } from './demo/generate';
import { runIngest, type RunSummary } from '../src/lib/server/imports/ingest';
import { DATASET_NAMES, isDatasetName } from '../src/lib/server/imports/datasets';
import { loadMappings } from '../src/lib/server/imports/mappings/index';
import { inboxTarget, UploadError } from '../src/lib/server/imports/upload';
import { inEnglishPhrase } from '../src/lib/i18n/translate';
import fs from 'node:fs';
import { userCommand } from './users';

function printSummary(run: RunSummary) {
	console.log(`ingest run #${run.id}: ${run.status} — ${run.filesSeen} file(s), ${run.inserted} new, ${run.updated} updated, ${run.rejected} rejected, ${run.skipped} skipped`);
	for (const f of run.files) {
		const counts = `${f.inserted} new, ${f.updated} updated, ${f.rejected} rejected${f.skipped ? `, ${f.skipped} skipped` : ''}`;
		console.log(`  ${f.status.padEnd(12)} ${f.dataset}/${f.fileName}${f.mapping ? ` [${f.mapping}]` : ''}: ${f.error ? inEnglish(f.error) : counts}`);
		for (const n of f.notes) console.log(`               ${inEnglish(n)}`);
	}
	if (run.error) console.log(run.error.split('\n').map((l) => `  ! ${l}`).join('\n'));
}

/** Ask the running server to do a job (`what` names it for the user); null when no server runs. */
async function viaServer<T>(config: Config, endpoint: string, what: string, body?: unknown): Promise<T | null> {
	const server = readRuntimeFile(config);
	if (!server) return null;
	console.log(`the server (pid ${server.pid}) holds ${config.dbPath}; asking it to ${what} at ${server.url}`);
	const res = await fetch(`${server.url}/api/${endpoint}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${server.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined
	});
	if (!res.ok) {
		const text = await res.text();
		let message = text;
		try {
			message = (JSON.parse(text) as { error?: string; message?: string }).error ?? message;
		} catch {
			// plain text
		}
		throw new Error(`the server answered ${res.status}: ${message}`);
	}
	return (await res.json()) as T;
}

/** Open the database in this process for the length of `job` (no server holds it). */
async function withDatabaseHere<T>(config: Config, what: string, job: (db: Database) => Promise<T>): Promise<T> {
	let db;
	try {
		db = await openDatabase(config.dbPath, { memoryLimit: config.duckdbMemoryLimit });
	} catch (e) {
		if (isLockError(e)) {
			throw new Error(
				`${config.dbPath} is held by another process and no running server answers for it (${(e as Error).message}). ` +
					`Wait for that process to finish, or ${what} through the running server.`
			);
		}
		throw e;
	}
	try {
		await migrate(db, { backupDir: backupsDir(config) });
		await seedSettings(db, config);
		return await job(db);
	} finally {
		closeDatabase();
	}
}

async function ingest(config: Config) {
	const run =
		(await viaServer<RunSummary>(config, 'ingest', 'run the ingest')) ?? (await withDatabaseHere(config, 'run the ingest', (db) => runIngest(db, config, 'cli')));
	printSummary(run);
	if (run.status === 'failed') process.exitCode = 1;
}

const IMPORT_USAGE =
	'usage: npm run import -- --dataset DATASET [--preset PRESET | --mapping MAPPING] [--force] FILE\n' +
	'  --dataset   what the file holds: ' + DATASET_NAMES.join(', ') + '\n' +
	'  --preset    a help desk\'s export layout (zendesk, freshdesk, …): every dataset it gives when DATASET is its main one\n' +
	'  --mapping   one mapping (or "native", the product\'s own layout); without either, the layout is detected from the header\n' +
	'  --force     load it even if it was loaded before through the same, unchanged layout (records update by key, never double)';

/**
 * `npm run import -- --dataset tickets --preset zendesk FILE`: load one file with its layout
 * named. The running server gets the file streamed to POST /api/import; without a server the
 * file is copied into inbox/<dataset>/<layout>/ and loaded here. Either way the file is kept
 * (processed/ or failed/) so it can be loaded again from the Data page.
 */
async function importFile(config: Config, args: string[]) {
	const valued = new Set(['--dataset', '--preset', '--mapping']);
	const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
	const dataset = option(args, 'dataset');
	const preset = option(args, 'preset');
	const mapping = option(args, 'mapping');
	const force = args.includes('--force');
	const unknown = args.filter((a) => a.startsWith('--') && !valued.has(a) && a !== '--force');
	if (unknown.length || positional.length !== 1 || !dataset) {
		console.error((unknown.length ? `unknown option ${unknown.join(', ')}\n` : positional.length > 1 ? `one file at a time (got ${positional.length})\n` : '') + IMPORT_USAGE);
		process.exitCode = 2;
		return;
	}
	if (!isDatasetName(dataset)) throw new Error(`there is no dataset "${dataset}" (datasets: ${DATASET_NAMES.join(', ')})`);
	if (preset && mapping) throw new Error('name a preset or a mapping, not both');
	const layout = preset ?? mapping ?? null;
	// Checked here, before anything is sent or copied: a layout that does not exist would fail the file anyway.
	const available = loadMappings(config.mappingsDir);
	for (const p of available.problems) console.warn(`warning: ${inEnglish(p)}`);
	if (preset) {
		const found = available.presets.find((p) => p.id === preset);
		if (!found) throw new Error(`there is no preset "${preset}" (presets: ${available.presets.map((p) => p.id).join(', ')})`);
		if (!found.mappings.some((m) => m.dataset === dataset)) throw new Error(`the preset ${preset} reads nothing into ${dataset} (it loads ${[...new Set(found.mappings.map((m) => m.dataset))].join(', ')})`);
	}
	if (mapping && mapping !== 'native' && !available.mappings.some((m) => m.id === mapping && m.dataset === dataset)) {
		throw new Error(`there is no mapping "${mapping}" for ${dataset} (mappings: ${['native', ...available.mappings.filter((m) => m.dataset === dataset).map((m) => m.id)].join(', ')})`);
	}
	const file = path.resolve(positional[0]!);
	const stat = fs.statSync(file, { throwIfNoEntry: false });
	if (!stat?.isFile()) throw new Error(`${positional[0]} is not a file`);

	let run: RunSummary | null = null;
	const server = readRuntimeFile(config);
	if (server) {
		console.log(`the server (pid ${server.pid}) holds ${config.dbPath}; sending ${path.basename(file)} to it at ${server.url}`);
		const form = new FormData();
		form.append('dataset', dataset);
		if (layout) form.append('layout', layout);
		if (force) form.append('force', 'true');
		form.append('file', await fs.openAsBlob(file), path.basename(file));
		// A form post must say where it comes from (the server refuses cross-site form posts): from the server's own address.
		const res = await fetch(`${server.url}/api/import`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, origin: server.url }, body: form });
		const body = (await res.json().catch(() => ({}))) as { run?: RunSummary; error?: string };
		if (!res.ok || !body.run) throw new Error(`the server answered ${res.status}: ${body.error ?? res.statusText}`);
		run = body.run;
	} else {
		run = await withDatabaseHere(config, 'import the file', async (db) => {
			let target;
			try {
				target = inboxTarget(config.inboxDir, dataset, layout, path.basename(file));
			} catch (e) {
				if (e instanceof UploadError) throw new Error(inEnglishPhrase(e.phrase));
				throw e;
			}
			fs.copyFileSync(file, target.path);
			return runIngest(db, config, 'cli', force ? { force: new Set([target.relative]) } : {});
		});
	}
	printSummary(run);
	const mine = run.files.filter((f) => f.fileName === path.basename(file) || f.sourcePath?.endsWith('/' + path.basename(file)));
	if (run.status === 'failed' || mine.some((f) => f.status === 'failed')) process.exitCode = 1;
}

const option = (args: string[], name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};

async function backup(config: Config, args: string[]) {
	const to = option(args, 'to');
	const result =
		(await viaServer<BackupResult>(config, 'backup', 'write a backup', { to: to ? path.resolve(to) : undefined })) ??
		(await withDatabaseHere(config, 'write a backup', (db) => backupDatabase(db, to ? path.resolve(to) : backupsDir(config), 'manual')));
	const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0);
	console.log(`backup written: ${result.path}`);
	console.log(`  schema v${result.manifest.schemaVersion}, ${Object.keys(result.manifest.tables).length} tables, ${rows.toLocaleString('en')} rows, ${(result.bytes / 1024 / 1024).toFixed(1)} MB`);
	console.log(`restore it with: npm run restore -- ${path.relative(process.cwd(), result.path) || result.path}`);
}

async function restore(config: Config, args: string[]) {
	const name = args.find((a) => !a.startsWith('--')) ?? 'latest';
	const backupPath = resolveBackup(name, backupsDir(config));
	const viaHttp = await viaServer<{ backup: string; previous: string; schemaVersion: number; tables: Record<string, number> }>(config, 'restore', `restore ${backupPath}`, {
		backup: backupPath
	});
	const result = viaHttp ?? (await restoreDatabase(config, backupPath));
	const tables = 'tables' in result ? result.tables : result.manifest.tables;
	console.log(`restored ${result.backup} (${Object.values(tables).reduce((a, b) => a + b, 0).toLocaleString('en')} rows; schema now v${result.schemaVersion})`);
	console.log(`the database it replaced is kept as ${result.previous}`);
}

async function demoData(config: Config, args: string[]) {
	const at = args.indexOf('--as-of');
	let asOf = at >= 0 ? args[at + 1] : config.demoAsOf;
	if (!asOf) {
		// Today in the unit's zone; the stored setting when a database exists and is free.
		let timeZone = config.timeZone ?? 'Asia/Tehran';
		try {
			const db = await openDatabase(config.dbPath);
			await migrate(db, { backupDir: backupsDir(config) });
			timeZone = (await loadSettings(db)).unit.timeZone;
			closeDatabase();
		} catch {
			// the server holds it: use the default zone
		}
		asOf = todayIn(timeZone);
	}
	const t0 = Date.now();
	const summary = await writeDemoData(config.inboxDir, path.join(config.dataDir, 'demo'), { asOf });
	console.log(`demo data as of ${asOf} written in ${((Date.now() - t0) / 1000).toFixed(1)} s:`);
	for (const f of summary.files) console.log(`  ${f.dataset.padEnd(22)} ${String(f.rows).padStart(7)} rows  ${path.relative(process.cwd(), f.path)}`);
	if (args.includes('--load')) await ingest(config);
	else console.log('The running server loads them on its next scheduled run; or run `npm run ingest` now.');
}

const [command, ...args] = process.argv.slice(2);
// The command's own report goes to stdout; the structured log to stderr, warnings only unless CARE_LOG_LEVEL says otherwise.
setLogger({ level: process.env.CARE_LOG_LEVEL || 'warn', destination: 2 });
const config = readConfig();
try {
	if (command === 'ingest') await ingest(config);
	else if (command === 'import') await importFile(config, args);
	else if (command === 'backup') await backup(config, args);
	else if (command === 'restore') await restore(config, args);
	else if (command === 'demo-data') await demoData(config, args);
	else if (command === 'user') await userCommand(config, args);
	else {
		console.error('usage: tsx jobs/cli.ts ingest | import --dataset DATASET [--preset P | --mapping M] [--force] FILE | backup [--to FOLDER] | restore [FOLDER|NAME|latest] | demo-data [--as-of YYYY-MM-DD] [--load] | user …');
		process.exitCode = 2;
	}
} catch (e) {
	console.error(`error: ${(e as Error).message}`);
	process.exitCode = 1;
}
