/**
 * Format presets: the one way every page turns a figure into text, in the reader's language
 * (Persian digits and separators in Persian) and the unit's calendar. Pages and chart builders
 * format; they never compute a ratio, an average or a per-day figure (the domain layer does).
 *
 * Percentages arrive as numbers from 0 to 100 (as the API returns them); durations as seconds.
 * A missing figure (null: no answers, no calls) shows as "–", never as 0.
 */
import { formatDay, formatDayRange, formatInstant, formatMonth, formatYear, intlLocale, weekdayName, type LocaleSettings } from './calendar';
import { dayParts, periodEnd, quarterOf, type Grain } from './calendar/periods';
import type { Translate } from './i18n/translate';

export const MISSING = '–';

export interface Format {
	/** A whole count: 1,234 / ۱٬۲۳۴. */
	count(n: number | null | undefined): string;
	/** A number with up to `digits` decimals. */
	number(n: number | null | undefined, digits?: number): string;
	/** A percentage given from 0 to 100: 42% / ۴۲٪. */
	percent(v: number | null | undefined, digits?: number): string;
	/** A score with its sign (NPS −100…100): +42, −7, 0. */
	score(v: number | null | undefined, digits?: number): string;
	/** A change in percentage points, signed: +3.2 pp. */
	points(v: number | null | undefined, digits?: number): string;
	/** A duration in seconds, in its two largest units: 45 s, 3 min 20 s, 2 hr 5 min, 3 days 4 hr. */
	duration(seconds: number | null | undefined): string;
	/** An average per day, one decimal. */
	perDay(v: number | null | undefined): string;
	/** A size in bytes: 12.3 MB. */
	bytes(n: number): string;
	/** An ISO day in the unit's calendar. */
	day(iso: string, style?: 'short' | 'medium' | 'long'): string;
	dayRange(from: string, to: string): string;
	/** An instant in the unit's zone and calendar. */
	instant(iso: string | Date, style?: 'short' | 'medium'): string;
	/** The period of a grain starting on an ISO day: a day, a week's days, "Azar 1405", "Autumn 1405", "1405". */
	period(start: string, grain: Grain): string;
	/** A weekday, 0 = Sunday … 6 = Saturday. */
	weekday(dow: number, width?: 'long' | 'short'): string;
	/** An hour of the day as 09:00 (local digits). */
	hour(h: number): string;
}

// Intl formatters are costly to build and every page makes a Format (server rendering makes
// one per request): keep them for the life of the process, by language and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();

export function makeFormat(locale: LocaleSettings, t: Translate): Format {
	const lang = locale.language;
	const nf = (options: Intl.NumberFormatOptions) => {
		const id = lang + JSON.stringify(options);
		let f = numberFormats.get(id);
		if (!f) numberFormats.set(id, (f = new Intl.NumberFormat(lang, options)));
		return f;
	};
	const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
	const unit = (value: number, u: 'second' | 'minute' | 'hour' | 'day') => nf({ style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
	if (!hourFormats.has(lang)) {
		hourFormats.set(lang, new Intl.DateTimeFormat(`${intlLocale({ language: lang, calendar: 'gregory' })}`, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }));
	}
	const hourFormat = hourFormats.get(lang)!;

	return {
		count: (n) => (ok(n) ? nf({ maximumFractionDigits: 0 }).format(n) : MISSING),
		number: (n, digits = 1) => (ok(n) ? nf({ maximumFractionDigits: digits }).format(n) : MISSING),
		percent: (v, digits = 0) => (ok(v) ? nf({ style: 'percent', maximumFractionDigits: digits }).format(v / 100) : MISSING),
		score: (v, digits = 0) => (ok(v) ? nf({ signDisplay: 'exceptZero', maximumFractionDigits: digits }).format(v) : MISSING),
		points: (v, digits = 1) => (ok(v) ? t('format.points', { value: nf({ signDisplay: 'exceptZero', maximumFractionDigits: digits }).format(v) }) : MISSING),
		duration(seconds) {
			if (!ok(seconds)) return MISSING;
			const s = Math.round(Math.abs(seconds));
			const sign = seconds < 0 ? '−' : '';
			if (s < 60) return sign + unit(s, 'second');
			if (s < 600) return sign + `${unit(Math.floor(s / 60), 'minute')} ${s % 60 ? unit(s % 60, 'second') : ''}`.trim();
			if (s < 3600) return sign + unit(Math.round(s / 60), 'minute');
			if (s < 86400) {
				const m = Math.round((s % 3600) / 60);
				return sign + `${unit(Math.floor(s / 3600), 'hour')} ${m ? unit(m, 'minute') : ''}`.trim();
			}
			const h = Math.round((s % 86400) / 3600);
			return sign + `${unit(Math.floor(s / 86400), 'day')} ${h ? unit(h, 'hour') : ''}`.trim();
		},
		perDay: (v) => (ok(v) ? nf({ maximumFractionDigits: 1 }).format(v) : MISSING),
		bytes: (n) =>
			n >= 1 << 30
				? nf({ style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 }).format(n / (1 << 30))
				: n >= 1 << 20
					? nf({ style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(n / (1 << 20))
					: nf({ style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.ceil(n / 1024)),
		day: (iso, style = 'medium') => formatDay(iso, locale, style),
		dayRange: (from, to) => formatDayRange(from, to, locale),
		instant: (iso, style = 'short') => formatInstant(iso, locale, style),
		period(start, grain) {
			switch (grain) {
				case 'day':
					return formatDay(start, locale);
				case 'week':
					return formatDayRange(start, periodEnd(start, 'week', locale.calendar), locale);
				case 'month':
					return formatMonth(start, locale);
				case 'quarter': {
					const q = quarterOf(dayParts(start, locale.calendar).month);
					// A Jalali quarter is a season (Farvardin-Khordad is spring …).
					return t('format.quarter', { n: q, season: locale.calendar === 'persian' ? String(q) : 'none', year: formatYear(start, locale) });
				}
				case 'year':
					return formatYear(start, locale);
			}
		},
		weekday: (dow, width = 'long') => weekdayName(dow, locale, width),
		hour: (h) => hourFormat.format(new Date(Date.UTC(2024, 0, 1, h)))
	};
}
