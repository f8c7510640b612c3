/**
 * Holidays: the shipped list of Iran's official public holidays (iran-holidays.json, written by
 * scripts/iran-holidays.mts; solar ones computed with Intl, 1405's lunar ones as officially
 * published, 1406's lunar ones computed and marked so), and the import of an iCal file.
 */
import ICAL from 'ical.js';
import { addDays, daysBetween, isIsoDay, type Language } from '../../calendar';
import type { Phrase } from '../../i18n/translate';
import shipped from './iran-holidays.json';
import type { Holiday } from './schedule';

export interface ShippedHoliday {
	date: string;
	fa: string;
	en: string;
	kind: 'solar' | 'lunar';
	source: 'official' | 'computed';
	jalali: string;
	note?: string;
}

export const IRAN_HOLIDAYS: { about: string[]; holidays: ShippedHoliday[] } = shipped as typeof IRAN_HOLIDAYS;

/** The shipped list as the unit's holidays, named in a language. */
export function iranHolidays(language: Language): Holiday[] {
	return IRAN_HOLIDAYS.holidays.map((h) => ({ date: h.date, name: language === 'fa' ? h.fa : h.en, source: h.source }));
}

/** Merge holiday lists by day; a later list's entry replaces an earlier one's for the same day. */
export function mergeHolidays(...lists: Holiday[][]): Holiday[] {
	const byDay = new Map<string, Holiday>();
	for (const list of lists) for (const h of list) byDay.set(h.date, h);
	return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export type IcalResult = { ok: true; holidays: Holiday[] } | { ok: false; phrase: Phrase };

/** Longest span one all-day event may cover (a Nowruz week, say); longer ones are refused as a mistake. */
const MAX_EVENT_DAYS = 31;

/**
 * The all-day events of an iCal file (RFC 5545) as holidays: every day from DTSTART up to, not
 * including, DTEND. Events with a time of day are not holidays and are skipped; recurring
 * events are expanded over ten years from their start. A file that is not iCal, or has no
 * all-day event, is refused with a reason.
 */
export function parseIcal(text: string): IcalResult {
	let component: ICAL.Component;
	try {
		const jcal = ICAL.parse(text);
		component = new ICAL.Component(jcal as unknown[]);
	} catch (e) {
		return { ok: false, phrase: { key: 'sla.error.icalUnreadable', params: { detail: (e as Error).message.split('\n')[0]!.slice(0, 200) } } };
	}
	if (component.name !== 'vcalendar') return { ok: false, phrase: { key: 'sla.error.icalNotCalendar' } };
	const out: Holiday[] = [];
	let timed = 0;
	for (const v of component.getAllSubcomponents('vevent')) {
		const event = new ICAL.Event(v);
		const start = event.startDate;
		if (!start) continue;
		if (!start.isDate) {
			timed++;
			continue;
		}
		const name = (event.summary ?? '').trim() || '—';
		const span = (first: ICAL.Time, end: ICAL.Time | null) => {
			const from = first.toString().slice(0, 10);
			const to = end ? addDays(end.toString().slice(0, 10), -1) : from;
			const days = Math.max(0, daysBetween(from, to));
			if (days >= MAX_EVENT_DAYS) return false;
			for (let i = 0; i <= days; i++) out.push({ date: addDays(from, i), name, source: 'ical' });
			return true;
		};
		if (event.isRecurring()) {
			const it = event.iterator();
			const until = start.clone();
			until.year += 10;
			for (let next = it.next(); next && next.compare(until) < 0; next = it.next()) {
				const details = event.getOccurrenceDetails(next);
				span(details.startDate, details.endDate);
			}
		} else if (!span(start, event.endDate)) {
			return { ok: false, phrase: { key: 'sla.error.icalLongEvent', params: { name, days: MAX_EVENT_DAYS } } };
		}
	}
	const valid = out.filter((h) => isIsoDay(h.date));
	if (!valid.length) return { ok: false, phrase: { key: timed ? 'sla.error.icalOnlyTimed' : 'sla.error.icalEmpty', params: { timed } } };
	return { ok: true, holidays: mergeHolidays(valid) };
}
