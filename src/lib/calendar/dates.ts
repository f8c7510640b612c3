/**
 * Days of the unit's calendar as @internationalized/date values, for the date pickers and for
 * reading Jalali dates from files. Conversion is @internationalized/date's (PersianCalendar,
 * GregorianCalendar), never arithmetic written here. ISO Gregorian text stays the product's
 * one form of a day in URLs, SQL and JSON.
 */
import { CalendarDate, GregorianCalendar, PersianCalendar, parseDate, toCalendar, toCalendarDate as toCalendarDateOnly, type Calendar, type DateValue } from '@internationalized/date';
import type { CalendarName } from './index';

const CALENDARS: Record<CalendarName, () => Calendar> = {
	persian: () => new PersianCalendar(),
	gregory: () => new GregorianCalendar()
};

export function calendarOf(name: CalendarName): Calendar {
	return CALENDARS[name]();
}

/** An ISO Gregorian day as a date of a calendar ("2025-03-21" → 1404-01-01 in persian). */
export function toCalendarDate(iso: string, calendar: CalendarName): CalendarDate {
	return toCalendar(parseDate(iso), calendarOf(calendar));
}

/** Any calendar's date (a picker's value) back to an ISO Gregorian day. */
export function toIsoDay(date: DateValue): string {
	return toCalendar(toCalendarDateOnly(date), new GregorianCalendar()).toString();
}

/**
 * The ISO Gregorian day of year/month/day in a calendar, or null when there is no such day
 * (month 13, 31 Mehr, 30 Esfand of a common year): CalendarDate itself would quietly clamp.
 */
export function isoFromParts(year: number, month: number, day: number, calendar: CalendarName): string | null {
	if (![year, month, day].every(Number.isInteger) || year < 1 || month < 1 || day < 1) return null;
	const cal = calendarOf(calendar);
	const first = new CalendarDate(cal, year, 1, 1);
	if (month > cal.getMonthsInYear(first)) return null;
	const inMonth = new CalendarDate(cal, year, month, 1);
	if (day > cal.getDaysInMonth(inMonth)) return null;
	return toCalendar(new CalendarDate(cal, year, month, day), new GregorianCalendar()).toString();
}

/** Days in the month of a calendar holding year/month (Esfand 1403: 30, Esfand 1404: 29). */
export function daysInMonth(year: number, month: number, calendar: CalendarName): number {
	const cal = calendarOf(calendar);
	return cal.getDaysInMonth(new CalendarDate(cal, year, month, 1));
}
