/**
 * The JSON of the KPI API (GET /api/kpi/nps, /api/kpi/csat, /api/kpi/calls; documented in the
 * README): the same domain reports the pages show, in snake_case, percentages from 0 to 100,
 * figures rounded to two decimals, each with `previous: {…}` for the previous period of the
 * same length and `change` with its test.
 */
import type { Filters } from '../../filters';
import type { CallReport, InboundCalls, OutboundCalls } from './calls';
import type { ChangeTest } from './stats';
import type { Csat, KpiReport, Nps } from './surveys';

const r2 = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 100) / 100);

function period(filters: Filters) {
	return {
		from: filters.range.from,
		to: filters.range.to,
		days: filters.days,
		grain: filters.grain,
		filters: filters.dims
	};
}

function testJson(test: ChangeTest | null) {
	if (!test) return null;
	return {
		method: test.method,
		significant: test.significant,
		n: test.n,
		previous_n: test.previousN,
		...(test.z !== undefined ? { z: r2(test.z), p_value: test.p === undefined ? null : Math.round(test.p * 10000) / 10000 } : {}),
		...(test.combinedMargin !== undefined ? { combined_margin: r2(test.combinedMargin) } : {})
	};
}

const npsFigures = (n: Nps) => ({
	nps: r2(n.nps),
	n: n.n,
	promoters: n.promoters,
	passives: n.passives,
	detractors: n.detractors,
	margin_of_error: r2(n.marginOfError),
	small_sample: n.smallSample
});

export function npsJson(filters: Filters, r: KpiReport<Nps>) {
	return {
		...period(filters),
		...npsFigures(r.current),
		previous: { from: filters.previous.from, to: filters.previous.to, ...npsFigures(r.previous) },
		change: { difference: r2(r.difference), test: testJson(r.test) },
		by_period: r.byPeriod.map((p) => ({ period: p.period, first_day: p.firstDay, last_day: p.lastDay, ...npsFigures(p) }))
	};
}

const csatFigures = (c: Csat) => ({
	csat: r2(c.csat),
	n: c.n,
	satisfied: c.satisfied,
	ci_low: r2(c.ciLow),
	ci_high: r2(c.ciHigh),
	small_sample: c.smallSample
});

export function csatJson(filters: Filters, r: KpiReport<Csat>) {
	return {
		...period(filters),
		...csatFigures(r.current),
		previous: { from: filters.previous.from, to: filters.previous.to, ...csatFigures(r.previous) },
		change: { difference: r2(r.difference), test: testJson(r.test) },
		by_period: r.byPeriod.map((p) => ({ period: p.period, first_day: p.firstDay, last_day: p.lastDay, ...csatFigures(p) }))
	};
}

const inboundFigures = (c: InboundCalls) => ({
	offered: c.offered,
	answered: c.answered,
	abandoned: c.abandoned,
	answer_rate: r2(c.answerRate),
	abandonment_rate: r2(c.abandonmentRate),
	service_level: r2(c.serviceLevel),
	answered_within_threshold: c.answeredWithin,
	service_level_offered: c.serviceLevelOffered,
	avg_wait_s: r2(c.avgWaitS),
	p90_wait_s: c.p90WaitS,
	avg_talk_s: r2(c.avgTalkS),
	opened_case: c.openedCase,
	follow_ups: c.followUps,
	case_unknown: c.caseUnknown,
	queued: c.queued,
	abandoned_in_queue: c.abandonedQueued,
	offered_per_day: c.offeredPerDay
});

const outboundFigures = (c: OutboundCalls) => ({ calls: c.calls, reached: c.reached, reach_rate: r2(c.reachRate), avg_talk_s: r2(c.avgTalkS) });

export function callsJson(filters: Filters, r: CallReport) {
	return {
		...period(filters),
		direction: 'inbound',
		service_level_threshold_s: r.thresholdS,
		service_level_target: r.targetPct,
		...inboundFigures(r.inbound.current),
		by_weekday: r.byWeekday.map((d) => ({ weekday: d.weekday, days: d.days, calls: d.calls, calls_per_day: d.perDay, opened_case: d.openedCase, follow_ups: d.followUps })),
		by_hour: r.byHour.map((h) => ({ hour: h.hour, calls: h.calls, calls_per_day: h.perDay })),
		by_period: r.byPeriod.map((p) => ({ period: p.period, first_day: p.firstDay, last_day: p.lastDay, ...inboundFigures(p.inbound), outbound_calls: p.outboundCalls })),
		by_queue: r.byQueue.map((q) => ({ queue: q.queue, offered: q.inbound?.offered ?? 0, answered: q.inbound?.answered ?? 0, abandoned: q.inbound?.abandoned ?? 0, abandonment_rate: r2(q.inbound?.abandonmentRate), outbound_calls: q.outboundCalls })),
		outbound: { ...outboundFigures(r.outbound.current), previous: outboundFigures(r.outbound.previous) },
		previous: { from: filters.previous.from, to: filters.previous.to, ...inboundFigures(r.inbound.previous) },
		change: {
			offered_relative: r2(r.inbound.changes.offered),
			abandonment_rate: { difference: r2(r.inbound.changes.abandonment.difference), test: testJson(r.inbound.changes.abandonment.test) },
			service_level: { difference: r2(r.inbound.changes.serviceLevel.difference), test: testJson(r.inbound.changes.serviceLevel.test) },
			answer_rate: { difference: r2(r.inbound.changes.answerRate.difference), test: testJson(r.inbound.changes.answerRate.test) }
		}
	};
}
