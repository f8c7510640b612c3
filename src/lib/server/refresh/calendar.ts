/**
 * Refresh step: the unit's calendar (calendar_days), from a year before the first loaded
 * record to a year after the later of today and the last one, in the unit's calendar, week
 * and holidays (weekend, half days and holidays come from the business calendar). Everything that groups by week, month, quarter or year joins it.
 */
import { addDays, todayIn } from '../../calendar';
import { calendarDays } from '../../calendar/periods';
import { execOn, queryOn } from '../db/database';
import { calendarRules } from '../business-calendar/schedule';
import type { RefreshContext } from './index';

export async function refreshCalendar({ conn, settings, now }: RefreshContext): Promise<void> {
	const unit = settings.unit;
	const today = todayIn(unit.timeZone, now);
	const [extent] = await queryOn<{ first_day: string | null; last_day: string | null }>(conn, 'calendar/data_extent', { tz: unit.timeZone });
	const first = extent?.first_day && extent.first_day < today ? extent.first_day : today;
	const last = extent?.last_day && extent.last_day > today ? extent.last_day : today;
	const rows = calendarDays(addDays(first, -366), addDays(last, 366), calendarRules(unit, settings.business_calendar));
	await execOn(conn, 'calendar/clear');
	await execOn(conn, 'calendar/insert_days', { rows: JSON.stringify(rows) });
}
