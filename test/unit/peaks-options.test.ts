import { describe, expect, it } from 'vitest';
import { volumeBandOption, BAND_COLORS, type BandSeriesPoint } from '../../src/lib/components/charts/options/volume-band';
import { weekdayHourHeatmapOption } from '../../src/lib/components/charts/options/weekday-hour-heatmap';

const ltr = { rtl: false, number: (n: number) => String(n), fontFamily: 'sans-serif' };
const rtl = { ...ltr, rtl: true };
const labels = { actual: 'Count', expected: 'Usual level', band: 'Band', number: (n: number) => String(n) };
const point = (label: string, actual: number, expected: number | null, lower: number | null, upper: number | null): BandSeriesPoint => ({ label, actual, expected, lower, upper });
const points = [point('Sat', 10, 10, 5, 20), point('Sun', 40, 10, 5, 20), point('Mon', 8, null, null, null)];

type Series = { name: string; type: string; stack?: string; data: unknown[]; markLine?: { data: { xAxis: number; label: { formatter: string } }[] }; markArea?: { data: unknown[] } };

describe('volume against the band', () => {
	it('stacks the band on its lower edge, draws the usual level and the counts, red above the band', () => {
		const option = volumeBandOption(points, labels, { kind: 'bar', locale: ltr });
		const series = option.series as Series[];
		expect(series.map((s) => s.name)).toEqual(['lower-edge', 'Band', 'Usual level', 'Count']);
		// The band series carries upper − lower on top of the invisible lower edge.
		expect(series[0]!.data).toEqual([5, 5, '-']);
		expect(series[1]!.data).toEqual([15, 15, '-']);
		expect(series[0]!.stack).toBe(series[1]!.stack);
		expect(series[2]!.data).toEqual([10, 10, '-']);
		const count = series[3]!;
		expect(count.type).toBe('bar');
		expect(count.data).toEqual([{ value: 10, itemStyle: undefined }, { value: 40, itemStyle: { color: BAND_COLORS.above } }, { value: 8, itemStyle: undefined }]);
		expect((option.legend as { data: string[] }).data).toEqual(['Count', 'Usual level', 'Band']);
	});
	it('marks releases and incidents and shades peaks', () => {
		const option = volumeBandOption(points, labels, { kind: 'line', markers: [{ index: 1, label: 'Release 5.6', kind: 'release' }], peaks: [{ from: 1, to: 1, label: '' }], locale: ltr });
		const count = (option.series as Series[])[3]!;
		expect(count.type).toBe('line');
		expect(count.markLine!.data).toEqual([expect.objectContaining({ xAxis: 1, label: expect.objectContaining({ formatter: 'Release 5.6' }) })]);
		expect(count.markArea!.data).toHaveLength(1);
		// On days (bars), a peak's days get a full-height bar behind theirs: 40 × 1.05 = 42.
		const bars = volumeBandOption(points, labels, { kind: 'bar', peaks: [{ from: 1, to: 2, label: '' }], locale: ltr }).series as Series[];
		expect(bars[0]).toMatchObject({ name: 'peak-days', data: ['-', 42, 42] });
		expect(bars[4]!.markArea).toBeUndefined();
	});
	it('mirrors for right-to-left: category axis reversed, value axis and legend on the right', () => {
		const option = volumeBandOption(points, labels, { kind: 'bar', locale: rtl });
		expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((option.yAxis as { position: string }).position).toBe('right');
		expect((option.legend as { right?: number }).right).toBe(0);
	});
	it('renders through ECharts', { timeout: 60_000 }, async () => {
		const { renderSvg } = await import('../helpers/echarts-ssr');
		const svg = renderSvg(volumeBandOption(points, labels, { kind: 'bar', markers: [{ index: 1, label: 'Release 5.6', kind: 'release' }], peaks: [{ from: 1, to: 1, label: '' }], locale: ltr }));
		expect(svg).toContain('Release 5.6');
		expect(svg).toContain('Usual level');
		expect(svg).toContain(BAND_COLORS.above);
	});
});

describe('weekday × hour heatmap', () => {
	const input = { weekdays: ['Sat', 'Sun'], hours: ['00:00', '01:00', '02:00'], cells: [[0, 0, 1], [1, 0, 5], [2, 1, 2.5]] as [number, number, number][] };
	const hl = { number: (n: number) => n.toFixed(1), tooltip: (w: string, h: string, v: string) => `${w} ${h}: ${v}` };
	it('puts the week start on top and scales colours from 0 to the busiest cell', () => {
		const option = weekdayHourHeatmapOption(input, hl, ltr);
		expect(option.yAxis).toMatchObject({ data: ['Sat', 'Sun'], inverse: true, position: 'left' });
		expect(option.xAxis).toMatchObject({ data: ['00:00', '01:00', '02:00'], inverse: false });
		expect(option.visualMap).toMatchObject({ min: 0, max: 5 });
		const tooltip = (option.tooltip as { formatter: (p: { value: [number, number, number] }) => string }).formatter;
		expect(tooltip({ value: [2, 1, 2.5] })).toBe('Sun 02:00: 2.5');
	});
	it('mirrors for right-to-left', () => {
		const option = weekdayHourHeatmapOption(input, hl, rtl);
		expect(option.xAxis).toMatchObject({ inverse: true });
		expect(option.yAxis).toMatchObject({ position: 'right' });
	});
	it('renders through ECharts', { timeout: 60_000 }, async () => {
		const { renderSvg } = await import('../helpers/echarts-ssr');
		const svg = renderSvg(weekdayHourHeatmapOption(input, hl, ltr), 600, 240);
		expect(svg).toContain('Sat');
		expect(svg).toContain('00:00');
		// Three cells drawn in the scale's colours.
		expect(svg.match(/ecmeta_ssr_type="chart"/g)).toHaveLength(3);
	});
});
