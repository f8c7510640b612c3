/**
 * Option builder for "calls by weekday": a stacked bar per weekday in the unit's week
 * order, average calls per day of that weekday, split by whether the call opened a case.
 * Averages, not totals: a month holds five Saturdays and four Sundays, and totals would
 * make that look like a busier Saturday.
 */
import type { ChartOption } from '../echarts';
import { localizeChart, type ChartLocale } from './rtl';

export interface WeekdayBar {
	/** Weekday label in the interface language, already in week order. */
	label: string;
	/** Average calls per day of this weekday (computed by the domain layer; null when the period holds none of it). */
	openedCase: number | null;
	followUps: number | null;
	unknown: number | null;
}

export interface CallsByWeekdayLabels {
	openedCase: string;
	followUp: string;
	unknown: string;
}

export const SERIES_COLORS = { openedCase: '#0f5c5c', followUp: '#7fb8b0', unknown: '#9aa5b1' } as const;

export function callsByWeekdayOption(bars: WeekdayBar[], labels: CallsByWeekdayLabels, locale: ChartLocale): ChartOption {
	const series: { name: string; key: keyof typeof SERIES_COLORS; values: (number | null)[] }[] = [];
	const any = (pick: (b: WeekdayBar) => number | null) => bars.some((b) => (pick(b) ?? 0) > 0);
	if (any((b) => b.openedCase)) series.push({ name: labels.openedCase, key: 'openedCase', values: bars.map((b) => b.openedCase) });
	if (any((b) => b.followUps)) series.push({ name: labels.followUp, key: 'followUp', values: bars.map((b) => b.followUps) });
	if (any((b) => b.unknown) || series.length === 0) series.push({ name: labels.unknown, key: 'unknown', values: bars.map((b) => b.unknown) });
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
		legend: { top: 0, left: 0, data: series.map((s) => s.name) },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: bars.map((b) => b.label), axisTick: { alignWithLabel: true } },
		yAxis: { type: 'value' },
		series: series.map((s) => ({
			name: s.name,
			type: 'bar',
			stack: 'calls',
			barMaxWidth: 56,
			itemStyle: { color: SERIES_COLORS[s.key] },
			emphasis: { focus: 'series' },
			data: s.values
		}))
	}, locale);
}
