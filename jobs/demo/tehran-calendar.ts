/**
 * The care unit's calendar for the demo data: Asia/Tehran wall-clock time, the Iranian week
 * (Saturday first, Thursday a half day, Friday off), official holidays, business-time
 * arithmetic and ISO 8601 text with the zone's offset.
 *
 * Times are "wall seconds": seconds since 1970-01-01 00:00 on the unit's wall clock, counted
 * as if the clock were UTC. Day numbers are wall seconds / 86400. Offsets come from Intl for
 * every day (Iran kept daylight saving time until 2022), and the Jalali and Hijri dates of
 * holidays come from Intl's persian and islamic-umalqura calendars; nothing here hard-codes
 * an offset or does calendar arithmetic by hand.
 */

export const UNIT_TIME_ZONE = 'Asia/Tehran';
export const DAY = 86_400;
export const HOUR = 3_600;
export const MINUTE = 60;

/** Working hours in seconds of the day; Thursday ends at noon. */
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
 * Umm al-Qura dates used here can be a day off from the official ones; good enough for demo data.
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
	private readonly holidayCache = new Map<number, string | null>();
	private readonly offsetCache = new Map<number, string | string[]>();
	private readonly dateCache = new Map<number, string>();

	constructor(readonly timeZone = UNIT_TIME_ZONE) {
		this.offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', hour: 'numeric' });
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

	/** Name of the official holiday on this day, or null. */
	holiday(day: number): string | null {
		const cached = this.holidayCache.get(day);
		if (cached !== undefined) return cached;
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
		this.holidayCache.set(day, name);
		return name;
	}

	kind(day: number): DayKind {
		const w = weekday(day);
		if (w === FRIDAY || this.holiday(day)) return 'off';
		return w === THURSDAY ? 'half' : 'full';
	}

	isWorkingDay(day: number): boolean {
		return this.kind(day) !== 'off';
	}

	/** Opening and closing second of the day, or null on a day off. */
	window(day: number): [number, number] | null {
		const k = this.kind(day);
		if (k === 'off') return null;
		return [WORK_START, k === 'half' ? HALF_DAY_END : WORK_END];
	}

	nextWorkingDay(day: number): number {
		let d = day + 1;
		while (!this.isWorkingDay(d)) d++;
		return d;
	}

	/** The first moment at or after `wall` inside working hours. */
	nextOpen(wall: number): number {
		let day = Math.floor(wall / DAY);
		let sec = wall - day * DAY;
		for (;;) {
			const w = this.window(day);
			if (w && sec < w[1]) return day * DAY + Math.max(sec, w[0]);
			day++;
			sec = 0;
		}
	}

	/** `wall` plus `seconds` of working time (time outside working hours does not count). */
	addBusiness(wall: number, seconds: number): number {
		let t = this.nextOpen(wall);
		let left = Math.max(0, seconds);
		for (;;) {
			const day = Math.floor(t / DAY);
			const close = day * DAY + this.window(day)![1];
			if (t + left <= close) return t + left;
			left -= close - t;
			t = this.nextOpen(close);
		}
	}

	/** Working seconds between two wall times. */
	businessBetween(from: number, to: number): number {
		let total = 0;
		let t = this.nextOpen(from);
		while (t < to) {
			const day = Math.floor(t / DAY);
			const close = day * DAY + this.window(day)![1];
			total += Math.min(close, to) - t;
			t = this.nextOpen(close);
		}
		return total;
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

/** Official holidays between two days (YYYY-MM-DD, both included), for the unit's settings. */
export function unitHolidays(from: string, to: string, calendar = new UnitCalendar()): { date: string; name: string }[] {
	const out: { date: string; name: string }[] = [];
	for (let d = dayNumber(from); d <= dayNumber(to); d++) {
		const name = calendar.holiday(d);
		if (name) out.push({ date: dayString(d), name });
	}
	return out;
}
