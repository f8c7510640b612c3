/**
 * Grouping by period of the unit's calendar goes through calendar_days: a "month" of an
 * Iranian unit is a Jalali month. A small fixture of tickets around Nowruz 1404, grouped by
 * month, quarter, year and week with a join on calendar_days, the way every KPI query groups
 * (queries/kpi/*.sql: `case $grain when 'month' then c.month_start …`).
 *
 * Boundaries (Intl's Persian calendar, checked in test/unit/periods.test.ts too):
 *   30 Bahman 1403 = 2025-02-18, 1 Esfand 1403 = 2025-02-19,
 *   30 Esfand 1403 = 2025-03-20 (1403 is a leap year: Esfand has 30 days),
 *   1 Farvardin 1404 = 2025-03-21 (Nowruz, a Friday), 31 Farvardin = 2025-04-20,
 *   1 Ordibehesht 1404 = 2025-04-21.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { loadSettings, saveSetting } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

// Times with an offset are absolute; the unit's zone (Asia/Tehran, UTC+03:30) decides the day.
const TICKETS = `id,customer_id,created_at
t1,C1,2025-02-18T10:00:00+03:30
t2,C1,2025-02-19T09:00:00+03:30
t3,C2,2025-03-20T23:50:00+03:30
t4,C2,2025-03-20T20:40:00Z
t5,C3,2025-03-21T10:00:00+03:30
t6,C3,2025-04-20T16:00:00+03:30
t7,C4,2025-04-21T08:00:00+03:30
`;
// t1: 30 Bahman. t2: 1 Esfand. t3: 23:50 on 30 Esfand, the last day of 1403.
// t4: 20:40 UTC on 20 March is 00:10 in Tehran on 21 March: 1 Farvardin 1404, not Esfand.
// t5: 1 Farvardin. t6: 31 Farvardin, its last day. t7: 1 Ordibehesht.

/** Tickets per period of a grain, from the daily rollup joined to the unit's calendar (the KPI queries' shape). */
const byPeriod = (grain: 'week' | 'month' | 'quarter' | 'year') => `
	select cast(case '${grain}' when 'week' then c.week_start when 'month' then c.month_start when 'quarter' then c.quarter_start else c.year_start end as varchar) as period,
		cast(sum(r.created) as integer) as tickets
	from rollup_tickets_daily r join calendar_days c on c.day = r.local_day
	group by period order by period`;

/** Days of the calendar month starting on a day, and its last day. */
const monthDays = (start: string) => `
	select cast(count(*) as integer) as days, cast(max(day) as varchar) as last_day, any_value(year) as year, any_value(month) as month
	from calendar_days where month_start = date '${start}'`;

let t: TempDb;
beforeAll(async () => {
	t = await tempDb();
	t.drop('tickets', 'tickets.csv', TICKETS);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status).toBe('ok');
});
afterAll(() => t.close());

describe('grouping by Jalali period (the unit calendar is Jalali)', () => {
	it('groups by Jalali month: Nowruz starts Farvardin, the last minutes of 30 Esfand stay in Esfand', async () => {
		expect(await t.rows(byPeriod('month'))).toEqual([
			{ period: '2025-01-20', tickets: 1 }, // Bahman 1403: t1
			{ period: '2025-02-19', tickets: 2 }, // Esfand 1403: t2, t3
			{ period: '2025-03-21', tickets: 3 }, // Farvardin 1404: t4, t5, t6
			{ period: '2025-04-21', tickets: 1 } // Ordibehesht 1404: t7
		]);
	});

	it('knows Esfand 1403 has 30 days (a leap year), Esfand 1404 29 and Farvardin 31', async () => {
		expect(await t.rows(monthDays('2025-02-19'))).toEqual([{ days: 30, last_day: '2025-03-20', year: 1403, month: 12 }]);
		expect(await t.rows(monthDays('2025-03-21'))).toEqual([{ days: 31, last_day: '2025-04-20', year: 1404, month: 1 }]);
		expect(await t.rows(monthDays('2026-02-20'))).toEqual([{ days: 29, last_day: '2026-03-20', year: 1404, month: 12 }]);
	});

	it('groups by Jalali quarter and year: 1 Farvardin starts both', async () => {
		// Winter 1403 starts 1 Dey 1403 = 2024-12-21; spring 1404 (and the year) on 1 Farvardin.
		expect(await t.rows(byPeriod('quarter'))).toEqual([
			{ period: '2024-12-21', tickets: 3 },
			{ period: '2025-03-21', tickets: 4 }
		]);
		expect(await t.rows(byPeriod('year'))).toEqual([
			{ period: '2024-03-20', tickets: 3 }, // 1 Farvardin 1403
			{ period: '2025-03-21', tickets: 4 }
		]);
	});

	it('groups by the unit week, starting on Saturday', async () => {
		// 2025-03-21 is a Friday: the last day of the week that began on Saturday 15 March, with
		// 30 Esfand (Thursday); 1 Farvardin and 30 Esfand share a week.
		expect(await t.rows(byPeriod('week'))).toEqual([
			{ period: '2025-02-15', tickets: 2 }, // t1 (Tue 18 Feb), t2 (Wed 19 Feb)
			{ period: '2025-03-15', tickets: 3 }, // t3, t4, t5
			{ period: '2025-04-19', tickets: 2 } // t6 (Sun 20 Apr), t7 (Mon 21 Apr)
		]);
	});
});

describe('the calendar is a setting of its own', () => {
	it('groups by Gregorian month once the unit switches to the Gregorian calendar', async () => {
		const settings = await loadSettings(t.db);
		await saveSetting(t.db, 'unit', { ...settings.unit, calendar: 'gregory', weekStart: 1 });
		await refreshAll(t.db, await loadSettings(t.db));
		expect(await t.rows(byPeriod('month'))).toEqual([
			{ period: '2025-02-01', tickets: 2 }, // t1, t2
			{ period: '2025-03-01', tickets: 3 }, // t3, t4, t5
			{ period: '2025-04-01', tickets: 2 } // t6, t7
		]);
		// Monday-first weeks: Friday 21 March falls in the week of Monday 17 March with Thursday 20 March.
		expect((await t.rows<{ period: string }>(byPeriod('week'))).map((r) => r.period)).toEqual(['2025-02-17', '2025-03-17', '2025-04-14', '2025-04-21']);
	});
});
