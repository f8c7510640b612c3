/**
 * Refresh step: materialise the unit's business calendar (table business_intervals, one row
 * per open interval with cumulative business seconds) for every day of calendar_days, and
 * record which days changed since the last refresh (business_days_changed) so the SLA step
 * recomputes only the clocks that span them. Runs after the calendar step.
 */
import { execOn, queryOn } from '../db/database';
import type { RefreshContext } from '../refresh/index';
import { weekRows } from './schedule';

export async function refreshBusinessCalendar({ conn, settings }: RefreshContext): Promise<void> {
	const calendar = settings.business_calendar;
	await execOn(conn, 'business_calendar/stage_intervals', {
		week: JSON.stringify(weekRows(calendar.week)),
		holidays: JSON.stringify(calendar.holidays.map((h) => h.date)),
		tz: settings.unit.timeZone
	});
	await execOn(conn, 'business_calendar/clear_changes');
	await execOn(conn, 'business_calendar/record_changes', { tz: settings.unit.timeZone });
	await execOn(conn, 'business_calendar/clear_days');
	await execOn(conn, 'business_calendar/insert_days');
	await execOn(conn, 'business_calendar/clear_intervals');
	await execOn(conn, 'business_calendar/insert_intervals');
}

/** Business seconds between two instants over the materialised calendar (tests, checks). */
export async function businessSecondsBetween(conn: Parameters<typeof queryOn>[0], from: Date, to: Date): Promise<number> {
	const [row] = await queryOn<{ seconds: number }>(conn, 'business_calendar/business_seconds', { from: from.toISOString(), to: to.toISOString() });
	return Number(row?.seconds ?? 0);
}
