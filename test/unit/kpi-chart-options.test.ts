/**
 * The KPI pages' chart builders: pure functions of computed figures, checked without a browser,
 * and drawn once through ECharts' server-side renderer to prove ECharts accepts them.
 */
import { describe, expect, it } from 'vitest';
import { kindsOf } from '../../src/lib/components/charts/echarts-kinds';
import { callsTrendOption, serviceLevelOption } from '../../src/lib/components/charts/options/calls-trend';
import { intervalSegments, kpiTrendOption, type TrendPoint } from '../../src/lib/components/charts/options/kpi-trend';
import { scoreDistributionOption } from '../../src/lib/components/charts/options/score-distribution';
import { sparkline } from '../../src/lib/components/charts/options/sparkline';
import { ticketMixOption } from '../../src/lib/components/charts/options/ticket-mix';
import { heatColor } from '../../src/lib/components/kpi/heat';
import { EN, FA } from '../helpers/chart-locale';

type Series = { name: string; type: string; stack?: string; data: unknown[] };

describe('sparkline', () => {
	it('places the points in the box, lowest at the bottom, highest at the top', () => {
		// 3 points in 100×20 with 3 px padding: x = 3, 50, 97; values 0, 5, 10 → y = 17, 10, 3.
		expect(sparkline([0, 5, 10], 100, 20, EN)).toEqual({ path: 'M3 17L50 10L97 3', dots: [], last: { x: 97, y: 3 } });
	});
	it('leaves a gap where a period has no figure, and dots a point standing alone', () => {
		const s = sparkline([1, null, 2, 3], 100, 20, EN);
		// x = 3, 34.3, 65.7, 97: the first point stands alone; the line restarts after the gap.
		expect(s.path).toBe('M3 17M65.7 10L97 3');
		expect(s.dots).toEqual([{ x: 3, y: 17 }]);
	});
	it('draws a flat series in the middle, nothing without figures, and runs right to left in RTL', () => {
		expect(sparkline([4, 4], 100, 20, EN).path).toBe('M3 10L97 10');
		expect(sparkline([null, null], 100, 20, EN)).toEqual({ path: '', dots: [], last: null });
		expect(sparkline([0, 10], 100, 20, FA).path).toBe('M97 17L3 3');
	});
});

describe('KPI trend with its interval', () => {
	const points: TrendPoint[] = [
		{ label: 'Week 1', value: 20, low: 5, high: 35, smallSample: false, tip: 'NPS +20 ± 15 (n = 80)' },
		{ label: 'Week 2', value: null, low: null, high: null, smallSample: true, tip: 'no answers' },
		{ label: 'Week 3', value: -10, low: -40, high: 20, smallSample: true, tip: 'NPS −10 ± 30 (n = 12)' }
	];
	const labels = { value: 'NPS', band: '95% margin of error' };

	it('stacks a transparent base, the interval below the figure, a tick at it and the interval above', () => {
		// NPS scale −100…100: tick = 200/200 = 1. Week 1: base 5, below 20 − 5 − 0.5 = 14.5, tick 1, above 35 − (5 + 14.5 + 1) = 14.5.
		expect(intervalSegments(points[0]!, 1)).toEqual({ base: 5, below: 14.5, tick: 1, above: 14.5 });
		// Week 3, below zero: base −40, below −10 + 40 − 0.5 = 29.5, above 20 − (−40 + 29.5 + 1) = 29.5.
		expect(intervalSegments(points[2]!, 1)).toEqual({ base: -40, below: 29.5, tick: 1, above: 29.5 });
		expect(intervalSegments(points[1]!, 1)).toEqual({ base: null, below: null, tick: null, above: null });
		// A CSAT of 100% with its interval up to 100: the segment above cannot go negative.
		expect(intervalSegments({ value: 100, low: 75.75, high: 100 }, 0.5)).toEqual({ base: 75.75, below: 24, tick: 0.5, above: 0 });
	});

	it('is one stack of bars summed across signs, with the gaps and paler small samples', () => {
		const option = kpiTrendOption(points, labels, { min: -100, max: 100 }, EN);
		type Bar = { type: string; stack: string; stackStrategy: string; data: { value: number | null; itemStyle: { opacity?: number } }[] };
		const series = option.series as Bar[];
		expect(series.map((s) => s.type)).toEqual(['bar', 'bar', 'bar', 'bar']);
		expect(new Set(series.map((s) => s.stack)).size).toBe(1);
		expect(series.every((s) => s.stackStrategy === 'all')).toBe(true);
		expect(series[0]!.data.map((d) => d.value)).toEqual([5, null, -40]);
		expect(series[2]!.data[0]!.itemStyle.opacity).toBe(1);
		expect(series[2]!.data[2]!.itemStyle.opacity).toBe(0.5);
		const tip = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 2 }]);
		expect(tip).toBe('NPS −10 ± 30 (n = 12)');
		expect(kindsOf(option)).toEqual([]);
	});

	it('mirrors for right to left and draws through ECharts', async () => {
		const rtl = kpiTrendOption(points, labels, { min: -100, max: 100 }, FA);
		expect((rtl.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((rtl.yAxis as { position: string }).position).toBe('right');
		expect((rtl.legend as { right: number }).right).toBe(0);
		const { renderSvg } = await import('../helpers/echarts-ssr');
		const svg = renderSvg(kpiTrendOption(points, labels, { min: -100, max: 100 }, EN));
		expect(svg).toContain('Week 3');
	}, 30_000);
});

describe('score distribution', () => {
	it('colours each score by its band and draws', async () => {
		const option = scoreDistributionOption(
			[
				{ label: '0', answers: 2, tone: 'bad' },
				{ label: '8', answers: 5, tone: 'neutral' },
				{ label: '10', answers: 9, tone: 'good' }
			],
			{ answers: 'Answers' },
			EN
		);
		const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]!.data;
		expect(data.map((d) => d.value)).toEqual([2, 5, 9]);
		expect(data[0]!.itemStyle.color).not.toBe(data[2]!.itemStyle.color);
		const { renderSvg } = await import('../helpers/echarts-ssr');
		expect(renderSvg(option)).toMatch(/^<svg/);
	}, 30_000);
});

describe('calls per period and service level', () => {
	it('stacks answered and abandoned calls', () => {
		const option = callsTrendOption(['W1', 'W2'], { answered: [90, 80], abandoned: [10, 5] }, { answered: 'Answered', abandoned: 'Abandoned' }, EN);
		const series = option.series as Series[];
		expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
			['Answered', 'calls', [90, 80]],
			['Abandoned', 'calls', [10, 5]]
		]);
	});

	it('splits periods that met the target from those that did not, and leaves periods without calls empty', async () => {
		const option = serviceLevelOption(['W1', 'W2', 'W3'], [85, 60, null], 80, { met: 'Met', missed: 'Missed', percent: (n) => `${n}%` }, EN);
		const series = option.series as Series[];
		expect(series[0]!.data).toEqual([85, null, null]);
		expect(series[1]!.data).toEqual([null, 60, null]);
		expect((option.yAxis as { max: number }).max).toBe(100);
		const { renderSvg } = await import('../helpers/echarts-ssr');
		expect(renderSvg(option)).toContain('W2');
	}, 30_000);
});

describe('ticket mix', () => {
	it('stacks tickets per period by channel, in the order given, and mirrors in RTL', () => {
		const option = ticketMixOption(
			['Mehr', 'Aban'],
			[
				{ name: 'Phone', values: [30, 20] },
				{ name: 'Bot', values: [5, 12] }
			],
			FA
		);
		const series = option.series as Series[];
		expect(series.map((s) => [s.name, s.data])).toEqual([
			['Phone', [30, 20]],
			['Bot', [5, 12]]
		]);
		expect((option.xAxis as { inverse: boolean; data: string[] }).data).toEqual(['Mehr', 'Aban']);
		expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((option.legend as { align: string }).align).toBe('right');
	});
});

describe('chart kinds loaded on demand', () => {
	it('names the kinds an option uses beyond the core', () => {
		expect(kindsOf({ series: [{ type: 'bar' }] })).toEqual([]);
		expect(kindsOf({ series: [{ type: 'line', markLine: {} }, { type: 'heatmap' }], visualMap: { type: 'continuous' }, aria: { enabled: true }, legend: { type: 'scroll' } }).sort()).toEqual(
			['aria', 'heatmap', 'legendScroll', 'line', 'markLine', 'visualMapContinuous'].sort()
		);
		expect(kindsOf({ series: { type: 'scatter', markArea: {}, markPoint: {} }, visualMap: [{ type: 'piecewise' }] }).sort()).toEqual(['markArea', 'markPoint', 'scatter', 'visualMapPiecewise']);
	});
});

describe('heatmap colour', () => {
	it('runs from pale to the accent, with readable text', () => {
		expect(heatColor(0, 10)).toEqual({ background: 'rgb(241 247 246)', ink: '#1c2329' });
		expect(heatColor(10, 10)).toEqual({ background: 'rgb(15 92 92)', ink: '#ffffff' });
		expect(heatColor(5, 0).background).toBe('rgb(241 247 246)');
	});
});
