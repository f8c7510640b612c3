/**
 * Refresh step: the unit's calendar (calendar_days), from a year before the first loaded
 * record to a year after the later of today and the last one, in the unit's calendar, week
 * and holidays (weekend, half days and holidays come from the business calendar). Everything
 * that groups by week, month, quarter or year joins it.
 *
 * Rebuilt only when what it is made from changed (the rules or the range of days, a signature
 * in refresh_signatures): an ordinary load leaves it alone. A rebuild is noted in the context
 * (`rebuilt`), so the steps made from it (the business calendar) follow.
 */
import crypto from 'node:crypto';
import { addDays, todayIn } from '../../calendar';
import { calendarDays } from '../../calendar/periods';
import { execOn, queryOn } from '../db/database';
import { calendarRules } from '../business-calendar/schedule';
import type { RefreshContext } from './index';
import { storedSignature } from './rollups';

export async function refreshCalendar({ conn, settings, now, rebuilt }: RefreshContext): Promise<void> {
	const unit = settings.unit;
	const today = todayIn(unit.timeZone, now);
	const [extent] = await queryOn<{ first_day: string | null; last_day: string | null }>(conn, 'calendar/data_extent', { tz: unit.timeZone });
	const first = extent?.first_day && extent.first_day < today ? extent.first_day : today;
	const last = extent?.last_day && extent.last_day > today ? extent.last_day : today;
	const rules = calendarRules(unit, settings.business_calendar);
	const range = { from: addDays(first, -366), to: addDays(last, 366) };
	const signature = crypto.createHash('sha256').update(JSON.stringify({ rules, range })).digest('hex').slice(0, 16);
	if ((await storedSignature(conn, 'calendar_days')) === signature) return;
	const rows = calendarDays(range.from, range.to, rules);
	await execOn(conn, 'calendar/clear');
	await execOn(conn, 'calendar/insert_days', { rows: JSON.stringify(rows) });
	await execOn(conn, 'refresh/save_signature', { name: 'calendar_days', signature });
	rebuilt?.add('calendar_days');
}
