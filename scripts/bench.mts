/**
 * Benchmark: `npm run bench [-- --rows 1000000] [--runs 40] [--db DIR] [--startup] [--load] [--only-load] [--no-sla] [--sla-only] [--no-churn] [--churn-only] [--ingest-only]`
 *
 * 1. ingest: synthetic files in the product's layout (N calls, 1% of them bad, N tickets and
 *    N survey answers of 3,000 customers over two years) into a fresh database: wall time, rows
 *    per second, peak memory (max RSS of this process), CPU time of the process (steadier than
 *    wall time on a shared machine); --ingest-only stops there;
 * 2. pages: every page's server data path (the domain calls of its load: overview, surveys,
 *    calls, a ticket) and the KPI API (/api/kpi/nps, csat, calls, /api/overview) over the
 *    rollups, for the default 30 days and for a year: p50 and p95 of repeated runs;
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
 *    ingest (scripts/bench-load.ts); --only-load skips the others.
 * 7. sla (skip with --no-sla; only it: --sla-only): N synthetic tickets over two years (a third
 *    with a waiting-for-customer pause, 2% still open) loaded into a fresh database; the full SLA
 *    refresh (business calendar + clocks of every ticket); then a 100-ticket file loaded and
 *    refreshed with the N tickets already there (target: under 2 s), and the SLA page's queries.
 * 4 is skipped with --no-churn and runs alone with --churn-only.
 * With --db DIR the data folder is kept in DIR, and a later run with the same DIR skips the
 * ingest and measures the pages again. Figures are recorded in docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../src/lib/calendar';
import { parseFilters } from '../src/lib/filters';
import { runIngest } from '../src/lib/server/imports/ingest';
import { readConfig } from '../src/lib/server/config';
import { closeDatabase, openDatabase, type Database } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { getPeakDetail } from '../src/lib/server/peaks/detail';
import { getPeaksPage, listPeaks } from '../src/lib/server/peaks/peaks';
import { refreshPeaks } from '../src/lib/server/peaks/refresh';
import { refreshAll, STEPS } from '../src/lib/server/refresh/index';
import { loadSettings, saveSetting, seedSettings } from '../src/lib/server/settings';
import { slaCompliance, atRiskList } from '../src/lib/server/sla/compliance';
import { dataExtent } from '../src/lib/server/filters';
import { callsJson, csatJson, npsJson } from '../src/lib/server/kpi/api';
import { listAnswers, UNRESTRICTED } from '../src/lib/server/kpi/answers';
import { CALL_DIMENSIONS, callReport } from '../src/lib/server/kpi/calls';
import { filterOptions } from '../src/lib/server/kpi/common';
import { EXECUTIVE_DIMENSIONS, executiveOverview } from '../src/lib/server/kpi/executive';
import { csatReport, npsReport, SURVEY_DIMENSIONS, surveyKpis, withSurveyGrain } from '../src/lib/server/kpi/surveys';
import { refreshState } from '../src/lib/server/refresh';
import { ticketDetail } from '../src/lib/server/tickets/detail';
import { buildChurnInputs, computeRiskDay, refreshChurn } from '../src/lib/server/churn/refresh';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('rows', '1000000'));
const runs = Number(arg('runs', '40'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const START = Date.UTC(2024, 10, 23, 4, 30) / 1000;
const SPAN = 2 * 365 * 86400;
const LAST_DAY = '2026-11-22';

/** Write a CSV of n rows, a megabyte at a time. */
function writeCsv(file: string, header: string, n: number, row: (i: number, iso: string) => string) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const out = fs.openSync(file, 'w');
	let buf = header + '\n';
	for (let i = 0; i < n; i++) {
		const iso = new Date((START + Math.floor((i / n) * SPAN)) * 1000).toISOString().slice(0, 19) + 'Z';
		buf += row(i, iso) + '\n';
		if (buf.length > 1 << 20) {
			fs.writeSync(out, buf);
			buf = '';
		}
	}
	fs.writeSync(out, buf);
	fs.closeSync(out);
	return fs.statSync(file).size;
}

const SEGMENTS = ['government', 'bank', 'enterprise', 'small_business', 'other'];
const CHANNELS = ['phone', 'email', 'portal', 'in_app', 'bot', 'social', 'app_store', 'letter'];
const CATEGORIES = ['bug', 'feature_request', 'how_to', 'user_error', 'customisation'];
const PRIORITIES = ['critical', 'high', 'normal', 'low'];
const TEAMS = ['support', 'technical', 'care'];
const OCCASIONS = ['happy_call', 'periodic', 'post_ticket', 'other'];

function writeFiles(inbox: string): number {
	let size = 0;
	size += writeCsv(path.join(inbox, 'customers', 'bench.csv'), 'id,name,segment', 3000, (i) => `C${i},Customer ${i},${SEGMENTS[i % 5]}`);
	size += writeCsv(
		path.join(inbox, 'calls', 'bench.csv'),
		'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id',
		rows,
		(i, iso) => {
			const answered = i % 13 !== 0;
			const bad = i % 100 === 99;
			const direction = i % 10 === 0 ? 'outbound' : 'inbound';
			return `B${i},C${i % 3000},${direction},${i % 4 ? 'support' : 'technical'},${bad ? 'yesterday' : iso},${answered ? iso : ''},${iso},${i % 240},${answered ? 60 + (i % 600) : 0},${answered ? 'answered' : 'abandoned'},agent${i % 12},${i % 5 < 2},`;
		}
	);
	size += writeCsv(path.join(inbox, 'tickets', 'bench.csv'), 'id,customer_id,channel,category,priority,team,status,created_at', rows, (i, iso) => {
		return `T${i},C${(i * 7) % 3000},${CHANNELS[i % 8]},${CATEGORIES[i % 5]},${PRIORITIES[i % 4]},${TEAMS[i % 3]},resolved,${iso}`;
	});
	size += writeCsv(path.join(inbox, 'survey_answers', 'bench.csv'), 'id,customer_id,ticket_id,kind,occasion,score,comment,answered_at,channel', rows, (i, iso) => {
		const nps = i % 3 !== 0;
		const score = nps ? (i * 7) % 11 : 1 + ((i * 3) % 5);
		return `S${i},C${(i * 11) % 3000},${i % 2 ? `T${i}` : ''},${nps ? 'nps' : 'csat'},${OCCASIONS[i % 4]},${score},${i % 10 === 0 ? 'slow answer' : ''},${iso},${i % 2 ? 'email' : 'phone'}`;
	});
	return size;
}

function percentile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function time(label: string, fn: () => Promise<unknown>) {
	await fn(); // warm-up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	console.log(`  ${label.padEnd(44)} p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 0.95).toFixed(1).padStart(6)} ms`);
	return percentile(times, 0.5);
}

async function benchPages(db: Database) {
	const settings = await loadSettings(db);
	const kpi = settings.kpi;
	const weekStart = settings.unit.weekStart;
	const extent = await dataExtent(db);
	for (const [name, days] of [
		['30 days (the default)', 30],
		['a year', 365]
	] as const) {
		const query = new URLSearchParams({ from: addDays(LAST_DAY, -(days - 1)), to: LAST_DAY });
		const at = (accept: readonly Parameters<typeof parseFilters>[1]['accept'][number][]) =>
			parseFilters(query, { today: LAST_DAY, extent, accept }).filters;
		console.log(`pages and API over ${name}, ${rows.toLocaleString('en')} calls, tickets and survey answers each:`);
		// Each page's load: its filters (data extent), its domain calls, the filter lists.
		await time('/ (executive overview)', async () => {
			await dataExtent(db);
			await Promise.all([executiveOverview(db, at(EXECUTIVE_DIMENSIONS), kpi, weekStart), filterOptions(db), refreshState(db)]);
		});
		await time('/surveys (KPIs, breakdowns, answers page 1)', async () => {
			await dataExtent(db);
			const f = withSurveyGrain(at(SURVEY_DIMENSIONS));
			await Promise.all([
				surveyKpis(db, f, kpi),
				listAnswers(db, f, { kind: null, band: null, customer: null, q: null, sort: 'answered_at', dir: 'desc', page: 1 }, UNRESTRICTED),
				filterOptions(db)
			]);
		});
		await time('/surveys?q=slow&band=detractor (search)', async () => {
			const f = withSurveyGrain(at(SURVEY_DIMENSIONS));
			await listAnswers(db, f, { kind: null, band: 'detractor', customer: null, q: 'slow', sort: 'score', dir: 'asc', page: 3 }, UNRESTRICTED);
		});
		await time('/calls', async () => {
			await dataExtent(db);
			await Promise.all([callReport(db, at(CALL_DIMENSIONS), kpi, weekStart), filterOptions(db)]);
		});
		await time('/api/overview', async () => {
			await dataExtent(db);
			JSON.stringify(await executiveOverview(db, at(EXECUTIVE_DIMENSIONS), kpi, weekStart));
		});
		await time('/api/kpi/nps', async () => {
			await dataExtent(db);
			const f = withSurveyGrain(at(SURVEY_DIMENSIONS));
			JSON.stringify(npsJson(f, await npsReport(db, f, kpi)));
		});
		await time('/api/kpi/csat', async () => {
			await dataExtent(db);
			const f = withSurveyGrain(at(SURVEY_DIMENSIONS));
			JSON.stringify(csatJson(f, await csatReport(db, f, kpi)));
		});
		await time('/api/kpi/calls', async () => {
			await dataExtent(db);
			const f = at(CALL_DIMENSIONS);
			JSON.stringify(callsJson(f, await callReport(db, f, kpi, weekStart)));
		});
	}
	await time('/tickets/[id]', () => ticketDetail(db, 'T123457', UNRESTRICTED));
}

async function benchIngest() {
	const kept = process.argv.includes('--db') ? path.resolve(arg('db', '')) : null;
	const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'care-bench-'));
	const config = readConfig({ CARE_DATA_DIR: dir }, dir);
	if (kept && fs.existsSync(config.dbPath)) {
		const db = await openDatabase(config.dbPath, { memoryLimit: process.env.CARE_DUCKDB_MEMORY_LIMIT });
		console.log(`pages only, on the data kept in ${dir}`);
		await benchPages(db);
		closeDatabase();
		return;
	}
	const size = writeFiles(config.inboxDir);
	const db = await openDatabase(config.dbPath, { memoryLimit: process.env.CARE_DUCKDB_MEMORY_LIMIT });
	await migrate(db);
	await seedSettings(db);
	const t0 = performance.now();
	const cpu0 = process.cpuUsage();
	const run = await runIngest(db, config, 'cli');
	const seconds = (performance.now() - t0) / 1000;
	// CPU time of the process (every DuckDB thread included): steadier than wall time on a shared machine.
	const cpu = process.cpuUsage(cpu0);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const total = run.files.reduce((a, f) => a + f.inserted + f.rejected, 0);
	const byName = Object.fromEntries(run.files.map((f) => [f.dataset, f]));
	console.log(
		`ingest: ${total.toLocaleString('en')} rows (${mb(size)} CSV: 3,000 customers and ${rows.toLocaleString('en')} each of calls, tickets, survey answers) in ${seconds.toFixed(1)} s = ${Math.round(total / seconds).toLocaleString('en')} rows/s; ` +
			`calls ${byName.calls!.inserted.toLocaleString('en')} loaded, ${byName.calls!.rejected.toLocaleString('en')} rejected; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; CPU ${cpuSeconds.toFixed(1)} s`
	);
	console.log(`ingest per file: ${run.files.map((f) => `${f.dataset} ${f.inserted + f.rejected} rows`).join(', ')}`);
	if (process.argv.includes('--ingest-only')) {
		closeDatabase();
		if (!kept) fs.rmSync(dir, { recursive: true, force: true });
		return;
	}
	const [sizes] = await db.withConnection(async (c) =>
		(
			await c.runAndReadAll(
				'select (select count(*) from rollup_calls_hourly)::int as calls_hourly, (select count(*) from rollup_call_waits)::int as call_waits, (select count(*) from rollup_surveys_daily)::int as surveys_daily, (select count(*) from rollup_tickets_daily)::int as tickets_daily'
			)
		).getRowObjectsJson()
	);
	console.log(`rollup rows: ${JSON.stringify(sizes)}`);
	await benchPages(db);
	await benchPeaks(db);
	closeDatabase();
	if (!kept) fs.rmSync(dir, { recursive: true, force: true });
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

/** Synthetic tickets in the product's layout, Tehran office hours, over two years before 2026-11-22. */
function writeTickets(dir: string, n: number, prefix: string, startMs: number, spanMs: number) {
	fs.mkdirSync(path.join(dir, 'tickets'), { recursive: true });
	fs.mkdirSync(path.join(dir, 'ticket_status_changes'), { recursive: true });
	const t = fs.openSync(path.join(dir, 'tickets', `${prefix}.csv`), 'w');
	const c = fs.openSync(path.join(dir, 'ticket_status_changes', `${prefix}.csv`), 'w');
	let tb = 'id,customer_id,priority,team,channel,status,created_at,first_response_at,resolved_at\n';
	let cb = 'ticket_id,changed_at,status\n';
	const pri = ['critical', 'high', 'normal', 'normal', 'normal', 'low'];
	const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';
	for (let i = 0; i < n; i++) {
		const created = startMs + Math.floor((i / n) * spanMs) + ((i * 7919) % 28_800) * 1000;
		const open = i % 50 === 0;
		const fr = created + (5 + (i % 300)) * 60_000;
		const res = fr + (30 + ((i * 31) % 6000)) * 60_000;
		tb += `${prefix}${i},C${i % 3000},${pri[i % pri.length]},${i % 3 ? 'support' : 'technical'},${i % 4 ? 'phone' : 'email'},${open ? 'open' : 'resolved'},${iso(created)},${iso(fr)},${open ? '' : iso(res)}\n`;
		if (i % 3 === 0) cb += `${prefix}${i},${iso(fr + 600_000)},waiting_customer\n${prefix}${i},${iso(fr + 600_000 + (i % 2000) * 60_000)},open\n`;
		if (tb.length > 1 << 20) {
			fs.writeSync(t, tb);
			tb = '';
		}
		if (cb.length > 1 << 20) {
			fs.writeSync(c, cb);
			cb = '';
		}
	}
	fs.writeSync(t, tb);
	fs.writeSync(c, cb);
	fs.closeSync(t);
	fs.closeSync(c);
}

async function benchSla() {
	const n = Number(arg('tickets', '1000000'));
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-bench-sla-'));
	const config = readConfig({ CARE_DATA_DIR: dir }, dir);
	const end = Date.UTC(2026, 10, 22, 4, 30);
	writeTickets(config.inboxDir, n, 'B', end - 2 * 365 * 86_400_000, 2 * 365 * 86_400_000);
	const db = await openDatabase(config.dbPath, { memoryLimit: process.env.CARE_DUCKDB_MEMORY_LIMIT });
	await migrate(db);
	await seedSettings(db);
	let t0 = performance.now();
	const run = await runIngest(db, config, 'cli');
	console.log(`sla: ${n.toLocaleString('en')} tickets + ${run.inserted - n} status changes loaded and refreshed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	const settings = await loadSettings(db);
	// A full recompute: the clock rules changed (at-risk share), so every ticket is recomputed.
	const steps = new Map<string, number>();
	for (const step of STEPS) {
		const run0 = step.run;
		step.run = async (ctx) => {
			const s0 = performance.now();
			await run0(ctx);
			steps.set(step.name, performance.now() - s0);
		};
	}
	settings.sla = { ...settings.sla, atRiskShare: 0.75 };
	await saveSetting(db, 'sla', settings.sla);
	t0 = performance.now();
	await refreshAll(db, settings);
	const full = (performance.now() - t0) / 1000;
	console.log(`sla: full refresh with ${n.toLocaleString('en')} tickets: ${full.toFixed(2)} s (${[...steps].map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')})`);
	// A 100-ticket file on top of the N tickets: load + the whole refresh (incremental SLA step).
	writeTickets(config.inboxDir, 100, 'N', end - 86_400_000, 86_400_000);
	t0 = performance.now();
	const small = await runIngest(db, config, 'cli');
	const smallSeconds = (performance.now() - t0) / 1000;
	console.log(`sla: a 100-ticket file (${small.inserted} rows) loaded and refreshed with ${n.toLocaleString('en')} tickets loaded: ${smallSeconds.toFixed(2)} s (target 2 s; ${[...steps].map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')})`);
	const times: number[] = [];
	for (let i = 0; i < 10; i++) {
		const q0 = performance.now();
		await slaCompliance(db, { range: { from: '2024-11-23', to: '2026-11-22' }, grain: 'month', dims: {} });
		await atRiskList(db, { dims: {} });
		times.push(performance.now() - q0);
	}
	times.sort((a, b) => a - b);
	console.log(`sla: SLA page queries (2 years, ${n.toLocaleString('en')} tickets) + at-risk list: median ${times[5]!.toFixed(0)} ms`);
	closeDatabase();
	fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${mb(os.totalmem())} RAM, node ${process.version}; DuckDB memory_limit ${process.env.CARE_DUCKDB_MEMORY_LIMIT ?? 'default (80% of RAM)'}`);
console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const has = (flag: string) => process.argv.includes(flag);
const only = has('--only-load') ? 'load' : has('--sla-only') ? 'sla' : has('--churn-only') ? 'churn' : null;
if (!only) await benchIngest();
if ((!only || only === 'churn') && !has('--no-churn')) await benchChurn();
if ((!only || only === 'sla') && !has('--no-sla')) await benchSla();
if (process.argv.includes('--startup')) await benchStartup();
if (process.argv.includes('--load') || process.argv.includes('--only-load')) await (await import('./bench-load')).benchLoad();
