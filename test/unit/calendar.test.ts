import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, direction, formatDay, formatDayRange, formatInstant, formatNumber, intlLocale, isIsoDay, localeWeekStart, todayIn, weekdayName, weekdayOf, weekdayOrder } from '../../src/lib/calendar';

const enFa = { language: 'en', calendar: 'persian' } as const;
const faFa = { language: 'fa', calendar: 'persian' } as const;
const enGr = { language: 'en', calendar: 'gregory' } as const;

describe('calendar module', () => {
	it('builds Intl locales with calendar and digits', () => {
		expect(intlLocale(enFa)).toBe('en-GB-u-ca-persian-nu-latn');
		expect(intlLocale(faFa)).toBe('fa-IR-u-ca-persian');
		expect(direction('fa')).toBe('rtl');
		expect(direction('en')).toBe('ltr');
	});
	it('formats ISO days in the Jalali calendar', () => {
		// 22 November 2026 = 1 Azar 1405.
		expect(formatDay('2026-11-22', enFa)).toBe('1 Azar 1405');
		expect(formatDay('2026-11-22', faFa)).toBe('۱ آذر ۱۴۰۵');
		expect(formatDay('2026-11-22', enGr)).toBe('22 Nov 2026');
		// Nowruz 1405 fell on 21 March 2026.
		expect(formatDay('2026-03-21', enFa)).toBe('1 Farvardin 1405');
		// Intl puts thin spaces around the dash.
		expect(formatDayRange('2026-10-24', '2026-11-22', enFa).replace(/\s/g, ' ')).toBe('2 Aban – 1 Azar 1405');
	});
	it('formats an instant in the unit zone', () => {
		const s = { ...enGr, timeZone: 'Asia/Tehran', weekStart: 6 };
		expect(formatInstant('2026-11-21 20:40:00+00', s)).toBe('22 Nov 2026, 00:10');
		expect(formatInstant('2026-11-21T20:40:00Z', { ...s, timeZone: 'UTC' })).toBe('21 Nov 2026, 20:40');
	});
	it('orders the week from the unit week start and names days', () => {
		expect(weekdayOrder(6)).toEqual([6, 0, 1, 2, 3, 4, 5]);
		expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
		expect(weekdayName(6, enFa)).toBe('Saturday');
		expect(weekdayName(5, faFa)).toBe('جمعه');
		expect(weekdayName(0, enGr, 'short')).toBe('Sun');
	});
	it('knows that Iran starts the week on Saturday', () => {
		expect(localeWeekStart('fa-IR')).toBe(6);
	});
	it('does day arithmetic on ISO days', () => {
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(daysBetween('2026-11-01', '2026-11-30')).toBe(29);
		expect(weekdayOf('2026-11-21')).toBe(6);
		expect(isIsoDay('2026-02-29')).toBe(false);
		expect(isIsoDay('2026-2-1')).toBe(false);
		expect(isIsoDay('2028-02-29')).toBe(true);
	});
	it('finds today in the unit zone, not the server zone', () => {
		// 21:00 UTC on the 21st is already the 22nd in Tehran.
		expect(todayIn('Asia/Tehran', new Date('2026-11-21T21:00:00Z'))).toBe('2026-11-22');
		expect(todayIn('UTC', new Date('2026-11-21T21:00:00Z'))).toBe('2026-11-21');
	});
	it('formats numbers with the language digits', () => {
		expect(formatNumber(12345.6, { language: 'en' }, { maximumFractionDigits: 1 })).toBe('12,345.6');
		expect(formatNumber(1405, { language: 'fa' })).toBe('۱٬۴۰۵');
	});
});
