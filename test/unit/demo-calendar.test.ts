import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../jobs/demo/csv';
import { Rng } from '../../jobs/demo/random';
import { DAY, HOUR, MINUTE, UnitCalendar, dayNumber, dayString, unitHolidays, weekday, yearsBefore } from '../../jobs/demo/tehran-calendar';

const cal = new UnitCalendar();
const at = (date: string, hh: number, mm = 0) => dayNumber(date) * DAY + hh * HOUR + mm * MINUTE;

describe('demo calendar (Asia/Tehran)', () => {
	it('numbers days and weekdays', () => {
		expect(dayString(dayNumber('2026-11-22'))).toBe('2026-11-22');
		expect(weekday(dayNumber('2026-11-21'))).toBe(6); // a Saturday
		expect(weekday(dayNumber('2026-11-20'))).toBe(5); // a Friday
		expect(dayString(yearsBefore(dayNumber('2024-02-29'), 1))).toBe('2023-02-28');
		expect(() => dayNumber('2026-02-30')).toThrow();
	});

	it('takes holidays from the shipped official list, and computes the history before it', () => {
		// The shipped list (Jalali 1405-1406): 1 Farvardin 1405 is Nowruz and Eid al-Fitr, 13 Farvardin, 14 Khordad 1405.
		expect(cal.holiday(dayNumber('2026-03-21'))).toBe('Nowruz; Eid al-Fitr');
		expect(cal.holiday(dayNumber('2026-04-02'))).toBe('Nature Day');
		expect(cal.holiday(dayNumber('2026-06-04'))).toBe('Demise of Imam Khomeini; Eid al-Ghadir');
		expect(cal.holiday(dayNumber('2026-11-22'))).toBeNull();
		// Before it (22 Bahman 1404, 29 Esfand 1404) the demo computes them with Intl.
		expect(cal.computedHoliday(dayNumber('2026-02-11'))).toBe('Revolution Day');
		expect(cal.computedHoliday(dayNumber('2026-03-20'))).toBe('Oil nationalisation day');
		const year = unitHolidays('2025-11-22', '2026-11-21');
		expect(year.length).toBeGreaterThanOrEqual(20);
		expect(year.length).toBeLessThanOrEqual(30);
		expect(year.find((h) => h.date === '2026-02-11')?.source).toBe('computed');
		expect(year.find((h) => h.date === '2026-06-24')?.source).toBe('official');
	});

	it('knows working, half and off days', () => {
		expect(cal.kind(dayNumber('2026-11-21'))).toBe('full');
		expect(cal.kind(dayNumber('2026-11-19'))).toBe('half');
		expect(cal.kind(dayNumber('2026-11-20'))).toBe('off');
		expect(cal.kind(dayNumber('2026-03-22'))).toBe('off');
	});

	it('writes ISO 8601 with the offset Iran had on that day', () => {
		expect(cal.timestamp(at('2025-03-01', 8, 15))).toBe('2025-03-01T08:15:00+03:30');
		// Daylight saving time until 2022.
		expect(cal.timestamp(at('2021-06-01', 9))).toBe('2021-06-01T09:00:00+04:30');
		expect(cal.timestamp(at('2021-12-01', 9))).toBe('2021-12-01T09:00:00+03:30');
	});

	it('adds and counts business time over evenings, half days and weekends', () => {
		// Wednesday 15:50 + 30 min: 10 min on Wednesday, 20 on Thursday morning.
		expect(cal.timestamp(cal.addBusiness(at('2026-11-18', 15, 50), 30 * MINUTE))).toBe('2026-11-19T08:20:00+03:30');
		// Thursday closes at noon; Friday is off.
		expect(cal.timestamp(cal.addBusiness(at('2026-11-19', 11, 50), 30 * MINUTE))).toBe('2026-11-21T08:20:00+03:30');
		expect(cal.timestamp(cal.nextOpen(at('2026-11-20', 10)))).toBe('2026-11-21T08:00:00+03:30');
		expect(cal.businessBetween(at('2026-11-18', 15, 50), at('2026-11-21', 8, 20))).toBe(10 * MINUTE + 4 * HOUR + 20 * MINUTE);
	});
});

describe('demo helpers', () => {
	it('quotes CSV fields per RFC 4180', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('صنعت، معدن و تجارت')).toBe('صنعت، معدن و تجارت');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(null)).toBe('');
		expect(csvField(false)).toBe('false');
		expect(csvText(['a', 'b'], [[1, '']])).toBe('a,b\n1,\n');
	});

	it('draws the same numbers from the same seed and label', () => {
		const a = new Rng(1405, 'x');
		const b = new Rng(1405, 'x');
		const c = new Rng(1405, 'y');
		const xs = Array.from({ length: 5 }, () => a.float());
		expect(Array.from({ length: 5 }, () => b.float())).toEqual(xs);
		expect(Array.from({ length: 5 }, () => c.float())).not.toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
	});
});
