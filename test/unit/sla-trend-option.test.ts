import { describe, expect, it } from 'vitest';
import { slaTrendOption, type SlaTrendPoint } from '../../src/lib/components/charts/options/sla-trend';
import { EN, FA } from '../helpers/chart-locale';
import { renderSvg } from '../helpers/echarts-ssr';

const labels = { firstResponse: 'First response', resolution: 'Resolution', percent: (v: number) => `${v}%`, n: (n: number) => `n = ${n}` };
const point = (label: string, fr: number | null, res: number | null): SlaTrendPoint => ({ label, firstResponse: fr, resolution: res, firstResponseN: fr === null ? 0 : 10, resolutionN: res === null ? 0 : 8 });

type Series = { name: string; data: (number | null)[]; type: string };

describe('SLA trend option', () => {
	it('draws a line per time with compliance per period, and a gap (not 0) where nothing was measured', () => {
		const option = slaTrendOption([point('Mehr 1405', 80, 70), point('Aban 1405', null, 65.5), point('Azar 1405', 90, null)], labels, EN);
		expect((option.xAxis as { data: string[] }).data).toEqual(['Mehr 1405', 'Aban 1405', 'Azar 1405']);
		const series = option.series as Series[];
		expect(series.map((s) => s.name)).toEqual(['First response', 'Resolution']);
		expect(series[0]!.data).toEqual([80, null, 90]);
		expect(series[1]!.data).toEqual([70, 65.5, null]);
		expect((option.yAxis as { max: number }).max).toBe(100);
	});

	it('mirrors the axes for right-to-left', () => {
		const option = slaTrendOption([point('مهر', 1, 1)], labels, FA);
		expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((option.yAxis as { position: string }).position).toBe('right');
	});

	it('renders through ECharts', () => {
		const svg = renderSvg(slaTrendOption([point('a', 50, 60), point('b', 70, null)], labels, EN));
		expect(svg).toContain('<svg');
		expect(svg).toContain('First response');
	}, 30_000);
});
