/**
 * Option builder for a customer's risk score over the days it was computed, with the at-risk
 * score as a dashed line. Days reconstructed from older data and days recorded on the day are
 * one line (docs/churn-model.md, "History").
 */
import type { ChartOption } from '../echarts';
import { localizeChart, type ChartLocale } from './rtl';

export interface ScorePoint {
	label: string;
	score: number;
}

export function scoreHistoryOption(points: ScorePoint[], atRisk: number, labels: { score: string; atRisk: string }, locale: ChartLocale): ChartOption {
	return localizeChart({
		aria: { enabled: true },
		animation: false,
		grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: false, axisLabel: { hideOverlap: true } },
		yAxis: { type: 'value', min: 0, max: 100 },
		series: [
			{
				name: labels.score,
				type: 'line',
				symbolSize: 4,
				itemStyle: { color: '#0f5c5c' },
				data: points.map((p) => p.score),
				markLine: {
					symbol: 'none',
					silent: true,
					lineStyle: { type: 'dashed', color: '#b3261e' },
					// At the end of the line, beside the latest score (on the left when mirrored).
					label: { formatter: () => labels.atRisk, position: 'insideEndTop' },
					data: [{ yAxis: atRisk }]
				}
			}
		]
	}, locale);
}
