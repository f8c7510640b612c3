/**
 * How a peak's time is told: "15 Nov 2026, 10:00–16:00" for hours above the band, "15–17 Nov
 * 2026" for days, in the unit's zone, calendar and digits (shared by the Peaks, Annotations
 * and ticket-list pages).
 */
import { formatDayRange, formatInstant, intlLocale, type LocaleSettings } from '../calendar';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function toDate(instant: string): Date {
	return new Date(instant.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
}

/** The local day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(instant: string, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(instant));
}

/** The local hour (0-23) of an instant in a zone. */
export function localHour(instant: string, timeZone: string): number {
	return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(toDate(instant)));
}

/** The local time of an instant ("16:00", "۱۶:۰۰"). */
export function localTime(instant: string, locale: LocaleSettings): string {
	const id = `${intlLocale(locale)} ${locale.timeZone}`;
	let f = timeFormats.get(id);
	if (!f) timeFormats.set(id, (f = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: locale.timeZone })));
	return f.format(toDate(instant));
}

export interface PeakTime {
	grain: 'day' | 'hour';
	firstDay: string;
	lastDay: string;
	startAt: string;
	endAt: string;
}

export function peakWhen(p: PeakTime, locale: LocaleSettings): string {
	// A day peak is about the day's total: the days tell it; its busiest hour is shown apart.
	if (p.grain === 'day') return formatDayRange(p.firstDay, p.lastDay, locale);
	const start = formatInstant(p.startAt, locale);
	const sameDay = localDay(p.startAt, locale.timeZone) === localDay(new Date(toDate(p.endAt).getTime() - 1).toISOString(), locale.timeZone);
	return sameDay ? `${start}–${localTime(p.endAt, locale)}` : `${start} – ${formatInstant(p.endAt, locale)}`;
}
