/**
 * ECharts with only the pieces the product's charts use (echarts/core keeps the bundle small),
 * loaded lazily by the chart action: a page pays for ECharts only once a chart is on screen,
 * and the server never loads it.
 *
 * The core holds what every chart needs (grid, tooltip, plain legend, bars, the SVG renderer).
 * Other kinds are loaded on demand, each in its own small chunk, when an option uses them
 * (see ./echarts-kinds.ts): a page of bar charts does not download line, heatmap or marker
 * code. To use a new kind, add it to KINDS there.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from './echarts';
import { KINDS, kindsOf } from './echarts-kinds';

// LegacyGridContainLabel: grid.containLabel as before ECharts 6; its replacement (outer bounds)
// mislays a reversed axis, which every right-to-left chart has (see options/rtl.ts).
echarts.use([BarChart, GridComponent, TooltipComponent, LegendPlainComponent, LegacyGridContainLabel, SVGRenderer]);

const loaded = new Set<string>();

/**
 * Register the kinds an option needs (line, heatmap, markLine …) before it is set. True when
 * any was new: an instance made before cannot draw them, since ECharts copies the registered
 * layouts and visuals (line points, visualMap colours) into an instance when it is made; the
 * chart action makes a new one.
 */
export async function prepare(option: ChartOption): Promise<boolean> {
	const missing = kindsOf(option).filter((k) => !loaded.has(k));
	const modules = await Promise.all(missing.map((k) => KINDS[k]()));
	for (const [i, m] of modules.entries()) {
		echarts.use(m.default);
		loaded.add(missing[i]!);
	}
	return missing.length > 0;
}

export { echarts };
