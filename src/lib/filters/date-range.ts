/**
 * The period filter, kept in the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD) so a view can be
 * shared and reloaded. Both days are included; they are days in the unit's time zone.
 *
 * - No period in the URL: the last 30 days, ending today, or ending on the newest day with
 *   data when that is older (a loaded export from last year must not open on "no data").
 * - A period reaching past today is cut at today, with a note: averages per day never divide
 *   by days that have not happened.
 */
import { addDays, daysBetween, isIsoDay } from '../calendar';
import type { Phrase } from '../i18n/translate';

export interface DateRange {
	from: string;
	to: string;
}

/** First and last local day with any data (null when nothing is loaded). */
export interface DataExtent {
	firstDay: string;
	lastDay: string;
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

export function lastDays(end: string, days: number): DateRange {
	return { from: addDays(end, -(days - 1)), to: end };
}

/** The day the default and the presets end on: today, or the newest day with data when none of the last 30 days has any. */
export function defaultEnd(today: string, extent: DataExtent | null): string {
	if (!extent || extent.lastDay >= addDays(today, -(DEFAULT_DAYS - 1))) return today;
	return extent.lastDay < today ? extent.lastDay : today;
}

export interface RangeResult {
	range: DateRange;
	/** The period the URL asked for was wrong; range is the default instead. */
	error: (Phrase & { param: 'from' | 'to' }) | null;
	/** Worth telling the reader (cut at today, default moved to the data). */
	notes: Phrase[];
	/** True when the URL named no period. */
	isDefault: boolean;
}

/** Read from/to from search params; anything missing or wrong falls back to the default period, with the reason. */
export function parseRange(params: URLSearchParams, today: string, extent: DataExtent | null = null): RangeResult {
	const end = defaultEnd(today, extent);
	const fallback = lastDays(end, DEFAULT_DAYS);
	const defaultNotes: Phrase[] = end !== today ? [{ key: 'range.note.defaultToData' }] : [];
	const from = params.get('from');
	const to = params.get('to');
	const fail = (param: 'from' | 'to', reason: Phrase): RangeResult => ({ range: fallback, error: { ...reason, param }, notes: defaultNotes, isDefault: true });
	if (from === null && to === null) return { range: fallback, error: null, notes: defaultNotes, isDefault: true };
	if (!from || !isIsoDay(from)) return fail('from', { key: 'range.error.notDay', params: { param: 'from', value: from ?? '' } });
	if (!to || !isIsoDay(to)) return fail('to', { key: 'range.error.notDay', params: { param: 'to', value: to ?? '' } });
	if (to < from) return fail('to', { key: 'range.error.endsBeforeStart' });
	if (daysBetween(from, to) + 1 > MAX_DAYS) return fail('from', { key: 'range.error.tooLong', params: { max: MAX_DAYS } });
	if (from > today) return fail('from', { key: 'range.error.future' });
	if (to > today) return { range: { from, to: today }, error: null, notes: [{ key: 'range.note.cutAtToday' }], isDefault: false };
	return { range: { from, to }, error: null, notes: [], isDefault: false };
}

export function rangeDays(r: DateRange): number {
	return daysBetween(r.from, r.to) + 1;
}

/** The period of the same length just before r (for period-over-period comparisons). */
export function previousRange(r: DateRange): DateRange {
	const days = rangeDays(r);
	return { from: addDays(r.from, -days), to: addDays(r.from, -1) };
}

export function rangeQuery(r: DateRange): string {
	return `from=${r.from}&to=${r.to}`;
}
