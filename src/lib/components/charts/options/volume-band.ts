/**
 * Option builder for a volume chart against its usual level: the count (bars for days, a line
 * for hours), the usual level (a dashed line) and its band (a shaded area from lower to upper),
 * counts above the band in red, the peaks shaded, and releases and incidents as labelled
 * vertical lines. Category axis: days or hours in time order (mirrored for right to left by
 * localizeChart: reversed, with the value axis and the legend on the right).
 */
import type { ChartOption } from '../echarts';
import { localizeChart, type ChartLocale } from './rtl';

export interface BandSeriesPoint {
	label: string;
	actual: number;
	expected: number | null;
	lower: number | null;
	upper: number | null;
}

export interface BandMarker {
	/** Index of the category the release or incident starts in. */
	index: number;
	label: string;
	kind: 'release' | 'incident' | 'other';
}

export interface BandArea {
	from: number;
	to: number;
	label: string;
}

export interface BandLabels {
	actual: string;
	expected: string;
	band: string;
	number: (n: number) => string;
}

export const BAND_COLORS = { actual: '#0f5c5c', above: '#b3261e', expected: '#5b6770', band: 'rgba(15, 92, 92, 0.14)', release: '#7b4fb3', incident: '#c26a00', other: '#5b6770', peak: 'rgba(179, 38, 30, 0.08)' } as const;

export function volumeBandOption(
	points: BandSeriesPoint[],
	labels: BandLabels,
	options: { kind: 'bar' | 'line'; markers?: BandMarker[]; peaks?: BandArea[]; locale: ChartLocale }
): ChartOption {
	const above = (p: BandSeriesPoint) => p.upper !== null && p.actual > p.upper;
	const actualData = points.map((p) => ({ value: p.actual, itemStyle: above(p) ? { color: BAND_COLORS.above } : undefined }));
	const markers = options.markers ?? [];
	const peaks = options.peaks ?? [];
	// Days of a peak behind bars: a full-height bar of their own (exactly on the day's band; a
	// markArea on a category axis starts and ends at band centres). On a line chart: a markArea.
	const inPeak = (i: number) => peaks.some((p) => i >= p.from && i <= p.to);
	const top = Math.max(1, ...points.map((p) => Math.max(p.actual, p.upper ?? 0))) * 1.05;
	const peakBars =
		options.kind === 'bar' && peaks.length
			? [
					{
						name: 'peak-days',
						type: 'bar',
						barWidth: '100%',
						barGap: '-100%',
						silent: true,
						tooltip: { show: false },
						itemStyle: { color: BAND_COLORS.peak },
						data: points.map((_, i) => (inPeak(i) ? top : '-'))
					}
				]
			: [];
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
		legend: { top: 0, left: 0, data: [labels.actual, labels.expected, labels.band] },
		tooltip: {
			trigger: 'axis',
			valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '–' : labels.number(Number(v)))
		},
		xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: options.kind === 'bar' },
		yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.number(v) } },
		series: [
			...peakBars,
			// The band: an invisible series at the lower edge with the band's width stacked on it.
			{ name: 'lower-edge', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false }, data: points.map((p) => p.lower ?? '-'), silent: true },
			{
				name: labels.band,
				type: 'line',
				stack: 'band',
				symbol: 'none',
				lineStyle: { opacity: 0 },
				areaStyle: { color: BAND_COLORS.band },
				itemStyle: { color: BAND_COLORS.band },
				data: points.map((p) => (p.upper !== null && p.lower !== null ? p.upper - p.lower : '-')),
				tooltip: { valueFormatter: () => '' },
				silent: true
			},
			{
				name: labels.expected,
				type: 'line',
				symbol: 'none',
				lineStyle: { type: 'dashed', color: BAND_COLORS.expected, width: 1.5 },
				itemStyle: { color: BAND_COLORS.expected },
				data: points.map((p) => p.expected ?? '-')
			},
			{
				name: labels.actual,
				type: options.kind,
				barWidth: '60%',
				barMaxWidth: 18,
				barGap: '-100%',
				symbolSize: 4,
				itemStyle: { color: BAND_COLORS.actual },
				lineStyle: { color: BAND_COLORS.actual, width: 1.5 },
				data: actualData,
				markLine: markers.length
					? {
							symbol: 'none',
							silent: false,
							data: markers.map((m) => ({
								xAxis: m.index,
								lineStyle: { color: BAND_COLORS[m.kind], type: 'solid', width: 1.5 },
								label: { formatter: m.label, position: 'insideEndTop', color: BAND_COLORS[m.kind], fontSize: 11 }
							}))
						}
					: undefined,
				markArea:
					options.kind === 'line' && peaks.length
						? { silent: true, itemStyle: { color: BAND_COLORS.peak }, data: peaks.map((p) => [{ xAxis: p.from, name: p.label }, { xAxis: p.to }]) }
						: undefined
			}
		]
	}, options.locale);
}
