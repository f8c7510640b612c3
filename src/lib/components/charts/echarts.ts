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
	// An option is set once the kinds it uses are loaded; the latest one wins. The instance is
	// made after its kinds are registered, and made anew when an option brings new ones
	// (ECharts takes an instance's layouts and visuals from what is registered when it is made:
	// an older instance draws a line series as an empty path and a heatmap in one colour).
	// data-drawn marks a chart whose option is set (tests and screenshots wait for it: the SVG
	// element exists before the kinds have loaded and anything is drawn).
	const show = async (option: ChartOption) => {
		const added = await setup!.prepare(option);
		if (destroyed || option !== latest) return;
		if (!instance || added) {
			instance?.dispose();
			instance = setup!.echarts.init(node, null, { renderer: 'svg' });
		}
		instance.setOption(option, { notMerge: true });
		node.setAttribute('data-drawn', '');
	};
	void import('./echarts-setup').then(async (module) => {
		if (destroyed) return;
		setup = module;
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
