/**
 * Ticket KPIs: tickets opened (per day, against the previous period), the ticket mix by
 * channel and by category with their trends, and the self-service share. Definitions live in
 * queries/kpi/tickets_opened.sql and queries/kpi/self_service_share.sql.
 */
import type { Dimension, Filters } from '../../filters';
import type { Database } from '../db/database';
import type { KpiSettings } from '../settings';
import { kpiParams, perDay, periodsOf, relativeChange, splitRows, type KpiRow, type Period } from './common';
import { twoProportionZTest, type ChangeTest } from './stats';

/** The filters the ticket KPIs take. */
export const TICKET_DIMENSIONS = ['segment', 'channel', 'team'] as const satisfies readonly Dimension[];

interface TicketRow extends KpiRow {
	key2: string | null;
	tickets: number;
}

interface ShareRow extends KpiRow {
	self_service: number;
	tickets: number;
	share: number | null;
}

export interface MixEntry {
	/** The channel or category (null: not recorded). */
	key: string | null;
	tickets: number;
	/** Share of the period's tickets, 0-100. */
	share: number | null;
	previous: number;
	/** Relative change of the count, in percent (null when there were none before). */
	change: number | null;
	/** Tickets per period of the range, in the order of `periods`. */
	trend: number[];
}

export interface SelfService {
	selfService: number;
	tickets: number;
	share: number | null;
}

export interface TicketReport {
	tickets: number;
	perDay: number | null;
	previous: number;
	previousPerDay: number | null;
	/** Relative change of the count, in percent. No significance test for counts. */
	change: number | null;
	byPeriod: (Period & { tickets: number })[];
	byChannel: MixEntry[];
	byCategory: MixEntry[];
	selfService: {
		channels: string[];
		current: SelfService;
		previous: SelfService;
		difference: number | null;
		test: ChangeTest | null;
		byPeriod: (Period & SelfService)[];
	};
}

function mix(rows: TicketRow[], scope: 'channel' | 'category', periods: Period[], total: number): MixEntry[] {
	const current = rows.filter((r) => r.cohort === 'current' && r.scope === scope);
	const previous = rows.filter((r) => r.cohort === 'previous' && r.scope === scope);
	const perPeriod = rows.filter((r) => r.cohort === 'current' && r.scope === `period_${scope}`);
	const keys = [...new Set([...current, ...previous].map((r) => r.key))];
	return keys
		.map((key) => {
			const tickets = current.find((r) => r.key === key)?.tickets ?? 0;
			const before = previous.find((r) => r.key === key)?.tickets ?? 0;
			return {
				key,
				tickets,
				share: total > 0 ? (100 * tickets) / total : null,
				previous: before,
				change: relativeChange(tickets, before),
				trend: periods.map((p) => perPeriod.find((r) => r.key === p.period && r.key2 === key)?.tickets ?? 0)
			};
		})
		.sort((a, b) => b.tickets - a.tickets || b.previous - a.previous);
}

const selfServiceOf = (r: ShareRow | undefined): SelfService => ({ selfService: r?.self_service ?? 0, tickets: r?.tickets ?? 0, share: r?.share ?? null });

export async function ticketReport(db: Database, filters: Filters, settings: KpiSettings, periods?: Period[]): Promise<TicketReport> {
	const params = { ...kpiParams(filters, TICKET_DIMENSIONS), self_service: JSON.stringify(settings.selfServiceChannels) };
	const [rows, shares, ps] = await Promise.all([
		db.cachedQuery<TicketRow>('kpi/tickets_opened', params),
		db.cachedQuery<ShareRow>('kpi/self_service_share', params),
		periods ? Promise.resolve(periods) : periodsOf(db, filters)
	]);
	const s = splitRows(rows);
	const tickets = s.current?.tickets ?? 0;
	const previous = s.previous?.tickets ?? 0;
	const byPeriod = new Map(s.scope('period').map((r) => [r.key, r.tickets]));
	const share = splitRows(shares);
	const shareByPeriod = new Map(share.scope('period').map((r) => [r.key, r]));
	const current = selfServiceOf(share.current);
	const before = selfServiceOf(share.previous);
	return {
		tickets,
		perDay: perDay(tickets, filters.days),
		previous,
		previousPerDay: perDay(previous, filters.days),
		change: relativeChange(tickets, previous),
		byPeriod: ps.map((p) => ({ ...p, tickets: byPeriod.get(p.period) ?? 0 })),
		byChannel: mix(rows, 'channel', ps, tickets),
		byCategory: mix(rows, 'category', ps, tickets),
		selfService: {
			channels: settings.selfServiceChannels,
			current,
			previous: before,
			difference: current.share !== null && before.share !== null ? current.share - before.share : null,
			test: twoProportionZTest(current.selfService, current.tickets, before.selfService, before.tickets),
			byPeriod: ps.map((p) => ({ ...p, ...selfServiceOf(shareByPeriod.get(p.period)) }))
		}
	};
}
