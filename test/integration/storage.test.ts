/**
 * A full disk or a read-only data folder: loading pauses with a clear reason (run record,
 * Data page, log), nothing is half-written, the files wait in the inbox, reads keep being
 * served, and loading resumes once there is room again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/lib/i18n/translate';
import { closeDatabase, openDatabase } from '../../src/lib/server/db/database';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { getDataStatus } from '../../src/lib/server/imports/status';
import type { Runtime } from '../../src/lib/server/runtime';
import { clearStorageProblem, storageState, StorageError } from '../../src/lib/server/storage';
import { tempDb, type TempDb } from '../helpers/temp-db';
import { fillDisk, mountTmpfs, type Tmpfs } from '../helpers/tmpfs';

const CUSTOMERS = (n: number, prefix = 'C') => ['id,name,segment', ...Array.from({ length: n }, (_, i) => `${prefix}${i},Customer number ${i} ${'x'.repeat(40)},enterprise`)].join('\n') + '\n';

let t: TempDb | null = null;
let disk: Tmpfs | null = null;
const savedMinFree = process.env.CARE_MIN_FREE_MB;
beforeEach(() => clearStorageProblem());
afterEach(() => {
	t?.close();
	t = null;
	disk?.unmount();
	disk = null;
	if (savedMinFree === undefined) delete process.env.CARE_MIN_FREE_MB;
	else process.env.CARE_MIN_FREE_MB = savedMinFree;
	clearStorageProblem();
});

const count = async (table: string) => Number((await t!.rows<{ n: number }>(`select cast(count(*) as integer) as n from ${table}`))[0]!.n);
const status = () => getDataStatus({ db: t!.db, config: t!.config, scheduler: null } as unknown as Runtime);

describe('too little free space (injected)', () => {
	it('pauses loading before writing anything and resumes when there is room', async () => {
		t = await tempDb();
		t.drop('customers', 'a.csv', CUSTOMERS(3));
		process.env.CARE_MIN_FREE_MB = String(1024 * 1024 * 1024); // asks for a petabyte free
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.status).toBe('failed');
		expect(run.files).toEqual([]);
		expect(run.problems[0]!.key).toBe('problem.diskLow');
		expect(run.error).toMatch(/^only [\d,]+ MB free on the disk holding .*: loading is paused and nothing was written/);
		// The file waits in the inbox, nothing is recorded as failed, the Data page says why.
		expect(fs.existsSync(path.join(t.config.inboxDir, 'customers', 'a.csv'))).toBe(true);
		expect(await count('import_files')).toBe(0);
		expect((await status()).storage?.problem.key).toBe('problem.diskLow');
		expect((await status()).waiting).toHaveLength(1);

		delete process.env.CARE_MIN_FREE_MB;
		const next = await runIngest(t.db, t.config, 'manual');
		expect(next.status).toBe('ok');
		expect(await count('customers')).toBe(3);
		expect(storageState()).toBeNull();
	});
});

describe('a disk that fills up during a load (tmpfs)', () => {
	it('rolls the file back, keeps it in the inbox, keeps serving reads, and loads it once there is room', { timeout: 120_000 }, async () => {
		disk = mountTmpfs(48);
		if (!disk) return;
		t = await tempDb({ CARE_DATA_DIR: path.join(disk.dir, 'data') });
		process.env.CARE_MIN_FREE_MB = '0';
		t.drop('customers', 'first.csv', CUSTOMERS(5, 'A'));
		await runIngest(t.db, t.config, 'manual');
		expect(await count('customers')).toBe(5);

		t.drop('customers', 'big.csv', CUSTOMERS(60_000, 'B'));
		let ballast = '';
		// The disk fills up while the file is being loaded, inside its transaction.
		const run = await runIngest(t.db, t.config, 'manual', { afterStage: () => void (ballast = fillDisk(disk!.dir, 64)) });
		expect(run.status).toBe('failed');
		expect(run.problems[0]!.key).toBe('problem.diskFull');
		expect(inEnglish(run.problems[0]!)).toContain('loading is paused and nothing was half-written');
		expect(fs.existsSync(path.join(t.config.inboxDir, 'customers', 'big.csv'))).toBe(true);
		expect(fs.existsSync(t.config.failedDir)).toBe(false);

		// Reads go on: the first file's rows, none of the second's.
		expect(await count('customers')).toBe(5);
		expect((await status()).storage?.problem.key).toBe('problem.diskFull');
		// Even when DuckDB stops the database (a checkpoint on a full disk), it is reopened and reads go on.
		const checkpoint = await t.db.withConnection((c) => c.run('checkpoint')).then(
			() => 'done',
			(e: Error) => e.message
		);
		expect(checkpoint).toContain('No space left on device');
		expect(Number((await t.db.query<{ customers: number }>('db/data_counts'))[0]!.customers)).toBe(5);

		fs.rmSync(ballast);
		const next = await runIngest(t.db, t.config, 'manual');
		expect(next.status).toBe('ok');
		expect(next.files.map((f) => [f.fileName, f.inserted])).toEqual([['big.csv', 60_000]]);
		expect(await count('customers')).toBe(60_005);
		expect(storageState()).toBeNull();
	});
});

describe('a read-only data folder (tmpfs mounted read-only)', () => {
	it('opens the database read-only, serves reads, and refuses to load with the reason', { timeout: 120_000 }, async () => {
		disk = mountTmpfs(32);
		if (!disk) return;
		t = await tempDb({ CARE_DATA_DIR: path.join(disk.dir, 'data') });
		process.env.CARE_MIN_FREE_MB = '0';
		t.drop('customers', 'a.csv', CUSTOMERS(4));
		await runIngest(t.db, t.config, 'manual');
		t.drop('customers', 'b.csv', CUSTOMERS(2, 'B'));
		closeDatabase();
		disk.remount('ro');

		const db = await openDatabase(t.config.dbPath, { readOnlyFallback: true });
		expect(db.readOnly).toBe(true);
		const [counts] = await db.query<{ customers: number }>('db/data_counts');
		expect(counts!.customers).toBe(4);
		const failure = await runIngest(db, t.config, 'manual').catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageError);
		expect((failure as StorageError).problem.key).toBe('problem.dataReadOnly');
		expect((failure as StorageError).message).toContain('is read-only: loading is paused and nothing was written');
		expect(storageState()?.problem.key).toBe('problem.dataReadOnly');
		expect(fs.existsSync(path.join(t.config.inboxDir, 'customers', 'b.csv'))).toBe(true);
		closeDatabase();
		disk.remount('rw');
		t = { ...t, close: () => fs.rmSync(t!.dir, { recursive: true, force: true }) };
	});
});
