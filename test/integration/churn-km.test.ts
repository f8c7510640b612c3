/**
 * The Kaplan-Meier SQL against a published worked example: the 6-mercaptopurine (6-MP) arm of
 * the leukaemia remission trial of Freireich et al. (1963), as analysed by Gehan (1965) and in
 * Kleinbaum & Klein, "Survival Analysis: A Self-Learning Text" (3rd ed., 2012), chapter 2:
 * remission times in weeks of 21 patients, + = censored:
 *   6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13, 16, 17+, 19+, 20+, 22, 23, 25+, 32+, 32+, 34+, 35+
 * The book's table of Ŝ(t):  t = 6: 0.857, 7: 0.807, 10: 0.753, 13: 0.690, 16: 0.627,
 * 22: 0.538, 23: 0.448 (each step multiplies by (n − d)/n: 18/21, then 16/17, 14/15, 11/12,
 * 10/11, 6/7, 5/6). The placebo arm (21 patients, no censoring) gives
 *   1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23  →  Ŝ(8) = 8/21 = 0.381, Ŝ(23) = 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kaplanMeier, type KmSubject } from '../../src/lib/server/churn/track';
import { tempDb, type TempDb } from '../helpers/temp-db';

const sixMp = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+'.split(' ');
const placebo = '1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23'.split(' ');
const subjects = (grp: string, times: string[]): KmSubject[] => times.map((t) => ({ grp, days: parseInt(t, 10), event: !t.endsWith('+') }));

let t: TempDb;
beforeAll(async () => {
	t = await tempDb();
}, 60_000);
afterAll(() => t.close());

describe('Kaplan-Meier in SQL (queries/churn/kaplan_meier.sql)', () => {
	it('reproduces the published estimates of the 6-MP arm', async () => {
		const curves = await kaplanMeier(t.db, [...subjects('6-MP', sixMp), ...subjects('placebo', placebo)]);
		const mp = curves.get('6-MP')!;
		const at = (days: number) => mp.find((p) => p.days === days)!;
		const published: [number, number, number][] = [
			// days, n at risk, Ŝ(t)
			[6, 21, 0.857],
			[7, 17, 0.807],
			[10, 15, 0.753],
			[13, 12, 0.69],
			[16, 11, 0.627],
			[22, 7, 0.538],
			[23, 6, 0.448]
		];
		for (const [days, n, s] of published) {
			expect(at(days).atRisk, `n at ${days}`).toBe(n);
			expect(at(days).survival, `S(${days})`).toBeCloseTo(s, 3);
		}
		// Censored-only times keep the estimate: S(9) = S(7); the last time (35+) keeps S(23).
		expect(at(9).survival).toBeCloseTo(at(7).survival, 10);
		expect(at(35).survival).toBeCloseTo(0.448, 3);
		expect(at(6).events).toBe(3);
		expect(at(6).censored).toBe(1);
		// Greenwood's standard error at t = 6: S·√(3/(21·18)) = 0.857 · 0.0891 = 0.0764 (Kleinbaum & Klein: 0.076).
		expect(at(6).stdError!).toBeCloseTo(0.0764, 3);
	});

	it('reaches 0 when everyone had the event (placebo arm)', async () => {
		const curves = await kaplanMeier(t.db, subjects('placebo', placebo));
		const p = curves.get('placebo')!;
		expect(p.find((x) => x.days === 8)!.survival).toBeCloseTo(8 / 21, 10);
		expect(p[p.length - 1]!.survival).toBe(0);
	});
});
