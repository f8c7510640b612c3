/**
 * The benchmark at a scale: `npm run bench -- --scale 100k|1m|10m [--keep DIR] [--runs 20]
 * [--no-pg] [--json FILE]`. In one run, on one machine:
 *
 * 1. data: N tickets, N/200 customers, 3N calls, N/5 survey answers in the demo's layout and
 *    shapes (./bench-data.ts), as CSV files in a fresh data folder's inbox;
 * 2. ingest: all of it through the product's own path (runIngest: reading, mapping, checking,
 *    upsert, the first refresh), with the product's default DuckDB memory settings: rows per
 *    second and the process's peak resident memory;
 * 3. the KPI queries of scripts/bench-sql/ on DuckDB (the same SQL PostgreSQL runs below);
 * 4. incremental loads on top: three files of 100 new calls each, and one file of 100 tickets
 *    updated by key on old days, each loaded and refreshed (the refresh's steps timed);
 * 5. pages: the built server (`node build`) on that data folder, signed in with an API token:
 *    every page's server data (GET …/__data.json, exactly what the page's load functions
 *    return) and every KPI endpoint, the first (cold) request and p50/p95 of warm ones, for
 *    the default period and a year; the server's peak resident memory;
 * 6. each route's JavaScript, gzipped, from the build's manifest;
 * 7. PostgreSQL (./bench-pg.ts): the same rows COPYed into a temporary server with indexes,
 *    expression statistics and ANALYZE, the same KPI SQL timed, the figures compared with
 *    DuckDB's; two ratios per KPI: engine to engine (same SQL), and PostgreSQL's query against
 *    our page's actual data path (the KPI endpoint, rollups included).
 *
 * It prints tables (Markdown, for docs/benchmarks.md) and, with --json, writes every figure.
 * Nothing here asserts a duration: test/integration/bench-smoke.test.ts runs it at a tiny
 * scale to check the harness produces its figures.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { addDays } from '../src/lib/calendar';
import { createToken } from '../src/lib/server/auth/tokens';
import { readConfig } from '../src/lib/server/config';
import { closeDatabase, openDatabase, type Database } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { runIngest } from '../src/lib/server/imports/ingest';
import { lastRefreshReport, refreshAll, type RefreshReport } from '../src/lib/server/refresh/index';
import { loadSettings, seedSettings } from '../src/lib/server/settings';
import { countsOf, LAST_DAY, scaleTickets, writeNewCalls, writeScale, writeTicketUpdates, type ScaleCounts } from './bench-data';
import { benchKpis, duckEngine, findPostgres, INSTALL_HINT, loadPostgres, startPostgres, timeQuery, type LoadFigures, type Timing } from './bench-pg';

export interface ScaleOptions {
	scale: string;
	/** Keep the data folder here; a later run on it skips the data and the ingest. */
	keep?: string;
	/** Warm runs per measured query or request. */
	runs: number;
	/** Run the PostgreSQL side (when installed). */
	pg: boolean;
	/** Build the app when build/ is missing (false: skip pages and JavaScript sizes then). */
	build: boolean;
	json?: string;
	/**
	 * Load the files with DuckDB's own CSV reader straight into the tables (recorded as import
	 * files, refreshed as a load is) instead of the product's ingest: for a scale whose ingest
	 * through the product would take hours on the machine at hand. The report says so.
	 */
	direct?: boolean;
	/** Parts to run (default all): kpis, incremental, pages, javascript, pg; the data and ingest run when the folder holds no database. */
	only?: string[];
	log?: (line: string) => void;
}

export interface PageTiming {
	route: string;
	kind: 'page' | 'api';
	status: number;
	first: number;
	p50: number;
	p95: number;
	kb: number;
}

export interface KpiComparison {
	kpi: string;
	period: string;
	duck: Omit<Timing, 'result'>;
	pg: Omit<Timing, 'result'> | null;
	/** Both engines returned the same figures (null: PostgreSQL not run). */
	same: boolean | null;
	/** The first row that differs, DuckDB's then PostgreSQL's, when they differ. */
	difference?: string;
	/** Our page's data path for the same view and period: the KPI endpoint. */
	page: { route: string; p50: number } | null;
	/** PostgreSQL p50 ÷ DuckDB p50, same SQL. */
	engineRatio: number | null;
	/** PostgreSQL p50 ÷ our endpoint's p50. */
	pageRatio: number | null;
}

export interface ScaleReport {
	command: string;
	date: string;
	machine: string;
	loadAverage: { start: number[]; end: number[] };
	duckdb: { memoryLimit: string; tempDirectory: string; version: string };
	scale: { name: string } & ScaleCounts;
	data: { seconds: number; megabytes: number } | null;
	ingest: { method: 'product' | 'direct'; seconds: number; rows: number; rowsPerSecond: number; peakRssMb: number; refresh: RefreshReport | null } | null;
	incremental: { label: string; rows: number; ms: number; figuresMs: number | null; refreshMs: number | null; steps: Record<string, number>; rollupMs: Record<string, number>; days: number | null; all: boolean | null }[];
	pages: PageTiming[] | { skipped: string };
	serverPeakRssMb: number | null;
	javascript: { route: string; kb: number; withChartsKb: number }[] | { skipped: string };
	kpis: KpiComparison[];
	postgres: { version: string; load: LoadFigures } | { skipped: string };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const round1 = (n: number) => Math.round(n * 10) / 10;

function percentiles(times: number[]): { p50: number; p95: number } {
	const s = [...times].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
	return { p50: at(0.5), p95: at(0.95) };
}

/** The periods measured: the pages' default (the last 30 days with data) and a year. */
const PERIODS = [
	{ name: '30 days', from: addDays(LAST_DAY, -29), to: LAST_DAY },
	{ name: '365 days', from: addDays(LAST_DAY, -364), to: LAST_DAY }
];

/** Our KPI endpoint showing what each benchmark query computes. */
const KPI_ROUTES: Record<string, (from: string, to: string) => string> = {
	nps_by_month: (from, to) => `/api/kpi/nps?from=${from}&to=${to}&grain=month`,
	csat_by_month: (from, to) => `/api/kpi/csat?from=${from}&to=${to}&grain=month`,
	sla_by_priority: (from, to) => `/api/kpi/sla?from=${from}&to=${to}`,
	calls_weekday_hour: (from, to) => `/api/kpi/calls?from=${from}&to=${to}`,
	// The churn risk list: every customer's silence against its own rhythm, with the other signals.
	customer_silence: () => `/api/customers/risk?limit=1000`
};

/** Every page of the menu and the detail pages, and every read-only API endpoint. */
function routes(year: { from: string; to: string }): { route: string; kind: 'page' | 'api' }[] {
	const y = `from=${year.from}&to=${year.to}`;
	const pages = [
		'/', `/?${y}`, '/surveys', `/surveys?${y}`, '/calls', `/calls?${y}`, '/sla', `/sla?${y}`, '/sla/at-risk', '/peaks', `/peaks?${y}`, '/staffing',
		'/follow-ups', '/follow-ups/hold-out', '/at-risk', '/at-risk/track-record', '/customers', '/customers/C000001', '/tickets/T1', '/annotations',
		'/data', '/data/files/1', '/settings/sla', '/admin/users', '/admin/tokens', '/admin/audit', '/account'
	];
	const apis = [
		'/api/overview', `/api/overview?${y}`, '/api/kpi/nps', '/api/kpi/csat', '/api/kpi/calls', '/api/kpi/sla', '/api/sla/at-risk', '/api/customers/risk', '/api/followups', '/api/mappings', '/api/health'
	];
	return [...pages.map((route) => ({ route, kind: 'page' as const })), ...apis.map((route) => ({ route, kind: 'api' as const }))];
}

/** The URL of a page's server data (what its load functions return), or the endpoint itself. */
function dataUrl(base: string, r: { route: string; kind: 'page' | 'api' }): string {
	if (r.kind === 'api') return base + r.route;
	const [p, q] = r.route.split('?');
	return `${base}${p === '/' ? '' : p}/__data.json${q ? `?${q}` : ''}`;
}

async function timedFetch(url: string, token: string): Promise<{ ms: number; status: number; bytes: number }> {
	const t0 = performance.now();
	const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
	const body = await res.arrayBuffer();
	return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
}

function vmHwmMb(pid: number): number | null {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : null;
	} catch {
		return null;
	}
}

/**
 * Build the app being measured: always, unless --no-build (then the existing build/ is used as
 * it is). A build left from an earlier checkout would measure old code (it did once: a 1M run
 * served a build five commits old).
 */
function ensureBuild(root: string, build: boolean, log: (l: string) => void): string | null {
	const exists = fs.existsSync(path.join(root, 'build', 'index.js'));
	if (!build) return exists ? null : 'no build/ (run `npm run build` first, or leave out --no-build)';
	log('building the app (vite build)…');
	const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	return r.status === 0 ? null : 'the build failed';
}

async function startServer(root: string, dataDir: string): Promise<{ child: ChildProcess; base: string }> {
	const port = 4300 + Math.floor(Math.random() * 500);
	const child = spawn(process.execPath, ['build'], {
		cwd: root,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CARE_DATA_DIR: dataDir, CARE_SCHEDULER: 'off', CARE_DEMO: 'off', CARE_LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	const t0 = performance.now();
	while (performance.now() - t0 < 600_000) {
		if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
		const ok = await fetch(`${base}/api/health`).then((r) => r.status < 500).catch(() => false);
		if (ok) return { child, base };
		await new Promise((r) => setTimeout(r, 300));
	}
	child.kill('SIGTERM');
	throw new Error('the server did not answer within 10 minutes');
}

async function stopServer(child: ChildProcess) {
	if (child.exitCode !== null) return;
	const done = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await Promise.race([done, new Promise((r) => setTimeout(r, 20_000))]);
	if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Each page route's JavaScript, gzipped, from the build's Vite manifest and SvelteKit's server
 * manifest (which says which nodes, layouts and page, a route is made of): `initial` is what a
 * first visit loads (the client entry, start and app, the route's nodes and every chunk they
 * import statically); `withCharts` adds the chunks its nodes may import on demand (ECharts and
 * the chart kinds, the calendar panel), an upper bound of what the page can load.
 */
export function routeJavaScript(root: string): { route: string; kb: number; withChartsKb: number }[] | { skipped: string } {
	const client = path.join(root, '.svelte-kit', 'output', 'client');
	const manifestFile = path.join(client, '.vite', 'manifest.json');
	const serverManifest = path.join(root, '.svelte-kit', 'output', 'server', 'manifest.js');
	if (!fs.existsSync(manifestFile) || !fs.existsSync(serverManifest)) return { skipped: 'no build output (.svelte-kit/output)' };
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;
	const gz = new Map<string, number>();
	const size = (file: string) => {
		let n = gz.get(file);
		if (n === undefined) gz.set(file, (n = zlib.gzipSync(fs.readFileSync(path.join(client, file)), { level: 9 }).length));
		return n;
	};
	const closure = (key: string, into: Set<string>, dynamic: boolean) => {
		const entry = manifest[key];
		if (!entry || into.has(entry.file)) return;
		into.add(entry.file);
		for (const i of entry.imports ?? []) closure(i, into, dynamic);
		// Another route's node is not this route's code (the app entry imports every node on demand).
		if (dynamic) for (const i of entry.dynamicImports ?? []) if (!i.includes('/nodes/')) closure(i, into, dynamic);
	};
	const nodeKey = (n: number) => Object.keys(manifest).find((k) => k.endsWith(`/nodes/${n}.js`));
	const entries = Object.keys(manifest).filter((k) => k.endsWith('client-optimized/app.js') || k.endsWith('runtime/client/entry.js'));
	const kb = (files: Set<string>) => round1([...files].reduce((a, f) => a + size(f), 0) / 1024);
	const out: { route: string; kb: number; withChartsKb: number }[] = [];
	// One route per object of the routes list: its id, then (lines later) its page's nodes, or page: null.
	for (const m of fs.readFileSync(serverManifest, 'utf8').matchAll(/id: "([^"]+)",\s*pattern: [^\n]*\n\s*params: [^\n]*\n\s*page: (null|\{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \})/g)) {
		if (m[2] === 'null') continue;
		const nodes = [...m[3]!.split(',').filter((x) => x.trim() !== '').map(Number), Number(m[4])];
		const initial = new Set<string>();
		const all = new Set<string>();
		for (const e of entries) {
			closure(e, initial, false);
			closure(e, all, false);
		}
		for (const n of nodes) {
			const key = nodeKey(n);
			if (!key) continue;
			closure(key, initial, false);
			closure(key, all, true);
		}
		out.push({ route: m[1]!, kb: kb(initial), withChartsKb: kb(all) });
	}
	return out.length ? out.sort((a, b) => a.route.localeCompare(b.route)) : { skipped: 'no page routes found in the server manifest' };
}

/**
 * The --direct load: each CSV file read by DuckDB's CSV reader into its table (the files are
 * the product's own layout, with offsets on every time), recorded as an import file so the
 * refresh takes it in like any load, then moved to processed/ like the ingest does. Bench
 * fixture SQL: the paths are the benchmark's own folders.
 */
async function directLoad(db: Database, inbox: string, dataDir: string): Promise<number> {
	let rows = 0;
	await db.withConnection(async (conn) => {
		const [{ id: runId }] = (await conn.runAndReadAll(`insert into import_runs (id, trigger, started_at, status) values (cast(nextval('import_run_id_seq') as integer), 'cli', now(), 'ok') returning id`)).getRowObjectsJson() as [{ id: number }];
		for (const dataset of ['customers', 'tickets', 'calls', 'survey_answers']) {
			const file = path.join(inbox, dataset, `bench-${dataset}.csv`);
			const stored = path.join('processed', dataset, `bench-${dataset}.csv`);
			const [{ id }] = (await conn.runAndReadAll(`select cast(nextval('import_file_id_seq') as integer) as id`)).getRowObjectsJson() as [{ id: number }];
			const quoted = `'${file.replace(/'/g, "''")}'`;
			await conn.run('begin transaction');
			const r = await conn.runAndReadAll(`insert into ${dataset} by name select *, ${id} as source_file_id from read_csv(${quoted}, header = true, all_varchar = true)`);
			const n = Number(r.getRowObjectsJson()[0]?.Count ?? 0);
			await conn.run(
				`insert into import_files (id, run_id, dataset, file_name, stored_path, sha256, size_bytes, format, status, rows_read, rows_inserted, started_at, finished_at)
				 values (${id}, ${runId}, '${dataset}', 'bench-${dataset}.csv', '${stored}', 'direct-${id}', ${fs.statSync(file).size}, 'csv', 'loaded', ${n}, ${n}, now(), now())`
			);
			await conn.run('commit');
			fs.mkdirSync(path.join(dataDir, 'processed', dataset), { recursive: true });
			fs.renameSync(file, path.join(dataDir, stored));
			rows += n;
		}
	});
	return rows;
}

async function duckVersion(db: Database): Promise<string> {
	const [row] = await db.withConnection(async (c) => (await c.runAndReadAll('select version() as v')).getRowObjectsJson());
	return String(row?.v ?? '?');
}

/** Where the scale's four CSV files went after the ingest (processed/…). */
async function loadedFiles(db: Database, dataDir: string): Promise<Record<'customers' | 'tickets' | 'calls' | 'survey_answers', string>> {
	const rows = await db.withConnection(async (c) =>
		(await c.runAndReadAll(`select dataset, stored_path from import_files where file_name like 'bench-%' and status = 'loaded' order by id`)).getRowObjectsJson()
	);
	const out: Record<string, string> = {};
	for (const r of rows) out[String(r.dataset)] = path.join(dataDir, String(r.stored_path));
	for (const d of ['customers', 'tickets', 'calls', 'survey_answers']) if (!out[d]) throw new Error(`the ${d} file of the benchmark was not loaded`);
	return out as Record<'customers' | 'tickets' | 'calls' | 'survey_answers', string>;
}

export const PARTS = ['kpis', 'incremental', 'pages', 'javascript', 'pg'] as const;

export async function benchScale(o: ScaleOptions): Promise<ScaleReport> {
	const log = o.log ?? ((l: string) => console.log(l));
	const part = (name: (typeof PARTS)[number]) => !o.only || o.only.includes(name);
	const root = process.cwd();
	const tickets = scaleTickets(o.scale);
	const counts = countsOf(tickets);
	const dir = o.keep ? path.resolve(o.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'care-bench-scale-'));
	fs.mkdirSync(dir, { recursive: true });
	const config = readConfig({ ...process.env, CARE_DATA_DIR: dir }, dir);
	const report: ScaleReport = {
		command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
		date: new Date().toISOString(),
		machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}`,
		loadAverage: { start: os.loadavg().map(round1), end: [] },
		duckdb: { memoryLimit: config.duckdbMemoryLimit, tempDirectory: config.duckdbTempDir, version: '' },
		scale: { name: o.scale, ...counts },
		data: null,
		ingest: null,
		incremental: [],
		pages: { skipped: 'not run' },
		serverPeakRssMb: null,
		javascript: { skipped: 'not run' },
		kpis: [],
		postgres: { skipped: 'not run' }
	};
	log(`scale ${o.scale}: ${counts.tickets.toLocaleString('en')} tickets, ${counts.customers.toLocaleString('en')} customers, ${counts.calls.toLocaleString('en')} calls, ${counts.answers.toLocaleString('en')} survey answers; data folder ${dir}`);
	log(`DuckDB memory_limit ${config.duckdbMemoryLimit}, temp_directory ${config.duckdbTempDir}; load average ${report.loadAverage.start.join(' ')}`);

	const reuse = fs.existsSync(config.dbPath);
	let db = await openDatabase(config.dbPath, { memoryLimit: config.duckdbMemoryLimit, tempDirectory: config.duckdbTempDir });
	report.duckdb.version = await duckVersion(db);
	try {
		// 1-2. data and ingest
		if (!reuse) {
			let t0 = performance.now();
			const written = writeScale(config.inboxDir, tickets);
			report.data = { seconds: round1((performance.now() - t0) / 1000), megabytes: mb(written.bytes) };
			log(`data: ${report.data.megabytes} MB of CSV written in ${report.data.seconds} s`);
			await migrate(db);
			await seedSettings(db, config);
			t0 = performance.now();
			let rows: number;
			let refresh: RefreshReport | null;
			if (o.direct) {
				rows = await directLoad(db, config.inboxDir, dir);
				refresh = await refreshAll(db, await loadSettings(db));
			} else {
				const run = await runIngest(db, config, 'cli');
				if (run.status !== 'ok') throw new Error(`the ingest ended ${run.status}: ${run.error}`);
				rows = run.inserted + run.updated;
				refresh = lastRefreshReport();
			}
			const seconds = (performance.now() - t0) / 1000;
			report.ingest = { method: o.direct ? 'direct' : 'product', seconds: round1(seconds), rows, rowsPerSecond: Math.round(rows / seconds), peakRssMb: mb(process.resourceUsage().maxRSS * 1024), refresh };
			log(`ingest: ${rows.toLocaleString('en')} rows in ${report.ingest.seconds} s = ${report.ingest.rowsPerSecond.toLocaleString('en')} rows/s (refresh included: ${report.ingest.refresh?.ms ?? '?'} ms, its figures committed after ${report.ingest.refresh?.figuresMs ?? '?'} ms, ${JSON.stringify(report.ingest.refresh?.steps)}); peak RSS ${report.ingest.peakRssMb} MB`);
		} else log('data and ingest: skipped (the kept data folder holds a database)');

		// 3. the KPI queries on DuckDB, before anything else is loaded (PostgreSQL gets the same rows)
		const kpis = part('kpis') ? benchKpis() : [];
		const duckTimes = new Map<string, Timing>();
		const conn = await db.connect();
		try {
			const engine = duckEngine(conn);
			for (const period of PERIODS) for (const kpi of kpis) duckTimes.set(`${kpi.name}|${period.name}`, await timeQuery(engine, kpi, [period.from, period.to], o.runs));
		} finally {
			conn.closeSync();
		}
		const runPg = o.pg && part('pg') && kpis.length > 0;
		const pgFiles = runPg ? await loadedFiles(db, dir) : null;

		// 4. incremental loads
		const incremental = async (label: string, write: () => string) => {
			write();
			const t0 = performance.now();
			const run = await runIngest(db, config, 'cli');
			const ms = Math.round(performance.now() - t0);
			// A run that failed (its refresh ran out of memory, say) is reported as such, never with
			// the figures of an earlier refresh.
			if (run.status === 'failed' || !run.refreshed) throw new Error(`incremental load "${label}" ended ${run.status}${run.refreshed ? '' : ' without its refresh'}: ${run.error ?? ''}`);
			const r = lastRefreshReport();
			// Until the refresh's first transaction committed (the dashboard's figures; the churn risk
			// is scored after it): the run's time less what came after that commit.
			const figuresMs = r ? ms - (r.ms - r.figuresMs) : null;
			report.incremental.push({ label, rows: run.inserted + run.updated, ms, figuresMs, refreshMs: r?.ms ?? null, steps: r?.steps ?? {}, rollupMs: r?.rollupMs ?? {}, days: r?.changes?.days.length ?? null, all: r?.changes?.all ?? null });
			log(`incremental: ${label}: ${ms} ms, figures committed after ${figuresMs} ms (refresh ${r?.ms} ms: ${JSON.stringify(r?.steps)}; rollups: ${JSON.stringify(r?.rollupMs)}; ${r?.changes?.all ? `everything (${r.changes.reason})` : `${r?.changes?.days.length} days`})`);
		};
		const stamp = Date.now().toString(36);
		if (part('incremental')) for (let i = 1; i <= 3; i++) await incremental(`100 new calls (${i})`, () => writeNewCalls(config.inboxDir, `new-${stamp}-${i}`, 100, `N${stamp}${i}_`, counts.customers));
		if (part('incremental')) await incremental('100 tickets updated by key, on old days', () => writeTicketUpdates(config.inboxDir, `upd-${stamp}`, 100, tickets, counts.customers, stamp));

		// 5. pages, through the built server (the database is handed over to it)
		const { token } = await createToken(db, { name: `bench-${stamp}`, role: 'admin' }, { actor: 'cli' });
		closeDatabase();
		const buildProblem = part('pages') || part('javascript') ? ensureBuild(root, o.build, log) : null;
		const noBuild = part('pages') ? buildProblem : 'left out (--only)';
		const pageByRoute = new Map<string, number>();
		if (noBuild) {
			report.pages = { skipped: noBuild };
			log(`pages: skipped: ${noBuild}`);
		} else {
			const { child, base } = await startServer(root, dir);
			try {
				const timings: PageTiming[] = [];
				const measure = async (r: { route: string; kind: 'page' | 'api' }) => {
					const url = dataUrl(base, r);
					const first = await timedFetch(url, token);
					const times: number[] = [];
					for (let i = 0; i < o.runs; i++) times.push((await timedFetch(url, token)).ms);
					const p = percentiles(times);
					const t: PageTiming = { route: r.route, kind: r.kind, status: first.status, first: round1(first.ms), p50: round1(p.p50), p95: round1(p.p95), kb: round1(first.bytes / 1024) };
					timings.push(t);
					pageByRoute.set(r.route, t.p50);
					return t;
				};
				for (const r of routes(PERIODS[1]!)) {
					const t = await measure(r);
					log(`  ${r.kind} ${r.route.padEnd(40)} ${String(t.status).padStart(3)}  first ${t.first.toFixed(1).padStart(7)} ms  p50 ${t.p50.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms  ${t.kb} KB`);
				}
				for (const period of PERIODS) for (const kpi of kpis) await measure({ route: KPI_ROUTES[kpi.name]!(period.from, period.to), kind: 'api' });
				report.pages = timings;
				report.serverPeakRssMb = vmHwmMb(child.pid!);
				log(`server peak RSS ${report.serverPeakRssMb} MB`);
			} finally {
				await stopServer(child);
			}
		}

		// 6. JavaScript per route
		report.javascript = part('javascript') ? (buildProblem ? { skipped: buildProblem } : routeJavaScript(root)) : { skipped: 'left out (--only)' };

		// 7. PostgreSQL
		const bin = runPg ? findPostgres() : null;
		const pgTimes = new Map<string, Timing>();
		if (!runPg) report.postgres = { skipped: 'left out (--no-pg or --only)' };
		else if (!bin) {
			report.postgres = { skipped: INSTALL_HINT };
			log(INSTALL_HINT);
		} else {
			log(`PostgreSQL: ${bin}`);
			const server = await startPostgres(bin, { sharedBuffers: config.duckdbMemoryLimit.replace(/iB$/i, 'B') });
			try {
				const load = await loadPostgres(server, pgFiles!);
				const [v] = (await server.client.query('show server_version')).rows as { server_version: string }[];
				report.postgres = { version: v!.server_version, load };
				log(`PostgreSQL ${v!.server_version}: COPY ${round1(load.copySeconds)} s, indexes + statistics + analyze ${round1(load.indexSeconds)} s, ${mb(load.bytes)} MB`);
				for (const period of PERIODS) for (const kpi of kpis) pgTimes.set(`${kpi.name}|${period.name}`, await timeQuery(server.engine, kpi, [period.from, period.to], o.runs));
			} finally {
				await server.stop();
			}
		}
		for (const period of PERIODS) {
			for (const kpi of kpis) {
				const key = `${kpi.name}|${period.name}`;
				const d = duckTimes.get(key)!;
				const p = pgTimes.get(key) ?? null;
				const route = KPI_ROUTES[kpi.name]!(period.from, period.to);
				const page = pageByRoute.has(route) ? { route, p50: pageByRoute.get(route)! } : null;
				const strip = ({ result: _r, ...rest }: Timing) => ({ ...rest, first: round1(rest.first), p50: round1(rest.p50), p95: round1(rest.p95) });
				const differs = p ? d.result.findIndex((row, i) => row !== p.result[i]) : -1;
				const difference = p && (differs >= 0 || d.result.length !== p.result.length) ? `row ${differs}: ${d.result[differs] ?? '(none)'} / ${p.result[differs] ?? '(none)'}` : undefined;
				if (difference) log(`${kpi.name} (${period.name}): the engines differ at ${difference}`);
				report.kpis.push({
					difference,
					kpi: kpi.name,
					period: period.name,
					duck: strip(d),
					pg: p ? strip(p) : null,
					same: p ? JSON.stringify(p.result) === JSON.stringify(d.result) : null,
					page,
					engineRatio: p ? round1(p.p50 / d.p50) : null,
					pageRatio: p && page ? round1(p.p50 / page.p50) : null
				});
			}
		}
	} finally {
		closeDatabase();
		report.loadAverage.end = os.loadavg().map(round1);
		if (!o.keep) fs.rmSync(dir, { recursive: true, force: true });
	}
	printReport(report, log);
	if (o.json) fs.writeFileSync(o.json, JSON.stringify(report, null, '\t'));
	return report;
}

/** The report as Markdown tables (docs/benchmarks.md). */
export function printReport(r: ScaleReport, log: (l: string) => void) {
	log(`\n### Scale ${r.scale.name}: ${r.scale.tickets.toLocaleString('en')} tickets, ${r.scale.customers.toLocaleString('en')} customers, ${r.scale.calls.toLocaleString('en')} calls, ${r.scale.answers.toLocaleString('en')} survey answers\n`);
	log(`${r.date.slice(0, 10)}, ${r.machine}, ${r.duckdb.version}, DuckDB memory_limit ${r.duckdb.memoryLimit}; load average ${r.loadAverage.start.join(' ')} at the start, ${r.loadAverage.end.join(' ')} at the end. \`${r.command}\`\n`);
	log('| measure | result |\n| --- | --- |');
	if (r.data) log(`| data written (CSV) | ${r.data.megabytes.toLocaleString('en')} MB in ${r.data.seconds} s |`);
	if (r.ingest)
		log(
			`| ${r.ingest.method === 'direct' ? "load with DuckDB's CSV reader (--direct, not the product's ingest), refresh included" : 'ingest through the product, refresh included'} | ${r.ingest.rows.toLocaleString('en')} rows in ${r.ingest.seconds} s = **${r.ingest.rowsPerSecond.toLocaleString('en')} rows/s**; the first refresh ${((r.ingest.refresh?.ms ?? 0) / 1000).toFixed(1)} s, its figures committed after ${((r.ingest.refresh?.figuresMs ?? 0) / 1000).toFixed(1)} s (${Object.entries(r.ingest.refresh?.steps ?? {}).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}) |`
		);
	if (r.ingest) log(`| peak RSS of the loading process | ${r.ingest.peakRssMb.toLocaleString('en')} MB |`);
	for (const i of r.incremental) log(`| ${i.label}: load and refresh | figures **${i.figuresMs?.toLocaleString('en') ?? '-'} ms**, churn risk re-scored too **${i.ms.toLocaleString('en')} ms** (refresh ${i.refreshMs ?? '-'} ms: ${Object.entries(i.steps).map(([k, v]) => `${k} ${v}`).join(', ')}; ${i.all ? 'everything rebuilt' : `${i.days} days rebuilt`}) |`);
	if (r.serverPeakRssMb !== null) log(`| peak RSS of the server while serving the pages | ${r.serverPeakRssMb.toLocaleString('en')} MB |`);
	if (Array.isArray(r.pages)) {
		log('\n| page data or endpoint | status | first (cold) | p50 | p95 | size |\n| --- | --- | --- | --- | --- | --- |');
		for (const p of r.pages) log(`| ${p.kind === 'page' ? `${p.route} (page data)` : p.route} | ${p.status} | ${p.first} ms | ${p.p50} ms | ${p.p95} ms | ${p.kb} KB |`);
	} else log(`\npages: ${r.pages.skipped}`);
	if (Array.isArray(r.javascript)) {
		log('\n| page route | JavaScript, gzipped: first visit | … with every chunk it may load on demand (charts) |\n| --- | --- | --- |');
		for (const j of r.javascript) log(`| ${j.route} | ${j.kb} KB | ${j.withChartsKb} KB |`);
	} else log(`\nJavaScript sizes: ${r.javascript.skipped}`);
	log(`\nPostgreSQL: ${'skipped' in r.postgres ? r.postgres.skipped : `${r.postgres.version}, COPY ${round1(r.postgres.load.copySeconds)} s, indexes, statistics and ANALYZE ${round1(r.postgres.load.indexSeconds)} s, ${mb(r.postgres.load.bytes).toLocaleString('en')} MB`}\n`);
	log('| KPI query | period | DuckDB p50 (first) | PostgreSQL p50 (first) | same figures | PG ÷ DuckDB, same SQL | our endpoint p50 | PG ÷ our page |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const k of r.kpis) {
		log(
			`| ${k.kpi} | ${k.period} | ${k.duck.p50} ms (${k.duck.first}) | ${k.pg ? `${k.pg.p50} ms (${k.pg.first})` : '-'} | ${k.same === null ? '-' : k.same ? 'yes' : '**no**'} | ${k.engineRatio ?? '-'}× | ${k.page ? `${k.page.p50} ms` : '-'} | ${k.pageRatio ?? '-'}× |`
		);
	}
}
