/**
 * Option builder for the score distribution: how many answers gave each score (NPS 0-10,
 * CSAT 1-5), each bar coloured by its band (detractor/dissatisfied red, passive/neutral grey,
 * promoter/satisfied green), so the shape behind an NPS or CSAT is visible.
 */
import type { ChartOption } from '../echarts';
import { TONES } from './palette';
import { localizeChart, type ChartLocale } from './rtl';

export interface ScoreBar {
	/** The score as shown (local digits). */
	label: string;
	answers: number;
	tone: 'good' | 'neutral' | 'bad';
}

export function scoreDistributionOption(bars: ScoreBar[], labels: { answers: string }, locale: ChartLocale): ChartOption {
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 12, bottom: 8 },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: bars.map((b) => b.label) },
		yAxis: { type: 'value', minInterval: 1 },
		series: [
			{
				name: labels.answers,
				type: 'bar',
				barMaxWidth: 36,
				data: bars.map((b) => ({ value: b.answers, itemStyle: { color: TONES[b.tone] } }))
			}
		]
	}, locale);
}
