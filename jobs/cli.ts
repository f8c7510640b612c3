/**
 * Command line: `npm run ingest` and `npm run demo-data`.
 *
 * A DuckDB file has one writer process. When the server is running it owns the file, so
 * `ingest` asks it (POST /api/ingest with the token from <db>.server.json) to run the job;
 * when no server runs, the CLI opens the file itself for the length of the run.
 */
import path from 'node:path';
import { todayIn } from '../src/lib/calendar';
import { inEnglish } from '../src/lib/i18n/translate';
import { readConfig, type Config } from '../src/lib/server/config';
import { closeDatabase, isLockError, openDatabase } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { readRuntimeFile } from '../src/lib/server/runtime';
import { loadSettings, seedSettings } from '../src/lib/server/settings';
import { writeDemoData } from './demo/generate';
import { runIngest, type RunSummary } from '../src/lib/server/imports/ingest';

function printSummary(run: RunSummary) {
	console.log(`ingest run #${run.id}: ${run.status} — ${run.filesSeen} file(s), ${run.inserted} new, ${run.updated} updated, ${run.rejected} rejected, ${run.skipped} skipped`);
	for (const f of run.files) {
		const counts = `${f.inserted} new, ${f.updated} updated, ${f.rejected} rejected${f.skipped ? `, ${f.skipped} skipped` : ''}`;
		console.log(`  ${f.status.padEnd(12)} ${f.dataset}/${f.fileName}${f.mapping ? ` [${f.mapping}]` : ''}: ${f.error ? inEnglish(f.error) : counts}`);
		for (const n of f.notes) console.log(`               ${inEnglish(n)}`);
	}
	if (run.error) console.log(run.error.split('\n').map((l) => `  ! ${l}`).join('\n'));
}

async function ingestViaServer(config: Config): Promise<RunSummary | null> {
	const server = readRuntimeFile(config);
	if (!server) return null;
	console.log(`the server (pid ${server.pid}) holds ${config.dbPath}; asking it to run the ingest at ${server.url}`);
	const res = await fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
	if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
	return (await res.json()) as RunSummary;
}

async function ingestHere(config: Config): Promise<RunSummary> {
	let db;
	try {
		db = await openDatabase(config.dbPath, { memoryLimit: config.duckdbMemoryLimit });
	} catch (e) {
		if (isLockError(e)) {
			throw new Error(
				`${config.dbPath} is held by another process and no running server answers for it (${(e as Error).message}). ` +
					'Wait for that process to finish, or run the ingest from the Data page of the running server.'
			);
		}
		throw e;
	}
	try {
		await migrate(db);
		await seedSettings(db, config);
		return await runIngest(db, config, 'cli');
	} finally {
		closeDatabase();
	}
}

async function ingest(config: Config) {
	const run = (await ingestViaServer(config)) ?? (await ingestHere(config));
	printSummary(run);
	if (run.status === 'failed') process.exitCode = 1;
}

async function demoData(config: Config, args: string[]) {
	const at = args.indexOf('--as-of');
	let asOf = at >= 0 ? args[at + 1] : config.demoAsOf;
	if (!asOf) {
		// Today in the unit's zone; the stored setting when a database exists and is free.
		let timeZone = config.timeZone ?? 'Asia/Tehran';
		try {
			const db = await openDatabase(config.dbPath);
			await migrate(db);
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
const config = readConfig();
try {
	if (command === 'ingest') await ingest(config);
	else if (command === 'demo-data') await demoData(config, args);
	else {
		console.error('usage: tsx jobs/cli.ts ingest | demo-data [--as-of YYYY-MM-DD] [--load]');
		process.exitCode = 2;
	}
} catch (e) {
	console.error(`error: ${(e as Error).message}`);
	process.exitCode = 1;
}
