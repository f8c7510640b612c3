/**
 * The KPI pages' tables as downloads (../export): the same rows and figures the Overview,
 * Surveys and Calls pages show, with raw numbers (percentages 0-100, durations in seconds) and
 * labels in the reader's language. Periods come with their first and last day.
 */
import type { Grain } from '../../calendar/periods';
import { valueLabel } from '../../i18n/values';
import type { ColumnOf } from '../export/table';
import { tableOf, type ExportTable } from '../export/table';
import type { TableContext } from '../export/request';
import type { Answer } from './answers';
import type { PeriodCalls, QueueCalls, WeekdayCalls } from './calls';
import type { Period } from './common';
import type { ExecutiveOverview } from './executive';
import type { Csat, Nps, SurveyDimension } from './surveys';
import type { MixEntry } from './tickets';

const r2 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

function periodColumns<R extends Period>(c: TableContext, grain: Grain): ColumnOf<R>[] {
	return [
		{ key: 'period', label: c.t('kpi.period'), type: 'text', value: (p) => c.fmt.period(p.period, grain) },
		{ key: 'first_day', label: c.t('export.col.firstDay'), type: 'date', value: (p) => p.firstDay },
		{ key: 'last_day', label: c.t('export.col.lastDay'), type: 'date', value: (p) => p.lastDay }
	];
}

/** Overview: tickets by channel or by category, against the previous period. */
export function mixTable(c: TableContext, dimension: 'channel' | 'category', rows: MixEntry[]): ExportTable {
	return tableOf<MixEntry>(
		`tickets-by-${dimension}`,
		[
			{ key: dimension, label: c.t(dimension === 'channel' ? 'filter.channel' : 'filter.category'), type: 'text', value: (r) => valueLabel(c.t, dimension, r.key) },
			{ key: `${dimension}_code`, label: c.t('export.col.code'), type: 'text', value: (r) => r.key },
			{ key: 'tickets', label: c.t('kpi.tickets.count'), type: 'integer', value: (r) => r.tickets },
			{ key: 'share_pct', label: c.t('kpi.tickets.share'), type: 'number', value: (r) => r2(r.share) },
			{ key: 'previous', label: c.t('kpi.tickets.previous'), type: 'integer', value: (r) => r.previous },
			{ key: 'change_pct', label: c.t('kpi.tickets.change'), type: 'number', value: (r) => r2(r.change) }
		],
		rows
	);
}

const npsColumns = <R extends { nps: Nps | null }>(c: TableContext): ColumnOf<R>[] => [
	{ key: 'nps', label: c.t('kpi.nps'), type: 'number', value: (r) => (r.nps && r.nps.n ? r2(r.nps.nps) : null) },
	{ key: 'nps_margin', label: c.t('export.col.npsMargin'), type: 'number', value: (r) => (r.nps && r.nps.n ? r2(r.nps.marginOfError) : null) },
	{ key: 'nps_n', label: c.t('export.col.npsN'), type: 'integer', value: (r) => r.nps?.n ?? 0 },
	{ key: 'promoters', label: c.t('kpi.band.promoter'), type: 'integer', value: (r) => r.nps?.promoters ?? 0 },
	{ key: 'passives', label: c.t('kpi.band.passive'), type: 'integer', value: (r) => r.nps?.passives ?? 0 },
	{ key: 'detractors', label: c.t('kpi.band.detractor'), type: 'integer', value: (r) => r.nps?.detractors ?? 0 }
];

const csatColumns = <R extends { csat: Csat | null }>(c: TableContext): ColumnOf<R>[] => [
	{ key: 'csat_pct', label: c.t('kpi.csat'), type: 'number', value: (r) => (r.csat && r.csat.n ? r2(r.csat.csat) : null) },
	{ key: 'csat_ci_low', label: c.t('export.col.ciLow'), type: 'number', value: (r) => (r.csat && r.csat.n ? r2(r.csat.ciLow) : null) },
	{ key: 'csat_ci_high', label: c.t('export.col.ciHigh'), type: 'number', value: (r) => (r.csat && r.csat.n ? r2(r.csat.ciHigh) : null) },
	{ key: 'csat_n', label: c.t('export.col.csatN'), type: 'integer', value: (r) => r.csat?.n ?? 0 },
	{ key: 'satisfied', label: c.t('kpi.band.satisfied'), type: 'integer', value: (r) => r.csat?.satisfied ?? 0 }
];

/** Surveys: NPS and CSAT per period. */
export function surveyPeriodTable(c: TableContext, grain: Grain, rows: (Period & { nps: Nps; csat: Csat })[]): ExportTable {
	type R = (typeof rows)[number];
	return tableOf<R>('surveys-by-period', [...periodColumns<R>(c, grain), ...npsColumns<R>(c), ...csatColumns<R>(c)], rows);
}

/** Surveys: NPS and CSAT per value of a dimension. */
export function surveyBreakdownTable(c: TableContext, dimension: SurveyDimension, rows: { key: string | null; nps: Nps | null; csat: Csat | null }[]): ExportTable {
	type R = (typeof rows)[number];
	return tableOf<R>(
		`surveys-by-${dimension}`,
		[{ key: dimension, label: c.t(`filter.${dimension}`), type: 'text', value: (r) => valueLabel(c.t, dimension, r.key) }, ...npsColumns<R>(c), ...csatColumns<R>(c)],
		rows
	);
}

/** Surveys: the answers (names and comments only where the viewer may see them: the rows say). */
export function answersTable(c: TableContext, rows: Answer[], withComments: boolean): ExportTable {
	return tableOf<Answer>(
		'survey-answers',
		[
			{ key: 'id', label: c.t('export.col.answerId'), type: 'text', value: (a) => a.id },
			{ key: 'answered_at', label: c.t('kpi.answers.when'), type: 'timestamp', value: (a) => a.answeredAt },
			{ key: 'kind', label: c.t('export.col.kind'), type: 'text', value: (a) => (a.kind === 'nps' ? c.t('kpi.nps') : c.t('kpi.csat')) },
			{ key: 'score', label: c.t('kpi.answers.score'), type: 'integer', value: (a) => a.score },
			{ key: 'band', label: c.t('export.col.band'), type: 'text', value: (a) => c.t(`kpi.band.${a.band}`) },
			{ key: 'customer_id', label: c.t('export.col.customerId'), type: 'text', value: (a) => a.customerId },
			{ key: 'customer', label: c.t('kpi.answers.customer'), type: 'text', value: (a) => a.customerName },
			{ key: 'segment', label: c.t('filter.segment'), type: 'text', value: (a) => (a.segment ? valueLabel(c.t, 'segment', a.segment) : null) },
			{ key: 'occasion', label: c.t('filter.occasion'), type: 'text', value: (a) => valueLabel(c.t, 'occasion', a.occasion) },
			{ key: 'channel', label: c.t('filter.channel'), type: 'text', value: (a) => valueLabel(c.t, 'channel', a.channel) },
			...(withComments ? [{ key: 'comment', label: c.t('kpi.answers.comment'), type: 'text' as const, value: (a: Answer) => a.comment }] : []),
			{ key: 'ticket_id', label: c.t('kpi.answers.ticket'), type: 'text', value: (a) => a.ticketId }
		],
		rows
	);
}

/** Calls: incoming calls per period. */
export function callPeriodTable(c: TableContext, grain: Grain, rows: PeriodCalls[]): ExportTable {
	return tableOf<PeriodCalls>(
		'calls-by-period',
		[
			...periodColumns<PeriodCalls>(c, grain),
			{ key: 'offered', label: c.t('kpi.calls.offeredShort'), type: 'integer', value: (p) => p.inbound.offered },
			{ key: 'answered', label: c.t('kpi.calls.answered'), type: 'integer', value: (p) => p.inbound.answered },
			{ key: 'abandoned', label: c.t('export.col.abandoned'), type: 'integer', value: (p) => p.inbound.abandoned },
			{ key: 'abandonment_pct', label: c.t('kpi.calls.abandonment'), type: 'number', value: (p) => r2(p.inbound.abandonmentRate) },
			{ key: 'service_level_pct', label: c.t('kpi.calls.serviceLevel'), type: 'number', value: (p) => r2(p.inbound.serviceLevel) },
			{ key: 'avg_wait_s', label: c.t('export.col.avgWaitS'), type: 'number', value: (p) => r2(p.inbound.avgWaitS) },
			{ key: 'p90_wait_s', label: c.t('export.col.p90WaitS'), type: 'number', value: (p) => r2(p.inbound.p90WaitS) },
			{ key: 'outbound', label: c.t('kpi.calls.outboundShort'), type: 'integer', value: (p) => p.outboundCalls }
		],
		rows
	);
}

/** Calls: incoming calls per weekday, in the unit's week order. */
export function callWeekdayTable(c: TableContext, rows: WeekdayCalls[]): ExportTable {
	return tableOf<WeekdayCalls>(
		'calls-by-weekday',
		[
			{ key: 'weekday', label: c.t('overview.table.weekday'), type: 'text', value: (w) => c.fmt.weekday(w.weekday) },
			{ key: 'days', label: c.t('export.col.days'), type: 'integer', value: (w) => w.days },
			{ key: 'opened_case', label: c.t('overview.series.openedCase'), type: 'integer', value: (w) => w.openedCase },
			{ key: 'follow_ups', label: c.t('overview.series.followUp'), type: 'integer', value: (w) => w.followUps },
			{ key: 'unknown', label: c.t('overview.series.unknown'), type: 'integer', value: (w) => w.unknown },
			{ key: 'calls', label: c.t('overview.table.total'), type: 'integer', value: (w) => w.calls },
			{ key: 'per_day', label: c.t('overview.table.perDay'), type: 'number', value: (w) => r2(w.perDay) }
		],
		rows
	);
}

/** Calls: by queue. */
export function callQueueTable(c: TableContext, rows: QueueCalls[]): ExportTable {
	return tableOf<QueueCalls>(
		'calls-by-queue',
		[
			{ key: 'queue', label: c.t('filter.queue'), type: 'text', value: (q) => valueLabel(c.t, 'queue', q.queue) },
			{ key: 'offered', label: c.t('kpi.calls.offeredShort'), type: 'integer', value: (q) => q.inbound?.offered ?? 0 },
			{ key: 'answered', label: c.t('kpi.calls.answered'), type: 'integer', value: (q) => q.inbound?.answered ?? 0 },
			{ key: 'abandonment_pct', label: c.t('kpi.calls.abandonment'), type: 'number', value: (q) => r2(q.inbound?.abandonmentRate) },
			{ key: 'avg_talk_s', label: c.t('export.col.avgTalkS'), type: 'number', value: (q) => r2(q.inbound?.avgTalkS) },
			{ key: 'outbound', label: c.t('kpi.calls.outboundShort'), type: 'integer', value: (q) => q.outboundCalls }
		],
		rows
	);
}

/**
 * The executive overview's headline figures as one row per KPI (the API's ?format= table):
 * the value now, in the previous period of the same length, the change, and n where it has one.
 * Rates and shares 0-100; the change of counts is relative (percent), of rates in points.
 */
export function overviewKpiRecords(o: ExecutiveOverview) {
	const calls = o.calls.inbound;
	const row = (metric: string, unit: string, value: number | null, previous: number | null, change: number | null, n: number | null = null, previousN: number | null = null) => ({
		metric,
		unit,
		value: r2(value),
		previous: r2(previous),
		change: r2(change),
		n,
		previous_n: previousN
	});
	return [
		row('nps', 'score', o.nps.current.nps, o.nps.previous.nps, o.nps.difference, o.nps.current.n, o.nps.previous.n),
		row('csat', 'percent', o.csat.current.csat, o.csat.previous.csat, o.csat.difference, o.csat.current.n, o.csat.previous.n),
		row('tickets', 'count', o.tickets.tickets, o.tickets.previous, o.tickets.change),
		row('tickets_per_day', 'count', o.tickets.perDay, o.tickets.previousPerDay, null),
		row('self_service', 'percent', o.tickets.selfService.current.share, o.tickets.selfService.previous.share, o.tickets.selfService.difference, o.tickets.selfService.current.tickets, o.tickets.selfService.previous.tickets),
		row('calls_offered', 'count', calls.current.offered, calls.previous.offered, calls.changes.offered),
		row('calls_answer_rate', 'percent', calls.current.answerRate, calls.previous.answerRate, calls.changes.answerRate.difference, calls.current.offered, calls.previous.offered),
		row('calls_abandonment', 'percent', calls.current.abandonmentRate, calls.previous.abandonmentRate, calls.changes.abandonment.difference, calls.current.offered, calls.previous.offered),
		row('calls_service_level', 'percent', calls.current.serviceLevel, calls.previous.serviceLevel, calls.changes.serviceLevel.difference, calls.current.serviceLevelOffered, calls.previous.serviceLevelOffered),
		row('sla_first_response', 'percent', o.sla.firstResponse.compliance, null, null, o.sla.firstResponse.n),
		row('sla_resolution', 'percent', o.sla.resolution.compliance, null, null, o.sla.resolution.n)
	];
}
