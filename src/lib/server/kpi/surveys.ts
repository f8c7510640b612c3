/**
 * Survey KPIs: NPS and CSAT with their uncertainty, per period and per dimension, the change
 * against the previous period and its test, and the score distribution. The figures come from
 * queries/kpi/nps.sql and queries/kpi/csat.sql (which define them); this module adds the margin
 * of error, the Wilson interval, the small-sample flag and the tests (./stats.ts).
 */
import type { Dimension, Filters } from '../../filters';
import type { Database } from '../db/database';
import type { KpiSettings } from '../settings';
import { fillPeriods, kpiParams, periodsOf, splitRows, type KpiRow, type Period } from './common';
import { npsChangeTest, npsMarginOfError, twoProportionZTest, wilsonInterval, type ChangeTest } from './stats';

/** The filters the survey KPIs take. */
export const SURVEY_DIMENSIONS = ['segment', 'channel', 'team', 'occasion'] as const satisfies readonly Dimension[];
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

/**
 * Survey trends default to weeks where other trends default to days: a care unit gets a few
 * answers a day, and a daily NPS of three answers is noise. A grain the URL names is kept.
 */
export function withSurveyGrain(filters: Filters): Filters {
	return filters.grainIsDefault && filters.grain === 'day' ? { ...filters, grain: 'week' } : filters;
}

export interface Nps {
	promoters: number;
	passives: number;
	detractors: number;
	n: number;
	/** −100 … 100; null without answers. */
	nps: number | null;
	/** 95% margin of error in NPS points (null without answers). */
	marginOfError: number | null;
	/** NPS ± margin, kept inside −100 … 100. */
	low: number | null;
	high: number | null;
	smallSample: boolean;
}

export interface Csat {
	satisfied: number;
	n: number;
	/** 0 … 100; null without answers. */
	csat: number | null;
	/** 95% Wilson interval, 0 … 100. */
	ciLow: number | null;
	ciHigh: number | null;
	smallSample: boolean;
}

/** A KPI now and in the previous period of the same length, with the change and its test. */
export interface Compared<T> {
	current: T;
	previous: T;
	/** Current − previous, in the KPI's unit (NPS points, percentage points); null when either is missing. */
	difference: number | null;
	/** Null when either period has no data to test. */
	test: ChangeTest | null;
}

export type Keyed<T> = T & { key: string | null };

export interface KpiReport<T> extends Compared<T> {
	byPeriod: (Period & T)[];
	byDimension: Record<SurveyDimension, Keyed<T>[]>;
}

interface NpsRow extends KpiRow {
	promoters: number;
	passives: number;
	detractors: number;
	n: number;
	nps: number | null;
}

interface CsatRow extends KpiRow {
	satisfied: number;
	n: number;
	csat: number | null;
}

export function npsOf(row: Pick<NpsRow, 'promoters' | 'passives' | 'detractors' | 'n' | 'nps'> | undefined, smallSampleMin: number): Nps {
	const c = { promoters: row?.promoters ?? 0, passives: row?.passives ?? 0, detractors: row?.detractors ?? 0 };
	const n = row?.n ?? 0;
	const nps = row?.nps ?? null;
	const moe = npsMarginOfError(c);
	const low = nps === null || moe === null ? null : Math.max(-100, nps - moe);
	const high = nps === null || moe === null ? null : Math.min(100, nps + moe);
	return { ...c, n, nps, marginOfError: moe, low, high, smallSample: n < smallSampleMin };
}

export function csatOf(row: Pick<CsatRow, 'satisfied' | 'n' | 'csat'> | undefined, smallSampleMin: number): Csat {
	const satisfied = row?.satisfied ?? 0;
	const n = row?.n ?? 0;
	const ci = wilsonInterval(satisfied, n);
	return { satisfied, n, csat: row?.csat ?? null, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null, smallSample: n < smallSampleMin };
}

export function compareNps(current: Nps, previous: Nps): Compared<Nps> {
	return {
		current,
		previous,
		difference: current.nps !== null && previous.nps !== null ? current.nps - previous.nps : null,
		test: npsChangeTest(current, previous)
	};
}

export function compareCsat(current: Csat, previous: Csat): Compared<Csat> {
	return {
		current,
		previous,
		difference: current.csat !== null && previous.csat !== null ? current.csat - previous.csat : null,
		test: twoProportionZTest(current.satisfied, current.n, previous.satisfied, previous.n)
	};
}

function byDimension<R extends KpiRow, T>(scope: (name: string) => R[], build: (r: R) => T): Record<SurveyDimension, Keyed<T>[]> {
	const out = {} as Record<SurveyDimension, Keyed<T>[]>;
	for (const d of SURVEY_DIMENSIONS) out[d] = scope(d).map((r) => ({ key: r.key, ...build(r) }));
	return out;
}

export async function npsReport(db: Database, filters: Filters, settings: KpiSettings, periods?: Period[]): Promise<KpiReport<Nps>> {
	const rows = await db.cachedQuery<NpsRow>('kpi/nps', kpiParams(filters, SURVEY_DIMENSIONS));
	const s = splitRows(rows);
	const min = settings.smallSampleMin;
	return {
		...compareNps(npsOf(s.current, min), npsOf(s.previous, min)),
		byPeriod: fillPeriods(periods ?? (await periodsOf(db, filters)), s.scope('period'), (r) => npsOf(r, min)),
		byDimension: byDimension(s.scope, (r) => npsOf(r, min))
	};
}

export async function csatReport(db: Database, filters: Filters, settings: KpiSettings, periods?: Period[]): Promise<KpiReport<Csat>> {
	const rows = await db.cachedQuery<CsatRow>('kpi/csat', kpiParams(filters, SURVEY_DIMENSIONS));
	const s = splitRows(rows);
	const min = settings.smallSampleMin;
	return {
		...compareCsat(csatOf(s.current, min), csatOf(s.previous, min)),
		byPeriod: fillPeriods(periods ?? (await periodsOf(db, filters)), s.scope('period'), (r) => csatOf(r, min)),
		byDimension: byDimension(s.scope, (r) => csatOf(r, min))
	};
}

export interface ScoreCount {
	score: number;
	answers: number;
	/** NPS: promoter, passive, detractor; CSAT: satisfied, neutral, dissatisfied. */
	band: ScoreBand;
}

export const NPS_BANDS = ['promoter', 'passive', 'detractor'] as const;
export const CSAT_BANDS = ['satisfied', 'neutral', 'dissatisfied'] as const;
export const SCORE_BANDS = [...NPS_BANDS, ...CSAT_BANDS] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export function bandOf(kind: 'nps' | 'csat', score: number): ScoreBand {
	if (kind === 'nps') return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
	return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'dissatisfied';
}

export interface ScoreDistribution {
	/** Every score of the scale, 0-10, in order (0 answers where nobody gave it). */
	nps: ScoreCount[];
	/** 1-5. */
	csat: ScoreCount[];
}

export async function scoreDistribution(db: Database, filters: Filters): Promise<ScoreDistribution> {
	const rows = await db.cachedQuery<{ kind: 'nps' | 'csat'; score: number; answers: number }>('surveys/score_distribution', kpiParams(filters, SURVEY_DIMENSIONS));
	const scale = (kind: 'nps' | 'csat', from: number, to: number) =>
		Array.from({ length: to - from + 1 }, (_, i) => {
			const score = from + i;
			return { score, answers: rows.find((r) => r.kind === kind && r.score === score)?.answers ?? 0, band: bandOf(kind, score) };
		});
	return { nps: scale('nps', 0, 10), csat: scale('csat', 1, 5) };
}

/** The share of surveys offered that were answered (queries/kpi/response_rate.sql). */
export interface ResponseRate {
	/** Numerator: surveys answered. */
	answered: number;
	/** Denominator: surveys offered (by sources that record their offers). */
	offered: number;
	/** answered / offered × 100; null when nothing was offered. */
	rate: number | null;
	/** 95% Wilson interval, 0 … 100. */
	ciLow: number | null;
	ciHigh: number | null;
	previous: { answered: number; offered: number; rate: number | null };
}

interface RateRow {
	cohort: 'current' | 'previous';
	kind: 'nps' | 'csat';
	answered: number;
	offered: number;
	rate: number | null;
}

/**
 * The response rate of each kind of survey in the period (null for a kind no source recorded
 * offers of): numerator, denominator, rate and its Wilson interval, and the previous period's.
 */
export async function responseRates(db: Database, filters: Filters): Promise<Record<'nps' | 'csat', ResponseRate | null>> {
	const rows = await db.cachedQuery<RateRow & Record<string, unknown>>('kpi/response_rate', kpiParams(filters, SURVEY_DIMENSIONS));
	const of = (kind: 'nps' | 'csat'): ResponseRate | null => {
		const now = rows.find((r) => r.kind === kind && r.cohort === 'current');
		const before = rows.find((r) => r.kind === kind && r.cohort === 'previous');
		if (!now && !before) return null;
		const answered = now?.answered ?? 0;
		const offered = now?.offered ?? 0;
		const ci = wilsonInterval(answered, offered);
		return {
			answered,
			offered,
			rate: now?.rate ?? null,
			ciLow: ci?.low ?? null,
			ciHigh: ci?.high ?? null,
			previous: { answered: before?.answered ?? 0, offered: before?.offered ?? 0, rate: before?.rate ?? null }
		};
	};
	return { nps: of('nps'), csat: of('csat') };
}

export interface SurveyKpis {
	nps: KpiReport<Nps>;
	csat: KpiReport<Csat>;
	/** Per kind, the share of surveys offered that were answered (null: no offers recorded). */
	responseRate: Record<'nps' | 'csat', ResponseRate | null>;
	distribution: ScoreDistribution;
	/** NPS and CSAT side by side per period. */
	byPeriod: (Period & { nps: Nps; csat: Csat })[];
	/** NPS and CSAT side by side per value of each dimension (null: no answer of that kind). */
	breakdowns: Record<SurveyDimension, { key: string | null; nps: Nps | null; csat: Csat | null }[]>;
}

/** Everything the Surveys page shows above the answers list. */
export async function surveyKpis(db: Database, filters: Filters, settings: KpiSettings): Promise<SurveyKpis> {
	const periods = await periodsOf(db, filters);
	const [nps, csat, distribution, responseRate] = await Promise.all([
		npsReport(db, filters, settings, periods),
		csatReport(db, filters, settings, periods),
		scoreDistribution(db, filters),
		responseRates(db, filters)
	]);
	const breakdowns = {} as SurveyKpis['breakdowns'];
	for (const d of SURVEY_DIMENSIONS) {
		const keys = [...new Set([...nps.byDimension[d], ...csat.byDimension[d]].map((r) => r.key))];
		breakdowns[d] = keys
			.map((key) => ({ key, nps: nps.byDimension[d].find((r) => r.key === key) ?? null, csat: csat.byDimension[d].find((r) => r.key === key) ?? null }))
			.sort((a, b) => (b.nps?.n ?? 0) + (b.csat?.n ?? 0) - ((a.nps?.n ?? 0) + (a.csat?.n ?? 0)));
	}
	return {
		nps,
		csat,
		responseRate,
		distribution,
		byPeriod: periods.map((p, i) => ({ ...p, nps: nps.byPeriod[i]!, csat: csat.byPeriod[i]! })),
		breakdowns
	};
}
