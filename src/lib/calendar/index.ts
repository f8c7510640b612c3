/**
 * The one place dates, weekdays and numbers are turned into text, for server and browser.
 *
 * Days travel through the product as ISO Gregorian strings ("2026-11-22"): in URLs, in SQL
 * parameters, in JSON. They are shown in the unit's calendar (Jalali for an Iranian unit)
 * and language through Intl; no calendar arithmetic is written by hand here.
 */

export type Language = 'en' | 'fa';
export type CalendarName = 'persian' | 'gregory';

export interface LocaleSettings {
	language: Language;
	calendar: CalendarName;
	/** IANA time zone of the unit. */
	timeZone: string;
	/** 0 = Sunday … 6 = Saturday. */
	weekStart: number;
	/** Days off, 0 = Sunday … 6 = Saturday (an Iranian unit: Friday), marked in calendars. */
	weekend?: number[];
}

const BASE_LOCALE: Record<Language, string> = { en: 'en-GB', fa: 'fa-IR' };

/** The BCP 47 locale for Intl: language, calendar, and (for English) Latin digits. */
export function intlLocale(s: Pick<LocaleSettings, 'language' | 'calendar'>): string {
	return `${BASE_LOCALE[s.language]}-u-ca-${s.calendar}${s.language === 'en' ? '-nu-latn' : ''}`;
}

export function direction(language: Language): 'ltr' | 'rtl' {
	return language === 'fa' ? 'rtl' : 'ltr';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
	if (!ISO_DAY.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function dayToDate(day: string): Date {
	// Noon UTC, formatted in UTC: the same calendar day whatever zone the formatter runs in.
	return new Date(`${day}T12:00:00Z`);
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	const parts = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
	const get = (t: string) => parts.find((p) => p.type === t)!.value;
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The local hour (0-23) of an instant in a time zone. */
export function hourIn(timeZone: string, now: Date = new Date()): number {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
	return Number(parts.find((p) => p.type === 'hour')!.value);
}

/** The day n days after (or before, for negative n) an ISO day. */
export function addDays(day: string, n: number): string {
	const d = dayToDate(day);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
	return Math.round((dayToDate(b).getTime() - dayToDate(a).getTime()) / 86_400_000);
}

/** Weekday of an ISO day, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
	return dayToDate(day).getUTCDay();
}

/** The seven weekdays (0 = Sunday … 6 = Saturday) in the unit's order, starting with weekStart. */
export function weekdayOrder(weekStart: number): number[] {
	return Array.from({ length: 7 }, (_, i) => (weekStart + i) % 7);
}

/** Name of a weekday (0 = Sunday … 6 = Saturday) in the interface language. */
export function weekdayName(dow: number, s: Pick<LocaleSettings, 'language' | 'calendar'>, width: 'long' | 'short' | 'narrow' = 'long'): string {
	// 2024-01-07 was a Sunday.
	return dateFormat(intlLocale(s), { weekday: width, timeZone: 'UTC' }).format(dayToDate(addDays('2024-01-07', dow)));
}

export type DayStyle = 'short' | 'medium' | 'long';

/**
 * Parts joined back into text, without the era ("AP" after a Jalali year in English): the
 * calendar is the unit's own, so naming its era on every date is noise.
 */
function withoutEra(parts: { type: string; value: string }[]): string {
	const kept = parts.filter((p, i) => p.type !== 'era' && !(p.type === 'literal' && parts[i + 1]?.type === 'era'));
	return kept.map((p) => p.value).join('').trim();
}

// Building an Intl formatter costs far more than using one (it loads locale data): keep one
// per locale and options for the life of the process (every page formats dozens of values).
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const id = locale + JSON.stringify(options);
	let f = formats.get(id);
	if (!f) formats.set(id, (f = new Intl.DateTimeFormat(locale, options)));
	return f;
}

/** An ISO day in the unit's calendar and language ("1 Azar 1405", "۱ آذر ۱۴۰۵"). */
export function formatDay(day: string, s: Pick<LocaleSettings, 'language' | 'calendar'>, style: DayStyle = 'medium'): string {
	return withoutEra(dateFormat(intlLocale(s), { dateStyle: style, timeZone: 'UTC' }).formatToParts(dayToDate(day)));
}

const ranges = new Map<string, string>();

/** A span of days, shortened where Intl can ("1–30 Aban 1405"). */
export function formatDayRange(from: string, to: string, s: Pick<LocaleSettings, 'language' | 'calendar'>): string {
	if (from === to) return formatDay(from, s);
	// formatRange is slow (~0.3 ms) and pages show the same few spans over and over.
	const locale = intlLocale(s);
	const key = `${locale} ${from} ${to}`;
	let text = ranges.get(key);
	if (text === undefined) {
		text = withoutEra(dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRangeToParts(dayToDate(from), dayToDate(to)));
		if (ranges.size >= 1000) ranges.clear();
		ranges.set(key, text);
	}
	return text;
}

/** A month of the unit's calendar by name and year ("Azar 1405", "آذر ۱۴۰۵", "November 2026"). */
export function formatMonth(day: string, s: Pick<LocaleSettings, 'language' | 'calendar'>, width: 'long' | 'short' = 'long'): string {
	const parts = dateFormat(intlLocale(s), { month: width, year: 'numeric', timeZone: 'UTC' }).formatToParts(dayToDate(day));
	// Month before year in both languages (Intl puts the Persian year first).
	return `${parts.find((p) => p.type === 'month')!.value} ${parts.find((p) => p.type === 'year')!.value}`;
}

/** The year of a day in the unit's calendar, in the language's digits ("1405", "۱۴۰۵"). */
export function formatYear(day: string, s: Pick<LocaleSettings, 'language' | 'calendar'>): string {
	return dateFormat(intlLocale(s), { year: 'numeric', timeZone: 'UTC' }).formatToParts(dayToDate(day)).find((p) => p.type === 'year')!.value;
}

/** An instant (ISO text or Date) as date and time in the unit's zone and calendar. */
export function formatInstant(instant: string | Date, s: LocaleSettings, style: 'short' | 'medium' = 'short'): string {
	const d = typeof instant === 'string' ? new Date(instant.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')) : instant;
	if (Number.isNaN(d.getTime())) return String(instant);
	return withoutEra(dateFormat(intlLocale(s), { dateStyle: 'medium', timeStyle: style, timeZone: s.timeZone }).formatToParts(d));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, s: Pick<LocaleSettings, 'language'>, options: Intl.NumberFormatOptions = {}): string {
	const id = s.language + JSON.stringify(options);
	let f = numberFormats.get(id);
	if (!f) numberFormats.set(id, (f = new Intl.NumberFormat(BASE_LOCALE[s.language], options)));
	return f.format(n);
}

/** Week information of a locale from Intl (first day 1 = Monday … 7 = Sunday), when the runtime knows it. */
export function localeWeekStart(locale: string): number | null {
	const loc = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
	const info = loc.getWeekInfo?.() ?? loc.weekInfo;
	return info ? info.firstDay % 7 : null;
}
