/**
 * The churn model's back-test on the demo's planted churners (jobs/demo/backtest.ts): the
 * figures must be the ones the README shows (between its backtest markers), and the model must
 * do better than the baseline (days since the last contact alone). Heavy: it generates and loads
 * the whole demo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtestTable, runDemoBacktest } from '../../jobs/demo/backtest';
import type { BacktestResult } from '../../src/lib/server/churn/backtest';

let result: BacktestResult;
beforeAll(async () => {
	result = await runDemoBacktest();
}, 600_000);

describe('back-test on the demo churners', () => {
	it('gives the figures the README shows', () => {
		const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
		const shown = /<!-- backtest:start -->\n([\s\S]*?)\n<!-- backtest:end -->/.exec(readme)?.[1];
		expect(shown, 'README backtest section').toBeDefined();
		expect(backtestTable(result)).toBe(shown);
	});

	it('adds something over the baseline: better precision, recall and lead time', () => {
		expect(result.churners).toBe(17);
		expect(result.days).toBe(27);
		expect(result.model.precision).toBeGreaterThan(result.baseline.precision);
		expect(result.model.recall).toBeGreaterThan(result.baseline.recall);
		expect(result.model.caught).toBeGreaterThanOrEqual(result.baseline.caught);
		expect(result.model.medianLeadDays!).toBeGreaterThan(result.baseline.medianLeadDays!);
		// Precision is bounded by the churners there are to find on a day.
		expect(result.model.precision).toBeLessThanOrEqual(result.precisionCeiling + 1e-9);
	});
});
