/**
 * Option builders for incoming calls per period: answered and abandoned calls stacked (together
 * the calls offered); and the service level per period against the unit's target, each bar
 * coloured by whether it met the target. Figures arrive computed; periods without calls are
 * gaps. Bars only, so the Calls page needs no line-chart code. Mirrored by localizeChart.
 */
import type { ChartOption } from '../echarts';
import { TONES } from './palette';
import { localizeChart, type ChartLocale } from './rtl';

export interface CallsTrendLabels {
	answered: string;
	abandoned: string;
}

export function callsTrendOption(periods: string[], data: { answered: number[]; abandoned: number[] }, labels: CallsTrendLabels, locale: ChartLocale): ChartOption {
	const bar = (name: string, values: number[], color: string) => ({
		name,
		type: 'bar',
		stack: 'calls',
		barMaxWidth: 40,
		itemStyle: { color },
		data: values
	});
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 40, bottom: 8 },
		legend: { top: 0, left: 0, data: [labels.answered, labels.abandoned] },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: periods, axisTick: { alignWithLabel: true } },
		yAxis: { type: 'value', minInterval: 1 },
		series: [bar(labels.answered, data.answered, '#7fb8b0'), bar(labels.abandoned, data.abandoned, TONES.bad)]
	}, locale);
}

export interface ServiceLevelLabels {
	met: string;
	missed: string;
	percent: (n: number) => string;
}

/** Service level per period (0-100, null without calls), green where it met the target, amber where not. */
export function serviceLevelOption(periods: string[], levels: (number | null)[], target: number, labels: ServiceLevelLabels, locale: ChartLocale): ChartOption {
	const met = levels.map((v) => (v !== null && v >= target ? v : null));
	const missed = levels.map((v) => (v !== null && v < target ? v : null));
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 40, bottom: 8 },
		legend: { top: 0, left: 0, data: [labels.met, labels.missed] },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '–' : labels.percent(Number(v))) },
		xAxis: { type: 'category', data: periods, axisTick: { alignWithLabel: true } },
		yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => labels.percent(v) } },
		series: [
			{ name: labels.met, type: 'bar', stack: 'sl', barMaxWidth: 40, itemStyle: { color: TONES.good }, data: met },
			{ name: labels.missed, type: 'bar', stack: 'sl', barMaxWidth: 40, itemStyle: { color: '#d08c2f' }, data: missed }
		]
	}, locale);
}
