import { describe, expect, it } from 'vitest';
import { inEnglish, type Problem } from '../../src/lib/i18n/translate';
import { addDaysToTimestamp, compileFormat, normalizeDigits, parseBoolean, parseDate, parseInteger, parseNumber, parseSeconds, parseTimestamp } from '../../src/lib/server/imports/values';

const value = <T>(p: { ok: boolean; value?: T; problem?: Problem }) => (p.ok ? p.value : `ERR ${inEnglish(p.problem!)}`);

describe('numbers', () => {
	it('reads plain, signed, decimal and Persian-digit numbers', () => {
		expect(value(parseNumber('42'))).toBe(42);
		expect(value(parseNumber(' -3.5 '))).toBe(-3.5);
		expect(value(parseNumber('۱۲٫۵'))).toBe(12.5);
		expect(value(parseNumber('٣٤'))).toBe(34);
		expect(value(parseNumber('1e3'))).toBe(1000);
	});
	it('refuses what is not a number, with the value in the reason', () => {
		expect(value(parseNumber('12 min'))).toBe('ERR "12 min" is not a number');
		expect(value(parseNumber('1,234'))).toMatch(/^ERR/);
		expect(value(parseInteger('2.5'))).toBe('ERR "2.5" is not a whole number');
	});
	it('reads seconds as numbers or clock durations', () => {
		expect(value(parseSeconds('0:01:05'))).toBe(65);
		expect(value(parseSeconds('2:30'))).toBe(150);
		expect(value(parseSeconds('1:00:00'))).toBe(3600);
		expect(value(parseSeconds('83'))).toBe(83);
		expect(value(parseSeconds('-4'))).toBe('ERR "-4" is negative');
	});
	it('reads booleans in English and Persian', () => {
		expect([parseBoolean('TRUE'), parseBoolean('no'), parseBoolean('1'), parseBoolean('بله'), parseBoolean('خیر')].map(value)).toEqual([true, false, true, true, false]);
		expect(value(parseBoolean('maybe'))).toMatch(/^ERR "maybe" is not true\/false/);
	});
	it('normalizes only non-ASCII digits', () => {
		expect(normalizeDigits('۱۴۰۵/۰۸/۰۱')).toBe('1405/08/01');
		expect(normalizeDigits('abc 123')).toBe('abc 123');
	});
});

describe('timestamps', () => {
	it('keeps ISO text as wall-clock time, or with its offset', () => {
		expect(value(parseTimestamp('2026-11-21 08:15'))).toBe('2026-11-21 08:15:00');
		expect(value(parseTimestamp('2026-11-21T08:15:30+03:30'))).toBe('2026-11-21 08:15:30+03:30');
		expect(value(parseTimestamp('2026-11-21T08:15:30.250Z'))).toBe('2026-11-21 08:15:30.250+00:00');
		expect(value(parseTimestamp('2026/1/5 8:05'))).toBe('2026-01-05 08:05:00');
		expect(value(parseTimestamp('2026-11-21 08:15:00+00'))).toBe('2026-11-21 08:15:00+00:00');
		expect(value(parseTimestamp('2026-11-21'))).toBe('2026-11-21 00:00:00');
	});
	it('refuses impossible dates and placeholders', () => {
		expect(value(parseTimestamp('2026-02-29 10:00'))).toBe('ERR "2026-02-29 10:00" has day 29, not in 2026-02');
		expect(value(parseTimestamp('2024-02-29 10:00'))).toBe('2024-02-29 10:00:00');
		expect(value(parseTimestamp('2026-11-21 24:10'))).toBe('ERR "2026-11-21 24:10" has an impossible time of day');
		expect(value(parseTimestamp('1900-01-01'))).toMatch(/^ERR .* outside 1980-\d{4} \(a placeholder date\?\)/);
		expect(value(parseTimestamp('21/11/2026'))).toMatch(/^ERR "21\/11\/2026" is not a date and time/);
	});
	it('reads declared day-first formats', () => {
		const formats = [compileFormat('D/M/YYYY HH:mm'), compileFormat('D/M/YYYY')];
		expect(value(parseTimestamp('29/2/2016 01:16', { formats }))).toBe('2016-02-29 01:16:00');
		expect(value(parseTimestamp('3/12/2016', { formats }))).toBe('2016-12-03 00:00:00');
		expect(value(parseTimestamp('2016-02-29 01:16', { formats }))).toBe('ERR "2016-02-29 01:16" does not match the date format D/M/YYYY HH:mm | D/M/YYYY');
	});
	it('rejects a format without year, month and day', () => {
		expect(() => compileFormat('HH:mm')).toThrow('needs YYYY, M(M) and D(D)');
	});
	it('reads dates and refuses a date with a time', () => {
		expect(value(parseDate('2027-03-20'))).toBe('2027-03-20');
		expect(value(parseDate('2090-01-01'))).toBe('2090-01-01');
		expect(value(parseDate('2026-03-20 10:00'))).toBe('ERR "2026-03-20 10:00" is a date with a time; expected a day');
		expect(value(parseDate('soon'))).toBe('ERR "soon" is not a date (expected e.g. 2024-03-01)');
	});
	it('moves a wall-clock time to the next day across month and year ends', () => {
		expect(addDaysToTimestamp('2010-08-31 00:04:25', 1)).toBe('2010-09-01 00:04:25');
		expect(addDaysToTimestamp('2025-12-31 23:00:00+03:30', 1)).toBe('2026-01-01 23:00:00+03:30');
	});
});

describe('Jalali dates in files', () => {
	const persian = { calendar: 'persian' as const };
	it('reads a column declared Jalali, with slashes or dashes, Persian or Latin digits, with or without a time', () => {
		// 1 Farvardin 1404 is 21 March 2025 (Nowruz); 15 Aban 1403 is 5 November 2024.
		expect(value(parseTimestamp('1404/01/01', persian))).toBe('2025-03-21 00:00:00');
		expect(value(parseTimestamp('1403/08/15', persian))).toBe('2024-11-05 00:00:00');
		expect(value(parseTimestamp('1403-08-15 14:30', persian))).toBe('2024-11-05 14:30:00');
		expect(value(parseTimestamp('۱۴۰۳/۰۸/۱۵ ۱۴:۳۰', persian))).toBe('2024-11-05 14:30:00');
		expect(value(parseTimestamp('1403-08-15T14:30:00+03:30', persian))).toBe('2024-11-05 14:30:00+03:30');
		expect(value(parseDate('۱۴۰۳/۱۲/۳۰', persian))).toBe('2025-03-20');
	});
	it('reads declared formats in the Jalali calendar', () => {
		const formats = [compileFormat('D/M/YYYY HH:mm')];
		expect(value(parseTimestamp('15/8/1403 09:05', { ...persian, formats }))).toBe('2024-11-05 09:05:00');
	});
	it('refuses days the Jalali calendar does not have', () => {
		// Esfand 1403 has 30 days (a leap year), Esfand 1404 29; the second half of the year has 30-day months.
		expect(value(parseDate('1404/12/30', persian))).toBe('ERR "1404/12/30" is not a day of the Jalali calendar (the month has fewer days)');
		expect(value(parseDate('1403/07/31', persian))).toMatch(/^ERR "1403\/07\/31" is not a day of the Jalali calendar/);
		expect(value(parseDate('1403/13/01', persian))).toBe('ERR "1403/13/01" has month 13');
		// Ordibehesht has 31 days: a day February never has.
		expect(value(parseDate('1404/02/31', persian))).toBe('2025-05-21');
	});
	it('tells an undeclared Jalali-looking value apart from a placeholder, naming the mapping option', () => {
		expect(value(parseTimestamp('1403/08/15'))).toBe(
			'ERR "1403/08/15" looks like a Jalali (Persian calendar) date. If this column is Jalali, say so in its mapping with "calendar": "persian" on the field (see docs/mappings.md)'
		);
		expect(value(parseDate('۱۴۰۴-۰۲-۳۱'))).toMatch(/^ERR .* looks like a Jalali/);
		expect(value(parseTimestamp('1900-01-01'))).toMatch(/a placeholder date\?/);
		expect(value(parseTimestamp('1403/07/31'))).toMatch(/a placeholder date\?/);
	});
});
