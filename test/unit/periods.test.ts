import { describe, expect, it } from 'vitest';
import { calendarDays, dayParts, periodEnd, periodStart, weekStartOf } from '../../src/lib/calendar/periods';

const iran = { calendar: 'persian' as const, weekStart: 6, weekend: [5], halfDays: [4], holidays: ['2025-03-21'] };

describe('calendar periods', () => {
	it('reads Jalali dates from Intl', () => {
		// 1 Farvardin 1404 = 21 March 2025 (Nowruz); 30 Esfand 1403 = 20 March 2025 (1403 is a leap year).
		expect(dayParts('2025-03-21', 'persian')).toEqual({ year: 1404, month: 1, day: 1 });
		expect(dayParts('2025-03-20', 'persian')).toEqual({ year: 1403, month: 12, day: 30 });
		expect(dayParts('2026-11-22', 'persian')).toEqual({ year: 1405, month: 9, day: 1 });
		expect(dayParts('2026-11-22', 'gregory')).toEqual({ year: 2026, month: 11, day: 22 });
	});

	it('starts weeks on the unit week start', () => {
		// 2026-11-22 is a Sunday; the Iranian week began on Saturday 2026-11-21.
		expect(weekStartOf('2026-11-22', 6)).toBe('2026-11-21');
		expect(weekStartOf('2026-11-21', 6)).toBe('2026-11-21');
		expect(weekStartOf('2026-11-20', 6)).toBe('2026-11-14'); // a Friday, the last day of its week
		expect(weekStartOf('2026-11-22', 1)).toBe('2026-11-16'); // Monday-first
	});

	it('finds Jalali month, quarter and year boundaries', () => {
		// Esfand 1403 runs 2025-02-19 … 2025-03-20 (30 days, a leap year).
		expect(periodStart('2025-03-20', 'month', 'persian', 6)).toBe('2025-02-19');
		expect(periodEnd('2025-02-19', 'month', 'persian')).toBe('2025-03-20');
		expect(periodStart('2025-03-21', 'month', 'persian', 6)).toBe('2025-03-21');
		// Esfand 1404 has 29 days (1404 is not leap): 2026-02-20 … 2026-03-20.
		expect(periodStart('2026-03-20', 'month', 'persian', 6)).toBe('2026-02-20');
		expect(periodEnd('2026-02-20', 'month', 'persian')).toBe('2026-03-20');
		// Autumn (Q3) 1405 starts 1 Mehr = 2026-09-23; the year 1405 on 2026-03-21.
		expect(periodStart('2026-11-22', 'quarter', 'persian', 6)).toBe('2026-09-23');
		expect(periodStart('2026-11-22', 'year', 'persian', 6)).toBe('2026-03-21');
		expect(periodEnd('2026-03-21', 'year', 'persian')).toBe('2027-03-20');
		expect(periodStart('2026-11-22', 'quarter', 'gregory', 6)).toBe('2026-10-01');
	});

	it('builds calendar rows with day kinds from weekend, half days and holidays', () => {
		const rows = calendarDays('2025-03-19', '2025-03-22', iran);
		expect(rows.map((r) => [r.day, r.year, r.month, r.day_of_month, r.month_start, r.day_kind])).toEqual([
			['2025-03-19', 1403, 12, 29, '2025-02-19', 'full'], // Wednesday
			['2025-03-20', 1403, 12, 30, '2025-02-19', 'half'], // Thursday
			['2025-03-21', 1404, 1, 1, '2025-03-21', 'off'], // Friday, and Nowruz
			['2025-03-22', 1404, 1, 2, '2025-03-21', 'full'] // Saturday
		]);
		expect(rows[2]!.holiday).toBe(true);
		expect(rows[0]!.quarter_start).toBe('2024-12-21'); // 1 Dey 1403
		expect(rows[3]!.quarter_start).toBe('2025-03-21');
	});
});
