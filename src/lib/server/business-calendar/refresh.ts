/**
 * Refresh step: materialise the unit's business calendar (table business_intervals, one row
 * per open interval with cumulative business seconds) for every day of calendar_days, and
 * record which days changed since the last refresh (business_days_changed) so the SLA step
 * recomputes only the clocks that span them. Runs after the calendar step, and only when the
 * settings it is made from or calendar_days changed.
 */
import crypto from 'node:crypto';
import { execOn, queryOn } from '../db/database';
import type { RefreshContext } from '../refresh/index';
import { storedSignature } from '../refresh/rollups';
import { weekRows } from './schedule';

export async function refreshBusinessCalendar({ conn, settings, rebuilt }: RefreshContext): Promise<void> {
	const calendar = settings.business_calendar;
	const inputs = { week: JSON.stringify(weekRows(calendar.week)), holidays: JSON.stringify(calendar.holidays.map((h) => h.date)), tz: settings.unit.timeZone };
	// Made from the settings and calendar_days alone: when neither changed (the calendar step
	// left calendar_days alone), no day's business time changed.
	const signature = crypto.createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
	const same = (await storedSignature(conn, 'business_intervals')) === signature;
	if (same && rebuilt && !rebuilt.has('calendar_days')) {
		await execOn(conn, 'business_calendar/clear_changes');
		return;
	}
	await execOn(conn, 'business_calendar/stage_intervals', inputs);
	await execOn(conn, 'business_calendar/clear_changes');
	await execOn(conn, 'business_calendar/record_changes', { tz: settings.unit.timeZone });
	await execOn(conn, 'business_calendar/clear_days');
	await execOn(conn, 'business_calendar/insert_days');
	await execOn(conn, 'business_calendar/clear_intervals');
	await execOn(conn, 'business_calendar/insert_intervals');
	if (!same) await execOn(conn, 'refresh/save_signature', { name: 'business_intervals', signature });
}

/** Business seconds between two instants over the materialised calendar (tests, checks). */
export async function businessSecondsBetween(conn: Parameters<typeof queryOn>[0], from: Date, to: Date): Promise<number> {
	const [row] = await queryOn<{ seconds: number }>(conn, 'business_calendar/business_seconds', { from: from.toISOString(), to: to.toISOString() });
	return Number(row?.seconds ?? 0);
}
