/**
 * Benchmark: `npm run bench [-- --rows 1000000] [--startup] [--load] [--only-load] [--churn-only]`
 *
 * 1. ingest: a synthetic calls file of N rows in the product's layout (1% of them bad) into
 *    a fresh database: wall time, rows per second, peak memory (max RSS of this process);
 * 2. overview: the overview's queries over the rollups for two years (median of 20);
 * 3. peaks: the peaks refresh step (baselines and episodes) from scratch and after a load that
 *    touched only the last day, and the Peaks page's data (getPeaksPage: heatmaps, daily and
 *    hourly bands, peaks with attribution, annotations) for 30 days and a year (median of 20;
 *    target ≤ 30 ms), and one peak's detail;
 * 4. churn: the churn risk refresh at the 1M scale: a fresh database with 3,000 customers,
 *    1,000,000 tickets (2,000,000 status changes), 1,000,000 calls, 200,000 survey answers and a
 *    year of daily product activity (1,095,000 rows), made with SQL; then the churn refresh step's
 *    parts: the derived inputs, one day's risk for every customer, the first run with the
 *    reconstructed history (27 days), and the whole refresh (rollups + churn) of an ordinary day;
 * 5. --startup: `npm start` on an empty data folder with no build: seconds until the demo
 *    dataset is loaded and the overview answers (the 60-second target of the README).
 * 6. --load: dashboard requests under 50 and 100 concurrent clients, idle and during an
 *    ingest (scripts/bench-load.ts); --only-load skips 1 to 4; --churn-only runs only 4.
 * Figures are recorded in docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runIngest } from '../src/lib/server/imports/ingest';
import { readConfig } from '../src/lib/server/config';
import { closeDatabase, openDatabase } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { getOverview } from '../src/lib/server/overview/overview';
import { getPeakDetail } from '../src/lib/server/peaks/detail';
import { getPeaksPage, listPeaks } from '../src/lib/server/peaks/peaks';
import { refreshPeaks } from '../src/lib/server/peaks/refresh';
import { STEPS } from '../src/lib/server/refresh/index';
import { loadSettings, seedSettings } from '../src/lib/server/settings';
import type { Database } from '../src/lib/server/db/database';
import { buildChurnInputs, computeRiskDay, refreshChurn } from '../src/lib/server/churn/refresh';
import { refreshAll } from '../src/lib/server/refresh/index';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('rows', '1000000'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function writeCalls(file: string, n: number) {
	const out = fs.openSync(file, 'w');
	let buf = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id\n';
	const start = Date.UTC(2024, 10, 23, 4, 30) / 1000;
	for (let i = 0; i < n; i++) {
		const t = start + Math.floor((i / n) * 2 * 365 * 86400);
		const iso = new Date(t * 1000).toISOString().slice(0, 19) + 'Z';
		const answered = i % 13 !== 0;
		const bad = i % 100 === 99;
		buf += `B${i},C${i % 3000},inbound,${i % 4 ? 'support' : 'technical'},${bad ? 'yesterday' : iso},${answered ? iso : ''},${iso},${i % 240},${answered ? 60 + (i % 600) : 0},${answered ? 'answered' : 'abandoned'},agent${i % 12},${i % 5 < 2},\n`;
		if (buf.length > 1 << 20) {
			fs.writeSync(out, buf);
			buf = '';
		}
	}
	fs.writeSync(out, buf);
	fs.closeSync(out);
}

async function benchIngest() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-bench-'));
	const config = readConfig({ CARE_DATA_DIR: dir }, dir);
	fs.mkdirSync(path.join(config.inboxDir, 'calls'), { recursive: true });
	const file = path.join(config.inboxDir, 'calls', 'bench.csv');
	writeCalls(file, rows);
	const size = fs.statSync(file).size;
	const db = await openDatabase(config.dbPath, { memoryLimit: process.env.CARE_DUCKDB_MEMORY_LIMIT });
	await migrate(db);
	await seedSettings(db);
	const t0 = performance.now();
	const run = await runIngest(db, config, 'cli');
	const seconds = (performance.now() - t0) / 1000;
	const f = run.files[0]!;
	console.log(`ingest: ${rows.toLocaleString('en')} rows (${mb(size)} CSV) in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s; ` +
		`${f.inserted.toLocaleString('en')} loaded, ${f.rejected.toLocaleString('en')} rejected; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);

	const times: number[] = [];
	for (let i = 0; i < 20; i++) {
		const q0 = performance.now();
		await getOverview(db, { from: '2024-11-23', to: '2026-11-22' }, 6);
		times.push(performance.now() - q0);
	}
	times.sort((a, b) => a - b);
	console.log(`overview (2 years, ${rows.toLocaleString('en')} calls): median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`);
	await benchPeaks(db);
	closeDatabase();
	fs.rmSync(dir, { recursive: true, force: true });
}

async function median20(fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
	await fn(); // warm
	const times: number[] = [];
	for (let i = 0; i < 20; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return { median: times[10]!, max: times[19]! };
}

async function benchPeaks(db: Database) {
	const settings = await loadSettings(db);
	const now = new Date('2026-11-22T12:00:00Z');
	// The peaks step on its own, after the rollups it reads: from scratch, then after a load that
	// changed the last day only (each in a transaction rolled back, so both start from the same state).
	const step = async (prepare: string | null) => {
		let ms = 0;
		await db
			.transaction(async (conn) => {
				for (const s of STEPS.filter((x) => x.name === 'calendar' || x.name === 'rollups')) await s.run({ conn, settings, now });
				if (prepare) await conn.run(prepare);
				const t0 = performance.now();
				const r = await refreshPeaks({ conn, settings, now });
				ms = performance.now() - t0;
				if (prepare !== null) console.log(`  (${r.full ? 'full' : `from ${r.from}`})`);
				throw new Error('rollback');
			})
			.catch((e) => {
				if ((e as Error).message !== 'rollback') throw e;
			});
		return ms;
	};
	const full = await step('delete from peaks_state');
	const incremental = await step(`update peaks_hourly set actual = actual + 1 where day = (select max(day) from peaks_hourly) and hour = 10 and metric = 'calls'`);
	console.log(`peaks refresh step: ${full.toFixed(0)} ms from scratch, ${incremental.toFixed(0)} ms when a load changed only the last day`);
	const [last] = await db.query<{ last_day: string }>('peaks/extent');
	const to = last!.last_day;
	const day = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);
	const locale = { timeZone: settings.unit.timeZone, weekStart: settings.unit.weekStart };
	for (const days of [30, 365]) {
		const range = { from: day(to, -(days - 1)), to };
		const r = await median20(() => getPeaksPage(db, settings, locale, range, { metric: 'calls', peakKey: null, viewer: null }));
		console.log(`peaks page data (${days} days, ${rows.toLocaleString('en')} calls): median ${r.median.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (target: 30 ms)`);
	}
	const [peak] = await listPeaks(db, settings, { limit: 1 });
	if (peak) {
		const r = await median20(() => getPeakDetail(db, settings, locale, peak.key, null));
		console.log(`one peak's detail (${peak.key}): median ${r.median.toFixed(1)} ms`);
	} else console.log(`one peak's detail: not measured (the synthetic calls are spread evenly, so they hold no peak)`);
}

/** The churn bench's data, made by DuckDB (bench fixture, not product SQL): spread over two years up to 2026-11-22. */
const CHURN_FIXTURE = [
	`insert into customers (id, name, segment, contract_start, renewal_date, owner, contact_name)
	 select 'C' || i, 'Customer ' || i, ['government', 'bank', 'enterprise', 'small_business'][1 + i % 4],
		date '2019-01-01' + cast(i % 1500 as integer), date '2026-11-23' + cast(i % 365 as integer), 'Agent ' || (i % 5), 'Person ' || i
	 from range(3000) t(i)`,
	// Tickets: customers drawn with a skew (i² mod 3000), 6% feature requests (a fifth never answered), resolved hours to weeks later.
	`insert into tickets (id, customer_id, channel, category, priority, status, created_at, first_response_at, resolved_at, closed_at)
	 select 'T' || i, 'C' || ((i * i + 7 * i) % 3000), 'email',
		case when i % 50 < 3 then 'feature_request' when i % 7 = 0 then 'bug' else 'how_to' end, 'normal',
		case when i % 50 = 0 then 'on_hold' else 'closed' end,
		timestamptz '2024-11-23 05:00:00+00' + to_seconds(cast(i * 63.072 as bigint)),
		timestamptz '2024-11-23 06:00:00+00' + to_seconds(cast(i * 63.072 as bigint)),
		case when i % 50 = 0 then null else timestamptz '2024-11-23 05:00:00+00' + to_seconds(cast(i * 63.072 as bigint) + 3600 * (1 + i % 400)) end,
		null
	 from range(1000000) t(i)`,
	`insert into ticket_status_changes (ticket_id, changed_at, status)
	 select id, created_at, 'new' from tickets
	 union all select id, resolved_at, 'resolved' from tickets where resolved_at is not null`,
	`insert into calls (id, customer_id, direction, started_at, outcome, opened_case)
	 select 'K' || i, 'C' || ((i * 31 + i * i) % 3000), 'inbound', timestamptz '2024-11-23 05:30:00+00' + to_seconds(cast(i * 63.072 as bigint)),
		case when i % 13 = 0 then 'abandoned' else 'answered' end, i % 2 = 0
	 from range(1000000) t(i)`,
	`insert into survey_answers (id, customer_id, kind, occasion, score, answered_at)
	 select 'S' || i, 'C' || (i % 3000), case when i % 2 = 0 then 'nps' else 'csat' end, 'post_ticket',
		case when i % 2 = 0 then i % 11 else 1 + i % 5 end, timestamptz '2024-11-23 08:00:00+00' + to_seconds(cast(i * 315.36 as bigint))
	 from range(200000) t(i)`,
	`insert into product_activity (customer_id, day, kind, count)
	 select 'C' || c, date '2026-11-22' - cast(d as integer), 'active_users', 50 + (c * 7 + d) % 40
	 from range(3000) a(c), range(365) b(d)`
];

async function benchChurn() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-bench-churn-'));
	const config = readConfig({ CARE_DATA_DIR: dir }, dir);
	const db = await openDatabase(config.dbPath, { memoryLimit: process.env.CARE_DUCKDB_MEMORY_LIMIT });
	await migrate(db);
	await seedSettings(db);
	const settings = await loadSettings(db);
	const t0 = performance.now();
	await db.withConnection(async (conn) => {
		for (const statement of CHURN_FIXTURE) await conn.run(statement);
	});
	console.log(`churn fixture: 3,000 customers, 1,000,000 tickets, 2M status changes, 1,000,000 calls, 200,000 answers, 1,095,000 activity rows made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	const now = new Date('2026-11-22T12:00:00Z');
	const time = async (label: string, fn: () => Promise<unknown>) => {
		const s = performance.now();
		await fn();
		const seconds = (performance.now() - s) / 1000;
		console.log(`churn: ${label}: ${seconds.toFixed(2)} s`);
		return seconds;
	};
	await db.transaction(async (conn) => {
		await time('derived inputs (contact days, reopens, contact changes)', () => buildChurnInputs(conn, settings.unit.timeZone, now));
		const days: number[] = [];
		for (let i = 0; i < 5; i++) days.push(await time(`one day's risk for all 3,000 customers (run ${i + 1})`, () => computeRiskDay(conn, '2026-11-22', settings.unit.timeZone, settings.churn, false)));
		days.sort((a, b) => a - b);
		console.log(`churn: one day's risk, median of 5: ${days[2]!.toFixed(2)} s`);
		await conn.run('delete from churn_risk_history');
		await time('first refresh step (inputs, today, 27 reconstructed days)', () => refreshChurn({ conn, settings, now }));
	});
	await time('whole refresh of an ordinary day (calendar, rollups, churn)', () => refreshAll(db, settings, now));
	console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
	closeDatabase();
	fs.rmSync(dir, { recursive: true, force: true });
}

async function benchStartup() {
	const root = process.cwd();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-start-'));
	fs.rmSync(path.join(root, 'build'), { recursive: true, force: true });
	const port = 4388;
	const t0 = performance.now();
	const child = spawn(process.execPath, ['scripts/start.js'], { env: { ...process.env, CARE_DATA_DIR: dir, PORT: String(port) }, stdio: 'ignore' });
	let state = '';
	while (performance.now() - t0 < 180_000) {
		await new Promise((r) => setTimeout(r, 250));
		const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json()).catch(() => null);
		state = health?.demo?.state ?? '';
		if (state === 'loaded') break;
	}
	const page = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
	const seconds = (performance.now() - t0) / 1000;
	child.kill('SIGTERM');
	console.log(`startup (build + demo load + populated overview): ${seconds.toFixed(1)} s (demo ${state}; page has figures: ${/data-testid="kpi-calls-value">[1-9]/.test(page)})`);
	fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${mb(os.totalmem())} RAM, node ${process.version}; DuckDB memory_limit ${process.env.CARE_DUCKDB_MEMORY_LIMIT ?? 'default (80% of RAM)'}`);
if (!process.argv.includes('--only-load') && !process.argv.includes('--churn-only')) await benchIngest();
if (!process.argv.includes('--only-load')) await benchChurn();
if (process.argv.includes('--startup')) await benchStartup();
if (process.argv.includes('--load') || process.argv.includes('--only-load')) await (await import('./bench-load')).benchLoad();
