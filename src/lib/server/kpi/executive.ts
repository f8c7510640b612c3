/**
 * The executive overview (the home page and GET /api/overview): NPS, CSAT, tickets opened,
 * incoming calls offered, abandonment and service level, each with its trend and its change
 * against the previous period of the same length; the ticket mix; and the SLA compliance tile.
 *
 * SLA compliance comes from the SLA domain (src/lib/server/sla/compliance.ts: met / (met +
 * breached) of the tickets created in the period, per the policies in force), for the same
 * period and filters.
 */
import type { Filters } from '../../filters';
import type { Database } from '../db/database';
import type { KpiSettings } from '../settings';
import { periodsOf, type Period } from './common';
import { callReport, type CallReport } from './calls';
import { csatReport, npsReport, type Csat, type KpiReport, type Nps } from './surveys';
import { ticketReport, type TicketReport } from './tickets';
import { slaCompliance, type SlaFigure } from '../sla/compliance';

const measure = ({ met, breached, n, atRisk, compliance }: SlaFigure): SlaMeasure => ({ met, breached, n, atRisk, compliance });

/** The filters of the executive page: the period, segment, channel and team. */
export const EXECUTIVE_DIMENSIONS = ['segment', 'channel', 'team'] as const;

/** One of the two SLA times (first response, resolution): met / (met + breached), with n = met + breached. */
export type SlaMeasure = Pick<SlaFigure, 'met' | 'breached' | 'n' | 'atRisk' | 'compliance'>;

export interface SlaTile {
	firstResponse: SlaMeasure;
	resolution: SlaMeasure;
}

export interface ExecutiveOverview {
	periods: Period[];
	nps: Omit<KpiReport<Nps>, 'byDimension'>;
	csat: Omit<KpiReport<Csat>, 'byDimension'>;
	tickets: TicketReport;
	calls: Pick<CallReport, 'thresholdS' | 'targetPct' | 'inbound' | 'outbound' | 'byPeriod'>;
	sla: SlaTile;
}

export async function executiveOverview(
	db: Database,
	filters: Filters,
	settings: KpiSettings,
	weekStart: number
): Promise<ExecutiveOverview> {
	// Each report binds the filters it knows. Calls have no ticket channel or team: with either
	// filter set they are shown unfiltered by it, and the page says so (callsIgnoreFilters).
	const periods = await periodsOf(db, filters);
	const [nps, csat, tickets, calls, sla] = await Promise.all([
		npsReport(db, filters, settings, periods),
		csatReport(db, filters, settings, periods),
		ticketReport(db, filters, settings, periods),
		callReport(db, filters, settings, weekStart, periods, { waits: false, shape: false }),
		slaCompliance(db, filters)
	]);
	const { byDimension: _n, ...npsTrend } = nps;
	const { byDimension: _c, ...csatTrend } = csat;
	return {
		periods,
		nps: npsTrend,
		csat: csatTrend,
		tickets,
		calls: { thresholdS: calls.thresholdS, targetPct: calls.targetPct, inbound: calls.inbound, outbound: calls.outbound, byPeriod: calls.byPeriod },
		sla: { firstResponse: measure(sla.firstResponse), resolution: measure(sla.resolution) }
	};
}

/** The filters set on the page that the call figures cannot follow (calls have no channel or team). */
export function callsIgnoreFilters(filters: Filters): ('channel' | 'team')[] {
	return (['channel', 'team'] as const).filter((d) => filters.dims[d]);
}

