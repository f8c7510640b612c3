/**
 * The uncertainty of the KPIs against published worked examples and small hand computations.
 */
import { describe, expect, it } from 'vitest';
import { normalCdf, npsChangeTest, npsMarginOfError, twoProportionZTest, wilsonInterval, Z95 } from '../../src/lib/server/kpi/stats';

describe('NPS margin of error', () => {
	it('matches the multinomial variance of the worked example on Cross Validated (q. 18603)', () => {
		// whuber's example: promoters 1/2, passives 1/3, detractors 1/6 → NPS 1/3 and a variance of
		// the ±1/0 score of (1 − 1/3)²·1/2 + (1/3)²·1/3 + (4/3)²·1/6 = 2/9 + 1/27 + 8/27 = 5/9.
		// With 600 answers (300/200/100): SE = √(5/9 / 600) = 0.030429, MOE = 1.959964 × 3.0429 = 5.964.
		const moe = npsMarginOfError({ promoters: 300, passives: 200, detractors: 100 })!;
		expect(moe).toBeCloseTo(Z95 * Math.sqrt(5 / 9 / 600) * 100, 10);
		expect(moe).toBeCloseTo(5.964, 3);
	});

	it('is z times the standard deviation of the +1/0/−1 scores over √n (hand fixture)', () => {
		// 5 promoters, 3 passives, 2 detractors: p_P = .5, p_D = .2, NPS = 30.
		// (p_P + p_D − (p_P − p_D)²)/n = (0.7 − 0.09)/10 = 0.061; √0.061 = 0.2469818; × 1.959964 × 100 = 48.4075.
		const moe = npsMarginOfError({ promoters: 5, passives: 3, detractors: 2 })!;
		expect(moe).toBeCloseTo(48.4075, 3);
		const scores = [1, 1, 1, 1, 1, 0, 0, 0, -1, -1];
		const mean = scores.reduce((a, b) => a + b) / scores.length;
		const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
		expect(moe).toBeCloseTo((Z95 * sd * 100) / Math.sqrt(scores.length), 10);
	});

	it('is 0 when everyone gave the same kind of answer, and null without answers', () => {
		expect(npsMarginOfError({ promoters: 40, passives: 0, detractors: 0 })).toBe(0);
		expect(npsMarginOfError({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
	});
});

describe('Wilson interval', () => {
	// Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
	// methods", Statistics in Medicine 17 (1998) 857-872, Table II, method 3 (score interval).
	it.each([
		[81, 263, 25.53, 36.62],
		[15, 148, 6.24, 16.05],
		[0, 20, 0, 16.11],
		[1, 29, 0.61, 17.18]
	])('%i/%i → %f%% to %f%% (Newcombe 1998)', (x, n, low, high) => {
		const ci = wilsonInterval(x, n)!;
		expect(ci.low).toBeCloseTo(low, 2);
		expect(ci.high).toBeCloseTo(high, 2);
	});

	it('brackets a CSAT of 100% below 100 and is null without answers', () => {
		// 12 of 12 satisfied: centre = (1 + z²/24)/(1 + z²/12) = 1.160068/1.320136 = 0.878750,
		// half = z·√(z²/576)/(1 + z²/12) = 1.959964 × 0.081665 / 1.320136 = 0.121250 → 75.75% to 100%.
		const ci = wilsonInterval(12, 12)!;
		expect(ci.low).toBeCloseTo(75.75, 2);
		expect(ci.high).toBe(100);
		expect(wilsonInterval(0, 0)).toBeNull();
	});
});

describe('two-proportion z-test', () => {
	it('Fulton vs Gwinnett county (straightdraw.github.io/probstat/S3b.html): z = 3.3683', () => {
		// 281 of 473 for vs 214 of 443: pooled 495/916 = 0.54039, SE = √(0.54039·0.45961·(1/473 + 1/443)) = 0.032950.
		const t = twoProportionZTest(281, 473, 214, 443)!;
		// The page rounds its intermediate proportions; unrounded, z = 0.111010 / 0.032951 = 3.3690.
		expect(t.z).toBeCloseTo(3.3683, 2);
		expect(t.significant).toBe(true);
		expect(t.p).toBeLessThan(0.001);
	});

	it('New York vs Washington voters (300 at 56%, 200 at 48%): z = 1.755, two-sided p = 0.0792', () => {
		// A worked textbook exercise: pooled 264/500 = 0.528, z = 0.08 / √(0.528·0.472·(1/300 + 1/200)) = 1.7555.
		const t = twoProportionZTest(168, 300, 96, 200)!;
		expect(t.z).toBeCloseTo(1.7555, 3);
		expect(t.p).toBeCloseTo(0.0792, 3);
		expect(t.significant).toBe(false);
		expect(t).toMatchObject({ method: 'two_proportion_z', n: 300, previousN: 200 });
	});

	it('is symmetric, not significant for equal shares, and null for an empty sample', () => {
		expect(twoProportionZTest(214, 443, 281, 473)!.z).toBeCloseTo(-3.369, 3);
		expect(twoProportionZTest(50, 100, 25, 50)).toMatchObject({ z: 0, significant: false });
		expect(twoProportionZTest(10, 10, 20, 20)).toMatchObject({ z: 0, significant: false });
		expect(twoProportionZTest(10, 10, 20, 20)!.p).toBeCloseTo(1, 6);
		expect(twoProportionZTest(1, 0, 1, 2)).toBeNull();
	});
});

describe('NPS change against the combined margin', () => {
	it('marks a change larger than √(MOE₁² + MOE₂²)', () => {
		// Now 300/200/100 (NPS 33.3, MOE 5.964); before 250/200/150 (NPS 16.7):
		// (5/12 + 3/12 − (1/6)²)/600 = 0.00106481 → MOE 1.959964 × 3.2631 = 6.3956;
		// combined √(5.964² + 6.3956²) = 8.745 < 16.7: significant.
		const t = npsChangeTest({ promoters: 300, passives: 200, detractors: 100 }, { promoters: 250, passives: 200, detractors: 150 })!;
		expect(t.combinedMargin).toBeCloseTo(8.745, 2);
		expect(t).toMatchObject({ method: 'nps_combined_margin', significant: true, n: 600, previousN: 600 });
	});

	it('does not mark a change inside the combined margin', () => {
		// Before 280/200/120: NPS 26.7, (0.66667 − 0.071111)/600 → MOE 6.1749; combined 8.585 > 6.7.
		const t = npsChangeTest({ promoters: 300, passives: 200, detractors: 100 }, { promoters: 280, passives: 200, detractors: 120 })!;
		expect(t.combinedMargin).toBeCloseTo(8.585, 2);
		expect(t.significant).toBe(false);
		expect(npsChangeTest({ promoters: 1, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 0 })).toBeNull();
	});
});

describe('normal distribution', () => {
	it('gives the familiar quantiles', () => {
		expect(normalCdf(0)).toBeCloseTo(0.5, 7);
		expect(normalCdf(Z95)).toBeCloseTo(0.975, 6);
		expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
		expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
		expect(normalCdf(Infinity)).toBe(1);
	});
});
