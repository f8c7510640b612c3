/**
 * The Svelte action that owns an ECharts instance: created in the browser only (actions do
 * not run during server rendering), resized with its box, replaced wholesale on update
 * (notMerge, so a removed series really goes), disposed with the node.
 * Only the pieces the product's charts use are registered (echarts/core keeps the bundle small).
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function echart(node: HTMLElement, option: ChartOption) {
	const instance = echarts.init(node, null, { renderer: 'svg' });
	instance.setOption(option, { notMerge: true });
	const observer = new ResizeObserver(() => instance.resize());
	observer.observe(node);
	return {
		update(next: ChartOption) {
			instance.setOption(next, { notMerge: true });
		},
		destroy() {
			observer.disconnect();
			instance.dispose();
		}
	};
}
