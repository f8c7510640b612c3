/**
 * Profile the churn pages' data and the churn refresh step on a kept database (a COPY of a
 * benchmark folder: opening it migrates it): `npx tsx scripts/profile-churn.mts DIR [--runs 10]
 * [--cold] [--only PAGES] [--load N] [--customers 5000]`.
 *
 * - pages: the domain calls each churn page's load makes (at-risk, track record, follow-ups,
 *   /api/followups's list, the risk API with limit 1000, one customer, one ticket), median and
 *   p95 of `runs` warm runs, and the named queries inside them (median time per call);
 *   (--cold: with db.cachedQuery's results forgotten before each run, as after a load);
 * - --load N: N times, 100 new calls on the last day loaded through the product's ingest, with
 *   the refresh's step times (the churn step's part in it).
 * Nothing here asserts a duration.
 */
import path from 'node:path';
import { readConfig } from '../src/lib/server/config';
import { closeDatabase, openDatabase, type Database } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { runIngest } from '../src/lib/server/imports/ingest';
import { ensureFresh, lastRefreshReport } from '../src/lib/server/refresh/index';
import { loadSettings } from '../src/lib/server/settings';
import { atRiskView, customerPage, rankedRisk } from '../src/lib/server/churn/risk';
import { ensureTrackRecord, trackRecord } from '../src/lib/server/churn/track';
import { dayList, listDays } from '../src/lib/server/churn/followups';
import { LOCAL_OPERATOR } from '../src/lib/server/churn/viewer';
import { ticketDetail } from '../src/lib/server/tickets/detail';
import { UNRESTRICTED } from '../src/lib/server/kpi/answers';
import { todayIn } from '../src/lib/calendar';
import { writeNewCalls } from './bench-data';

const args = process.argv.slice(2);
const dir = path.resolve(args[0] ?? '');
const runs = Number(args[args.indexOf('--runs') + 1] ?? 10) || 10;
const loads = args.includes('--load') ? Number(args[args.indexOf('--load') + 1]) : 0;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
/** --cold: forget db.cachedQuery's results before each run (the first request after a load). */
const cold = args.includes('--cold');

const config = readConfig({ ...process.env, CARE_DATA_DIR: dir });
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))]!;

async function main() {
	const db: Database = await openDatabase(config.dbPath, { memoryLimit: config.duckdbMemoryLimit, tempDirectory: config.duckdbTempDir });
	let t0 = performance.now();
	await migrate(db);
	let settings = await loadSettings(db);
	const rebuilt = await ensureFresh(db, settings);
	const tracked = await ensureTrackRecord(db, settings.churn);
	console.log(`open + migrate${rebuilt ? ' + refresh' : ''}: ${Math.round(performance.now() - t0)} ms ${rebuilt ? JSON.stringify(lastRefreshReport()?.steps) : ''}${tracked ? ' + track record' : ''}`);

	// Per named query timings.
	const perQuery = new Map<string, number[]>();
	const original = db.query.bind(db);
	let recording = false;
	db.query = (async (name: string, params?: Record<string, unknown>) => {
		const q0 = performance.now();
		const r = await original(name, params as never);
		if (recording) {
			if (!perQuery.has(name)) perQuery.set(name, []);
			perQuery.get(name)!.push(performance.now() - q0);
		}
		return r;
	}) as typeof db.query;

	const today = todayIn(settings.unit.timeZone);
	const pages: [string, () => Promise<unknown>][] = [
		['/at-risk', () => atRiskView(db, settings.churn, LOCAL_OPERATOR)],
		['/at-risk/track-record', () => trackRecord(db, settings.churn, LOCAL_OPERATOR, null)],
		['/follow-ups', async () => [await dayList(db, settings, LOCAL_OPERATOR, today, {}), await listDays(db, 14)]],
		['/api/followups', () => dayList(db, settings, LOCAL_OPERATOR, today, {})],
		['/api/customers/risk?limit=1000', () => rankedRisk(db, LOCAL_OPERATOR, { limit: 1000 })],
		['/customers/C000001', () => customerPage(db, settings.churn, LOCAL_OPERATOR, 'C000001')],
		['/tickets/T1', () => ticketDetail(db, 'T1', UNRESTRICTED)]
	];
	for (const [label, fn] of pages) {
		if (only && !only.some((o) => label.includes(o))) continue;
		await fn();
		perQuery.clear();
		recording = true;
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			if (cold) (db as unknown as { cache: Map<string, unknown> }).cache.clear();
			const s = performance.now();
			await fn();
			times.push(performance.now() - s);
		}
		recording = false;
		console.log(`${label.padEnd(34)} p50 ${median(times).toFixed(1).padStart(8)} ms  p95 ${p95(times).toFixed(1).padStart(8)} ms`);
		for (const [name, ts] of [...perQuery.entries()].sort((a, b) => median(b[1]) * b[1].length - median(a[1]) * a[1].length))
			console.log(`    ${name.padEnd(34)} ×${(ts.length / runs).toFixed(0).padStart(3)}  median ${median(ts).toFixed(1).padStart(7)} ms`);
	}

	const stamp = Date.now().toString(36);
	// The benchmark's customers at 1M tickets (scripts/bench-data.ts: one per 200 tickets).
	const customers = Number(args[args.indexOf('--customers') + 1] ?? 5000) || 5000;
	for (let i = 1; i <= loads; i++) {
		writeNewCalls(config.inboxDir, `prof-${stamp}-${i}`, 100, `P${stamp}${i}_`, customers);
		t0 = performance.now();
		const run = await runIngest(db, config, 'cli');
		const ms = Math.round(performance.now() - t0);
		const r = lastRefreshReport();
		console.log(`load ${i}: ${run.status} ${ms} ms; refresh ${r?.ms} ms ${JSON.stringify(r?.steps)}`);
		settings = await loadSettings(db);
	}
	closeDatabase();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
