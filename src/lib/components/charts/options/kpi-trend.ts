/**
 * Option builder for a KPI's trend with its uncertainty: the NPS per period with its margin of
 * error, or the CSAT with its Wilson interval. Each period is a floating bar from the low to the
 * high end of its 95% interval, with a dark tick at the figure itself: the width of the interval
 * is as visible as the figure, so a jump inside overlapping intervals does not look like news.
 * Periods without answers are gaps, not zeros; periods with a small sample are paler. Built from
 * stacked bars only (a transparent base, the interval below the tick, the tick, the interval
 * above it), so the page needs no line-chart code. Figures and tooltip text arrive computed and
 * formatted; the builder only places them, and localizeChart mirrors it for right to left.
 */
import type { ChartOption } from '../echarts';
import { TONES } from './palette';
import { localizeChart, type ChartLocale } from './rtl';

export interface TrendPoint {
	/** The period, in the reader's language and calendar. */
	label: string;
	value: number | null;
	low: number | null;
	high: number | null;
	smallSample: boolean;
	/** The tooltip's text for this period (value, interval, n). */
	tip: string;
}

export interface TrendLabels {
	value: string;
	band: string;
}

/** The four stacked segments of each period's interval bar (null for a period without a figure). */
export function intervalSegments(p: Pick<TrendPoint, 'value' | 'low' | 'high'>, tick: number) {
	if (p.value === null || p.low === null || p.high === null) return { base: null, below: null, tick: null, above: null };
	const below = Math.max(0, p.value - p.low - tick / 2);
	const above = Math.max(0, p.high - (p.low + below + tick));
	return { base: p.low, below, tick, above };
}

export function kpiTrendOption(points: TrendPoint[], labels: TrendLabels, scale: { min: number; max: number }, locale: ChartLocale): ChartOption {
	// The tick is a sliver of the scale: 1 point of NPS (−100 … 100), 0.5 of CSAT (0 … 100).
	const tick = (scale.max - scale.min) / 200;
	const segments = points.map((p) => intervalSegments(p, tick));
	const style = (p: TrendPoint, color: string, opacity: number) => ({ color, opacity: p.smallSample ? opacity * 0.5 : opacity });
	const segment = (name: string, pick: (s: (typeof segments)[number]) => number | null, color: string | null, opacity = 1) => ({
		name,
		type: 'bar',
		stack: 'interval',
		stackStrategy: 'all',
		barMaxWidth: 28,
		silent: color === null,
		data: points.map((p, i) => ({ value: pick(segments[i]!), itemStyle: color === null ? { color: 'transparent' } : style(p, color, opacity) }))
	});
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 36, bottom: 8 },
		legend: {
			top: 0,
			left: 0,
			selectedMode: false,
			data: [
				{ name: labels.value, itemStyle: { color: TONES.band } },
				{ name: labels.band, itemStyle: { color: TONES.band, opacity: 0.3 } }
			]
		},
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: (params: unknown) => {
				const first = Array.isArray(params) ? (params[0] as { dataIndex: number }) : (params as { dataIndex: number });
				return points[first.dataIndex]?.tip ?? '';
			}
		},
		xAxis: { type: 'category', data: points.map((p) => p.label), axisTick: { alignWithLabel: true } },
		// Zoomed to the intervals (to the next ten) but never past the scale's ends (NPS ±100, CSAT 0-100).
		yAxis: {
			type: 'value',
			min: (v: { min: number }) => Math.max(scale.min, Math.floor(v.min / 10) * 10),
			max: (v: { max: number }) => Math.min(scale.max, Math.ceil(v.max / 10) * 10)
		},
		series: [
			segment(`${labels.band} `, (s) => s.base, null),
			segment(labels.band, (s) => s.below, TONES.band, 0.3),
			segment(labels.value, (s) => s.tick, TONES.band),
			segment(`${labels.band}  `, (s) => s.above, TONES.band, 0.3)
		]
	}, locale);
}
