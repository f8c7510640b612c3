/**
 * Call metrics: offered, answered, abandoned, service level, waits and talk time, calls that
 * opened a case, per period and per queue, by weekday and hour. Incoming and outbound calls are
 * kept apart everywhere: incoming calls are the load on the support line and carry the service
 * measures; outbound calls are the care unit's own (happy calls, follow-ups) and only their
 * count, reach and talk time are shown. Definitions live in queries/kpi/call_volume.sql,
 * service_level.sql and wait_time.sql.
 */
import { addDays, weekdayOf, weekdayOrder } from '../../calendar';
import type { DateRange, Dimension, Filters } from '../../filters';
import type { Database } from '../db/database';
import type { KpiSettings } from '../settings';
import { kpiParams, perDay, periodsOf, relativeChange, splitRows, type KpiRow, type Period } from './common';
import { twoProportionZTest, type ChangeTest } from './stats';

/** The filters the call metrics take (calls have no ticket channel or team). */
export const CALL_DIMENSIONS = ['segment', 'queue'] as const satisfies readonly Dimension[];

interface VolumeRow extends KpiRow {
	direction: 'inbound' | 'outbound';
	offered: number;
	answered: number;
	abandoned: number;
	opened_case: number;
	follow_ups: number;
	case_unknown: number;
	talked: number;
	answer_rate: number | null;
	abandonment_rate: number | null;
	avg_talk_s: number | null;
}

interface ServiceRow extends KpiRow {
	answered_within: number;
	offered: number;
	unknown_wait: number;
	service_level: number | null;
}

interface WaitRow extends KpiRow {
	answered: number;
	avg_wait_s: number | null;
	p90_wait_s: number | null;
	queued: number;
	abandoned_queued: number;
}

/** Incoming calls of a period. Rates are 0-100 (null when nothing was offered). */
export interface InboundCalls {
	offered: number;
	answered: number;
	abandoned: number;
	answerRate: number | null;
	abandonmentRate: number | null;
	/** Answered within the threshold / offered (answered calls of unknown wait left out of both). */
	serviceLevel: number | null;
	answeredWithin: number;
	serviceLevelOffered: number;
	avgWaitS: number | null;
	p90WaitS: number | null;
	avgTalkS: number | null;
	openedCase: number;
	followUps: number;
	caseUnknown: number;
	/** Calls that waited in the queue at all, and those of them abandoned there. */
	queued: number;
	abandonedQueued: number;
	offeredPerDay: number | null;
}

/** The care unit's outbound calls: reached = the customer picked up. */
export interface OutboundCalls {
	calls: number;
	reached: number;
	reachRate: number | null;
	avgTalkS: number | null;
}

/** A rate against the previous period: the difference in percentage points and its two-proportion z-test. */
export interface RateChange {
	difference: number | null;
	test: ChangeTest | null;
}

export interface CallChanges {
	abandonment: RateChange;
	serviceLevel: RateChange;
	answerRate: RateChange;
	/** Relative change of the calls offered, in percent (a count: no test). */
	offered: number | null;
}

export interface WeekdayCalls {
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
	/** How many days of this weekday the period holds. */
	days: number;
	calls: number;
	openedCase: number;
	followUps: number;
	unknown: number;
	/** Averages per day of this weekday in the period (null when the period holds none of it). */
	perDay: number | null;
	openedCasePerDay: number | null;
	followUpsPerDay: number | null;
	unknownPerDay: number | null;
}

export interface HourCalls {
	hour: number;
	calls: number;
	/** Average per day of the period. */
	perDay: number | null;
}

export interface HeatCell {
	weekday: number;
	hour: number;
	calls: number;
	/** Average per day of this weekday in the period. */
	perDay: number | null;
}

export type PeriodCalls = Period & { inbound: InboundCalls; outboundCalls: number };

export interface QueueCalls {
	queue: string | null;
	inbound: InboundCalls | null;
	outboundCalls: number;
}

export interface CallReport {
	thresholdS: number;
	targetPct: number;
	days: number;
	inbound: { current: InboundCalls; previous: InboundCalls; changes: CallChanges };
	outbound: { current: OutboundCalls; previous: OutboundCalls };
	byPeriod: PeriodCalls[];
	byQueue: QueueCalls[];
	/** Incoming calls, weekdays in the unit's week order, all seven. */
	byWeekday: WeekdayCalls[];
	/** Incoming calls, hours 0-23. */
	byHour: HourCalls[];
	/** Incoming calls, every weekday × hour cell (weekdays in the unit's week order). */
	heatmap: HeatCell[];
}

/** How many of each weekday (0-6) a period of days holds. */
export function weekdayCounts(range: DateRange): number[] {
	const counts = [0, 0, 0, 0, 0, 0, 0];
	for (let d = range.from; d <= range.to; d = addDays(d, 1)) counts[weekdayOf(d)]!++;
	return counts;
}

function inboundOf(v: VolumeRow | undefined, s: ServiceRow | undefined, w: WaitRow | undefined, days: number): InboundCalls {
	const offered = v?.offered ?? 0;
	return {
		offered,
		answered: v?.answered ?? 0,
		abandoned: v?.abandoned ?? 0,
		answerRate: v?.answer_rate ?? null,
		abandonmentRate: v?.abandonment_rate ?? null,
		serviceLevel: s?.service_level ?? null,
		answeredWithin: s?.answered_within ?? 0,
		serviceLevelOffered: s?.offered ?? 0,
		avgWaitS: w?.avg_wait_s ?? null,
		p90WaitS: w?.p90_wait_s ?? null,
		avgTalkS: v?.avg_talk_s ?? null,
		openedCase: v?.opened_case ?? 0,
		followUps: v?.follow_ups ?? 0,
		caseUnknown: v?.case_unknown ?? 0,
		queued: w?.queued ?? 0,
		abandonedQueued: w?.abandoned_queued ?? 0,
		offeredPerDay: perDay(offered, days)
	};
}

function outboundOf(v: VolumeRow | undefined): OutboundCalls {
	return { calls: v?.offered ?? 0, reached: v?.answered ?? 0, reachRate: v?.answer_rate ?? null, avgTalkS: v?.avg_talk_s ?? null };
}

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function callChanges(current: InboundCalls, previous: InboundCalls): CallChanges {
	return {
		abandonment: {
			difference: difference(current.abandonmentRate, previous.abandonmentRate),
			test: twoProportionZTest(current.abandoned, current.offered, previous.abandoned, previous.offered)
		},
		serviceLevel: {
			difference: difference(current.serviceLevel, previous.serviceLevel),
			test: twoProportionZTest(current.answeredWithin, current.serviceLevelOffered, previous.answeredWithin, previous.serviceLevelOffered)
		},
		answerRate: {
			difference: difference(current.answerRate, previous.answerRate),
			test: twoProportionZTest(current.answered, current.offered, previous.answered, previous.offered)
		},
		offered: relativeChange(current.offered, previous.offered)
	};
}

interface CellRow {
	weekday: number;
	hour: number;
	calls: number;
	opened_case: number;
	follow_ups: number;
	case_unknown: number;
}

/** Incoming calls by weekday, by hour and by weekday × hour, as totals and averages per day. */
export function callShape(cells: CellRow[], range: DateRange, weekStart: number, days: number) {
	const counts = weekdayCounts(range);
	const order = weekdayOrder(weekStart);
	const sum = (rows: CellRow[], pick: (r: CellRow) => number) => rows.reduce((a, r) => a + pick(r), 0);
	const byWeekday: WeekdayCalls[] = order.map((weekday) => {
		const rows = cells.filter((c) => c.weekday === weekday);
		const d = counts[weekday]!;
		const calls = sum(rows, (r) => r.calls);
		const openedCase = sum(rows, (r) => r.opened_case);
		const followUps = sum(rows, (r) => r.follow_ups);
		const unknown = sum(rows, (r) => r.case_unknown);
		return {
			weekday,
			days: d,
			calls,
			openedCase,
			followUps,
			unknown,
			perDay: perDay(calls, d),
			openedCasePerDay: perDay(openedCase, d),
			followUpsPerDay: perDay(followUps, d),
			unknownPerDay: perDay(unknown, d)
		};
	});
	const byHour: HourCalls[] = Array.from({ length: 24 }, (_, hour) => {
		const calls = sum(
			cells.filter((c) => c.hour === hour),
			(r) => r.calls
		);
		return { hour, calls, perDay: perDay(calls, days) };
	});
	const heatmap: HeatCell[] = order.flatMap((weekday) =>
		Array.from({ length: 24 }, (_, hour) => {
			const calls = cells.find((c) => c.weekday === weekday && c.hour === hour)?.calls ?? 0;
			return { weekday, hour, calls, perDay: perDay(calls, counts[weekday]!) };
		})
	);
	return { byWeekday, byHour, heatmap };
}

/** What a caller needs beyond volumes and service level (the overview needs neither). */
export interface CallReportParts {
	/** Waits (average, 90th percentile, queued). Default true. */
	waits?: boolean;
	/** By weekday, by hour and the weekday × hour cells. Default true. */
	shape?: boolean;
}

export async function callReport(
	db: Database,
	filters: Filters,
	settings: KpiSettings,
	weekStart: number,
	periods?: Period[],
	parts: CallReportParts = {}
): Promise<CallReport> {
	const params = { ...kpiParams(filters, CALL_DIMENSIONS), threshold: settings.serviceLevelSeconds };
	const [volume, service, waits, cells, ps] = await Promise.all([
		db.cachedQuery<VolumeRow>('kpi/call_volume', params),
		db.cachedQuery<ServiceRow>('kpi/service_level', params),
		parts.waits === false ? Promise.resolve([] as WaitRow[]) : db.cachedQuery<WaitRow>('kpi/wait_time', params),
		parts.shape === false ? Promise.resolve([] as CellRow[]) : db.cachedQuery<CellRow & Record<string, unknown>>('calls/by_weekday_hour', params),
		periods ? Promise.resolve(periods) : periodsOf(db, filters)
	]);
	const inVolume = splitRows(volume.filter((r) => r.direction === 'inbound'));
	const outVolume = splitRows(volume.filter((r) => r.direction === 'outbound'));
	const sl = splitRows(service);
	const w = splitRows(waits);
	const current = inboundOf(inVolume.current, sl.current, w.current, filters.days);
	const previous = inboundOf(inVolume.previous, sl.previous, w.previous, filters.days);

	const byKey = <R extends KpiRow>(rows: R[]) => new Map(rows.map((r) => [r.key, r]));
	const volumeByPeriod = byKey(inVolume.scope('period'));
	const slByPeriod = byKey(sl.scope('period'));
	const waitByPeriod = byKey(w.scope('period'));
	const outByPeriod = byKey(outVolume.scope('period'));
	const byPeriod: PeriodCalls[] = ps.map((p) => ({
		...p,
		inbound: inboundOf(volumeByPeriod.get(p.period), slByPeriod.get(p.period), waitByPeriod.get(p.period), p.days),
		outboundCalls: outByPeriod.get(p.period)?.offered ?? 0
	}));

	const queues = [...new Set([...inVolume.scope('queue'), ...outVolume.scope('queue')].map((r) => r.key))];
	const byQueue: QueueCalls[] = queues.map((queue) => {
		const inRow = inVolume.scope('queue').find((r) => r.key === queue);
		return {
			queue,
			inbound: inRow ? inboundOf(inRow, undefined, undefined, filters.days) : null,
			outboundCalls: outVolume.scope('queue').find((r) => r.key === queue)?.offered ?? 0
		};
	});

	return {
		thresholdS: settings.serviceLevelSeconds,
		targetPct: settings.serviceLevelTarget,
		days: filters.days,
		inbound: { current, previous, changes: callChanges(current, previous) },
		outbound: { current: outboundOf(outVolume.current), previous: outboundOf(outVolume.previous) },
		byPeriod,
		byQueue,
		...callShape(cells, filters.range, weekStart, filters.days)
	};
}
