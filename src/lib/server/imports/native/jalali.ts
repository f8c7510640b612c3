/**
 * Jalali months as a table for SQL: for each month of the Jalali years that can hold a date
 * the product accepts (Gregorian 1980-2100), the day it starts (days since 1970-01-01) and its
 * length. Built once from the JavaScript calendar the JavaScript path uses (isoFromParts, i.e.
 * @internationalized/date's PersianCalendar), so both paths place Nowruz and 30 Esfand alike.
 */
import { isoFromParts } from '../../../calendar/dates';

export interface JalaliMonths {
	firstYear: number;
	lastYear: number;
	/** Index (year - firstYear) * 12 + month - 1. */
	firstDays: number[];
	lengths: number[];
}

/** 1358 AP starts in March 1979; 1480 AP ends in March 2102. */
const FIRST_YEAR = 1350;
const LAST_YEAR = 1490;

let cached: JalaliMonths | null = null;

export function jalaliMonths(): JalaliMonths {
	if (cached) return cached;
	const firstDays: number[] = [];
	const lengths: number[] = [];
	for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
		for (let m = 1; m <= 12; m++) {
			const first = isoFromParts(y, m, 1, 'persian');
			if (!first) throw new Error(`no Jalali month ${y}/${m}`);
			let length = 29;
			while (length < 31 && isoFromParts(y, m, length + 1, 'persian')) length++;
			firstDays.push(Date.parse(first + 'T00:00:00Z') / 86_400_000);
			lengths.push(length);
		}
	}
	cached = { firstYear: FIRST_YEAR, lastYear: LAST_YEAR, firstDays, lengths };
	return cached;
}
