/**
 * The ECharts kinds beyond the core of ./echarts-setup.ts, each a lazily loaded chunk (one
 * module in ./kinds/), and which of them an option needs. A new kind: a module in ./kinds/, a
 * line here, and a rule in kindsOf.
 */
import type { ChartOption } from './echarts';

type Extension = Parameters<typeof import('echarts/core').use>[0];
type Loader = () => Promise<{ default: Extension }>;

export const KINDS = {
	line: () => import('./kinds/line'),
	scatter: () => import('./kinds/scatter'),
	heatmap: () => import('./kinds/heatmap'),
	visualMapContinuous: () => import('./kinds/visual-map-continuous'),
	visualMapPiecewise: () => import('./kinds/visual-map-piecewise'),
	markLine: () => import('./kinds/mark-line'),
	markArea: () => import('./kinds/mark-area'),
	markPoint: () => import('./kinds/mark-point'),
	legendScroll: () => import('./kinds/legend-scroll'),
	aria: () => import('./kinds/aria')
} satisfies Record<string, Loader>;

export type Kind = keyof typeof KINDS;

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : v ? [v] : []).filter((x): x is Obj => typeof x === 'object' && x !== null);

/** The kinds an option uses beyond the core (bar, grid, tooltip, plain legend). */
export function kindsOf(option: ChartOption): Kind[] {
	const o = option as Obj;
	const out = new Set<Kind>();
	for (const s of list(o.series)) {
		if (s.type === 'line' || s.type === 'scatter' || s.type === 'heatmap') out.add(s.type);
		if (s.markLine) out.add('markLine');
		if (s.markArea) out.add('markArea');
		if (s.markPoint) out.add('markPoint');
	}
	for (const v of list(o.visualMap)) out.add(v.type === 'piecewise' ? 'visualMapPiecewise' : 'visualMapContinuous');
	if (list(o.legend).some((l) => l.type === 'scroll')) out.add('legendScroll');
	if (list(o.aria).some((a) => a.enabled)) out.add('aria');
	return [...out];
}
