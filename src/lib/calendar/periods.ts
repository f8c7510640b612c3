/**
 * Periods in the unit's calendar: the year, month and day of a day in the Jalali or the
 * Gregorian calendar (from Intl, no hand-written conversion), and the first day of its week,
 * month, quarter and year. The refresh job writes these into the calendar_days table so SQL
 * groups by period with a join; the interface uses the same functions to label periods.
 */
import { addDays, weekdayOf, type CalendarName } from './index';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export function isGrain(s: string): s is Grain {
	return (GRAINS as readonly string[]).includes(s);
}

export interface DayParts {
	year: number;
	/** 1-12 */
	month: number;
	day: number;
}

const partFormats = new Map<CalendarName, Intl.DateTimeFormat>();

/** Year, month and day of an ISO day in a calendar ("2025-03-21" in persian: 1404-01-01). */
export function dayParts(day: string, calendar: CalendarName): DayParts {
	if (calendar === 'gregory') return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) };
	let f = partFormats.get(calendar);
	if (!f) {
		f = new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
		partFormats.set(calendar, f);
	}
	const out: DayParts = { year: 0, month: 0, day: 0 };
	for (const p of f.formatToParts(new Date(`${day}T12:00:00Z`))) {
		if (p.type === 'year') out.year = Number(p.value);
		else if (p.type === 'month') out.month = Number(p.value);
		else if (p.type === 'day') out.day = Number(p.value);
	}
	return out;
}

/** First day of the week holding day, for a week starting on weekStart (0 = Sunday … 6 = Saturday). */
export function weekStartOf(day: string, weekStart: number): string {
	return addDays(day, -((weekdayOf(day) - weekStart + 7) % 7));
}

/** First day of the month holding day, in a calendar. */
export function monthStartOf(day: string, calendar: CalendarName): string {
	return addDays(day, -(dayParts(day, calendar).day - 1));
}

/** First day of the month `first` (1-12) on or before day's month in the same year. */
function backToMonth(day: string, first: number, calendar: CalendarName): string {
	let start = monthStartOf(day, calendar);
	while (dayParts(start, calendar).month > first) start = monthStartOf(addDays(start, -1), calendar);
	return start;
}

export function quarterOf(month: number): number {
	return Math.ceil(month / 3);
}

export function quarterStartOf(day: string, calendar: CalendarName): string {
	return backToMonth(day, (quarterOf(dayParts(day, calendar).month) - 1) * 3 + 1, calendar);
}

export function yearStartOf(day: string, calendar: CalendarName): string {
	return backToMonth(day, 1, calendar);
}

/** First day of the period of a grain holding day. */
export function periodStart(day: string, grain: Grain, calendar: CalendarName, weekStart: number): string {
	switch (grain) {
		case 'day':
			return day;
		case 'week':
			return weekStartOf(day, weekStart);
		case 'month':
			return monthStartOf(day, calendar);
		case 'quarter':
			return quarterStartOf(day, calendar);
		case 'year':
			return yearStartOf(day, calendar);
	}
}

/** Last day of the period of a grain that starts on start. */
export function periodEnd(start: string, grain: Grain, calendar: CalendarName): string {
	switch (grain) {
		case 'day':
			return start;
		case 'week':
			return addDays(start, 6);
		case 'month':
			return addDays(monthStartOf(addDays(start, 31), calendar), -1);
		case 'quarter':
			return addDays(quarterStartOf(addDays(start, 93), calendar), -1);
		case 'year':
			return addDays(yearStartOf(addDays(start, 367), calendar), -1);
	}
}

export type DayKind = 'full' | 'half' | 'off';

export interface CalendarDay {
	day: string;
	weekday: number;
	week_start: string;
	month_start: string;
	quarter_start: string;
	year_start: string;
	year: number;
	month: number;
	day_of_month: number;
	quarter: number;
	day_kind: DayKind;
	holiday: boolean;
}

export interface CalendarRules {
	calendar: CalendarName;
	weekStart: number;
	/** Days off, 0 = Sunday … 6 = Saturday. */
	weekend: number[];
	halfDays: number[];
	/** ISO days the unit is closed. */
	holidays: string[];
}

/** The rows of calendar_days from `from` to `to` (both included). */
export function calendarDays(from: string, to: string, rules: CalendarRules): CalendarDay[] {
	const holidays = new Set(rules.holidays);
	const out: CalendarDay[] = [];
	let monthStart = '';
	let quarterStart = '';
	let yearStart = '';
	for (let day = from; day <= to; day = addDays(day, 1)) {
		const parts = dayParts(day, rules.calendar);
		const weekday = weekdayOf(day);
		// Walk back only when a new month begins (or at the first day).
		if (parts.day === 1 || !monthStart) {
			monthStart = addDays(day, -(parts.day - 1));
			quarterStart = parts.month % 3 === 1 ? monthStart : quarterStartOf(day, rules.calendar);
			yearStart = parts.month === 1 ? monthStart : yearStartOf(day, rules.calendar);
		}
		const holiday = holidays.has(day);
		out.push({
			day,
			weekday,
			week_start: weekStartOf(day, rules.weekStart),
			month_start: monthStart,
			quarter_start: quarterStart,
			year_start: yearStart,
			year: parts.year,
			month: parts.month,
			day_of_month: parts.day,
			quarter: quarterOf(parts.month),
			day_kind: holiday || rules.weekend.includes(weekday) ? 'off' : rules.halfDays.includes(weekday) ? 'half' : 'full',
			holiday
		});
	}
	return out;
}
