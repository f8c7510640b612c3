/**
 * The Peaks page: weekday × hour heatmaps of calls and tickets, the daily and hourly counts
 * against their usual level and band, the peaks of the period with what explains them, and
 * the releases and incidents to mark on the charts. Everything is read from the tables the
 * refresh job builds (src/lib/server/peaks/refresh.ts); nothing here aggregates raw rows.
 */
import { addDays, hourIn, todayIn, weekdayOrder, type LocaleSettings } from '../../calendar';
import type { ParamError } from '../../filters';
import type { Database } from '../db/database';
import { readFilters, type RequestFilters } from '../filters';
import type { Settings } from '../settings';
import { getPeakDetail, type PeakDetail } from './detail';
import { mayIdentifyCustomers, type Viewer } from './viewer';

export const METRICS = ['calls', 'tickets'] as const;
export type Metric = (typeof METRICS)[number];

export interface HeatCell {
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
	hour: number;
	/** Average count per day of this weekday in the period (holidays left out). */
	perDay: number;
}

export interface Heatmap {
	metric: Metric;
	/** Weekdays in the unit's order (its week start first). */
	weekdays: number[];
	cells: HeatCell[];
	/** Average count of an hour of the week (all 168 cells): what "× the weekly average" compares with. */
	weeklyAverage: number;
	busiest: BusySpan[];
}

/** A run of busy hours on one weekday: "Saturday 09:00-11:00: 2.1× the weekly average". */
export interface BusySpan {
	weekday: number;
	fromHour: number;
	/** Exclusive: 11 for a span ending at 11:00. */
	toHour: number;
	/** Average of the span's cells over the weekly average. */
	ratio: number;
}

export interface BandPoint {
	actual: number;
	/** null: not enough history for a usual level. */
	expected: number | null;
	lower: number | null;
	upper: number | null;
}

export interface DayPoint extends BandPoint {
	day: string;
	dayKind: 'full' | 'half' | 'off';
}

export interface HourPoint extends BandPoint {
	day: string;
	hour: number;
}

export interface Peak {
	key: string;
	metric: Metric;
	grain: 'day' | 'hour';
	firstDay: string;
	lastDay: string;
	startAt: string;
	endAt: string;
	windowStart: string;
	windowEnd: string;
	durationSeconds: number;
	hoursAbove: number;
	actual: number;
	expected: number;
	upper: number;
	excess: number;
	/** actual / expected: "× usual". */
	ratio: number | null;
	peakHourAt: string | null;
	peakHourActual: number | null;
	peakHourExpected: number | null;
	annotation: { id: string; kind: string; title: string; startsAt: string } | null;
}

export interface AnnotationMarker {
	id: string;
	kind: 'release' | 'incident' | 'other';
	title: string;
	startsAt: string;
	endsAt: string | null;
	startDay: string;
	startHour: number;
}

export interface PeaksPage {
	range: { from: string; to: string };
	metric: Metric;
	heatmaps: Heatmap[];
	daily: DayPoint[];
	hourly: HourPoint[];
	hourlyRange: { from: string; to: string };
	peaks: Peak[];
	annotations: AnnotationMarker[];
	selected: PeakDetail | null;
	settings: Settings['peaks'];
}

/** The longest span the hourly chart shows (a week of hours stays readable). */
export const HOURLY_DAYS = 7;

/**
 * The busiest spans of a heatmap: on each weekday, runs of consecutive hours at 85% or more of
 * the busiest cell, the `count` strongest first.
 */
export function busiestSpans(cells: HeatCell[], weeklyAverage: number, count = 3): BusySpan[] {
	const max = Math.max(0, ...cells.map((c) => c.perDay));
	if (max <= 0 || weeklyAverage <= 0) return [];
	const threshold = 0.85 * max;
	const spans: (BusySpan & { sum: number })[] = [];
	for (let weekday = 0; weekday < 7; weekday++) {
		const byHour = new Map(cells.filter((c) => c.weekday === weekday).map((c) => [c.hour, c.perDay]));
		let from: number | null = null;
		let sum = 0;
		for (let hour = 0; hour <= 24; hour++) {
			const v = byHour.get(hour) ?? 0;
			if (hour < 24 && v >= threshold) {
				if (from === null) from = hour;
				sum += v;
			} else if (from !== null) {
				spans.push({ weekday, fromHour: from, toHour: hour, sum, ratio: sum / (hour - from) / weeklyAverage });
				from = null;
				sum = 0;
			}
		}
	}
	return spans
		.sort((a, b) => b.ratio - a.ratio || b.sum - a.sum)
		.slice(0, count)
		.map(({ sum: _sum, ...span }) => span);
}

type Raw = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toPeak(r: Raw): Peak {
	return {
		key: String(r.key),
		metric: r.metric as Metric,
		grain: r.grain as 'day' | 'hour',
		firstDay: String(r.first_day),
		lastDay: String(r.last_day),
		startAt: String(r.start_at),
		endAt: String(r.end_at),
		windowStart: String(r.window_start),
		windowEnd: String(r.window_end),
		durationSeconds: Number(r.duration_seconds),
		hoursAbove: Number(r.hours_above),
		actual: Number(r.actual),
		expected: Number(r.expected),
		upper: Number(r.upper),
		excess: Number(r.excess),
		ratio: num(r.ratio),
		peakHourAt: (r.peak_hour_at as string | null) ?? null,
		peakHourActual: num(r.peak_hour_actual),
		peakHourExpected: num(r.peak_hour_expected),
		annotation: r.annotation_id
			? { id: String(r.annotation_id), kind: String(r.annotation_kind), title: String(r.annotation_title), startsAt: String(r.annotation_starts_at) }
			: null
	};
}

export interface PeakQuery {
	from?: string | null;
	to?: string | null;
	key?: string | null;
	metric?: Metric | null;
	unexplained?: boolean;
	limit?: number;
}

/** Peaks with the annotation that explains each (newest first). */
export async function listPeaks(db: Database, settings: Settings, q: PeakQuery = {}): Promise<Peak[]> {
	const rows = await db.query('peaks/attributed_episodes', {
		window_hours: settings.peaks.attributionHours,
		from: q.from ?? null,
		to: q.to ?? null,
		key: q.key ?? null,
		metric: q.metric ?? null,
		unexplained: q.unexplained ?? false,
		limit: q.limit ?? null
	});
	return rows.map(toPeak);
}

const band = (r: Raw): BandPoint => ({ actual: Number(r.actual), expected: num(r.expected), lower: num(r.lower), upper: num(r.upper) });

export async function getPeaksPage(
	db: Database,
	settings: Settings,
	locale: Pick<LocaleSettings, 'timeZone' | 'weekStart'>,
	range: { from: string; to: string },
	options: { metric: Metric; peakKey: string | null; viewer: Viewer | null; now?: Date }
): Promise<PeaksPage> {
	const now = options.now ?? new Date();
	const today = todayIn(locale.timeZone, now);
	const thisHour = hourIn(locale.timeZone, now);
	const { from, to } = range;
	const selected = options.peakKey ? await getPeakDetail(db, settings, locale, options.peakKey, options.viewer) : null;
	// The hourly chart: the selected peak's days, else the last days of the period.
	const hourlyTo = selected ? selected.peak.lastDay : to;
	const hourlyFrom = selected
		? [selected.peak.firstDay, addDays(hourlyTo, -(HOURLY_DAYS - 1))].sort().at(-1)!
		: [from, addDays(to, -(HOURLY_DAYS - 1))].sort().at(-1)!;
	const metric = selected ? selected.peak.metric : options.metric;
	const [heat, daily, hourly, peaks, annotations] = await Promise.all([
		db.query('peaks/heatmap', { from, to }),
		db.query('peaks/daily', { from, to, metric }),
		db.query('peaks/hourly', { from: hourlyFrom, to: hourlyTo, metric }),
		listPeaks(db, settings, { from, to, limit: 500 }),
		db.query('annotations/in_period', { from, to, tz: locale.timeZone })
	]);
	const weekdays = weekdayOrder(locale.weekStart);
	const heatmaps = METRICS.map((m): Heatmap => {
		const cells = heat.filter((r) => r.metric === m).map((r) => ({ weekday: Number(r.weekday), hour: Number(r.hour), perDay: Number(r.per_day) }));
		// Over all 168 hours of the week, a missing cell counting as 0.
		const weeklyAverage = cells.reduce((s, c) => s + c.perDay, 0) / (7 * 24);
		return { metric: m, weekdays, cells, weeklyAverage, busiest: busiestSpans(cells, weeklyAverage) };
	});
	return {
		range,
		metric,
		heatmaps,
		daily: daily.map((r) => ({ ...band(r), day: String(r.day), dayKind: r.day_kind as DayPoint['dayKind'] })),
		// Today's hours still to come have no count yet (not a count of 0).
		hourly: hourly
			.map((r) => ({ ...band(r), day: String(r.day), hour: Number(r.hour) }))
			.filter((h) => h.day < today || (h.day === today && h.hour <= thisHour)),
		hourlyRange: { from: hourlyFrom, to: hourlyTo },
		peaks,
		annotations: annotations.map((r) => ({
			id: String(r.id),
			kind: r.kind as AnnotationMarker['kind'],
			title: String(r.title),
			startsAt: String(r.starts_at),
			endsAt: (r.ends_at as string | null) ?? null,
			startDay: String(r.start_day),
			startHour: Number(r.start_hour)
		})),
		selected,
		settings: settings.peaks
	};
}

export interface PeaksRequest extends Omit<RequestFilters, 'errors'> {
	errors: ParamError[];
	page: PeaksPage;
	mayIdentify: boolean;
}

/** The Peaks page for a request's URL (?from&to&metric&peak). */
export async function peaksForRequest(
	db: Database,
	settings: Settings,
	locale: Pick<LocaleSettings, 'timeZone' | 'weekStart'>,
	params: URLSearchParams,
	viewer: Viewer | null
): Promise<PeaksRequest> {
	const request = await readFilters(db, locale, params, { accept: [], known: ['metric', 'peak'] });
	const errors = [...request.errors];
	let metric: Metric = 'calls';
	const rawMetric = params.get('metric');
	if (rawMetric) {
		if ((METRICS as readonly string[]).includes(rawMetric)) metric = rawMetric as Metric;
		else errors.push({ param: 'metric', key: 'filter.error.notInList', params: { param: 'metric', value: rawMetric.slice(0, 40), allowed: METRICS.join(', ') } });
	}
	const peakKey = params.get('peak');
	const page = await getPeaksPage(db, settings, locale, request.filters.range, { metric, peakKey: peakKey && peakKey.length <= 60 ? peakKey : null, viewer });
	return { ...request, errors, page, mayIdentify: mayIdentifyCustomers(viewer) };
}
