/** The churn charts' option builders: what they draw, right to left, and that ECharts accepts them (server-side render). */
import { describe, expect, it } from 'vitest';
import { kaplanMeierOption } from '../../src/lib/components/charts/options/kaplan-meier';
import { rhythmOption } from '../../src/lib/components/charts/options/rhythm';
import { scoreHistoryOption } from '../../src/lib/components/charts/options/score-history';
import { EN, FA } from '../helpers/chart-locale';
import { renderSvg } from '../helpers/echarts-ssr';

describe('rhythm option', () => {
	const labels = { gap: 'Gap', silence: 'Silence', usual: 'Usual gap', now: 'now' };
	it('one bar per contact (its gap), the current silence last in the warning colour, the usual gap as a line', () => {
		const option = rhythmOption([{ label: 'd1', gap: null }, { label: 'd2', gap: 7 }, { label: 'd3', gap: 5 }], 42, 6, labels, EN);
		expect((option.xAxis as { data: string[] }).data).toEqual(['d1', 'd2', 'd3', 'now']);
		const [bars] = option.series as { data: unknown[]; markLine: { data: { yAxis: number }[] } }[];
		expect(bars!.data.slice(0, 3)).toEqual([null, 7, 5]);
		expect(bars!.data[3]).toMatchObject({ value: 42, itemStyle: { color: '#b3261e' } });
		expect(bars!.markLine.data).toEqual([{ yAxis: 6 }]);
		const svg = renderSvg(option);
		expect(svg).toContain('<svg');
		expect(svg).toContain('Usual gap');
	});
	it('mirrors for right to left, and draws without a silence or a usual gap', () => {
		const option = rhythmOption([{ label: 'd1', gap: null }], null, null, labels, FA);
		expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((option.yAxis as { position: string }).position).toBe('right');
		expect(renderSvg(option)).toContain('<svg');
	});
});

describe('score history option', () => {
	it('a line of scores from 0 to 100 with the at-risk score dashed', () => {
		const option = scoreHistoryOption([{ label: 'a', score: 12 }, { label: 'b', score: 55 }], 40, { score: 'Score', atRisk: 'At risk' }, EN);
		const [line] = option.series as { data: number[]; markLine: { data: { yAxis: number }[] } }[];
		expect(line!.data).toEqual([12, 55]);
		expect(line!.markLine.data).toEqual([{ yAxis: 40 }]);
		expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
		expect(renderSvg(option)).toContain('At risk');
	});
});

describe('Kaplan-Meier option', () => {
	it('one step line per group, survival from 0 to 1 against days', () => {
		const option = kaplanMeierOption(
			[
				{ name: 'Flagged', color: '#b3261e', points: [[0, 1], [30, 0.8], [90, 0.5]] },
				{ name: 'Not flagged', color: '#0f5c5c', points: [[0, 1], [120, 0.98]] }
			],
			{ days: 'Days', share: 'Still customers', percent: (s) => `${Math.round(s * 100)}%` },
			FA
		);
		const series = option.series as { name: string; step: string; data: [number, number][] }[];
		expect(series.map((s) => [s.name, s.step])).toEqual([
			['Flagged', 'end'],
			['Not flagged', 'end']
		]);
		expect(series[0]!.data[2]).toEqual([90, 0.5]);
		expect(option.yAxis).toMatchObject({ min: 0, max: 1, position: 'right' });
		expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect(renderSvg(option)).toContain('Not flagged');
	});
});
