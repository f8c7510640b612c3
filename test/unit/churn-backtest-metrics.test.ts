/** The back-test's metrics by hand on a tiny case (src/lib/server/churn/backtest.ts). */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluationDays, type Snapshot } from '../../src/lib/server/churn/backtest';

const snap = (asOf: string, customerId: string, score: number, silenceDays: number, status = 'active'): Snapshot => ({ asOf, customerId, score, silenceDays, status });

describe('evaluate', () => {
	it('precision and recall in the top k, caught churners and lead time, for the model and the baseline', () => {
		// Two days, k = 2, horizon 30 days. A leaves on 03-20 (positive on both days); B left on 03-05
		// (gone on 03-10: out of the population); C never leaves.
		const snapshots = [
			// 03-01: model top 2 = A (80), C (50); baseline (silence) top 2 = C (90), B (40).
			snap('2026-03-01', 'A', 80, 10),
			snap('2026-03-01', 'B', 40, 40),
			snap('2026-03-01', 'C', 50, 90),
			snap('2026-03-01', 'D', 10, 5),
			// 03-10: B is gone; model top 2 = A, C; baseline top 2 = C (99), A (20).
			snap('2026-03-10', 'A', 85, 20),
			snap('2026-03-10', 'B', 90, 50),
			snap('2026-03-10', 'C', 50, 99),
			snap('2026-03-10', 'D', 10, 5)
		];
		const truth = [
			{ customerId: 'A', wentQuietOn: '2026-02-20', leftOn: '2026-03-20' },
			{ customerId: 'B', wentQuietOn: '2026-01-20', leftOn: '2026-03-05' }
		];
		const r = evaluate(snapshots, truth, new Map(), { lastDay: '2026-03-10', spanDays: 9, everyDays: 9, horizonDays: 30, k: 2, leadWindowDays: 180 });
		// 03-01: positives A and B (both leave within 30 days). Model hits A: precision 1/2, recall 1/2.
		// 03-10: positives A. Model hits A: precision 1/2, recall 1.
		expect(r.model.perDay).toEqual([
			{ day: '2026-03-01', positives: 2, hits: 1 },
			{ day: '2026-03-10', positives: 1, hits: 1 }
		]);
		expect(r.model.precision).toBe(0.5);
		expect(r.model.recall).toBe(0.75);
		// Caught: A first in the top 2 on 03-01, 19 days before leaving. B never in the model's top 2.
		expect(r.model.caught).toBe(1);
		expect(r.model.medianLeadDays).toBe(19);
		// Baseline: 03-01 hits B (1/2, 1/2); 03-10 hits A (1/2, 1/1). B caught 4 days ahead, A 10 days.
		expect(r.baseline.precision).toBe(0.5);
		expect(r.baseline.recall).toBe(0.75);
		expect(r.baseline.caught).toBe(2);
		expect(r.baseline.medianLeadDays).toBe(7);
		// Ceiling: min(2, 2)/2 and min(1, 2)/2 → mean 0.75.
		expect(r.precisionCeiling).toBe(0.75);
	});

	it('a churner still going quiet leaves at its renewal', () => {
		const r = evaluate([snap('2026-03-01', 'A', 80, 10)], [{ customerId: 'A', wentQuietOn: '2026-02-20', leftOn: null }], new Map([['A', '2026-03-15']]), {
			lastDay: '2026-03-01',
			spanDays: 0,
			everyDays: 14,
			horizonDays: 30,
			k: 20,
			leadWindowDays: 180
		});
		expect(r.model.perDay).toEqual([{ day: '2026-03-01', positives: 1, hits: 1 }]);
		expect(r.model.medianLeadDays).toBe(14);
	});

	it('evaluation days run back from the last day', () => {
		expect(evaluationDays({ lastDay: '2026-10-01', spanDays: 28, everyDays: 14 })).toEqual(['2026-09-03', '2026-09-17', '2026-10-01']);
	});
});
