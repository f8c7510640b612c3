/**
 * Benchmark: `npm run bench [-- --rows 1000000] [--runs 40] [--db DIR] [--startup]`
 *
 * 1. ingest: synthetic files in the product's layout (N calls, 1% of them bad, N tickets and
 *    N survey answers of 3,000 customers over two years) into a fresh database: wall time, rows
 *    per second, peak memory (max RSS of this process);
 * 2. pages: every page's server data path (the domain calls of its load: overview, surveys,
 *    calls, a ticket) and the KPI API (/api/kpi/nps, csat, calls, /api/overview) over the
 *    rollups, for the default 30 days and for a year: p50 and p95 of repeated runs;
 * 3. --startup: `npm start` on an empty data folder with no build: seconds until the demo
 *    dataset is loaded and the overview answers (the 60-second target of the README).
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
import { dataExtent } from '../src/lib/server/filters';
import { callsJson, csatJson, npsJson } from '../src/lib/server/kpi/api';
import { listAnswers, UNRESTRICTED } from '../src/lib/server/kpi/answers';
import { CALL_DIMENSIONS, callReport } from '../src/lib/server/kpi/calls';
import { filterOptions } from '../src/lib/server/kpi/common';
import { EXECUTIVE_DIMENSIONS, executiveOverview } from '../src/lib/server/kpi/executive';
import { csatReport, npsReport, SURVEY_DIMENSIONS, surveyKpis, withSurveyGrain } from '../src/lib/server/kpi/surveys';
import { refreshState } from '../src/lib/server/refresh';
import { loadSettings, seedSettings } from '../src/lib/server/settings';
import { ticketDetail } from '../src/lib/server/tickets/detail';

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
	const run = await runIngest(db, config, 'cli');
	const seconds = (performance.now() - t0) / 1000;
	const total = run.files.reduce((a, f) => a + f.inserted + f.rejected, 0);
	const byName = Object.fromEntries(run.files.map((f) => [f.dataset, f]));
	console.log(
		`ingest: ${total.toLocaleString('en')} rows (${mb(size)} CSV: 3,000 customers and ${rows.toLocaleString('en')} each of calls, tickets, survey answers) in ${seconds.toFixed(1)} s = ${Math.round(total / seconds).toLocaleString('en')} rows/s; ` +
			`calls ${byName.calls!.inserted.toLocaleString('en')} loaded, ${byName.calls!.rejected.toLocaleString('en')} rejected; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`
	);
	const [sizes] = await db.withConnection(async (c) =>
		(
			await c.runAndReadAll(
				'select (select count(*) from rollup_calls_hourly)::int as calls_hourly, (select count(*) from rollup_call_waits)::int as call_waits, (select count(*) from rollup_surveys_daily)::int as surveys_daily, (select count(*) from rollup_tickets_daily)::int as tickets_daily'
			)
		).getRowObjectsJson()
	);
	console.log(`rollup rows: ${JSON.stringify(sizes)}`);
	await benchPages(db);
	closeDatabase();
	if (!kept) fs.rmSync(dir, { recursive: true, force: true });
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
await benchIngest();
if (process.argv.includes('--startup')) await benchStartup();
