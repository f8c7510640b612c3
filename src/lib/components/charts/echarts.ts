/**
 * The Svelte action that owns an ECharts instance: created in the browser only (actions do
 * not run during server rendering), after ECharts itself is loaded lazily (./echarts-setup),
 * resized with its box, replaced wholesale on update (notMerge, so a removed series really
 * goes), disposed with the node.
 */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

export function echart(node: HTMLElement, option: ChartOption) {
	let instance: EChartsType | null = null;
	let latest = option;
	let destroyed = false;
	const observer = new ResizeObserver(() => instance?.resize());
	void import('./echarts-setup').then(({ echarts }) => {
		if (destroyed) return;
		instance = echarts.init(node, null, { renderer: 'svg' });
		instance.setOption(latest, { notMerge: true });
		observer.observe(node);
	});
	return {
		update(next: ChartOption) {
			latest = next;
			instance?.setOption(next, { notMerge: true });
		},
		destroy() {
			destroyed = true;
			observer.disconnect();
			instance?.dispose();
		}
	};
}
