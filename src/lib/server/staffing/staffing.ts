/**
 * The Staffing page: for every weekday and hour of a period, the agents Erlang C says the
 * offered calls needed to meet the service-level target (settings `staffing`: e.g. 80% within
 * 20 s), against the agents who actually took calls then, with the service level Erlang C
 * expects from those agents and the one the calls actually got.
 *
 * Per cell (weekday × hour, holidays left out):
 *   λ      = offered calls / days of that weekday in the period (calls in an average such hour)
 *   AHT    = talk seconds / answered calls with a talk time, + staffing.wrapUpSeconds
 *            (the period's overall AHT where the cell has no answered call)
 *   A      = λ · AHT / 3600 erlangs; needed = fewest agents n with SL(n) ≥ target
 *   actual = distinct agents who answered a call in that hour, averaged over the days: the
 *            staff who took calls, not those on shift (one who answered none is not seen)
 *   expected service level with the actual staff = SL at that (fractional) number of agents,
 *            interpolated between the whole numbers around it
 */
import { weekdayOrder } from '../../calendar';
import type { Database } from '../db/database';
import type { Settings } from '../settings';
import { agentsNeeded, serviceLevel } from './erlang-c';

export interface StaffingCell {
	weekday: number;
	hour: number;
	days: number;
	/** Offered calls in an average such hour. */
	callsPerHour: number;
	ahtSeconds: number | null;
	erlangs: number;
	needed: number;
	/** Average distinct agents who answered calls in that hour. */
	actual: number;
	understaffed: boolean;
	/** 0-100: Erlang C's service level with the actual agents (null: no calls). */
	expectedServiceLevel: number | null;
	/** 0-100: share of offered calls answered within the threshold (null: no calls). */
	actualServiceLevel: number | null;
	/** 0-100: share of offered calls abandoned (null: no calls). */
	abandonment: number | null;
	offered: number;
	abandoned: number;
}

export interface StaffingGrid {
	weekdays: number[];
	/** The hours with any offered call in the period, first to last. */
	hours: number[];
	cells: StaffingCell[];
	target: { serviceLevel: number; thresholdSeconds: number; wrapUpSeconds: number };
	/** The period's average handle time (seconds), the fallback of cells without one. */
	ahtSeconds: number | null;
	queues: string[];
	queue: string | null;
	totals: { offered: number; understaffedCells: number; cellsWithCalls: number };
}

/** Service level at a fractional number of agents, between the whole numbers around it. */
export function serviceLevelAt(agents: number, erlangs: number, aht: number, threshold: number): number {
	const lo = Math.floor(agents);
	const hi = Math.ceil(agents);
	const slLo = serviceLevel(lo, erlangs, aht, threshold);
	if (hi === lo) return slLo;
	return slLo + (agents - lo) * (serviceLevel(hi, erlangs, aht, threshold) - slLo);
}

interface Row {
	weekday: number;
	hour: number;
	days: number;
	offered: number;
	answered: number;
	abandoned: number;
	answered_within: number;
	handle_seconds: number;
	handled: number;
	agent_hours: number;
}

export function staffingCells(rows: Row[], staffing: Settings['staffing']): { cells: StaffingCell[]; ahtSeconds: number | null } {
	const handled = rows.reduce((s, r) => s + r.handled, 0);
	const talk = rows.reduce((s, r) => s + r.handle_seconds, 0);
	const overallAht = handled > 0 ? talk / handled + staffing.wrapUpSeconds : null;
	const target = staffing.serviceLevelTarget / 100;
	const cells = rows.map((r): StaffingCell => {
		const callsPerHour = r.days > 0 ? r.offered / r.days : 0;
		const aht = r.handled > 0 ? r.handle_seconds / r.handled + staffing.wrapUpSeconds : overallAht;
		const erlangs = aht ? (callsPerHour * aht) / 3600 : 0;
		const needed = aht ? agentsNeeded(erlangs, aht, target, staffing.thresholdSeconds) : 0;
		const actual = r.days > 0 ? r.agent_hours / r.days : 0;
		const hasCalls = r.offered > 0;
		return {
			weekday: r.weekday,
			hour: r.hour,
			days: r.days,
			callsPerHour,
			ahtSeconds: hasCalls ? aht : null,
			erlangs,
			needed,
			actual,
			understaffed: hasCalls && actual < needed,
			expectedServiceLevel: hasCalls && aht ? 100 * serviceLevelAt(actual, erlangs, aht, staffing.thresholdSeconds) : null,
			actualServiceLevel: hasCalls ? (100 * r.answered_within) / r.offered : null,
			abandonment: hasCalls ? (100 * r.abandoned) / r.offered : null,
			offered: r.offered,
			abandoned: r.abandoned
		};
	});
	return { cells, ahtSeconds: overallAht };
}

export async function getStaffing(
	db: Database,
	settings: Settings,
	range: { from: string; to: string },
	weekStart: number,
	queue: string | null
): Promise<StaffingGrid> {
	const [rows, queues] = await Promise.all([
		db.query<Row & Record<string, unknown>>('staffing/by_weekday_hour', { from: range.from, to: range.to, queue }),
		db.query<{ queue: string }>('staffing/queues')
	]);
	const { cells, ahtSeconds } = staffingCells(rows, settings.staffing);
	const busy = cells.filter((c) => c.offered > 0).map((c) => c.hour);
	const hours = busy.length ? Array.from({ length: Math.max(...busy) - Math.min(...busy) + 1 }, (_, i) => Math.min(...busy) + i) : [];
	const withCalls = cells.filter((c) => c.offered > 0);
	return {
		weekdays: weekdayOrder(weekStart),
		hours,
		cells: cells.filter((c) => hours.includes(c.hour)),
		target: { serviceLevel: settings.staffing.serviceLevelTarget, thresholdSeconds: settings.staffing.thresholdSeconds, wrapUpSeconds: settings.staffing.wrapUpSeconds },
		ahtSeconds,
		queues: queues.map((q) => q.queue),
		queue,
		totals: { offered: withCalls.reduce((s, c) => s + c.offered, 0), understaffedCells: withCalls.filter((c) => c.understaffed).length, cellsWithCalls: withCalls.length }
	};
}
