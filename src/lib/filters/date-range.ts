/**
 * The date-range filter, kept in the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD) so a view can be
 * shared and reloaded. Both days are included; they are days in the unit's time zone.
 */
import { addDays, daysBetween, isIsoDay } from '../calendar';
import type { Phrase } from '../i18n/translate';

export interface DateRange {
	from: string;
	to: string;
}

export const PRESETS = [
	{ key: 'range.last7', days: 7 },
	{ key: 'range.last30', days: 30 },
	{ key: 'range.last90', days: 90 },
	{ key: 'range.last365', days: 365 }
] as const;

export const DEFAULT_DAYS = 30;
/** Longest range accepted, so a mistyped year cannot ask for centuries. */
export const MAX_DAYS = 20 * 366;

export function lastDays(today: string, days: number): DateRange {
	return { from: addDays(today, -(days - 1)), to: today };
}

export type RangeResult = { ok: true; range: DateRange } | { ok: false; range: DateRange; reason: Phrase };

/** Read from/to from search params; anything missing or wrong falls back to the last 30 days, with the reason. */
export function parseRange(params: URLSearchParams, today: string): RangeResult {
	const fallback = lastDays(today, DEFAULT_DAYS);
	const from = params.get('from');
	const to = params.get('to');
	if (from === null && to === null) return { ok: true, range: fallback };
	if (!from || !isIsoDay(from)) return { ok: false, range: fallback, reason: { key: 'range.error.notDay', params: { param: 'from', value: from ?? '' } } };
	if (!to || !isIsoDay(to)) return { ok: false, range: fallback, reason: { key: 'range.error.notDay', params: { param: 'to', value: to ?? '' } } };
	if (to < from) return { ok: false, range: fallback, reason: { key: 'range.error.endsBeforeStart' } };
	if (daysBetween(from, to) + 1 > MAX_DAYS) return { ok: false, range: fallback, reason: { key: 'range.error.tooLong', params: { max: MAX_DAYS } } };
	return { ok: true, range: { from, to } };
}

export function rangeDays(r: DateRange): number {
	return daysBetween(r.from, r.to) + 1;
}

export function rangeQuery(r: DateRange): string {
	return `from=${r.from}&to=${r.to}`;
}
