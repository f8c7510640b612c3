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

/** A text an SVG shows, and where: its translate() plus its own x and y. */
export interface SvgText {
	/** The text without bidirectional controls (what a reader sees). */
	text: string;
	/** The text as written, with any isolates or marks. */
	raw: string;
	x: number;
	y: number;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Every text of a rendered SVG with its position (to check where labels stand, e.g. mirrored). */
export function svgTexts(svg: string): SvgText[] {
	const out: SvgText[] = [];
	for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
		const attrs = m[1]!;
		const move = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(attrs);
		const own = (name: string) => Number(new RegExp(`\\s${name}="([-\\d.e]+)"`).exec(attrs)?.[1] ?? 0);
		const raw = m[2]!.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
		out.push({
			text: raw.replace(/[\u200e\u200f\u2066-\u2069]/g, ''),
			raw,
			x: Number(move?.[1] ?? 0) + own('x'),
			y: Number(move?.[2] ?? 0) + own('y')
		});
	}
	return out;
}
