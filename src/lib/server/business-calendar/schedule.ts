/**
 * The unit's business calendar: working intervals per weekday (several a day, e.g. 08:00-12:00
 * and 13:00-16:00, a short Thursday) in the unit's time zone, and the days it is closed
 * (holidays). SLA clocks count business time over it.
 *
 * Times of day are wall-clock "HH:MM" in the unit's zone ("24:00" ends a day). Turning a day
 * and a time of day into an instant is left to DuckDB's ICU (`timezone($tz, …)`, see
 * queries/business_calendar/) so no offset arithmetic is written here. The wall-clock helpers
 * at the end (WallBusinessClock) count in "wall seconds", for the demo generator, which plans
 * its events on the wall clock and writes them out with the zone's offset from Intl.
 */
import { isIsoDay, weekdayOf } from '../../calendar';
import type { CalendarRules, DayKind } from '../../calendar/periods';
import type { Phrase } from '../../i18n/translate';

export interface WorkInterval {
	/** "HH:MM", wall-clock time in the unit's zone. */
	start: string;
	/** "HH:MM" after start; "24:00" is the end of the day. */
	end: string;
}

/** Index 0 = Sunday … 6 = Saturday; an empty list is a day off. */
export type WeekSchedule = WorkInterval[][];

export type HolidaySource = 'official' | 'computed' | 'unit' | 'ical';

export interface Holiday {
	/** ISO day (Gregorian) in the unit's calendar. */
	date: string;
	name: string;
	/** Where the date comes from: the published official calendar, a computation, the unit's own entry, an iCal import. */
	source?: HolidaySource;
}

export interface BusinessCalendarSettings {
	week: WeekSchedule;
	holidays: Holiday[];
}

/** An Iranian unit: Saturday to Wednesday 08:00-16:00, Thursday 08:00-12:00, Friday off. */
export function iranianWeek(): WeekSchedule {
	const full = [{ start: '08:00', end: '16:00' }];
	return [full, full, full, full, [{ start: '08:00', end: '12:00' }], [], full].map((d) => d.map((i) => ({ ...i })));
}

const HHMM = /^(\d{2}):(\d{2})$/;

/** Minutes since midnight of "HH:MM" (00:00-24:00), or null when it is not such a time. */
export function minutesOf(hhmm: string): number | null {
	const m = HHMM.exec(hhmm.trim());
	if (!m) return null;
	const h = Number(m[1]);
	const min = Number(m[2]);
	if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
	return h * 60 + min;
}

export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A field-level problem of the settings form: which field, and what is wrong, as a phrase. */
export interface FieldProblem {
	field: string;
	phrase: Phrase;
}

/**
 * Check a week: 7 days, each a list of intervals with a valid start and end, the end after the
 * start, and no two intervals of a day overlapping. Fields are named `week.<weekday>.<i>.start|end`.
 */
export function validateWeek(week: unknown): FieldProblem[] {
	const out: FieldProblem[] = [];
	if (!Array.isArray(week) || week.length !== 7) return [{ field: 'week', phrase: { key: 'sla.error.weekShape' } }];
	week.forEach((day, dow) => {
		if (!Array.isArray(day)) {
			out.push({ field: `week.${dow}`, phrase: { key: 'sla.error.weekShape' } });
			return;
		}
		const spans: { i: number; s: number; e: number }[] = [];
		day.forEach((iv: Partial<WorkInterval> | null, i: number) => {
			const s = typeof iv?.start === 'string' ? minutesOf(iv.start) : null;
			const e = typeof iv?.end === 'string' ? minutesOf(iv.end) : null;
			if (s === null || s === 24 * 60) out.push({ field: `week.${dow}.${i}.start`, phrase: { key: 'sla.error.badTime', params: { value: String(iv?.start ?? '') } } });
			if (e === null) out.push({ field: `week.${dow}.${i}.end`, phrase: { key: 'sla.error.badTime', params: { value: String(iv?.end ?? '') } } });
			if (s === null || e === null) return;
			if (e <= s) {
				out.push({ field: `week.${dow}.${i}.end`, phrase: { key: 'sla.error.endBeforeStart', params: { start: hhmm(s), end: hhmm(e) } } });
				return;
			}
			spans.push({ i, s, e });
		});
		spans.sort((a, b) => a.s - b.s);
		for (let k = 1; k < spans.length; k++) {
			const prev = spans[k - 1]!;
			const cur = spans[k]!;
			if (cur.s < prev.e) {
				out.push({
					field: `week.${dow}.${cur.i}.start`,
					phrase: { key: 'sla.error.overlap', params: { a: `${hhmm(prev.s)}-${hhmm(prev.e)}`, b: `${hhmm(cur.s)}-${hhmm(cur.e)}` } }
				});
			}
		}
	});
	return out;
}

/** Check a holiday list: real days, each once, each with a name. Fields: `holidays.<i>.date|name`. */
export function validateHolidays(holidays: unknown): FieldProblem[] {
	if (!Array.isArray(holidays)) return [{ field: 'holidays', phrase: { key: 'sla.error.holidayShape' } }];
	const out: FieldProblem[] = [];
	const seen = new Map<string, number>();
	holidays.forEach((h: Partial<Holiday> | null, i) => {
		const date = typeof h?.date === 'string' ? h.date.trim() : '';
		if (!isIsoDay(date)) out.push({ field: `holidays.${i}.date`, phrase: { key: 'sla.error.badDate', params: { value: date } } });
		else if (seen.has(date)) out.push({ field: `holidays.${i}.date`, phrase: { key: 'sla.error.duplicateHoliday', params: { date } } });
		else seen.set(date, i);
		if (typeof h?.name !== 'string' || !h.name.trim()) out.push({ field: `holidays.${i}.name`, phrase: { key: 'sla.error.holidayName' } });
	});
	return out;
}

/** Intervals of a weekday as sorted [startMinute, endMinute] pairs. */
export function weekdaySpans(week: WeekSchedule, dow: number): [number, number][] {
	return (week[dow] ?? []).map((iv) => [minutesOf(iv.start)!, minutesOf(iv.end)!] as [number, number]).sort((a, b) => a[0] - b[0]);
}

export function workingMinutes(week: WeekSchedule, dow: number): number {
	return weekdaySpans(week, dow).reduce((sum, [s, e]) => sum + e - s, 0);
}

/**
 * The kind of each weekday for the calendar table: off without intervals, half when shorter
 * than the longest working day (an Iranian Thursday), full otherwise.
 */
export function weekdayKinds(week: WeekSchedule): DayKind[] {
	const minutes = Array.from({ length: 7 }, (_, d) => workingMinutes(week, d));
	const longest = Math.max(...minutes);
	return minutes.map((m) => (m === 0 ? 'off' : m < longest ? 'half' : 'full'));
}

/** The rules of calendar_days (weekend, half days, holidays) derived from the business calendar. */
export function calendarRules(unit: Pick<CalendarRules, 'calendar' | 'weekStart'>, business: BusinessCalendarSettings): CalendarRules {
	const kinds = weekdayKinds(business.week);
	return {
		calendar: unit.calendar,
		weekStart: unit.weekStart,
		weekend: kinds.flatMap((k, d) => (k === 'off' ? [d] : [])),
		halfDays: kinds.flatMap((k, d) => (k === 'half' ? [d] : [])),
		holidays: business.holidays.map((h) => h.date)
	};
}

/**
 * The rows the refresh materialises: for every weekday its intervals in minutes, as JSON for
 * queries/business_calendar/stage_intervals.sql.
 */
export function weekRows(week: WeekSchedule): { weekday: number; start_min: number; end_min: number }[] {
	return week.flatMap((_, dow) => weekdaySpans(week, dow).map(([s, e]) => ({ weekday: dow, start_min: s, end_min: e })));
}

// ---- wall-clock business time (the demo generator) -------------------------------------

const DAY = 86_400;

/** ISO day of a wall day number (days since 1970-01-01 on the wall clock). */
function isoOfDayNumber(day: number): string {
	return new Date(day * DAY * 1000).toISOString().slice(0, 10);
}

/**
 * Business time on the wall clock of the unit: seconds since 1970-01-01 00:00 local, counted
 * as if the clock were UTC. Right for planning (a working day is always its intervals long on
 * the wall clock); the SQL clocks of the product count real elapsed seconds instead, which
 * differ only when a working interval spans a daylight-saving change.
 */
export class WallBusinessClock {
	private readonly holidays: Map<string, string>;
	private readonly spans: [number, number][][];
	private readonly kinds: DayKind[];
	private readonly days = new Map<number, { holiday: string | null; intervals: [number, number][]; kind: DayKind }>();

	constructor(readonly settings: BusinessCalendarSettings) {
		this.holidays = new Map(settings.holidays.map((h) => [h.date, h.name]));
		this.spans = Array.from({ length: 7 }, (_, d) => weekdaySpans(settings.week, d).map(([s, e]) => [s * 60, e * 60] as [number, number]));
		this.kinds = weekdayKinds(settings.week);
	}

	private day(day: number) {
		let d = this.days.get(day);
		if (!d) {
			const iso = isoOfDayNumber(day);
			const holiday = this.holidays.get(iso) ?? null;
			const dow = weekdayOf(iso);
			d = { holiday, intervals: holiday ? [] : this.spans[dow]!, kind: holiday ? 'off' : this.kinds[dow]! };
			this.days.set(day, d);
		}
		return d;
	}

	holiday(day: number): string | null {
		return this.day(day).holiday;
	}

	/** Working intervals of a wall day in seconds of the day (none on a holiday or a day off). */
	intervals(day: number): [number, number][] {
		return this.day(day).intervals;
	}

	kind(day: number): DayKind {
		return this.day(day).kind;
	}

	isWorkingDay(day: number): boolean {
		return this.intervals(day).length > 0;
	}

	nextWorkingDay(day: number): number {
		let d = day + 1;
		for (let guard = 0; !this.isWorkingDay(d); guard++, d++) if (guard > 3660) throw new Error('no working day within ten years: the week has no working intervals');
		return d;
	}

	/** The first moment at or after `wall` inside a working interval. */
	nextOpen(wall: number): number {
		let day = Math.floor(wall / DAY);
		let sec = wall - day * DAY;
		for (let guard = 0; guard < 3660; guard++) {
			for (const [s, e] of this.intervals(day)) if (sec < e) return day * DAY + Math.max(sec, s);
			day++;
			sec = 0;
		}
		throw new Error('no working time within ten years: the week has no working intervals');
	}

	/** The end of the working interval holding `wall` (which must be inside one). */
	private closeOf(wall: number): number {
		const day = Math.floor(wall / DAY);
		const sec = wall - day * DAY;
		for (const [s, e] of this.intervals(day)) if (sec >= s && sec < e) return day * DAY + e;
		return wall;
	}

	/** `wall` plus `seconds` of working time. */
	addBusiness(wall: number, seconds: number): number {
		let t = this.nextOpen(wall);
		let left = Math.max(0, seconds);
		for (;;) {
			const close = this.closeOf(t);
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
			const close = this.closeOf(t);
			total += Math.min(close, to) - t;
			t = this.nextOpen(close);
		}
		return total;
	}
}

/** Days from `from` to `to` (both included) that are holidays, with their names. */
export function holidaysBetween(holidays: Holiday[], from: string, to: string): Holiday[] {
	return holidays.filter((h) => h.date >= from && h.date <= to).sort((a, b) => a.date.localeCompare(b.date));
}

