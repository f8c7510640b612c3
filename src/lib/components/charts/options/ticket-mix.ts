/**
 * Option builder for the ticket mix: tickets opened per period, stacked by channel or by
 * category, so a shift (more tickets by bot, fewer by phone) shows over the period. Counts per
 * period arrive from the domain layer; the builder only places them.
 */
import type { ChartOption } from '../echarts';
import { colorAt } from './palette';
import { localizeChart, type ChartLocale } from './rtl';

export interface MixSeries {
	/** The channel or category, already in the reader's language. */
	name: string;
	/** Tickets per period, in the order of the period labels. */
	values: number[];
}

export function ticketMixOption(periods: string[], series: MixSeries[], locale: ChartLocale): ChartOption {
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 48, bottom: 8 },
		legend: { top: 0, left: 0, data: series.map((s) => s.name) },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: periods, axisTick: { alignWithLabel: true } },
		yAxis: { type: 'value', minInterval: 1 },
		series: series.map((s, i) => ({
			name: s.name,
			type: 'bar',
			stack: 'tickets',
			barMaxWidth: 40,
			itemStyle: { color: colorAt(i) },
			emphasis: { focus: 'series' },
			data: s.values
		}))
	}, locale);
}
