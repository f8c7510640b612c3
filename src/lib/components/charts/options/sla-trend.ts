/**
 * Option builder for the SLA compliance trend: one line per time (first response, resolution),
 * compliance in percent per period (by the tickets' creation period), with a gap where a
 * period has no met or breached ticket (null, not 0: "no figure" is not "all breached").
 * Mirrored for right to left by localizeChart.
 */
import type { ChartOption } from '../echarts';
import { localizeChart, type ChartLocale } from './rtl';

export interface SlaTrendPoint {
	/** The period's label in the interface language. */
	label: string;
	/** 0-100, or null when nothing was met or breached. */
	firstResponse: number | null;
	resolution: number | null;
	/** met + breached of each, for the tooltip. */
	firstResponseN: number;
	resolutionN: number;
}

export interface SlaTrendLabels {
	firstResponse: string;
	resolution: string;
	/** Formats a percentage 0-100 (locale digits). */
	percent: (v: number) => string;
	/** "n = 42" in the interface language. */
	n: (n: number) => string;
}

export const SLA_COLORS = { firstResponse: '#0f5c5c', resolution: '#c77d1a' } as const;

export function slaTrendOption(points: SlaTrendPoint[], labels: SlaTrendLabels, locale: ChartLocale): ChartOption {
	const series = [
		{ key: 'firstResponse' as const, name: labels.firstResponse, values: points.map((p) => p.firstResponse), ns: points.map((p) => p.firstResponseN) },
		{ key: 'resolution' as const, name: labels.resolution, values: points.map((p) => p.resolution), ns: points.map((p) => p.resolutionN) }
	];
	return localizeChart({
		aria: { enabled: true },
		animation: false,
		grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
		legend: { top: 0, left: 0, itemGap: 24, data: series.map((s) => s.name) },
		tooltip: {
			trigger: 'axis',
			formatter: (params: unknown) => {
				const items = params as { axisValueLabel: string; seriesName: string; value: number | null; seriesIndex: number; dataIndex: number }[];
				if (!items.length) return '';
				const lines = items.map((i) => `${i.seriesName}: ${i.value === null || i.value === undefined ? '–' : labels.percent(i.value)} (${labels.n(series[i.seriesIndex]!.ns[i.dataIndex]!)})`);
				return [items[0]!.axisValueLabel, ...lines].join('<br>');
			}
		},
		xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: false },
		yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => labels.percent(v) } },
		series: series.map((s) => ({
			name: s.name,
			type: 'line',
			connectNulls: false,
			showSymbol: points.length <= 40,
			itemStyle: { color: SLA_COLORS[s.key] },
			lineStyle: { color: SLA_COLORS[s.key], width: 2 },
			data: s.values
		}))
	}, locale);
}
