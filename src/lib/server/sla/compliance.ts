/**
 * SLA compliance and the live at-risk list, read from the clocks the refresh keeps
 * (sla_clocks); "now" only decides whether an open ticket is past its target yet.
 *
 * Compliance = met / (met + breached), for first response and for resolution, with n = met +
 * breached; open tickets still within target are pending (or at risk) and not counted.
 * Used by the SLA page, GET /api/kpi/sla and the executive overview's SLA tile.
 */
import type { Grain } from '../../calendar/periods';
import type { DateRange, Dimension, Filters, ParamError } from '../../filters';
import type { Database } from '../db/database';
import { readFilters, type RequestFilters } from '../filters';

/** The dimension filters the SLA views take. */
export const SLA_DIMENSIONS = ['priority', 'team', 'channel', 'segment'] as const satisfies readonly Dimension[];
export type SlaDimension = (typeof SLA_DIMENSIONS)[number];

export interface SlaFigure {
	met: number;
	breached: number;
	/** Open and within target (at risk included). */
	pending: number;
	atRisk: number;
	/** Without a target for their priority, or stopped without a recorded time. */
	notMeasured: number;
	/** met + breached. */
	n: number;
	/** met / (met + breached) × 100; null when n = 0. */
	compliance: number | null;
}

export interface SlaGroup {
	key: string | null;
	tickets: number;
	firstResponse: SlaFigure;
	resolution: SlaFigure;
}

export interface SlaCompliance {
	range: DateRange;
	grain: Grain;
	/** The moment the states are for. */
	asOf: string;
	tickets: number;
	firstResponse: SlaFigure;
	resolution: SlaFigure;
	byPriority: SlaGroup[];
	byTeam: SlaGroup[];
	byChannel: SlaGroup[];
	bySegment: SlaGroup[];
	/** One row per period of the grain, by local creation day. */
	trend: SlaGroup[];
}

type GroupRow = {
	key: string | null;
	tickets: number;
	fr_met: number;
	fr_breached: number;
	fr_pending: number;
	fr_at_risk: number;
	fr_not_measured: number;
	res_met: number;
	res_breached: number;
	res_pending: number;
	res_at_risk: number;
	res_not_measured: number;
};

export function figure(met: number, breached: number, pending: number, atRisk: number, notMeasured: number): SlaFigure {
	const n = met + breached;
	return { met, breached, pending: pending + atRisk, atRisk, notMeasured, n, compliance: n ? Math.round((met / n) * 1000) / 10 : null };
}

const group = (r: GroupRow): SlaGroup => ({
	key: r.key,
	tickets: r.tickets,
	firstResponse: figure(r.fr_met, r.fr_breached, r.fr_pending, r.fr_at_risk, r.fr_not_measured),
	resolution: figure(r.res_met, r.res_breached, r.res_pending, r.res_at_risk, r.res_not_measured)
});

const EMPTY: SlaGroup = group({ key: 'all', tickets: 0, fr_met: 0, fr_breached: 0, fr_pending: 0, fr_at_risk: 0, fr_not_measured: 0, res_met: 0, res_breached: 0, res_pending: 0, res_at_risk: 0, res_not_measured: 0 });

/**
 * SLA compliance for a period and dimension filters (the executive overview calls this for its
 * SLA tile; the SLA page and /api/kpi/sla too).
 */
export async function slaCompliance(db: Database, filters: Pick<Filters, 'range' | 'grain' | 'dims'>, now: Date = new Date()): Promise<SlaCompliance> {
	const params = {
		from: filters.range.from,
		to: filters.range.to,
		grain: filters.grain,
		now: now.toISOString(),
		priority: filters.dims.priority ?? null,
		team: filters.dims.team ?? null,
		channel: filters.dims.channel ?? null,
		segment: filters.dims.segment ?? null
	};
	const rows = await db.query<GroupRow & { dim: string }>('sla/compliance', params);
	const by = (dim: string) => rows.filter((r) => r.dim === dim).map(group);
	const [byPriority, byTeam, byChannel, bySegment, trend] = [by('priority'), by('team'), by('channel'), by('segment'), by('period')];
	const total = by('all')[0] ?? EMPTY;
	const order = ['critical', 'high', 'normal', 'low'];
	return {
		range: filters.range,
		grain: filters.grain,
		asOf: params.now,
		tickets: total.tickets,
		firstResponse: total.firstResponse,
		resolution: total.resolution,
		byPriority: byPriority.sort((a, b) => order.indexOf(a.key ?? '') - order.indexOf(b.key ?? '')),
		byTeam,
		byChannel,
		bySegment,
		trend
	};
}

/** The SLA compliance of a request (page or API): its filters from the URL, then the figures. */
export async function slaForRequest(db: Database, locale: { timeZone: string }, params: URLSearchParams, strict = false) {
	const request = await readFilters(db, locale, params, { accept: SLA_DIMENSIONS, strict });
	return { ...request, sla: await slaCompliance(db, request.filters) };
}

// ---- the live list ---------------------------------------------------------------------

export const STATES = ['at_risk', 'breached'] as const;
export const METRICS = ['first_response', 'resolution'] as const;
export type SlaState = (typeof STATES)[number];
export type SlaMetric = (typeof METRICS)[number];

export type AtRiskRow = {
	ticket_id: string;
	metric: SlaMetric;
	state: SlaState;
	priority: string | null;
	team: string | null;
	channel: string | null;
	assignee: string | null;
	segment: string | null;
	tier: string | null;
	status: string | null;
	customer_id: string | null;
	/** Left out for viewers who may not see customer names. */
	customer_name: string | null;
	created_at: string;
	due_at: string | null;
	clock: 'business' | 'calendar';
	paused: boolean;
	target_s: number;
	elapsed_s: number;
	/** target − elapsed; negative: over the target by that much. */
	left_s: number;
	subject: string | null;
};

export interface AtRiskQuery {
	dims: Partial<Record<SlaDimension, string>>;
	state?: SlaState | null;
	metric?: SlaMetric | null;
	page?: number;
	pageSize?: number;
}

/** Who is looking: an executive sees no customer names (PII stays with the support roles). */
export interface Viewer {
	role?: string;
}

export const PAGE_SIZE = 50;
export const EXPORT_LIMIT = 100_000;

export async function atRiskList(db: Database, q: AtRiskQuery, viewer: Viewer | null = null, now: Date = new Date()): Promise<{ rows: AtRiskRow[]; total: number; asOf: string }> {
	const pageSize = q.pageSize ?? PAGE_SIZE;
	const page = Math.max(1, q.page ?? 1);
	const rows = await db.query<AtRiskRow & { total: number }>('sla/at_risk', {
		now: now.toISOString(),
		priority: q.dims.priority ?? null,
		team: q.dims.team ?? null,
		channel: q.dims.channel ?? null,
		segment: q.dims.segment ?? null,
		state: q.state ?? null,
		metric: q.metric ?? null,
		limit: pageSize,
		offset: (page - 1) * pageSize
	});
	const hideNames = viewer?.role === 'executive';
	return {
		rows: rows.map(({ total: _total, ...r }) => ({ ...r, customer_name: hideNames ? null : r.customer_name })),
		total: rows[0]?.total ?? 0,
		asOf: now.toISOString()
	};
}

/** The list's own parameters (state, metric, page), checked; the dimension filters come from readFilters. */
export function parseListParams(params: URLSearchParams): { state: SlaState | null; metric: SlaMetric | null; page: number; errors: ParamError[] } {
	const errors: ParamError[] = [];
	const pick = <T extends string>(name: string, allowed: readonly T[]): T | null => {
		const raw = params.get(name);
		if (!raw) return null;
		if ((allowed as readonly string[]).includes(raw)) return raw as T;
		errors.push({ param: name, key: 'filter.error.notInList', params: { param: name, value: raw.slice(0, 40), allowed: allowed.join(', ') } });
		return null;
	};
	const state = pick('state', STATES);
	const metric = pick('metric', METRICS);
	let page = 1;
	const rawPage = params.get('page');
	if (rawPage) {
		if (/^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
		else errors.push({ param: 'page', key: 'sla.error.badParam', params: { name: 'page', reason: rawPage.slice(0, 20) } });
	}
	return { state, metric, page, errors };
}

/** The at-risk list of a request: dimension filters and list parameters from the URL. */
export async function atRiskForRequest(db: Database, locale: { timeZone: string }, params: URLSearchParams, viewer: Viewer | null, options: { strict?: boolean; pageSize?: number } = {}) {
	const request: RequestFilters = await readFilters(db, locale, params, { accept: SLA_DIMENSIONS, known: ['state', 'metric', 'page', 'format'], strict: options.strict });
	const list = parseListParams(params);
	// The list is of open tickets now: the period does not apply, so its errors do not either.
	const errors = [...request.errors.filter((e) => e.param !== 'from' && e.param !== 'to' && e.param !== 'grain'), ...list.errors];
	const result = await atRiskList(db, { dims: request.filters.dims, state: list.state, metric: list.metric, page: list.page, pageSize: options.pageSize }, viewer);
	return { ...result, page: list.page, pageSize: options.pageSize ?? PAGE_SIZE, state: list.state, metric: list.metric, dims: request.filters.dims, errors };
}

/** The values the filter menus offer (teams, channels, segments that occur in the clocks). */
export async function slaDimensionValues(db: Database): Promise<Record<'team' | 'channel' | 'segment', string[]>> {
	const out: Record<'team' | 'channel' | 'segment', string[]> = { team: [], channel: [], segment: [] };
	// sla_clocks is written only in the refresh's transaction: the menus' values keep until the next one.
	for (const r of await db.cachedQuery<{ dim: 'team' | 'channel' | 'segment'; value: string }>('sla/dimension_values')) out[r.dim].push(r.value);
	return out;
}

/** Open tickets with a breached time, and with an at-risk time (and none breached), now. */
export async function openCounts(db: Database, now: Date = new Date()): Promise<{ breached: number; atRisk: number }> {
	const [r] = await db.query<{ breached: number; at_risk: number }>('sla/open_counts', { now: now.toISOString() });
	return { breached: r?.breached ?? 0, atRisk: r?.at_risk ?? 0 };
}

// ---- the help desk's own figures ------------------------------------------------------

/** One time (first reply or resolution): the product's median beside the help desk's own. */
export interface SourceFigure {
	/** Tickets with both the help desk's figure and a stopped clock of ours. */
	n: number;
	/** Our clock's median, in seconds, and what it counts (business or calendar time). */
	ours: number | null;
	oursClock: 'business' | 'calendar' | null;
	/** The help desk's medians, in seconds: within its business hours, and in calendar time. */
	theirsBusiness: number | null;
	theirsCalendar: number | null;
}

export interface SourceFigures {
	firstResponse: SourceFigure;
	resolution: SourceFigure;
}

interface SourceRow {
	fr_n: number;
	fr_ours_minutes: number | null;
	fr_ours_clock: string | null;
	fr_theirs_business_minutes: number | null;
	fr_theirs_calendar_minutes: number | null;
	res_n: number;
	res_ours_minutes: number | null;
	res_ours_clock: string | null;
	res_theirs_business_minutes: number | null;
	res_theirs_calendar_minutes: number | null;
}

const seconds = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : Math.round(minutes * 60));
const clockOf = (c: string | null | undefined) => (c === 'business' || c === 'calendar' ? c : null);

/**
 * The help desk's own first-reply and resolution times (loaded from its export) beside the
 * product's clocks, for the SLA page: null when no ticket of the period has them.
 */
export async function sourceFigures(db: Database, filters: Pick<Filters, 'range' | 'dims'>): Promise<SourceFigures | null> {
	// Clocks and tickets change only in committed transactions (refresh, load): cached until the next.
	const [r] = await db.cachedQuery<SourceRow & Record<string, unknown>>('sla/source_figures', {
		from: filters.range.from,
		to: filters.range.to,
		priority: filters.dims.priority ?? null,
		team: filters.dims.team ?? null,
		channel: filters.dims.channel ?? null,
		segment: filters.dims.segment ?? null
	});
	if (!r || (r.fr_n === 0 && r.res_n === 0)) return null;
	return {
		firstResponse: { n: r.fr_n, ours: seconds(r.fr_ours_minutes), oursClock: clockOf(r.fr_ours_clock), theirsBusiness: seconds(r.fr_theirs_business_minutes), theirsCalendar: seconds(r.fr_theirs_calendar_minutes) },
		resolution: { n: r.res_n, ours: seconds(r.res_ours_minutes), oursClock: clockOf(r.res_ours_clock), theirsBusiness: seconds(r.res_theirs_business_minutes), theirsCalendar: seconds(r.res_theirs_calendar_minutes) }
	};
}
