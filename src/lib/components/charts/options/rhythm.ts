/**
 * Option builder for a customer's contact rhythm: one bar per day the customer was in touch,
 * as tall as the gap (in days) since the previous contact, then the current silence as the
 * last bar in the warning colour, and the usual gap as a dashed line. A silence far above the
 * line is what the churn model calls unusual (docs/churn-model.md).
 */
import type { ChartOption } from '../echarts';
import { localizeChart, type ChartLocale } from './rtl';

export interface RhythmBar {
	/** The day's label in the reader's calendar. */
	label: string;
	/** Days since the previous contact (null for the first one in the window). */
	gap: number | null;
}

export interface RhythmLabels {
	gap: string;
	silence: string;
	usual: string;
	/** The current silence's category label ("today"). */
	now: string;
}

export const RHYTHM_COLORS = { gap: '#7fb8b0', silence: '#b3261e', usual: '#0f5c5c' } as const;

export function rhythmOption(bars: RhythmBar[], silence: number | null, usualGap: number | null, labels: RhythmLabels, locale: ChartLocale): ChartOption {
	const categories = [...bars.map((b) => b.label), ...(silence !== null ? [labels.now] : [])];
	const gaps = [
		...bars.map((b) => b.gap),
		...(silence !== null ? [{ value: silence, itemStyle: { color: RHYTHM_COLORS.silence }, name: labels.silence }] : [])
	];
	return localizeChart({
		aria: { enabled: true },
		animation: false,
		grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
		legend: { top: 0, left: 0, data: [labels.gap, labels.usual] },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: categories, axisTick: { show: false }, axisLabel: { hideOverlap: true } },
		yAxis: { type: 'value', minInterval: 1 },
		series: [
			{
				name: labels.gap,
				type: 'bar',
				barMaxWidth: 14,
				itemStyle: { color: RHYTHM_COLORS.gap },
				data: gaps,
				markLine:
					usualGap !== null
						? {
								symbol: 'none',
								silent: true,
								lineStyle: { type: 'dashed', color: RHYTHM_COLORS.usual },
								// At the end of the line, beside the latest contacts (on the left when mirrored).
								label: { formatter: () => labels.usual, position: 'insideEndTop' },
								data: [{ yAxis: usualGap }]
							}
						: undefined
			},
			// An empty series so the legend shows the usual-gap line.
			{ name: labels.usual, type: 'line', data: [], itemStyle: { color: RHYTHM_COLORS.usual }, lineStyle: { type: 'dashed' } }
		]
	}, locale);
}
