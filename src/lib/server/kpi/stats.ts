/**
 * The uncertainty of the survey and call KPIs, in one place. The KPI queries (queries/kpi/*.sql)
 * return counts and the ratio; these functions add the margin of error, the interval and the
 * period-over-period tests their headers name. All at 95% confidence (two-sided). Figures are
 * percentages from 0 to 100 (NPS from −100 to 100), as the pages and the API show them.
 */

/** The 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface NpsCounts {
	promoters: number;
	passives: number;
	detractors: number;
}

/**
 * 95% margin of error of an NPS, in NPS points: NPS is the mean of a score that is +1 for a
 * promoter, 0 for a passive and −1 for a detractor, drawn from one multinomial sample, so
 *   Var(NPS/100) = (p_P + p_D − (p_P − p_D)²) / n      (p_P, p_D: shares of promoters, detractors)
 *   MOE = z · √Var · 100
 * (the variance of a difference of two proportions of the same sample: Var(p_P) + Var(p_D)
 * − 2 Cov(p_P, p_D), with Cov = −p_P·p_D / n). Null when there are no answers.
 * Sources: https://stats.stackexchange.com/q/18603 (whuber's answer),
 * https://www.cybaea.net/Journal/2016/01/14/NPS-confidence-intervals-stats/
 */
export function npsMarginOfError(c: NpsCounts, z = Z95): number | null {
	const n = c.promoters + c.passives + c.detractors;
	if (n <= 0) return null;
	const p = c.promoters / n;
	const d = c.detractors / n;
	return z * Math.sqrt((p + d - (p - d) ** 2) / n) * 100;
}

export interface Interval {
	low: number;
	high: number;
}

/**
 * Wilson score interval of a proportion x/n, in percent (E. B. Wilson, JASA 22 (1927) 209-212;
 * recommended by R. G. Newcombe, Statistics in Medicine 17 (1998) 857-872):
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
 * It stays inside 0-100 and keeps its coverage for small n and for p near 0 or 1, where the
 * textbook p ± z·√(p(1−p)/n) does not. Null when n = 0.
 */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
	if (n <= 0) return null;
	const p = x / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
	return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/**
 * Standard normal cumulative distribution Φ(x) = ½(1 + erf(x/√2)), with erf from Abramowitz and
 * Stegun, Handbook of Mathematical Functions (1964), formula 7.1.26: absolute error below
 * 1.5e-7, ample for a p-value shown to three decimals.
 */
export function normalCdf(x: number): number {
	if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
	const u = Math.abs(x) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * u);
	const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	const erf = 1 - poly * Math.exp(-u * u);
	return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** The result of a period-over-period test, as the tooltip states it. */
export interface ChangeTest {
	/** Which test: the difference of two NPS against their combined margin, or a two-proportion z-test. */
	method: 'nps_combined_margin' | 'two_proportion_z';
	significant: boolean;
	/** Answers or calls in the current and the previous period. */
	n: number;
	previousN: number;
	/** two_proportion_z: the statistic and its two-sided p-value. */
	z?: number;
	p?: number;
	/** nps_combined_margin: √(MOE₁² + MOE₂²), in NPS points. */
	combinedMargin?: number;
}

/**
 * Two-proportion z-test with the pooled proportion (H₀: the two proportions are equal):
 *   p̂ = (x₁ + x₂)/(n₁ + n₂),  z = (x₁/n₁ − x₂/n₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)),
 * two-sided p = 2(1 − Φ(|z|)); significant when p < 0.05. Null when either sample is empty.
 * When both samples are all successes or all failures (p̂ is 0 or 1) the proportions are equal
 * and the difference is not significant (z = 0, p = 1).
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ChangeTest | null {
	if (n1 <= 0 || n2 <= 0) return null;
	const pooled = (x1 + x2) / (n1 + n2);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
	const z = se > 0 ? (x1 / n1 - x2 / n2) / se : 0;
	const p = 2 * (1 - normalCdf(Math.abs(z)));
	return { method: 'two_proportion_z', significant: p < 0.05, n: n1, previousN: n2, z, p };
}

/**
 * Whether an NPS moved: the change is significant when it exceeds the combined margin of the
 * two independent samples, √(MOE₁² + MOE₂²) (the 95% margin of a difference of independent
 * estimates). Null when either period has no answers.
 */
export function npsChangeTest(current: NpsCounts, previous: NpsCounts): ChangeTest | null {
	const m1 = npsMarginOfError(current);
	const m2 = npsMarginOfError(previous);
	if (m1 === null || m2 === null) return null;
	const n1 = current.promoters + current.passives + current.detractors;
	const n2 = previous.promoters + previous.passives + previous.detractors;
	const nps = (c: NpsCounts, n: number) => (100 * (c.promoters - c.detractors)) / n;
	const combinedMargin = Math.sqrt(m1 * m1 + m2 * m2);
	return { method: 'nps_combined_margin', significant: Math.abs(nps(current, n1) - nps(previous, n2)) > combinedMargin, n: n1, previousN: n2, combinedMargin };
}
