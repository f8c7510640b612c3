/**
 * The colour of a heatmap cell: from the palest teal for no calls to the product's accent for
 * the busiest cell, on a straight scale, and a text colour that stays readable on it.
 */
const LOW = [241, 247, 246];
const HIGH = [15, 92, 92];

export function heatColor(value: number, max: number): { background: string; ink: string } {
	const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
	const mix = LOW.map((l, i) => Math.round(l + (HIGH[i]! - l) * t));
	return { background: `rgb(${mix.join(' ')})`, ink: t > 0.55 ? '#ffffff' : '#1c2329' };
}
