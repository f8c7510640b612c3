/**
 * Option builder for Kaplan-Meier curves: the share of customers still with us (y, 0-100%; the
 * axis has no title, which would collide with the legend: the chart's label and the table say it)
 * against days since the landmark day (x), one step line per group (flagged by the model on
 * that day, or not), as computed by queries/churn/kaplan_meier.sql.
 */
import type { ChartOption } from '../echarts';
import { localizeChart, type ChartLocale } from './rtl';

export interface KmSeries {
	name: string;
	color: string;
	/** [days, survival 0-1] at each time something happened, starting with [0, 1]. */
	points: [number, number][];
}

export function kaplanMeierOption(series: KmSeries[], labels: { days: string; share: string; percent: (share: number) => string }, locale: ChartLocale): ChartOption {
	return localizeChart({
		aria: { enabled: true },
		animation: false,
		grid: { left: 8, right: 8, top: 36, bottom: 24, containLabel: true },
		legend: { top: 0, left: 0, data: series.map((s) => s.name) },
		tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => labels.percent(Number(v)) },
		xAxis: {
			type: 'value',
			name: labels.days,
			nameLocation: 'middle',
			nameGap: 24,
			min: 0
		},
		yAxis: {
			type: 'value',
			min: 0,
			max: 1,
			axisLabel: { formatter: (v: number) => labels.percent(v) }
		},
		series: series.map((s) => ({
			name: s.name,
			type: 'line',
			step: 'end',
			showSymbol: false,
			itemStyle: { color: s.color },
			data: s.points
		}))
	}, locale);
}
