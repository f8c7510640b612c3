/**
 * The crash-and-fuzz harness (`npm run torture`; a short run is part of `npm test`).
 *
 * Files arrive in the inbox in batches, good ones (whose final rows are known exactly) and
 * bad ones of many kinds (./files.ts), plus entries the inbox must leave alone (a symbolic
 * link, a pipe, a file too deep, a loose file). Each batch is loaded by an ingest run in a
 * process of its own (./child.ts), which is SIGKILLed: at a chosen point (inside a file's
 * transaction, between its commit and its move, between the move and its record) or from
 * outside at a random moment (mid-parse, mid-refresh, mid-checkpoint…). When the kills are
 * done, clean runs load what is left. Then every guarantee is checked:
 *
 * - rows expected = rows found, value by value (nothing half-loaded, nothing doubled, the
 *   last file's values win), and the rollups agree with the rows;
 * - every file recorded once, with the outcome its kind must get; every failed file has a
 *   reason a user can act on (never "the load failed: <programmer's message>");
 * - files in processed/ and failed/ as expected, none stuck in the inbox, no move pending,
 *   no run left "running", interrupted runs counted from what they committed;
 * - no crash (a child that died other than by our SIGKILL), and the children's peak RSS.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { badFiles, goodFiles, prng, type PlannedFile } from './files';

export interface TortureOptions {
	kills: number;
	bad: number;
	good: number;
	seed: number;
	/** Where to work (a fresh temporary folder by default; removed unless keep). */
	dir?: string;
	keep?: boolean;
	log?: (line: string) => void;
}

export interface TortureReport {
	ok: boolean;
	failures: string[];
	seed: number;
	kills: { total: number; byPoint: Record<string, number> };
	childRuns: number;
	crashes: number;
	rows: { table: string; expected: number; found: number }[];
	files: { generated: number; processed: number; failed: number; stuck: number; skippedEntries: number; recorded: number };
	peakRssMb: number;
	seconds: number;
	dir: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(root, 'scripts', 'torture', 'child.ts');
const KILL_POINTS = ['after-stage', 'before-move', 'after-move', 'outside'] as const;

interface ChildResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	peakKb: number;
	ms: number;
}

function vmHwmKb(pid: number): number {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
}

function runChild(dataDir: string, env: Record<string, string>, killAfterMs: number | null): Promise<ChildResult> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
			cwd: root,
			env: { ...process.env, CARE_DATA_DIR: dataDir, CARE_DEMO: 'off', CARE_LOG_LEVEL: 'warn', CARE_MIN_FREE_MB: '0', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		let peakKb = 0;
		child.stdout.on('data', (b) => (stdout += b));
		child.stderr.on('data', (b) => (stderr += b));
		const poll = setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid!))), 50);
		const started = Date.now();
		const killer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		child.on('exit', (code, signal) => {
			clearInterval(poll);
			if (killer) clearTimeout(killer);
			resolve({ code, signal, stdout, stderr, peakKb, ms: Date.now() - started });
		});
	});
}

/** Put a file into the inbox the way a careful sender does: write under .part, rename. */
function drop(inbox: string, f: PlannedFile) {
	const dir = path.join(inbox, f.dataset);
	fs.mkdirSync(dir, { recursive: true });
	const part = path.join(dir, `.${f.name.slice(0, 40)}.part`);
	fs.writeFileSync(part, f.content);
	fs.renameSync(part, path.join(dir, f.name));
}

function countFiles(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	let n = 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
	return n;
}

async function readDb(dbPath: string) {
	const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
	const conn = await instance.connect();
	const rows = async <T,>(sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[];
	try {
		return {
			customers: await rows<{ id: string; name: string; is_stub: boolean }>('select id, name, is_stub from customers'),
			calls: await rows<{ id: string; customer_id: string; wait_seconds: number }>('select id, customer_id, wait_seconds from calls'),
			files: await rows<{
				id: number;
				run_id: number;
				dataset: string;
				file_name: string;
				source_path: string | null;
				status: string;
				rows_inserted: number;
				rows_rejected: number;
				error_problem: string | null;
				move_pending: boolean | null;
				stored_path: string | null;
			}>(
				'select id, run_id, dataset, file_name, source_path, status, rows_inserted, rows_rejected, cast(error_problem as varchar) as error_problem, move_pending, stored_path from import_files order by id'
			),
			runs: await rows<{ id: number; status: string; files_seen: number }>('select id, status, files_seen from import_runs'),
			perRun: await rows<{ run_id: number; n: number }>('select run_id, cast(count(*) as integer) as n from import_files group by run_id'),
			rollupCalls: Number((await rows<{ n: number }>('select cast(coalesce(sum(calls), 0) as integer) as n from rollup_calls_hourly'))[0]!.n)
		};
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

export async function runTorture(options: TortureOptions): Promise<TortureReport> {
	const t0 = Date.now();
	const log = options.log ?? (() => {});
	const rnd = prng(options.seed);
	const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'care-torture-'));
	const inbox = path.join(dir, 'inbox');
	fs.mkdirSync(inbox, { recursive: true });
	let n = 0;
	const seq = () => String(++n).padStart(4, '0');
	const good = goodFiles(options.good, rnd, seq);
	const bad = badFiles(options.bad, rnd, seq);
	// Arrival order: good and bad mixed, by their sequence numbers.
	const all = [...good, ...bad].sort((a, b) => a.name.localeCompare(b.name));
	const failures: string[] = [];

	// Entries the inbox must leave alone, present from the start.
	fs.mkdirSync(path.join(inbox, 'customers', 'native', 'deeper'), { recursive: true });
	fs.writeFileSync(path.join(inbox, 'customers', 'native', 'deeper', 'too-deep.csv'), 'id,name\nX-deep,a\n');
	fs.writeFileSync(path.join(dir, 'outside.csv'), 'id,name\nX-link,a\n');
	fs.symlinkSync(path.join(dir, 'outside.csv'), path.join(inbox, 'customers', 'link.csv'));
	fs.writeFileSync(path.join(inbox, 'loose.csv'), 'id,name\nX-loose,a\n');
	fs.mkdirSync(path.join(inbox, 'calls'), { recursive: true });
	const fifo = spawnSync('mkfifo', [path.join(inbox, 'calls', 'pipe.csv')]);

	const skippedEntries = fifo.status === 0 ? 4 : 3;

	const kills: Record<string, number> = Object.fromEntries(KILL_POINTS.map((p) => [p, 0]));
	let killsDone = 0;
	let childRuns = 0;
	let crashes = 0;
	let peakKb = 0;
	const batches = Math.max(1, options.kills);
	const perBatch = Math.ceil(all.length / batches);
	let next = 0;
	const record = (r: ChildResult, what: string) => {
		childRuns++;
		peakKb = Math.max(peakKb, r.peakKb);
		if (r.signal === 'SIGKILL') {
			killsDone++;
			kills[what]!++;
		} else if (r.code !== 0 || r.signal) {
			crashes++;
			failures.push(`crash: a child (${what}) exited with ${r.signal ?? `code ${r.code}`}: ${r.stderr.slice(-2000)}`);
		}
	};

	for (let k = 0; k < options.kills; k++) {
		for (const f of all.slice(next, next + perBatch)) drop(inbox, f);
		next += perBatch;
		const where = KILL_POINTS[k % KILL_POINTS.length]!;
		let r: ChildResult;
		if (where === 'outside') {
			// A kill from outside at a random moment. On a fast machine the child may finish
			// first; then the next try aims inside the time the last one took, so the kill
			// lands (machine speed decides when, never whether).
			let delay = 300 + Math.floor(rnd() * 2500);
			for (let attempt = 0; ; attempt++) {
				r = await runChild(dir, {}, delay);
				if (r.signal === 'SIGKILL' || attempt >= 5) break;
				record(r, 'clean');
				delay = Math.max(20, Math.floor(rnd() * r.ms * 0.8));
			}
		} else {
			r = await runChild(dir, { TORTURE_KILL_AT: where, TORTURE_KILL_ON: String(1 + Math.floor(rnd() * 3)) }, null);
		}
		record(r, where);
		log(`round ${k + 1}/${options.kills}: kill ${where} → ${r.signal ?? `exit ${r.code}`}`);
	}
	for (const f of all.slice(next)) drop(inbox, f);
	// Clean runs until a run finds nothing more to load.
	for (let i = 0; i < 6; i++) {
		const r = await runChild(dir, {}, null);
		record(r, 'clean');
		const out = r.stdout.trim().split('\n').pop() ?? '';
		log(`clean run ${i + 1}: ${out.slice(0, 200)}`);
		if (r.code === 0 && /"files":0/.test(out)) break;
	}

	// What must be there.
	const db = await readDb(path.join(dir, 'care.duckdb'));
	const expectedCustomers = new Map<string, { name: string; stub: boolean }>();
	const expectedCalls = new Map<string, string>();
	const referenced = new Set<string>();
	for (const f of all) {
		if (f.kind !== 'good') {
			for (const c of f.customers ?? []) referenced.add(c);
			continue;
		}
		if (f.dataset === 'customers') for (const r of f.rows!) expectedCustomers.set(r.id, { name: r.value, stub: false });
		else {
			for (const r of f.rows!) expectedCalls.set(r.id, r.value);
			for (const c of f.customers!) referenced.add(c);
		}
	}
	for (const c of referenced) if (!expectedCustomers.has(c)) expectedCustomers.set(c, { name: c, stub: true });

	const foundCustomers = db.customers.filter((c) => !c.id.startsWith('X'));
	const foundCalls = db.calls.filter((c) => !c.id.startsWith('X'));
	for (const c of foundCustomers) {
		const want = expectedCustomers.get(c.id);
		if (!want) failures.push(`customer ${c.id} found but not expected`);
		else if (want.name !== c.name || want.stub !== c.is_stub) failures.push(`customer ${c.id}: expected ${JSON.stringify(want)}, found ${JSON.stringify({ name: c.name, stub: c.is_stub })}`);
	}
	for (const c of foundCalls) {
		const want = expectedCalls.get(c.id);
		if (!want) failures.push(`call ${c.id} found but not expected`);
		else if (want !== `${c.customer_id}|${c.wait_seconds}`) failures.push(`call ${c.id}: expected ${want}, found ${c.customer_id}|${c.wait_seconds}`);
	}
	if (foundCustomers.length !== expectedCustomers.size) failures.push(`customers: expected ${expectedCustomers.size}, found ${foundCustomers.length}`);
	if (foundCalls.length !== expectedCalls.size) failures.push(`calls: expected ${expectedCalls.size}, found ${foundCalls.length}`);
	if (db.rollupCalls !== db.calls.length) failures.push(`rollups count ${db.rollupCalls} calls, the table holds ${db.calls.length}`);

	// Every generated file recorded exactly once, with the outcome its kind must get.
	const byName = new Map<string, typeof db.files>();
	for (const f of db.files) byName.set(f.file_name, [...(byName.get(f.file_name) ?? []), f]);
	let xInserted = 0;
	for (const f of all) {
		const recs = byName.get(f.name) ?? [];
		if (recs.length !== 1) {
			failures.push(`${f.dataset}/${f.name} (${f.kind}): recorded ${recs.length} times`);
			continue;
		}
		const rec = recs[0]!;
		if (f.kind !== 'good') xInserted += rec.rows_inserted;
		if (!f.expect.statuses.includes(rec.status)) failures.push(`${f.name} (${f.kind}): status ${rec.status}, expected ${f.expect.statuses.join(' or ')}`);
		const key = rec.error_problem ? (JSON.parse(rec.error_problem) as { key: string }).key : null;
		if (rec.status === 'failed' && (key === null || key === 'problem.loadUndone')) failures.push(`${f.name} (${f.kind}): failed without a reason a user can act on (${rec.error_problem})`);
		if (f.expect.key && key !== f.expect.key) failures.push(`${f.name} (${f.kind}): reason ${key}, expected ${f.expect.key}`);
		if (f.expect.inserted !== undefined && rec.rows_inserted !== f.expect.inserted) failures.push(`${f.name} (${f.kind}): ${rec.rows_inserted} rows loaded, expected ${f.expect.inserted}`);
		if (f.expect.rejected !== undefined && rec.rows_rejected !== f.expect.rejected) failures.push(`${f.name} (${f.kind}): ${rec.rows_rejected} rows rejected, expected ${f.expect.rejected}`);
		if (rec.move_pending) failures.push(`${f.name}: still waiting to be moved out of the inbox`);
		if (!rec.stored_path || !fs.existsSync(path.join(dir, rec.stored_path))) failures.push(`${f.name}: not at its stored path ${rec.stored_path}`);
	}
	const xFound = db.customers.filter((c) => c.id.startsWith('X')).length + db.calls.filter((c) => c.id.startsWith('X')).length;
	if (xFound !== xInserted) failures.push(`rows of bad files: the records say ${xInserted} loaded, the tables hold ${xFound}`);

	// Runs: none left running; an interrupted run counts what it committed.
	const perRun = new Map(db.perRun.map((r) => [r.run_id, r.n]));
	for (const r of db.runs) {
		if (r.status === 'running') failures.push(`run ${r.id} still "running"`);
		if (r.files_seen !== (perRun.get(r.id) ?? 0)) failures.push(`run ${r.id} (${r.status}) says ${r.files_seen} files, ${perRun.get(r.id) ?? 0} recorded`);
	}

	// The folders.
	const processed = countFiles(path.join(dir, 'processed'));
	const failedCount = countFiles(path.join(dir, 'failed'));
	const expectedFailed = db.files.filter((f) => f.status === 'failed').length;
	if (failedCount !== expectedFailed) failures.push(`failed/ holds ${failedCount} files, ${expectedFailed} failed`);
	if (processed + failedCount !== all.length) failures.push(`processed/ + failed/ hold ${processed + failedCount} files, ${all.length} were generated`);
	const left = fs
		.readdirSync(inbox, { recursive: true, withFileTypes: true })
		.filter((e) => !e.isDirectory())
		.map((e) => path.relative(inbox, path.join(e.parentPath, e.name)));
	const stuck = left.filter((p) => !['customers/native/deeper/too-deep.csv', 'customers/link.csv', 'loose.csv', 'calls/pipe.csv'].includes(p));
	for (const s of stuck) failures.push(`stuck in the inbox: ${s}`);
	if (left.length - stuck.length !== skippedEntries) failures.push(`the entries to leave alone: ${left.length - stuck.length} of ${skippedEntries} still there`);
	if (killsDone < options.kills) failures.push(`only ${killsDone} of ${options.kills} kills happened (a child finished before its kill point)`);

	const report: TortureReport = {
		ok: failures.length === 0,
		failures,
		seed: options.seed,
		kills: { total: killsDone, byPoint: kills },
		childRuns,
		crashes,
		rows: [
			{ table: 'customers (good files, stubs)', expected: expectedCustomers.size, found: foundCustomers.length },
			{ table: 'calls (good files)', expected: expectedCalls.size, found: foundCalls.length },
			{ table: 'of bad files (X ids)', expected: xInserted, found: xFound }
		],
		files: { generated: all.length, processed, failed: failedCount, stuck: stuck.length, skippedEntries: left.length - stuck.length, recorded: db.files.length },
		peakRssMb: Math.round(peakKb / 1024),
		seconds: Math.round((Date.now() - t0) / 1000),
		dir
	};
	if (!options.keep && !options.dir) fs.rmSync(dir, { recursive: true, force: true });
	return report;
}

export function formatReport(r: TortureReport): string {
	const lines = [
		`torture (seed ${r.seed}): ${r.ok ? 'PASSED' : 'FAILED'} in ${r.seconds} s`,
		`  kills: ${r.kills.total} (${Object.entries(r.kills.byPoint).map(([k, v]) => `${k} ${v}`).join(', ')}); child runs: ${r.childRuns}; crashes: ${r.crashes}`,
		...r.rows.map((x) => `  rows ${x.table}: expected ${x.expected}, found ${x.found}`),
		`  files: ${r.files.generated} generated, ${r.files.recorded} recorded; ${r.files.processed} in processed/, ${r.files.failed} in failed/, ${r.files.stuck} stuck; ${r.files.skippedEntries} entries left alone as they must be`,
		`  peak RSS of an ingest process: ${r.peakRssMb} MB`,
		...r.failures.slice(0, 40).map((f) => `  ✗ ${f}`)
	];
	if (r.failures.length > 40) lines.push(`  … and ${r.failures.length - 40} more`);
	return lines.join('\n');
}
