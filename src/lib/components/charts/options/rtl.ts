/**
 * The reader's direction, digits and font for a chart option. Every option builder ends with
 * `return localizeChart(option, locale)`; a chart component gets the locale with
 * `chartLocale(getI18n())`. Build the option as for English; for right to left it is mirrored:
 *
 * - x axes run right to left (`inverse`), so the first category (Saturday, the first month)
 *   stands on the right and a horizontal bar grows leftwards from the right edge;
 * - y axes stand on the right;
 * - grid, legend, title and visualMap swap their left/right offsets (a horizontal visualMap
 *   runs from the right); the legend's icon goes
 *   to the right of its text and its items read from the right; series labels placed
 *   left/right swap sides;
 * - the tooltip reads right to left (class `chart-tooltip-rtl`, styled in app.css);
 * - every text ECharts draws (axis labels and names, legend items, series and marker labels,
 *   titles, the colour scale's ends) is isolated as right to left (RLI … PDI): the chart's SVG
 *   runs left to right, where "۳ آبان ۱۴۰۵" would read "آبان ۱۴۰۵ ۳" and "(SLA)" would stand
 *   before the words it follows.
 *
 * In both directions, numbers come out in the reader's digits and separators (Persian: ۱٬۲۳۴٫۵)
 * wherever the builder did not format them itself: value-axis labels, the tooltip's values and
 * shown series labels; and the text uses the page's font (Vazirmatn in Persian).
 *
 * Label categories with the format presets (`fmt.period`, `fmt.weekday`, `fmt.day`): never a
 * `type: 'time'` axis, whose ticks and labels are Gregorian.
 */
import type { ChartOption } from '../echarts';

export interface ChartLocale {
	/** Right to left (Persian). */
	rtl: boolean;
	/** A number in the reader's digits and separators: a format preset such as `fmt.number`. */
	number: (n: number) => string;
	/** Font of chart text (ECharts draws text itself and does not inherit the page's). */
	fontFamily: string;
}

/** The font stacks of app.css, for text ECharts draws. */
export const CHART_FONTS = {
	en: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
	fa: "Vazirmatn, system-ui, Tahoma, 'Noto Sans Arabic', sans-serif"
} as const;

/** The chart locale of the reader (pass `getI18n()`). */
export function chartLocale(i18n: { lang: 'en' | 'fa'; fmt: { number: (n: number, digits?: number) => string } }): ChartLocale {
	return { rtl: i18n.lang === 'fa', number: (n) => i18n.fmt.number(n, 1), fontFamily: CHART_FONTS[i18n.lang] };
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An option component given as one object or a list of them, as a list of copies. */
const each = (v: unknown): Obj[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(isObj).map((o) => ({ ...o }));
/** Back in the shape it came in (one object stays one object). */
const like = (original: unknown, list: Obj[]): unknown => (Array.isArray(original) ? list : list[0]);

const SIDE_SWAP: Record<string, string> = { left: 'right', right: 'left', insideLeft: 'insideRight', insideRight: 'insideLeft' };

/** Swap left and right offsets of a positioned component (grid, legend, title, visualMap). */
function swapSides(o: Obj): Obj {
	const { left, right, ...rest } = o;
	const out: Obj = { ...rest };
	if (right !== undefined) out.left = right;
	if (left !== undefined) out.right = left;
	return out;
}

/** A value from a chart callback: a number, or [x, y, value] for a heatmap / scatter point. */
function valueOf(v: unknown): unknown {
	return Array.isArray(v) ? v[v.length - 1] : v;
}

function formatValue(v: unknown, number: (n: number) => string): string {
	const x = valueOf(v);
	return typeof x === 'number' && Number.isFinite(x) ? number(x) : x === null || x === undefined ? '–' : String(x);
}

/** Right-to-left isolate: a text drawn in the chart's left-to-right SVG keeps its own order. */
const RLI = '\u2067';
const PDI = '\u2069';
export const isolateRtl = (text: string): string => (text === '' ? text : RLI + text + PDI);

type Formatter = string | ((...args: never[]) => unknown) | undefined;

/** A label formatter whose result is isolated: ECharts' own text, a template string, or a function's result. */
function isolatingFormatter(formatter: Formatter, fallback: (v: unknown) => string): string | ((...args: unknown[]) => string) {
	if (typeof formatter === 'string') return isolateRtl(formatter);
	if (typeof formatter === 'function') return (...args: unknown[]) => isolateRtl(String((formatter as (...a: unknown[]) => unknown)(...args) ?? ''));
	return (v: unknown) => isolateRtl(fallback(v));
}

/** A label object (axisLabel, label …) with its text isolated. */
function isolateLabel(label: unknown, fallback: (v: unknown) => string = (v) => String(v ?? '')): Obj {
	const l: Obj = isObj(label) ? { ...label } : {};
	return { ...l, formatter: isolatingFormatter(l.formatter as Formatter, fallback) };
}

/** Every text of a series' markers (lines, areas, points) isolated, on the marker and on each datum. */
function isolateMarkers(series: Obj): Obj {
	const out: Obj = { ...series };
	for (const key of ['markLine', 'markArea', 'markPoint'] as const) {
		const marker = series[key];
		if (!isObj(marker)) continue;
		const m: Obj = { ...marker };
		if (isObj(m.label)) m.label = isolateLabel(m.label, (p) => String((p as { name?: unknown })?.name ?? ''));
		if (Array.isArray(m.data))
			m.data = m.data.map((d) => {
				if (isObj(d) && isObj(d.label)) return { ...d, label: isolateLabel(d.label, (p) => String((p as { name?: unknown })?.name ?? '')) };
				if (Array.isArray(d)) return d.map((e) => (isObj(e) && isObj(e.label) ? { ...e, label: isolateLabel(e.label, (p) => String((p as { name?: unknown })?.name ?? '')) } : e));
				return d;
			});
		out[key] = m;
	}
	return out;
}

/** An axis in right to left: its labels and its name isolated. */
function isolateAxis(axis: Obj): Obj {
	const out: Obj = { ...axis, axisLabel: isolateLabel(axis.axisLabel) };
	if (typeof axis.name === 'string') out.name = isolateRtl(axis.name);
	return out;
}

/** Value axes get the reader's digits unless the builder formats their labels itself. */
function withNumberLabels(axis: Obj, number: (n: number) => string): Obj {
	if (axis.type !== 'value' && axis.type !== 'log') return axis;
	const label = isObj(axis.axisLabel) ? axis.axisLabel : {};
	if (label.formatter !== undefined) return axis;
	return { ...axis, axisLabel: { ...label, formatter: (v: number) => number(v) } };
}

export function localizeChart(option: ChartOption, locale: ChartLocale): ChartOption {
	const { rtl, number } = locale;
	const o: Obj = { ...(option as Obj) };

	const textStyle = isObj(o.textStyle) ? o.textStyle : {};
	o.textStyle = { fontFamily: locale.fontFamily, ...textStyle };

	if (o.xAxis !== undefined) {
		o.xAxis = like(
			o.xAxis,
			each(o.xAxis).map((a) => {
				const axis = withNumberLabels(rtl ? { ...a, inverse: !a.inverse } : a, number);
				return rtl ? isolateAxis(axis) : axis;
			})
		);
	}
	if (o.yAxis !== undefined) {
		o.yAxis = like(
			o.yAxis,
			each(o.yAxis).map((a) => {
				const axis = withNumberLabels(rtl ? { ...a, position: a.position === 'right' ? 'left' : 'right' } : a, number);
				return rtl ? isolateAxis(axis) : axis;
			})
		);
	}

	if (o.tooltip !== undefined) {
		o.tooltip = like(
			o.tooltip,
			each(o.tooltip).map((t) => {
				const out: Obj = { ...t };
				if (t.formatter === undefined && t.valueFormatter === undefined) out.valueFormatter = (v: unknown) => formatValue(v, number);
				out.textStyle = { fontFamily: locale.fontFamily, ...(isObj(t.textStyle) ? t.textStyle : {}) };
				if (rtl) out.className = [t.className, 'chart-tooltip-rtl'].filter(Boolean).join(' ');
				return out;
			})
		);
	}

	if (o.series !== undefined) {
		o.series = like(
			o.series,
			each(o.series).map((s) => {
				const marked = rtl ? isolateMarkers(s) : s;
				if (!isObj(s.label)) return marked;
				let label: Obj = { ...s.label };
				if (label.show && label.formatter === undefined) label.formatter = (p: { value: unknown }) => formatValue(p.value, number);
				if (rtl && typeof label.position === 'string' && SIDE_SWAP[label.position]) label.position = SIDE_SWAP[label.position];
				if (rtl && label.show) label = isolateLabel(label);
				return { ...marked, label };
			})
		);
	}

	if (rtl) {
		for (const key of ['title'] as const) {
			if (o[key] !== undefined) o[key] = like(o[key], each(o[key]).map((x) => ({ ...swapSides(x), ...(typeof x.text === 'string' ? { text: isolateRtl(x.text) } : {}) })));
		}
		// ECharts 6 sizes a grid by its "outer bounds" with each label's share of the axis taken as
		// if the axis ran left to right: on a reversed axis an edge label's overflow is divided by a
		// share near zero, and the plot shrinks to a sliver. The older containLabel layout
		// (registered in echarts-setup.ts) measures the labels where they are drawn.
		if (o.grid !== undefined || o.xAxis !== undefined) {
			o.grid = like(
				o.grid ?? {},
				each(o.grid ?? {}).map((g) => ({ ...swapSides(g), containLabel: true, outerBoundsMode: 'none' }))
			);
		}
		// A horizontal colour scale runs from the right too, like the axis beside it.
		if (o.visualMap !== undefined)
			o.visualMap = like(
				o.visualMap,
				each(o.visualMap).map((v) => {
					const texts = Array.isArray(v.text) ? { text: v.text.map((x) => (typeof x === 'string' ? isolateRtl(x) : x)) } : {};
					return { ...(v.orient === 'horizontal' ? { ...swapSides(v), inverse: !v.inverse } : swapSides(v)), ...texts };
				})
			);
		if (o.legend !== undefined) {
			// ECharts lays legend items out left to right: list them backwards to read from the right.
			const names = each(o.series).every((s) => typeof s.name === 'string' && s.type !== 'pie') ? [...new Set(each(o.series).map((s) => s.name as string))] : null;
			o.legend = like(
				o.legend,
				each(o.legend).map((l) => {
					const data = Array.isArray(l.data) ? l.data : names;
					return { ...swapSides(l), align: 'right', formatter: isolatingFormatter(l.formatter as Formatter, (name) => String(name ?? '')), ...(data ? { data: [...data].reverse() } : {}) };
				})
			);
		}
	}
	return o as ChartOption;
}
