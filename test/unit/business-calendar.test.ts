import { describe, expect, it } from 'vitest';
import { calendarRules, iranianWeek, validateHolidays, validateWeek, WallBusinessClock, weekdayKinds, type WeekSchedule } from '../../src/lib/server/business-calendar/schedule';
import { IRAN_HOLIDAYS, iranHolidays, mergeHolidays, parseIcal } from '../../src/lib/server/business-calendar/holidays';
import { validateTargets, defaultTargets, versionOn } from '../../src/lib/server/sla/policies';
import { policiesChangedFrom } from '../../src/lib/server/sla/refresh';
import { parseSlaForm } from '../../src/lib/server/sla/settings-form';

const lunch: WeekSchedule = (() => {
	const d = [
		{ start: '08:00', end: '12:00' },
		{ start: '13:00', end: '16:00' }
	];
	return [d, d, d, d, [{ start: '08:00', end: '12:00' }], [], d];
})();

describe('working intervals', () => {
	it('accepts several intervals a day and a closed day', () => {
		expect(validateWeek(lunch)).toEqual([]);
		expect(validateWeek(iranianWeek())).toEqual([]);
	});

	it('refuses an end before its start, overlaps and times that are not times, naming the field', () => {
		const week = iranianWeek();
		week[6] = [{ start: '16:00', end: '08:00' }];
		week[0] = [
			{ start: '08:00', end: '12:00' },
			{ start: '11:00', end: '16:00' }
		];
		week[1] = [{ start: '8am', end: '25:00' }];
		const problems = validateWeek(week);
		expect(problems.map((p) => [p.field, p.phrase.key])).toEqual([
			['week.0.1.start', 'sla.error.overlap'],
			['week.1.0.start', 'sla.error.badTime'],
			['week.1.0.end', 'sla.error.badTime'],
			['week.6.0.end', 'sla.error.endBeforeStart']
		]);
	});

	it('makes the weekend and half days of calendar_days from the week', () => {
		// Thursday (4) has 4 hours against 8: half; Friday (5) none: off.
		expect(weekdayKinds(iranianWeek())).toEqual(['full', 'full', 'full', 'full', 'half', 'off', 'full']);
		const rules = calendarRules({ calendar: 'persian', weekStart: 6 }, { week: iranianWeek(), holidays: [{ date: '2026-03-21', name: 'Nowruz' }] });
		expect(rules).toMatchObject({ weekend: [5], halfDays: [4], holidays: ['2026-03-21'] });
	});
});

describe('wall-clock business time (the demo plans on it)', () => {
	const DAY = 86_400;
	const day = (iso: string) => Date.parse(iso + 'T00:00:00Z') / 1000 / DAY;
	const at = (iso: string, h: number, m = 0) => day(iso) * DAY + h * 3600 + m * 60;
	const clock = new WallBusinessClock({ week: lunch, holidays: [{ date: '2026-11-23', name: 'x' }] });

	it('skips the lunch break, the holiday, Thursday afternoon and Friday', () => {
		// Saturday 11:30 + 60 min: 30 before lunch, 30 after → 13:30.
		expect(clock.addBusiness(at('2026-11-21', 11, 30), 3600)).toBe(at('2026-11-21', 13, 30));
		// Sunday 15:30 + 60 min: 30 on Sunday, Monday is a holiday, 30 on Tuesday → Tuesday 08:30.
		expect(clock.addBusiness(at('2026-11-22', 15, 30), 3600)).toBe(at('2026-11-24', 8, 30));
		// Thursday 11:00 → Saturday 09:00: 60 on Thursday, 60 on Saturday.
		expect(clock.businessBetween(at('2026-11-26', 11), at('2026-11-28', 9))).toBe(7200);
		expect(clock.kind(day('2026-11-23'))).toBe('off');
		expect(clock.kind(day('2026-11-26'))).toBe('half');
	});
});

describe('holidays', () => {
	it('ships Iran 1405 and 1406 with the source of every day', () => {
		const list = IRAN_HOLIDAYS.holidays;
		expect(list.filter((h) => h.jalali.startsWith('1405/')).length).toBe(26);
		expect(list.filter((h) => h.jalali.startsWith('1406/')).length).toBeGreaterThanOrEqual(25);
		// Solar: 1 Farvardin 1405 = 21 March 2026; 22 Bahman 1405 = 11 February 2027.
		expect(list.find((h) => h.jalali === '1405/1/1')?.date).toBe('2026-03-21');
		expect(list.find((h) => h.jalali === '1405/11/22')?.date).toBe('2027-02-11');
		// Lunar, official calendar of 1405: Tasua and Ashura on 3-4 Tir (24-25 June 2026).
		expect(list.find((h) => h.date === '2026-06-24')).toMatchObject({ source: 'official', en: 'Tasua' });
		// Lunar 1406: computed, and marked so.
		expect(list.filter((h) => h.jalali.startsWith('1406/') && h.kind === 'lunar').every((h) => h.source === 'computed')).toBe(true);
		expect(iranHolidays('fa').find((h) => h.date === '2026-06-25')?.name).toBe('عاشورای حسینی');
	});

	it('refuses a list with a bad date, a repeated day or no name', () => {
		const problems = validateHolidays([
			{ date: '2026-02-30', name: 'x' },
			{ date: '2026-03-21', name: 'Nowruz' },
			{ date: '2026-03-21', name: 'again' },
			{ date: '2026-03-22', name: ' ' }
		]);
		expect(problems.map((p) => [p.field, p.phrase.key])).toEqual([
			['holidays.0.date', 'sla.error.badDate'],
			['holidays.2.date', 'sla.error.duplicateHoliday'],
			['holidays.3.name', 'sla.error.holidayName']
		]);
	});

	it('imports the all-day events of an iCal file, multi-day ones day by day', () => {
		const ics = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//test//EN',
			'BEGIN:VEVENT',
			'UID:1',
			'DTSTART;VALUE=DATE:20270321',
			'DTEND;VALUE=DATE:20270325',
			'SUMMARY:Nowruz',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'UID:2',
			'DTSTART;VALUE=DATE:20270402',
			'SUMMARY:Sizdah Bedar',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'UID:3',
			'DTSTART:20270405T090000Z',
			'DTEND:20270405T100000Z',
			'SUMMARY:A meeting, not a holiday',
			'END:VEVENT',
			'END:VCALENDAR'
		].join('\r\n');
		const r = parseIcal(ics);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.holidays.map((h) => `${h.date} ${h.name}`)).toEqual(['2027-03-21 Nowruz', '2027-03-22 Nowruz', '2027-03-23 Nowruz', '2027-03-24 Nowruz', '2027-04-02 Sizdah Bedar']);
	});

	it('refuses a malformed iCal file, one without a calendar, and one without all-day events', () => {
		expect(parseIcal('BEGIN:VCALENDAR\nthis is not ical\n')).toMatchObject({ ok: false, phrase: { key: 'sla.error.icalUnreadable' } });
		expect(parseIcal('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\nEND:VCARD\r\n')).toMatchObject({ ok: false, phrase: { key: 'sla.error.icalNotCalendar' } });
		expect(parseIcal('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20270405T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).toMatchObject({
			ok: false,
			phrase: { key: 'sla.error.icalOnlyTimed' }
		});
	});

	it('merges lists by day, the later list winning', () => {
		expect(mergeHolidays([{ date: '2026-01-02', name: 'a' }], [{ date: '2026-01-01', name: 'b' }, { date: '2026-01-02', name: 'c' }])).toEqual([
			{ date: '2026-01-01', name: 'b' },
			{ date: '2026-01-02', name: 'c' }
		]);
	});
});

describe('policies', () => {
	it('needs a default target per priority, positive whole minutes and known clocks', () => {
		expect(validateTargets(defaultTargets())).toEqual([]);
		const bad = defaultTargets().slice(1);
		bad[0] = { ...bad[0]!, resolutionMinutes: -5, firstResponseClock: 'lunar' as never };
		expect(validateTargets(bad).map((p) => p.phrase.key).sort()).toEqual(['sla.error.badClock', 'sla.error.missingDefault', 'sla.error.targetNotPositive']);
	});

	it('finds the version in force on a day and the first day the versions in force differ', () => {
		const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom, targets: [] });
		expect(versionOn([v(1, '1970-01-01'), v(2, '2026-06-01')], '2026-05-31')?.version).toBe(1);
		expect(versionOn([v(1, '1970-01-01'), v(2, '2026-06-01')], '2026-06-01')?.version).toBe(2);
		expect(policiesChangedFrom([v(1, '1970-01-01')], [v(1, '1970-01-01')])).toBeNull();
		expect(policiesChangedFrom([v(1, '1970-01-01'), v(2, '2026-06-01')], [v(1, '1970-01-01'), v(3, '2026-03-01')])).toBe('2026-03-01');
	});
});

describe('the settings form', () => {
	const form = (entries: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of entries) f.append(k, v);
		return f;
	};
	const good: [string, string][] = [
		...Array.from({ length: 7 }, (_, d) => [`week.${d}`, d === 5 ? '' : d === 4 ? '08:00-12:00' : '08:00-12:00, 13:00-16:00'] as [string, string]),
		['holidays', '2026-03-21 Nowruz\n2026-03-22 Nowruz'],
		['pause', 'waiting_customer'],
		['atRiskPercent', '۸۰'],
		['effectiveFrom', '2026-01-01'],
		['targets.count', '5'],
		...['critical', 'high', 'normal', 'low'].flatMap((p, i) => [
			[`t.${i}.priority`, p],
			[`t.${i}.tier`, ''],
			[`t.${i}.fr`, '60'],
			[`t.${i}.frClock`, 'business'],
			[`t.${i}.res`, '480'],
			[`t.${i}.resClock`, 'calendar']
		] as [string, string][])
	];

	it('reads a good form (Persian digits too) into settings and targets', () => {
		const r = parseSlaForm(form(good), []);
		expect(r.errors).toEqual({});
		expect(r.candidate!.week[0]).toEqual([
			{ start: '08:00', end: '12:00' },
			{ start: '13:00', end: '16:00' }
		]);
		expect(r.candidate!.atRiskShare).toBe(0.8);
		expect(r.candidate!.holidays.map((h) => h.source)).toEqual(['unit', 'unit']);
		expect(r.candidate!.targets).toHaveLength(4);
	});

	it('refuses bad fields at their field, and returns what was typed', () => {
		const bad = good.map(([k, v]): [string, string] =>
			k === 'week.6' ? [k, '16:00-08:00'] : k === 't.2.res' ? [k, '-30'] : k === 'holidays' ? [k, '2026-13-01 x'] : k === 'atRiskPercent' ? [k, '150'] : [k, v]
		);
		const r = parseSlaForm(form(bad), []);
		expect(r.candidate).toBeNull();
		expect(Object.keys(r.errors).sort()).toEqual(['atRiskPercent', 'holidays.1', 't.2.res', 'week.6']);
		expect(r.values.week[6]).toBe('16:00-08:00');
	});
});
