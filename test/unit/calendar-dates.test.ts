import { describe, expect, it } from 'vitest';
import { daysInMonth, isoFromParts, toCalendarDate, toIsoDay } from '../../src/lib/calendar/dates';

describe('days of the unit calendar as @internationalized/date values', () => {
	it('turns ISO days into Jalali dates and back', () => {
		const nowruz = toCalendarDate('2025-03-21', 'persian');
		expect([nowruz.year, nowruz.month, nowruz.day]).toEqual([1404, 1, 1]);
		expect(toIsoDay(nowruz)).toBe('2025-03-21');
		expect(toIsoDay(nowruz.subtract({ days: 1 }))).toBe('2025-03-20');
		expect(toIsoDay(nowruz.add({ months: 1 }))).toBe('2025-04-21');
		const g = toCalendarDate('2025-03-21', 'gregory');
		expect([g.year, g.month, g.day]).toEqual([2025, 3, 21]);
	});
	it('finds the ISO day of Jalali parts, and null for a day that does not exist', () => {
		expect(isoFromParts(1404, 1, 1, 'persian')).toBe('2025-03-21');
		expect(isoFromParts(1403, 12, 30, 'persian')).toBe('2025-03-20');
		expect(isoFromParts(1404, 12, 30, 'persian')).toBeNull();
		expect(isoFromParts(1403, 7, 31, 'persian')).toBeNull();
		expect(isoFromParts(1403, 13, 1, 'persian')).toBeNull();
		expect(isoFromParts(1403, 0, 1, 'persian')).toBeNull();
		expect(isoFromParts(2024, 2, 29, 'gregory')).toBe('2024-02-29');
		expect(isoFromParts(2025, 2, 29, 'gregory')).toBeNull();
	});
	it('knows the length of Jalali months: Esfand 1403 has 30 days, Esfand 1404 29', () => {
		expect(daysInMonth(1403, 12, 'persian')).toBe(30);
		expect(daysInMonth(1404, 12, 'persian')).toBe(29);
		expect(daysInMonth(1404, 1, 'persian')).toBe(31);
		expect(daysInMonth(1404, 7, 'persian')).toBe(30);
	});
});
