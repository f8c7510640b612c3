/**
 * A sparkline as SVG path data: one point per period, scaled into a small box, with gaps where
 * a period has no figure (null), so a week without answers is not drawn as a zero. Pure: the
 * figures arrive computed (the domain layer's trend); this only places them. Drawn on the
 * server as plain SVG, so a tile's trend needs no chart library. Right to left (the reader's
 * ChartLocale, as every chart builder takes), time runs from the right edge, as the category
 * axes of the charts mirrored by localizeChart do.
 */
import type { ChartLocale } from './rtl';

export interface Sparkline {
	/** Path data ("M x y L x y …"); empty when no point has a figure. */
	path: string;
	/** Points standing alone (a figure between two gaps), drawn as dots. */
	dots: { x: number; y: number }[];
	/** The last point with a figure, marked on the line. */
	last: { x: number; y: number } | null;
}

export function sparkline(values: (number | null)[], width: number, height: number, locale: Pick<ChartLocale, 'rtl'>, pad = 3): Sparkline {
	const { rtl } = locale;
	const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (known.length === 0) return { path: '', dots: [], last: null };
	const min = Math.min(...known);
	const max = Math.max(...known);
	const span = max - min;
	const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
	const round = (n: number) => Math.round(n * 10) / 10;
	const at = (i: number, v: number) => {
		const x = values.length > 1 ? pad + i * step : width / 2;
		return {
			x: round(rtl ? width - x : x),
			// A flat line sits in the middle of the box.
			y: round(span > 0 ? height - pad - ((v - min) / span) * (height - 2 * pad) : height / 2)
		};
	};
	let path = '';
	const dots: { x: number; y: number }[] = [];
	let last: { x: number; y: number } | null = null;
	values.forEach((v, i) => {
		if (v === null || !Number.isFinite(v)) return;
		const p = at(i, v);
		const prev = values[i - 1];
		const next = values[i + 1];
		const joinsPrev = i > 0 && prev !== null && prev !== undefined && Number.isFinite(prev);
		const joinsNext = next !== null && next !== undefined && Number.isFinite(next);
		path += `${joinsPrev ? 'L' : 'M'}${p.x} ${p.y}`;
		if (!joinsPrev && !joinsNext) dots.push(p);
		last = p;
	});
	return { path, dots, last };
}
