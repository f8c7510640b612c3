/**
 * The Svelte action that owns an ECharts instance: created in the browser only (actions do
 * not run during server rendering), after ECharts itself is loaded lazily (./echarts-setup),
 * with the chart kinds the option uses (./echarts-kinds),
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
	let setup: typeof import('./echarts-setup') | null = null;
	// An option is set once the kinds it uses are loaded; the latest one wins.
	// data-drawn marks a chart whose option is set (tests and screenshots wait for it: the SVG
	// element exists before the kinds have loaded and anything is drawn).
	const show = async (option: ChartOption) => {
		await setup!.prepare(option);
		if (!destroyed && instance && option === latest) {
			instance.setOption(option, { notMerge: true });
			node.setAttribute('data-drawn', '');
		}
	};
	void import('./echarts-setup').then(async (module) => {
		if (destroyed) return;
		setup = module;
		instance = module.echarts.init(node, null, { renderer: 'svg' });
		observer.observe(node);
		await show(latest);
	});
	return {
		update(next: ChartOption) {
			latest = next;
			node.removeAttribute('data-drawn');
			if (setup) void show(next);
		},
		destroy() {
			destroyed = true;
			observer.disconnect();
			instance?.dispose();
		}
	};
}
