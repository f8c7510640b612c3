/**
 * Backups round-trip: a backup taken while data loads restores every table exactly, the
 * sequences go on where they were, the derived tables are rebuilt; a broken backup is
 * refused without touching the database; a migration of a database holding data takes a
 * backup first; `npm run backup` / `npm run restore` work without a server.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, backupsDir, listBackups } from '../../src/lib/server/db/backup';
import { closeDatabase, openDatabase } from '../../src/lib/server/db/database';
import { listMigrations, migrate } from '../../src/lib/server/db/migrate';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { restoreDatabase } from '../../src/lib/server/maintenance';
import { tempDb, type TempDb } from '../helpers/temp-db';

const CALLS_HEADER = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id';
const calls = (from: number, n: number) =>
	[CALLS_HEADER, ...Array.from({ length: n }, (_, i) => `k${from + i},C${i % 3},inbound,support,2026-11-${10 + (i % 10)} 09:00,,,12,60,answered,Ali,true,`), 'bad,C1,inbound,support,yesterday,,,1,1,answered,Ali,true,'].join('\n');

let t: TempDb;
beforeEach(async () => {
	t = await tempDb();
});
afterEach(() => t.close());

/** Every row of the tables that hold data, as text, to compare a database before and after. */
async function snapshot(): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const table of ['customers', 'calls', 'import_runs', 'import_files', 'import_rejects', 'settings', 'schema_migrations', 'rollup_calls_hourly']) {
		const rows = await t.rows(`select * from ${table}`);
		out[table] = rows.map((r) => JSON.stringify(r)).sort();
	}
	return out;
}

describe('backup and restore', () => {
	it('restores every table exactly, sequences included, and rebuilds the derived tables', { timeout: 120_000 }, async () => {
		t.drop('calls', 'a.csv', calls(0, 40));
		await runIngest(t.db, t.config, 'manual');
		const before = await snapshot();
		const backup = await backupDatabase(t.db, backupsDir(t.config));
		expect(path.basename(backup.path)).toMatch(/^\d{8}T\d{6}Z-manual$/);
		expect(fs.existsSync(`${backup.path}.part`)).toBe(false);
		expect(backup.manifest).toMatchObject({ format: 'care-dashboard-backup', reason: 'manual', schemaVersion: Math.max(...listMigrations().map((m) => m.version)) });
		expect(backup.manifest.tables.calls).toBe(40);
		expect(backup.manifest.tables.import_rejects).toBe(1);

		// Life goes on after the backup: more files, a deleted customer.
		t.drop('calls', 'b.csv', calls(100, 25));
		await runIngest(t.db, t.config, 'manual');
		await t.rows("delete from customers where id = 'C0'");
		expect((await snapshot()).calls).toHaveLength(65);

		const result = await restoreDatabase(t.config, backup.path, t.db);
		expect(fs.existsSync(result.previous)).toBe(true);
		const after = await snapshot();
		for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

		// Sequences go on after the restored ids: the next import does not reuse one.
		const maxFile = Number((await t.rows<{ m: number }>('select max(id) as m from import_files'))[0]!.m);
		t.drop('calls', 'c.csv', calls(200, 5));
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.files[0]!.id).toBeGreaterThan(maxFile);
		expect(run.files[0]!.inserted).toBe(5);
	});

	it('refuses a backup that does not check out and leaves the database as it was', async () => {
		t.drop('calls', 'a.csv', calls(0, 10));
		await runIngest(t.db, t.config, 'manual');
		const backup = await backupDatabase(t.db, backupsDir(t.config));
		const manifestFile = path.join(backup.path, 'manifest.json');
		const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
		manifest.tables.calls = 11;
		fs.writeFileSync(manifestFile, JSON.stringify(manifest));
		const before = await snapshot();
		await expect(restoreDatabase(t.config, backup.path, t.db)).rejects.toThrow(/calls has 10 rows, the manifest says 11/);
		expect(await snapshot()).toEqual(before);
		expect(fs.readdirSync(t.dir).filter((f) => f.includes('before-restore') || f.endsWith('.restoring'))).toEqual([]);

		fs.rmSync(path.join(backup.path, 'calls.parquet'));
		await expect(restoreDatabase(t.config, backup.path, t.db)).rejects.toThrow(/incomplete: calls\.parquet is missing/);
		expect(await snapshot()).toEqual(before);
	});
});

describe('a migration', () => {
	it('takes a backup first when the database already holds data', { timeout: 120_000 }, async () => {
		t.close();
		// A database as an older version left it: schema v3, a file recorded but never moved (the crash bug).
		const dir = fs.mkdtempSync(path.join(path.dirname(t.dir), 'care-old-'));
		const dbPath = path.join(dir, 'care.duckdb');
		let db = await openDatabase(dbPath);
		await db.withConnection(async (c) => {
			await c.run('create table schema_migrations (version integer primary key, name varchar not null, applied_at timestamptz not null default now())');
			for (const m of listMigrations().filter((m) => m.version <= 3)) {
				await c.run(m.text);
				await c.run('insert into schema_migrations (version, name) values ($v, $n)', { v: m.version, n: m.name });
			}
			await c.run("insert into import_runs (id, trigger, started_at, status) values (1, 'cli', now(), 'interrupted')");
			await c.run(
				"insert into import_files (id, run_id, dataset, file_name, sha256, size_bytes, status, started_at) values (1, 1, 'customers', 'old.csv', 'abc', 10, 'loaded', now())"
			);
		});
		const version = await migrate(db, { backupDir: path.join(dir, 'backups') });
		expect(version).toBeGreaterThanOrEqual(15);
		const [backup] = listBackups(path.join(dir, 'backups'));
		expect(backup!.manifest).toMatchObject({ reason: 'pre-migration-v3', schemaVersion: 3 });
		expect(backup!.manifest.tables.import_files).toBe(1);
		// 015: the old record is pending, to be settled by the next run or start.
		const [row] = (await db.withConnection(async (c) => (await c.runAndReadAll('select source_path, move_pending from import_files')).getRowObjectsJson())) as {
			source_path: string;
			move_pending: boolean;
		}[];
		expect(row).toEqual({ source_path: 'customers/old.csv', move_pending: true });

		// A database with nothing to migrate gets no new backup.
		closeDatabase();
		db = await openDatabase(dbPath);
		await migrate(db, { backupDir: path.join(dir, 'backups') });
		expect(listBackups(path.join(dir, 'backups'))).toHaveLength(1);
		closeDatabase();
		fs.rmSync(dir, { recursive: true, force: true });
		t = await tempDb();
	});
});

describe('npm run backup / npm run restore without a server', () => {
	it('writes a backup and restores the latest one', { timeout: 180_000 }, async () => {
		t.drop('calls', 'a.csv', calls(0, 12));
		await runIngest(t.db, t.config, 'manual');
		closeDatabase();
		const cli = (...args: string[]) =>
			spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'jobs/cli.ts', ...args], {
				env: { ...process.env, CARE_DATA_DIR: t.dir },
				encoding: 'utf8',
				timeout: 120_000
			});
		const b = cli('backup');
		expect(b.status, b.stderr).toBe(0);
		expect(b.stdout).toMatch(/backup written: .*backups\/\d{8}T\d{6}Z-manual/);
		expect(b.stdout).toMatch(/schema v\d+, \d+ tables, [\d,]+ rows/);

		// Lose data, then restore.
		let db = await openDatabase(t.config.dbPath);
		await db.withConnection((c) => c.run('delete from calls'));
		closeDatabase();
		const r = cli('restore', 'latest');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/restored .*-manual \([\d,]+ rows; schema now v\d+\)/);
		db = await openDatabase(t.config.dbPath);
		const [n] = await db.withConnection(async (c) => (await c.runAndReadAll('select cast(count(*) as integer) as n from calls')).getRowObjectsJson());
		expect(n!.n).toBe(12);
		t.db = db;
	});
});
