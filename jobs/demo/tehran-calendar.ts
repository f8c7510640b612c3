/**
 * The care unit's calendar for the demo data: Asia/Tehran wall-clock time and ISO 8601 text
 * with the zone's offset. Working time (the Iranian week: Saturday first, Thursday a half day,
 * Friday off) and holidays are the product's business calendar (src/lib/server/business-calendar),
 * the same one the SLA clocks count; the demo plans on it with its wall-clock helper.
 *
 * Times are "wall seconds": seconds since 1970-01-01 00:00 on the unit's wall clock, counted
 * as if the clock were UTC. Day numbers are wall seconds / 86400. Offsets come from Intl for
 * every day (Iran kept daylight saving time until 2022); nothing here hard-codes an offset.
 *
 * Holidays: the product's shipped official list (Jalali 1405 and 1406) where it reaches; for
 * the demo's earlier history, computed here from the Jalali and Hijri dates of Intl's persian
 * and islamic-umalqura calendars (lunar ones can be a day off the official ones).
 */
import { iranianWeek, WallBusinessClock, type BusinessCalendarSettings, type Holiday } from '../../src/lib/server/business-calendar/schedule';
import { IRAN_HOLIDAYS, iranHolidays, mergeHolidays } from '../../src/lib/server/business-calendar/holidays';

export const UNIT_TIME_ZONE = 'Asia/Tehran';
export const DAY = 86_400;
export const HOUR = 3_600;
export const MINUTE = 60;

/** The simulated unit's working hours in seconds of the day (its business calendar: iranianWeek); Thursday ends at noon. */
export const WORK_START = 8 * HOUR;
export const WORK_END = 16 * HOUR;
export const HALF_DAY_END = 12 * HOUR;

export const SUNDAY = 0;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;

export type DayKind = 'full' | 'half' | 'off';

interface CalendarParts {
	year: number;
	month: number;
	day: number;
}

/** Solar-calendar holidays: [Jalali month, day, name]. */
const SOLAR_HOLIDAYS: [number, number, string][] = [
	[1, 1, 'Nowruz'],
	[1, 2, 'Nowruz'],
	[1, 3, 'Nowruz'],
	[1, 4, 'Nowruz'],
	[1, 12, 'Islamic Republic Day'],
	[1, 13, 'Nature Day (Sizdah Bedar)'],
	[3, 14, 'Demise of Imam Khomeini'],
	[3, 15, '15 Khordad uprising'],
	[11, 22, 'Revolution Day'],
	[12, 29, 'Oil nationalisation day']
];

/**
 * Lunar holidays: [Hijri month, day, name]. Iran fixes these by moon sighting, so the
 * Umm al-Qura dates used here can be a day off from the official ones; good enough for the
 * demo's history before the shipped official list.
 */
const LUNAR_HOLIDAYS: [number, number, string][] = [
	[1, 9, 'Tasua'],
	[1, 10, 'Ashura'],
	[2, 20, 'Arbaeen'],
	[2, 28, 'Demise of the Prophet and Imam Hasan'],
	[3, 8, 'Martyrdom of Imam Hasan Askari'],
	[3, 17, "Prophet's birthday"],
	[6, 3, 'Martyrdom of Fatimah'],
	[7, 13, 'Birthday of Imam Ali'],
	[7, 27, "Mab'ath"],
	[8, 15, 'Birthday of Imam Mahdi'],
	[9, 21, 'Martyrdom of Imam Ali'],
	[10, 1, 'Eid al-Fitr'],
	[10, 2, 'Eid al-Fitr'],
	[10, 25, 'Martyrdom of Imam Sadiq'],
	[12, 10, 'Eid al-Adha'],
	[12, 18, 'Eid al-Ghadir']
];

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

function numericParts(format: Intl.DateTimeFormat, ms: number): CalendarParts {
	const out: CalendarParts = { year: 0, month: 0, day: 0 };
	for (const p of format.formatToParts(new Date(ms))) {
		if (p.type === 'year') out.year = Number(p.value);
		else if (p.type === 'month') out.month = Number(p.value);
		else if (p.type === 'day') out.day = Number(p.value);
	}
	return out;
}

export function dayNumber(isoDate: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
	if (!m) throw new Error(`"${isoDate}" is not a date like 2026-11-22`);
	const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	const day = ms / 86_400_000;
	if (dayString(day) !== isoDate) throw new Error(`"${isoDate}" is not a calendar date`);
	return day;
}

export function dayString(day: number): string {
	const d = new Date(day * 86_400_000);
	return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** The same calendar date `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(day: number, years: number): number {
	const d = new Date(day * 86_400_000);
	const y = d.getUTCFullYear() - years;
	const m = d.getUTCMonth();
	const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000;
}

export class UnitCalendar {
	private readonly persian = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
	private readonly hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
	private readonly offsetFormat: Intl.DateTimeFormat;
	private readonly jalaliCache = new Map<number, CalendarParts>();
	private readonly offsetCache = new Map<number, string | string[]>();
	private readonly dateCache = new Map<number, string>();
	/** The product's business calendar, on the wall clock. */
	readonly business: WallBusinessClock;

	constructor(
		readonly timeZone = UNIT_TIME_ZONE,
		settings: BusinessCalendarSettings = { week: iranianWeek(), holidays: iranHolidays('en') }
	) {
		this.offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', hour: 'numeric' });
		this.business = new WallBusinessClock(settings);
	}

	jalali(day: number): CalendarParts {
		let p = this.jalaliCache.get(day);
		if (!p) {
			p = numericParts(this.persian, day * 86_400_000 + 12 * 3_600_000);
			this.jalaliCache.set(day, p);
		}
		return p;
	}

	private hijriDate(day: number): CalendarParts {
		return numericParts(this.hijri, day * 86_400_000 + 12 * 3_600_000);
	}

	/** Name of the holiday computed from the rules above (solar by Intl persian, lunar by Intl Umm al-Qura), or null. */
	computedHoliday(day: number): string | null {
		const j = this.jalali(day);
		let name: string | null = null;
		for (const [m, d, n] of SOLAR_HOLIDAYS) if (j.month === m && j.day === d) name = n;
		if (!name) {
			const h = this.hijriDate(day);
			for (const [m, d, n] of LUNAR_HOLIDAYS) if (h.month === m && h.day === d) name = n;
			// The martyrdom of Imam Reza falls on the last day of Safar, whose length varies.
			if (!name && h.month === 2 && h.day >= 29) {
				const next = this.hijriDate(day + 1);
				if (next.month === 3) name = 'Martyrdom of Imam Reza';
			}
		}
		return name;
	}

	/** Name of the unit's holiday on this day (its business calendar), or null. */
	holiday(day: number): string | null {
		return this.business.holiday(day);
	}

	kind(day: number): DayKind {
		return this.business.kind(day);
	}

	isWorkingDay(day: number): boolean {
		return this.business.isWorkingDay(day);
	}

	/** Opening of the first and closing of the last working interval of the day, or null on a day off. */
	window(day: number): [number, number] | null {
		const spans = this.business.intervals(day);
		return spans.length ? [spans[0]![0], spans[spans.length - 1]![1]] : null;
	}

	nextWorkingDay(day: number): number {
		return this.business.nextWorkingDay(day);
	}

	/** The first moment at or after `wall` inside working hours. */
	nextOpen(wall: number): number {
		return this.business.nextOpen(wall);
	}

	/** `wall` plus `seconds` of working time (time outside working hours does not count). */
	addBusiness(wall: number, seconds: number): number {
		return this.business.addBusiness(wall, seconds);
	}

	/** Working seconds between two wall times. */
	businessBetween(from: number, to: number): number {
		return this.business.businessBetween(from, to);
	}

	private offsetMinutesAt(ms: number): number {
		const name = this.offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
		const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
		if (!m) return 0;
		return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
	}

	/** The wall time (seconds on the unit's clock) of an instant. */
	wallOf(instant: Date): number {
		const ms = instant.getTime();
		return Math.floor(ms / 1000) + this.offsetMinutesAt(ms) * 60;
	}

	/** The zone's offset for a wall-clock time, found by asking Intl twice (guess, then correct). */
	private offsetForWallUncached(wall: number): string {
		const guess = this.offsetMinutesAt(wall * 1000);
		const minutes = this.offsetMinutesAt((wall - guess * 60) * 1000);
		const sign = minutes < 0 ? '-' : '+';
		const abs = Math.abs(minutes);
		return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
	}

	/** "+03:30" for a wall time; computed once per day, or per hour on a day the offset changes. */
	offset(wall: number): string {
		const day = Math.floor(wall / DAY);
		let cached = this.offsetCache.get(day);
		if (cached === undefined) {
			const early = this.offsetForWallUncached(day * DAY + 90 * MINUTE);
			const late = this.offsetForWallUncached(day * DAY + 23 * HOUR + 30 * MINUTE);
			cached = early === late ? early : Array.from({ length: 24 }, (_, h) => this.offsetForWallUncached(day * DAY + h * HOUR + 30 * MINUTE));
			this.offsetCache.set(day, cached);
		}
		return typeof cached === 'string' ? cached : cached[Math.floor((wall - day * DAY) / HOUR)]!;
	}

	dateText(day: number): string {
		let s = this.dateCache.get(day);
		if (s === undefined) {
			s = dayString(day);
			this.dateCache.set(day, s);
		}
		return s;
	}

	/** ISO 8601 with the zone's offset: 2025-03-01T08:15:00+03:30. */
	timestamp(wall: number): string {
		const w = Math.floor(wall);
		const day = Math.floor(w / DAY);
		const sec = w - day * DAY;
		const h = Math.floor(sec / HOUR);
		const m = Math.floor((sec % HOUR) / MINUTE);
		const s = sec % MINUTE;
		return `${this.dateText(day)}T${pad2(h)}:${pad2(m)}:${pad2(s)}${this.offset(w)}`;
	}
}

/** Holidays computed from the rules above between two days (YYYY-MM-DD, both included). */
export function computedHolidays(from: string, to: string, calendar = new UnitCalendar()): Holiday[] {
	const out: Holiday[] = [];
	for (let d = dayNumber(from); d <= dayNumber(to); d++) {
		const name = calendar.computedHoliday(d);
		if (name) out.push({ date: dayString(d), name, source: 'computed' });
	}
	return out;
}

/**
 * The demo unit's holidays from `from` to `to`: the product's shipped official list where it
 * reaches (Jalali 1405-1406), computed ones for the days before it.
 */
export function unitHolidays(from: string, to: string): Holiday[] {
	const shippedFrom = IRAN_HOLIDAYS.holidays[0]!.date;
	const before = from < shippedFrom ? computedHolidays(from, dayString(dayNumber(shippedFrom) - 1)) : [];
	return mergeHolidays(before, iranHolidays('en')).filter((h) => h.date >= from && h.date <= to);
}

/** The business calendar of the demo unit (the product's default week) for its span of days. */
export function demoBusinessCalendar(from: string, to: string): BusinessCalendarSettings {
	return { week: iranianWeek(), holidays: unitHolidays(from, to) };
}
