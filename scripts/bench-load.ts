/**
 * Load benchmark (`npm run bench -- --load`): how many dashboard requests the server answers
 * with 50 and 100 concurrent clients, idle and while an ingest runs, with autocannon against
 * 127.0.0.1 only, each measurement bounded in time.
 *
 * It starts the built server (`node build`, built first when missing) on an empty temporary
 * data folder, waits for the demo dataset, then measures:
 *   - /favicon.svg at 100 clients: a static file, the yardstick of this machine's speed;
 *   - the overview page (/) and /api/overview at 50 and 100 clients;
 *   - the same with a different period on every request (nothing served from the cache);
 *   - / and /api/overview at 100 clients while an ingest of --load-rows calls runs.
 * Latencies are every response's, so p95 is exact; errors are non-2xx answers and timeouts.
 * Machines differ: docs/benchmarks.md records the figures with their ratio to the yardstick.
 * `--url http://127.0.0.1:PORT` measures an already running server instead (no ingest part);
 * `--build DIR` runs DIR/build (another version of the product, built there) for a comparison
 * in the same session.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Measure {
	name: string;
	clients: number;
	requests: number;
	perSecond: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
}

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1]! : fallback;
};

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One autocannon run, every latency kept. `paths` gives each request its own path when set. */
async function measure(base: string, name: string, pathname: string, clients: number, seconds: number, paths?: () => string): Promise<Measure> {
	const latencies: number[] = [];
	let errors = 0;
	const instance = autocannon({
		url: base + pathname,
		connections: clients,
		duration: seconds,
		timeout: 10,
		...(paths ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths() }) }] } : {})
	} as autocannon.Options);
	instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
		latencies.push(ms);
		if (status < 200 || status >= 300) errors++;
	});
	const result = await instance;
	latencies.sort((a, b) => a - b);
	return {
		name,
		clients,
		requests: latencies.length,
		perSecond: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: errors + result.timeouts + result.errors
	};
}

function writeCalls(file: string, n: number) {
	const out = fs.openSync(file, 'w');
	let buf = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id\n';
	const start = Date.UTC(2025, 0, 1, 5, 0) / 1000;
	for (let i = 0; i < n; i++) {
		const iso = new Date((start + Math.floor((i / n) * 365 * 86400)) * 1000).toISOString().slice(0, 19) + 'Z';
		buf += `L${i},C${i % 300},inbound,support,${iso},${iso},${iso},${i % 120},${60 + (i % 300)},answered,agent${i % 12},${i % 3 === 0},\n`;
		if (buf.length > 1 << 20) {
			fs.writeSync(out, buf);
			buf = '';
		}
	}
	fs.writeSync(out, buf);
	fs.closeSync(out);
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`timed out waiting for ${what}`);
}

function randomRange(): string {
	// A period of 7 to 90 days ending on a day of the demo's last year.
	const end = new Date(Date.UTC(2026, 10, 22) - Math.floor(Math.random() * 330) * 86_400_000);
	const start = new Date(end.getTime() - (6 + Math.floor(Math.random() * 84)) * 86_400_000);
	return `from=${start.toISOString().slice(0, 10)}&to=${end.toISOString().slice(0, 10)}`;
}

function print(rows: Measure[], yardstick: number) {
	console.log('\n| measure | clients | req/s | ÷ yardstick req/s | p50 ms | p95 ms | p99 ms | errors |');
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const m of rows) {
		console.log(
			`| ${m.name} | ${m.clients} | ${m.perSecond.toFixed(0)} | ${(m.perSecond / yardstick).toFixed(2)} | ${m.p50.toFixed(0)} | ${m.p95.toFixed(0)} | ${m.p99.toFixed(0)} | ${m.errors} |`
		);
	}
}

export async function benchLoad(): Promise<void> {
	const seconds = Number(arg('load-seconds', '10'));
	const rows = Number(arg('load-rows', '1000000'));
	const given = arg('url', '');
	let server: ChildProcess | null = null;
	let dir = '';
	let base = given.replace(/\/$/, '');
	const root = path.resolve(arg('build', process.cwd()));
	if (!base) {
		if (!fs.existsSync(path.join(root, 'build', 'index.js'))) {
			console.log('load: building the app…');
			const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
			if (r.status !== 0) throw new Error('build failed');
		}
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-load-'));
		const port = Number(arg('port', '4389'));
		base = `http://127.0.0.1:${port}`;
		server = spawn(process.execPath, ['build'], {
			cwd: root,
			env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CARE_DATA_DIR: dir, CARE_SCHEDULER: 'off', CARE_DEMO: 'auto', CARE_DEMO_AS_OF: '2026-11-22', CARE_LOG_LEVEL: 'info' },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		await waitFor(async () => (await (await fetch(`${base}/api/health`)).json()).demo?.state === 'loaded', 180_000, 'the demo dataset');
	}
	try {
		// Warm up: routes are compiled on first use.
		await measure(base, 'warm-up', '/', 10, 2);
		await measure(base, 'warm-up', '/api/overview', 10, 2);
		const results: Measure[] = [];
		// A static file: the HTTP stack alone, the yardstick of this machine's speed at this moment.
		const health = await measure(base, '/favicon.svg (yardstick)', '/favicon.svg', 100, seconds);
		results.push(health);
		for (const clients of [50, 100]) {
			results.push(await measure(base, 'overview page /', '/', clients, seconds));
			results.push(await measure(base, '/api/overview', '/api/overview', clients, seconds));
		}
		results.push(await measure(base, '/ , a new period each request', '/', 100, seconds, () => `/?${randomRange()}`));
		results.push(await measure(base, '/api/overview, a new period each request', '/api/overview', 100, seconds, () => `/api/overview?${randomRange()}`));

		if (server) {
			const file = path.join(dir, 'inbox', 'calls', 'load.csv');
			fs.mkdirSync(path.dirname(file), { recursive: true });
			writeCalls(`${file}.part`, rows);
			fs.renameSync(`${file}.part`, file);
			const { token } = JSON.parse(fs.readFileSync(path.join(dir, 'care.duckdb.server.json'), 'utf8')) as { token: string };
			const t0 = Date.now();
			const ingest = fetch(`${base}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({ ms: Date.now() - t0, run: await r.json() }));
			let ingestDone = false;
			void ingest.then(() => (ingestDone = true));
			await new Promise((r) => setTimeout(r, 1000));
			const during: Measure[] = [];
			during.push(await measure(base, 'overview page / during an ingest', '/', 100, seconds));
			during.push(await measure(base, '/api/overview during an ingest', '/api/overview', 100, seconds));
			const stillRunning = !ingestDone;
			const done = await ingest;
			results.push(...during);
			console.log(
				`\nload: ingest of ${rows.toLocaleString('en')} calls took ${(done.ms / 1000).toFixed(1)} s (${done.run.status}); it was ${stillRunning ? 'still running at the end of both measurements' : 'finished before the measurements ended (raise --load-rows)'}`
			);
		}
		print(results, health.perSecond);
	} finally {
		if (server) {
			server.kill('SIGTERM');
			await new Promise((r) => server!.once('exit', r));
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}
}
