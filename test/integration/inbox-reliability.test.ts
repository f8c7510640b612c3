/**
 * The inbox never jams: one file's trouble (a name too long for processed/, a move that
 * fails, a file that vanishes, a pipe, a link, a file too deep) never stops the others, and
 * every file or entry left alone says why.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/lib/i18n/translate';
import { runIngest, settlePendingMoves } from '../../src/lib/server/imports/ingest';
import { listInbox, storedName } from '../../src/lib/server/imports/inbox';
import { getDataStatus } from '../../src/lib/server/imports/status';
import { rollupsStale } from '../../src/lib/server/refresh/index';
import type { Runtime } from '../../src/lib/server/runtime';
import { tempDb, type TempDb } from '../helpers/temp-db';

const CUSTOMERS = (ids: string[]) => ['id,name', ...ids.map((id) => `${id},Customer ${id}`)].join('\n') + '\n';
const CALLS_HEADER = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id';
const call = (id: string) => [id, 'C1', 'inbound', 'support', '2026-11-21 08:10:00', '', '', '30', '120', 'answered', 'Ali', 'true', ''].join(',');

let t: TempDb;
beforeEach(async () => {
	t = await tempDb();
});
afterEach(() => t.close());

const count = async (table: string) => Number((await t.rows<{ n: number }>(`select cast(count(*) as integer) as n from ${table}`))[0]!.n);
const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
/** The Data page's view of the inbox (only rt.db and rt.config are read). */
const dataStatus = () => getDataStatus({ db: t.db, config: t.config, scheduler: null } as unknown as Runtime);

describe('a file name too long for processed/', () => {
	it('loads it, stores it under a shortened name, keeps the original name, and loads the files after it', async () => {
		const long = 'x'.repeat(236) + '.csv'; // 240 characters: fits the inbox, not processed/ with a prefix
		t.drop('customers', long, CUSTOMERS(['C1', 'C2']));
		const persian = 'مشتریان-'.repeat(14) + '.csv'; // 113 characters, 210 bytes of UTF-8
		t.drop('customers', persian, CUSTOMERS(['C3']));
		t.drop('calls', 'calls.csv', [CALLS_HEADER, call('k1')].join('\n'));

		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.status).toBe('ok');
		expect(run.files.map((f) => f.status)).toEqual(['loaded', 'loaded', 'loaded']);
		expect(await count('customers')).toBe(3);
		expect(await count('calls')).toBe(1);
		expect(listInbox(t.config.inboxDir).waiting).toEqual([]);

		const stored = files(path.join(t.config.processedDir, 'customers'));
		expect(stored).toHaveLength(2);
		for (const name of stored) {
			expect(Buffer.byteLength(name)).toBeLessThanOrEqual(140);
			expect(name.endsWith('.csv')).toBe(true);
		}
		const rows = await t.rows<{ file_name: string; stored_path: string; move_pending: boolean }>(
			"select file_name, stored_path, move_pending from import_files where dataset = 'customers' order by id"
		);
		expect(rows.map((r) => r.file_name).sort()).toEqual([long, persian].sort());
		for (const r of rows) {
			expect(r.move_pending).toBe(false);
			expect(fs.existsSync(path.join(t.dir, r.stored_path))).toBe(true);
		}
	});

	it('shortens names by bytes without splitting a character', () => {
		const name = storedName('گزارش'.repeat(40) + '.csv', 12, new Date('2026-11-22T10:00:00Z'));
		expect(name.startsWith('20261122T100000Z-12-گزارش')).toBe(true);
		expect(name.endsWith('~.csv')).toBe(true);
		expect(Buffer.byteLength(name)).toBeLessThanOrEqual(140);
		expect(name).not.toContain('\uFFFD');
		expect(storedName('short.csv', 3, new Date('2026-11-22T10:00:00Z'))).toBe('20261122T100000Z-3-short.csv');
	});
});

describe('a move that fails', () => {
	it('keeps the run going, records the file once, does not load it again, and moves it when it can', async () => {
		// processed/customers is a file, not a folder: every move into it fails (whoever runs the test, root included).
		fs.mkdirSync(t.config.processedDir, { recursive: true });
		fs.writeFileSync(path.join(t.config.processedDir, 'customers'), 'in the way');
		t.drop('customers', 'a.csv', CUSTOMERS(['C1']));
		t.drop('calls', 'calls.csv', [CALLS_HEADER, call('k1')].join('\n'));

		const first = await runIngest(t.db, t.config, 'manual');
		expect(first.files.map((f) => [f.dataset, f.status])).toEqual([
			['customers', 'loaded'],
			['calls', 'loaded']
		]);
		expect(await count('calls')).toBe(1);
		expect(first.problems.map((p) => p.key)).toContain('problem.notMoved');
		expect(first.error).toMatch(/customers\/a\.csv was recorded as import #\d+ but could not be moved out of the inbox/);
		expect(fs.existsSync(path.join(t.config.inboxDir, 'customers', 'a.csv'))).toBe(true);

		// The Data page lists it as stuck, with the reason, not as waiting.
		const status = await dataStatus();
		expect(status.waiting).toEqual([]);
		expect(status.skipped).toMatchObject([{ relative: 'customers/a.csv', kind: 'stuck' }]);
		expect(inEnglish(status.skipped[0]!.problem)).toContain('It will not be loaded again');

		// The next run neither loads it again nor records it again.
		const second = await runIngest(t.db, t.config, 'manual');
		expect(second.filesSeen).toBe(0);
		expect(await count('import_files')).toBe(2);

		// Once the way is clear, the next run moves it.
		fs.unlinkSync(path.join(t.config.processedDir, 'customers'));
		await runIngest(t.db, t.config, 'manual');
		expect(fs.existsSync(path.join(t.config.inboxDir, 'customers', 'a.csv'))).toBe(false);
		const [row] = await t.rows<{ stored_path: string; move_pending: boolean; move_problem: string | null }>(
			"select stored_path, move_pending, cast(move_problem as varchar) as move_problem from import_files where dataset = 'customers'"
		);
		expect(row).toMatchObject({ move_pending: false, move_problem: null });
		expect(fs.readFileSync(path.join(t.dir, row!.stored_path), 'utf8')).toBe(CUSTOMERS(['C1']));
		expect(await count('import_files')).toBe(2);
	});

	it('records a file that vanished before it was read, and goes on', async () => {
		t.drop('customers', 'a.csv', CUSTOMERS(['C1']));
		const doomed = t.drop('customers', 'b.csv', CUSTOMERS(['C2']));
		t.drop('customers', 'c.csv', CUSTOMERS(['C3']));
		// While a.csv loads, someone deletes b.csv.
		const run = await runIngest(t.db, t.config, 'manual', { afterStage: () => fs.rmSync(doomed, { force: true }) });
		expect(run.files.map((f) => f.status)).toEqual(['loaded', 'failed', 'loaded']);
		expect(inEnglish(run.files[1]!.error!)).toBe('the file disappeared from the inbox before it could be read (moved or deleted meanwhile)');
		expect(await count('customers')).toBe(2);
		expect(await count("import_files where move_pending")).toBe(0);
	});
});

describe('entries the inbox leaves alone', () => {
	it('lists a link, a pipe, a file too deep, a loose file and an unknown folder with why, and loads the rest', async () => {
		const inbox = t.config.inboxDir;
		t.drop('customers', 'good.csv', CUSTOMERS(['C1']));
		const outside = path.join(t.dir, 'elsewhere.csv');
		fs.writeFileSync(outside, CUSTOMERS(['C9']));
		fs.symlinkSync(outside, path.join(inbox, 'customers', 'link.csv'));
		const fifo = spawnSync('mkfifo', [path.join(inbox, 'customers', 'pipe.csv')]);
		const haveFifo = fifo.status === 0;
		fs.mkdirSync(path.join(inbox, 'customers', 'native', 'deeper'), { recursive: true });
		fs.writeFileSync(path.join(inbox, 'customers', 'native', 'deeper', 'lost.csv'), CUSTOMERS(['C8']));
		fs.writeFileSync(path.join(inbox, 'loose.csv'), CUSTOMERS(['C7']));
		fs.mkdirSync(path.join(inbox, 'clients'));
		fs.writeFileSync(path.join(inbox, 'clients', 'x.csv'), CUSTOMERS(['C6']));

		const { skipped } = listInbox(inbox);
		const byPath = Object.fromEntries(skipped.map((s) => [s.relative, [s.kind, inEnglish(s.problem)]]));
		expect(byPath['customers/link.csv']).toEqual(['symlink', 'customers/link.csv: a symbolic link; links are not followed. Copy the file itself into the inbox']);
		if (haveFifo) expect(byPath['customers/pipe.csv']![0]).toBe('special');
		expect(byPath['customers/native/deeper']).toEqual([
			'too-deep',
			'customers/native/deeper: too deep in the inbox; files are read only from customers/ and from customers/<layout>/'
		]);
		expect(byPath['loose.csv']![0]).toBe('not-in-dataset');
		expect(byPath['clients']![1]).toContain('clients/: not a dataset folder');

		// The run loads the good file, never opens the pipe, and says what it left alone.
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.files.map((f) => f.fileName)).toEqual(['good.csv']);
		expect(await count('customers')).toBe(1);
		expect(run.error).toContain('customers/link.csv: a symbolic link');
		expect(run.error).toContain('customers/native/deeper: too deep');
		if (haveFifo) expect(run.error).toContain('customers/pipe.csv: not a regular file');
		expect((await dataStatus()).skipped.length).toBe(skipped.length);
	});
});

describe('reasons a user can act on', () => {
	it('refuses JSON nested thousands of levels deep with the depth, not a stack overflow', async () => {
		const deep = '['.repeat(20_000) + ']'.repeat(20_000);
		t.drop('customers', 'deep.json', `[{"id": "C1", "name": ${deep}}]`);
		t.drop('customers', 'ok.json', '[{"id": "C2", "name": "fine"}]');
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.files.map((f) => f.status)).toEqual(['failed', 'loaded']);
		expect(run.files[0]!.error).toEqual({ key: 'problem.jsonTooDeep', params: { max: 64, line: 1 } });
		expect(inEnglish(run.files[0]!.error!)).toBe('JSON nested deeper than 64 levels (line 1): records should be objects a few levels deep; flatten the export');
	});

	it('rejects only the NDJSON lines nested too deep', async () => {
		const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
		t.drop('customers', 'some.ndjson', ['{"id": "C1", "name": "one"}', deep, '{"id": "C3", "name": "three"}'].join('\n') + '\n');
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.files[0]).toMatchObject({ status: 'with_rejects', inserted: 2, rejected: 1 });
		const [reject] = await t.rows<{ line: number; reason_key: string }>('select line, reason_key from import_rejects');
		expect(reject).toEqual({ line: 2, reason_key: 'problem.jsonTooDeep' });
	});
});

describe('after a crash', () => {
	it('counts what an interrupted run committed and finishes the move of a file committed but not moved', async () => {
		// The state a SIGKILL between a file's commit and its move leaves (test/integration/torture.test.ts
		// makes it with real kills): the run "running", the file recorded, pending, still in the inbox.
		t.drop('customers', 'a.csv', CUSTOMERS(['C1', 'C2']));
		let recorded = 0;
		const crash = new Error('simulated crash');
		await runIngest(t.db, t.config, 'manual', {
			beforeMove: (o) => {
				recorded = o.id;
				throw crash;
			}
		});
		// The hook's throw ends the run like any error; make it look cut off, as after a kill.
		await t.rows("update import_runs set status = 'running', files_seen = 0, rows_inserted = 0, finished_at = null");
		expect(fs.existsSync(path.join(t.config.inboxDir, 'customers', 'a.csv'))).toBe(true);

		// What the next start does.
		const { recoverInterruptedRuns } = await import('../../src/lib/server/imports/ingest');
		await recoverInterruptedRuns(t.db);
		await settlePendingMoves(t.db, t.config);
		const [run] = await t.rows<{ status: string; files_seen: number; files_loaded: number; rows_inserted: number }>(
			'select status, files_seen, files_loaded, rows_inserted from import_runs'
		);
		expect(run).toEqual({ status: 'interrupted', files_seen: 1, files_loaded: 1, rows_inserted: 2 });
		const [file] = await t.rows<{ id: number; stored_path: string; move_pending: boolean }>('select id, stored_path, move_pending from import_files');
		expect(file!.id).toBe(recorded);
		expect(file!.move_pending).toBe(false);
		expect(fs.existsSync(path.join(t.dir, file!.stored_path))).toBe(true);
		expect(fs.existsSync(path.join(t.config.inboxDir, 'customers', 'a.csv'))).toBe(false);
		// And the next run does not load it again.
		const next = await runIngest(t.db, t.config, 'manual');
		expect(next.filesSeen).toBe(0);
		expect(await count('import_files')).toBe(1);
	});
});

describe('a run stopped between its last commit and its refresh', () => {
	it('leaves the rollups marked stale, and the next run refreshes them even with nothing new', async () => {
		await runIngest(t.db, t.config, 'manual'); // builds empty rollups
		t.drop('calls', 'calls.csv', [CALLS_HEADER, call('k1'), call('k2')].join('\n'));
		const stopped = await runIngest(t.db, t.config, 'manual', {
			beforeMove: () => {
				throw new Error('stopped here');
			}
		});
		expect(stopped.status).toBe('failed');
		expect(stopped.refreshed).toBe(false);
		expect(await count('calls')).toBe(2);
		const rollup = async () => Number((await t.rows<{ n: number }>('select cast(coalesce(sum(calls), 0) as integer) as n from rollup_calls_hourly'))[0]!.n);
		expect(await rollup()).toBe(0);
		expect(await rollupsStale(t.db)).toBe(true);

		const next = await runIngest(t.db, t.config, 'manual');
		expect(next.files).toEqual([]);
		expect(next.refreshed).toBe(true);
		expect(await rollup()).toBe(2);
		expect(await rollupsStale(t.db)).toBe(false);
	});
});
