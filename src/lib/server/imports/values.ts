/**
 * Parsing of single source values into the model's canonical text forms. Every function
 * returns either a value or a reason a person can act on (an i18n problem key with its
 * parameters); nothing here throws for bad data.
 */

import { isoFromParts } from '../../calendar/dates';
import { problem, type Params, type Problem, type ProblemKey } from '../../i18n/translate';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (key: ProblemKey, params: Params): Parsed<never> => ({ ok: false, problem: problem(key, params) });

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits, and the Arabic decimal/thousands marks, to ASCII. */
const NON_ASCII_DIGITS = /[\u0660-\u066C\u06F0-\u06F9]/;

export function normalizeDigits(s: string): string {
	if (!NON_ASCII_DIGITS.test(s)) return s;
	return s
		.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
		.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
		.replace(/\u066B/g, '.')
		.replace(/\u066C/g, '');
}

export function parseNumber(raw: string): Parsed<number> {
	const s = normalizeDigits(raw.trim());
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return fail('problem.notNumber', { value: raw });
	const n = Number(s);
	return Number.isFinite(n) ? ok(n) : fail('problem.notFinite', { value: raw });
}

export function parseInteger(raw: string): Parsed<number> {
	const n = parseNumber(raw);
	if (!n.ok) return n;
	return Number.isInteger(n.value) ? n : fail('problem.notWhole', { value: raw });
}

/** A duration unit a source writes numbers in (a mapping field's `unit`). */
export const DURATION_UNITS = ['seconds', 'minutes', 'hours'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
const UNIT_SECONDS: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };

/**
 * A duration in minutes, from a number in `unit` (default minutes: Zendesk's "… in minutes",
 * Zammad's "… In Min"; hours: Freshdesk's "… (in hrs)") or from a clock duration H:MM:SS /
 * H:MM (hours and minutes, whatever the unit).
 */
export function parseMinutes(raw: string, unit: DurationUnit = 'minutes'): Parsed<number> {
	const s = normalizeDigits(raw.trim());
	const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
	if (clock) return ok(Number(clock[1]) * 60 + Number(clock[2]) + (clock[3] === undefined ? 0 : Number(clock[3]) / 60));
	const n = parseNumber(s);
	if (!n.ok) return fail('problem.notDuration', { value: raw, unit });
	if (n.value < 0) return fail('problem.negative', { value: raw });
	return ok((n.value * UNIT_SECONDS[unit]) / 60);
}

/** Seconds, given as a number or as a clock duration H:MM:SS / M:SS. */
export function parseSeconds(raw: string): Parsed<number> {
	const s = normalizeDigits(raw.trim());
	const clock = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/.exec(s);
	if (clock) {
		const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? undefined : Number(clock[3])];
		return ok(c === undefined ? a * 60 + b : a * 3600 + b * 60 + c);
	}
	const n = parseNumber(s);
	if (!n.ok) return fail('problem.notSeconds', { value: raw });
	return n.value < 0 ? fail('problem.negative', { value: raw }) : n;
}

const TRUE = new Set(['true', 't', 'yes', 'y', '1', 'بله', 'آری']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0', 'خیر']);

export function parseBoolean(raw: string): Parsed<boolean> {
	const s = normalizeDigits(raw.trim().toLowerCase());
	if (TRUE.has(s)) return ok(true);
	if (FALSE.has(s)) return ok(false);
	return fail('problem.notBoolean', { value: raw });
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface DateTimeParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	fraction: string;
	offset: string | null; // '+03:30', '+00:00', or null when the text gave none
}

function checkParts(p: DateTimeParts, raw: string): Parsed<DateTimeParts> {
	if (p.month < 1 || p.month > 12) return fail('problem.badMonth', { value: raw, month: String(p.month) });
	if (p.day < 1 || p.day > daysInMonth(p.year, p.month)) return fail('problem.badDay', { value: raw, day: String(p.day), yearMonth: `${p.year}-${pad(p.month)}` });
	if (p.hour > 23 || p.minute > 59 || p.second > 59) return fail('problem.badTime', { value: raw });
	return ok(p);
}

function normalizeOffset(tz: string | undefined): string | null {
	if (!tz) return null;
	if (tz === 'Z' || tz === 'z' || /^(UTC|GMT)$/i.test(tz)) return '+00:00';
	const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(tz);
	if (!m) return null;
	return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/;

/** ISO 8601 and its common relatives: 2024-03-01, 2024/03/01 08:15, 2024-03-01T08:15:00.5+03:30. */
function parseIso(s: string): DateTimeParts | null {
	const m = ISO.exec(s);
	if (!m) return null;
	return {
		year: Number(m[1]),
		month: Number(m[2]),
		day: Number(m[3]),
		hour: Number(m[4] ?? 0),
		minute: Number(m[5] ?? 0),
		second: Number(m[6] ?? 0),
		fraction: m[7] ?? '',
		offset: normalizeOffset(m[8])
	};
}

type FormatPart = keyof DateTimeParts | 'hour12' | 'meridiem';

const TOKENS: Record<string, { re: string; part: FormatPart }> = {
	YYYY: { re: '(\\d{4})', part: 'year' },
	MM: { re: '(\\d{2})', part: 'month' },
	M: { re: '(\\d{1,2})', part: 'month' },
	DD: { re: '(\\d{2})', part: 'day' },
	D: { re: '(\\d{1,2})', part: 'day' },
	HH: { re: '(\\d{2})', part: 'hour' },
	H: { re: '(\\d{1,2})', part: 'hour' },
	mm: { re: '(\\d{2})', part: 'minute' },
	ss: { re: '(\\d{2})', part: 'second' },
	SSS: { re: '(\\d{1,9})', part: 'fraction' },
	hh: { re: '(\\d{2})', part: 'hour12' },
	h: { re: '(\\d{1,2})', part: 'hour12' },
	A: { re: '([AaPp]\\.?[Mm]\\.?)', part: 'meridiem' },
	// An offset, or the zone names Rails and others print for UTC ("2024-01-15 10:23:45 UTC").
	Z: { re: '(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})', part: 'offset' }
};
const TOKEN_RE = /YYYY|SSS|MM|DD|HH|hh|mm|ss|M|D|H|h|A|Z/g;

/** The format name that stands for ISO 8601 and its relatives in a list of formats. */
export const ISO_FORMAT = 'ISO';

export interface CompiledFormat {
	format: string;
	/** Null for ISO_FORMAT: read as ISO 8601. */
	regex: RegExp | null;
	parts: FormatPart[];
}

/**
 * Compile a date format such as "D/M/YYYY HH:mm" (tokens YYYY MM M DD D HH H hh h (1-12) A
 * (AM/PM) mm ss SSS Z; anything else is literal; a trailing "[ HH:mm:ss]"-style optional part
 * is not supported, declare two formats instead). "ISO" stands for ISO 8601 and its relatives.
 */
export function compileFormat(format: string): CompiledFormat {
	if (format === ISO_FORMAT) return { format, regex: null, parts: [] };
	const parts: FormatPart[] = [];
	let re = '';
	let last = 0;
	for (const m of format.matchAll(TOKEN_RE)) {
		re += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
		const t = TOKENS[m[0]]!;
		re += t.re;
		parts.push(t.part);
		last = m.index + m[0].length;
	}
	re += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
	if (!parts.includes('year') || !parts.includes('month') || !parts.includes('day')) {
		throw new Error(`date format "${format}" needs YYYY, M(M) and D(D)`);
	}
	if (parts.includes('hour12') !== parts.includes('meridiem')) throw new Error(`date format "${format}": h/hh (1-12) goes with A (AM/PM)`);
	return { format, regex: new RegExp(`^${re}$`), parts };
}

function parseWithFormat(s: string, f: CompiledFormat): DateTimeParts | null {
	if (!f.regex) return parseIso(s);
	const m = f.regex.exec(s);
	if (!m) return null;
	const p: DateTimeParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, fraction: '', offset: null };
	let pm: boolean | null = null;
	for (let i = 0; i < f.parts.length; i++) {
		const part = f.parts[i]!;
		const v = m[i + 1]!;
		if (part === 'offset') p.offset = normalizeOffset(v);
		else if (part === 'fraction') p.fraction = v;
		else if (part === 'meridiem') pm = /^p/i.test(v);
		else if (part === 'hour12') p.hour = Number(v);
		else p[part] = Number(v);
	}
	if (pm !== null) {
		// 12 AM is midnight, 12 PM noon; an hour past 12 with AM/PM is no time at all.
		if (p.hour < 1 || p.hour > 12) return { ...p, hour: 99 };
		p.hour = (p.hour % 12) + (pm ? 12 : 0);
	}
	return p;
}

/** Calendars a date column may be written in: Gregorian (the default) or Jalali. */
export const SOURCE_CALENDARS = ['gregory', 'persian'] as const;
export type SourceCalendar = (typeof SOURCE_CALENDARS)[number];

/**
 * Years a Jalali date has in data of this era (1300 AP is 1921): a year in this window with a
 * month and day that exist in the Jalali calendar is most likely Jalali, not a placeholder.
 */
const JALALI_YEARS = { min: 1300, max: 1499 };

/** The Gregorian parts of a Jalali date's parts (time and offset kept), or null when no such Jalali day exists. */
function fromJalali(p: DateTimeParts): DateTimeParts | null {
	const iso = isoFromParts(p.year, p.month, p.day, 'persian');
	if (!iso) return null;
	return { ...p, year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export interface TimestampOptions {
	formats?: CompiledFormat[];
	/** The calendar the dates are written in (a mapping's field option); default Gregorian. */
	calendar?: SourceCalendar;
	/** Years outside this window are refused as placeholders or typos (1900-01-01 and such). */
	minYear?: number;
	maxYear?: number;
}

/**
 * A point in time as canonical text "YYYY-MM-DD HH:MM:SS[.fff][+HH:MM]". Without an offset
 * the text is wall-clock time, placed in a time zone when it is stored (to_instant in SQL).
 */
export function parseTimestamp(raw: string, options: TimestampOptions = {}): Parsed<string> {
	const s = normalizeDigits(raw.trim());
	let parts: DateTimeParts | null = null;
	if (options.formats?.length) {
		for (const f of options.formats) {
			parts = parseWithFormat(s, f);
			if (parts) break;
		}
		if (!parts) return fail('problem.formatMismatch', { value: raw, formats: options.formats.map((f) => f.format).join(' | ') });
	} else {
		parts = parseIso(s);
		if (!parts) return fail('problem.notTimestamp', { value: raw });
	}
	if (options.calendar === 'persian') {
		if (parts.month < 1 || parts.month > 12) return fail('problem.badMonth', { value: raw, month: String(parts.month) });
		const gregorian = fromJalali(parts);
		if (!gregorian) return fail('problem.notJalaliDay', { value: raw });
		parts = gregorian;
	} else if (parts.year >= JALALI_YEARS.min && parts.year <= JALALI_YEARS.max && fromJalali(parts)) {
		return fail('problem.looksJalali', { value: raw });
	}
	const checked = checkParts(parts, raw);
	if (!checked.ok) return checked;
	const minYear = options.minYear ?? 1980;
	const maxYear = options.maxYear ?? new Date().getUTCFullYear() + 1;
	if (parts.year < minYear || parts.year > maxYear) {
		return fail('problem.yearOutOfRange', { value: raw, min: String(minYear), max: String(maxYear) });
	}
	const p = checked.value;
	let text = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
	if (p.fraction) text += '.' + p.fraction.slice(0, 6);
	if (p.offset) text += p.offset;
	return ok(text);
}

/** A calendar day as "YYYY-MM-DD" (a time part, if any, must be midnight). */
export function parseDate(raw: string, options: TimestampOptions = {}): Parsed<string> {
	const t = parseTimestamp(raw, { maxYear: 2100, ...options });
	if (!t.ok) return t.problem.key === 'problem.notTimestamp' ? fail('problem.notDate', { value: raw }) : t;
	if (!/ 00:00:00(\.0+)?([+-]\d{2}:\d{2})?$/.test(t.value)) return fail('problem.dateHasTime', { value: raw });
	return ok(t.value.slice(0, 10));
}

/** Add whole days to the date part of a canonical wall-clock timestamp (for clock times that passed midnight). */
export function addDaysToTimestamp(canonical: string, days: number): string {
	const y = Number(canonical.slice(0, 4));
	const m = Number(canonical.slice(5, 7));
	const d = Number(canonical.slice(8, 10));
	const date = new Date(Date.UTC(y, m - 1, d + days));
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}${canonical.slice(10)}`;
}
