/**
 * The scale benchmark's harness (`npm run bench -- --scale …`, scripts/bench-scale.ts) at a tiny
 * scale: it makes the data, loads it through the product, times the incremental loads and the
 * KPI queries, and runs PostgreSQL side by side with the same figures. A smoke test of the
 * harness only: no duration is asserted (the figures are in docs/benchmarks.md).
 *
 * PostgreSQL comes from Debian's packages (.ci/run finds or installs it with scripts/postgres.js):
 * without it the PostgreSQL part is skipped visibly, except under CI (CI=true), where it must
 * run. The pages are measured through the built server only when a build exists (under
 * `npm test` the build comes after these tests).
 *
 * Why 1,000 tickets and not the 100k scale issue 13 names for CI: measured on the 2-core machine
 * (load average 5, 2026-11-23), this test costs 28 s at 1,000 tickets (4,210 rows) and the same
 * parts at 100k (420,500 rows) 105 s, of which 56 s are the ingest and 20 s PostgreSQL; the whole
 * CI must stay under 15 minutes on a busy 2-core machine, and the harness's every part (data,
 * ingest, incremental loads, KPI queries on both engines, JavaScript sizes, the comparison) runs
 * the same at 1,000. The 100k figures are in docs/benchmarks.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchScale } from '../../scripts/bench-scale';
import { findPostgres, INSTALL_HINT } from '../../scripts/postgres.js';

const built = fs.existsSync(path.resolve('build', 'index.js'));
const pg = findPostgres();
if (!pg) {
	if (process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL is missing. ${INSTALL_HINT}`);
	console.warn(`\n[bench smoke] PostgreSQL part SKIPPED: ${INSTALL_HINT}\n`);
}

describe('the scale benchmark harness', () => {
	it('produces its figures at a tiny scale', async () => {
		const lines: string[] = [];
		const report = await benchScale({
			scale: '1000',
			runs: 1,
			pg: pg !== null,
			build: false,
			only: built ? undefined : ['kpis', 'incremental', 'javascript', 'pg'],
			log: (l) => lines.push(l)
		});
		expect(report.scale).toMatchObject({ tickets: 1000, customers: 10, calls: 3000, answers: 200 });
		expect(report.ingest!.rows).toBe(1000 + 10 + 3000 + 200);
		expect(report.ingest!.rowsPerSecond).toBeGreaterThan(0);
		expect(report.ingest!.refresh?.changes?.all).toBe(true);
		// Three files of 100 new calls, then 100 tickets updated by key: each loaded and refreshed.
		expect(report.incremental.map((i) => i.rows)).toEqual([100, 100, 100, 100]);
		for (const i of report.incremental.slice(0, 3)) expect(i).toMatchObject({ all: false, days: 1 });
		expect(report.kpis).toHaveLength(10);
		for (const k of report.kpis) expect(k.duck.rows).toBeGreaterThan(0);
		if (pg) {
			expect('version' in report.postgres).toBe(true);
			for (const k of report.kpis) expect({ kpi: k.kpi, period: k.period, same: k.same, difference: k.difference }).toEqual({ kpi: k.kpi, period: k.period, same: true, difference: undefined });
		} else expect(report.postgres).toEqual({ skipped: INSTALL_HINT });
		if (built) {
			expect(Array.isArray(report.pages)).toBe(true);
			for (const p of report.pages as { route: string; status: number }[]) expect(p.status, p.route).toBe(200);
		}
		expect(lines.join('\n')).toMatch(/\| KPI query \| period \| DuckDB p50/);
	}, 600_000);
});
