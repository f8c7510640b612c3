/**
 * The overview: headline numbers and calls by weekday for a period of local days.
 * Shared by the page and its JSON endpoint (/api/overview).
 */
import { daysBetween, weekdayOf, weekdayOrder } from '../../calendar';
import type { Database } from '../db/database';
import type { DateRange } from '../../filters';
import { readFilters } from '../filters';

export interface WeekdayCalls {
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
	/** How many days of this weekday the period holds (to turn totals into per-day averages). */
	days: number;
	calls: number;
	openedCase: number;
	followUps: number;
	unknown: number;
	/** Averages per day of this weekday in the period (0 when the period holds none of it). */
	perDay: number;
	openedCasePerDay: number;
	followUpsPerDay: number;
	unknownPerDay: number;
}

/** Average per day, one decimal; 0 when there are no days. */
export function perDay(total: number, days: number): number {
	return days > 0 ? Math.round((total / days) * 10) / 10 : 0;
}

export interface Overview {
	range: DateRange & { days: number };
	tickets: number;
	ticketsPerDay: number;
	/** All calls; the rest are of incoming calls only. */
	calls: { total: number; inbound: number; inboundAnswered: number; inboundAnsweredPct: number | null; openedCase: number; followUps: number };
	surveys: { total: number; nps: number; csat: number };
	/** Incoming calls, in the unit's week order, all seven days. */
	callsByWeekday: WeekdayCalls[];
	dataExtent: { firstDay: string; lastDay: string } | null;
}

/** How many of each weekday (0-6) a period of days holds: whole weeks, then the days left over from its first weekday on. */
export function weekdayCounts(range: DateRange): number[] {
	const total = daysBetween(range.from, range.to) + 1;
	const counts = Array<number>(7).fill(Math.floor(total / 7));
	const first = weekdayOf(range.from);
	for (let i = 0; i < total % 7; i++) counts[(first + i) % 7]!++;
	return counts;
}

interface Headline {
	tickets: number;
	calls: number;
	calls_inbound: number;
	calls_inbound_answered: number;
	calls_opened_case: number;
	calls_follow_up: number;
	surveys: number;
	surveys_nps: number;
	surveys_csat: number;
}

export async function getOverview(db: Database, range: DateRange, weekStart: number): Promise<Overview> {
	const params = { from: range.from, to: range.to };
	// Rollup reads: cached until the next refresh, and run side by side on their own connections.
	const [[headline], byWeekday, [extent]] = await Promise.all([
		db.cachedQuery<Headline & Record<string, unknown>>('overview/headline_counts', params),
		db.cachedQuery<{ weekday: number; calls: number; opened_case: number; follow_ups: number; case_unknown: number }>('overview/calls_by_weekday', params),
		db.cachedQuery<{ first_day: string | null; last_day: string | null }>('overview/data_extent')
	]);
	const days = weekdayCounts(range);
	const h = headline!;
	const totalDays = days.reduce((a, b) => a + b, 0);
	return {
		range: { ...range, days: totalDays },
		tickets: h.tickets,
		ticketsPerDay: perDay(h.tickets, totalDays),
		calls: {
			total: h.calls,
			inbound: h.calls_inbound,
			inboundAnswered: h.calls_inbound_answered,
			inboundAnsweredPct: h.calls_inbound > 0 ? (100 * h.calls_inbound_answered) / h.calls_inbound : null,
			openedCase: h.calls_opened_case,
			followUps: h.calls_follow_up
		},
		surveys: { total: h.surveys, nps: h.surveys_nps, csat: h.surveys_csat },
		callsByWeekday: weekdayOrder(weekStart).map((weekday) => {
			const row = byWeekday.find((r) => r.weekday === weekday);
			const d = days[weekday]!;
			return {
				weekday,
				days: d,
				calls: row?.calls ?? 0,
				openedCase: row?.opened_case ?? 0,
				followUps: row?.follow_ups ?? 0,
				unknown: row?.case_unknown ?? 0,
				perDay: perDay(row?.calls ?? 0, d),
				openedCasePerDay: perDay(row?.opened_case ?? 0, d),
				followUpsPerDay: perDay(row?.follow_ups ?? 0, d),
				unknownPerDay: perDay(row?.case_unknown ?? 0, d)
			};
		}),
		dataExtent: extent?.first_day && extent.last_day ? { firstDay: extent.first_day, lastDay: extent.last_day } : null
	};
}

/** The overview for a request's ?from&to (shared by the page and /api/overview). */
export async function overviewForRequest(db: Database, locale: { timeZone: string; weekStart: number }, params: URLSearchParams, strict = false) {
	const request = await readFilters(db, locale, params, { accept: [], strict });
	const overview = await getOverview(db, request.filters.range, locale.weekStart);
	return { today: request.today, overview, errors: request.errors, notes: request.notes };
}
