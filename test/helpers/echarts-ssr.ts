/**
 * Render a chart option through ECharts' server-side SVG renderer, as the browser would draw
 * it: an option builder's test calls this to prove the option is one ECharts accepts. Every
 * kind the browser loads on demand (src/lib/components/charts/kinds/) is registered here.
 */
import type { ChartOption } from '../../src/lib/components/charts/echarts';
import { echarts } from '../../src/lib/components/charts/echarts-setup';

const kinds = import.meta.glob<{ default: Parameters<typeof echarts.use>[0] }>('../../src/lib/components/charts/kinds/*.ts', { eager: true });
for (const m of Object.values(kinds)) echarts.use(m.default);

export function renderSvg(option: ChartOption, width = 800, height = 320): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(option, { notMerge: true });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
