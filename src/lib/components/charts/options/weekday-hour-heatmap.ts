/**
 * Option builder for a weekday × hour heatmap (calls or tickets per day of each weekday and
 * local hour): hours across, weekdays down in the unit's week order (its first day on top),
 * darker for busier. Right to left (localizeChart): the hour axis runs from the right and the
 * weekday labels stand on the right.
 */
import type { ChartOption } from '../echarts';
import { localizeChart, type ChartLocale } from './rtl';

export interface HeatmapInput {
	/** Weekday labels in the unit's week order (top to bottom). */
	weekdays: string[];
	/** Hour labels (left to right, or right to left in RTL), e.g. 00:00 … 23:00. */
	hours: string[];
	/** [hour index, weekday index, value] for every cell with a value. */
	cells: [number, number, number][];
}

export interface HeatmapLabels {
	/** Formats a value (locale digits, one decimal). */
	number: (n: number) => string;
	/** The tooltip of a cell: its weekday, hour and formatted value. */
	tooltip: (weekday: string, hour: string, value: string) => string;
}

export const HEATMAP_COLORS = ['#f3f7f7', '#a9d1cc', '#3f8f89', '#0f5c5c', '#0a3636'];

export function weekdayHourHeatmapOption(input: HeatmapInput, labels: HeatmapLabels, locale: ChartLocale): ChartOption {
	const max = Math.max(0, ...input.cells.map((c) => c[2]));
	return localizeChart({
		animation: false,
		grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
		tooltip: {
			position: 'top',
			formatter: (p: { value: [number, number, number] }) => labels.tooltip(input.weekdays[p.value[1]] ?? '', input.hours[p.value[0]] ?? '', labels.number(p.value[2]))
		},
		xAxis: { type: 'category', data: input.hours, inverse: false, splitArea: { show: true }, axisLabel: { interval: 'auto', hideOverlap: true } },
		yAxis: { type: 'category', data: input.weekdays, inverse: true, position: 'left', splitArea: { show: true } },
		visualMap: {
			min: 0,
			max: max > 0 ? max : 1,
			calculable: false,
			text: [labels.number(max), labels.number(0)],
			orient: 'horizontal',
			left: 'center',
			bottom: 0,
			itemHeight: 120,
			inRange: { color: HEATMAP_COLORS },
			formatter: (v: number) => labels.number(v)
		},
		series: [
			{
				type: 'heatmap',
				data: input.cells,
				emphasis: { itemStyle: { borderColor: '#1c2329', borderWidth: 1 } }
			}
		]
	}, locale);
}
