import { describe, expect, it } from 'vitest';
import { CHART_FONTS, chartLocale, localizeChart, type ChartLocale } from '../../src/lib/components/charts/options/rtl';
import { makeFormat } from '../../src/lib/format';
import { translator } from '../../src/lib/i18n/translate';

type Obj = Record<string, any>;
const ltr: ChartLocale = { rtl: false, number: (n) => `n${n}`, fontFamily: 'Sys' };
const rtl: ChartLocale = { ...ltr, rtl: true };

const base = () => ({
	grid: { left: 8, right: 30, top: 40 },
	legend: { top: 0, left: 0 },
	tooltip: { trigger: 'axis' },
	xAxis: { type: 'category', data: ['Sat', 'Sun'] },
	yAxis: { type: 'value' },
	series: [{ type: 'bar', data: [1, 2], label: { show: true, position: 'insideRight' } }]
});

describe('localizeChart', () => {
	it('leaves a left-to-right layout alone but formats numbers and sets the font', () => {
		const o = localizeChart(base(), ltr) as Obj;
		expect(o.xAxis.inverse).toBeUndefined();
		expect(o.yAxis.position).toBeUndefined();
		expect(o.grid).toEqual({ left: 8, right: 30, top: 40 });
		expect(o.legend).toEqual({ top: 0, left: 0 });
		expect(o.yAxis.axisLabel.formatter(1200)).toBe('n1200');
		expect(o.tooltip.valueFormatter(3.5)).toBe('n3.5');
		expect(o.tooltip.className).toBeUndefined();
		expect(o.series[0].label.formatter({ value: 2 })).toBe('n2');
		expect(o.series[0].label.position).toBe('insideRight');
		expect(o.textStyle.fontFamily).toBe('Sys');
	});

	it('mirrors for right to left: x axis reversed, y axis on the right, legend, grid and labels swapped', () => {
		const o = localizeChart(base(), rtl) as Obj;
		expect(o.xAxis.inverse).toBe(true);
		expect(o.yAxis.position).toBe('right');
		expect(o.grid).toEqual({ left: 30, right: 8, top: 40, containLabel: true, outerBoundsMode: 'none' });
		expect(o.legend).toMatchObject({ top: 0, right: 0, align: 'right' });
		expect(o.legend.left).toBeUndefined();
		expect(o.tooltip.className).toBe('chart-tooltip-rtl');
		expect(o.series[0].label.position).toBe('insideLeft');
	});

	it('isolates every text ECharts draws as right to left, so mixed Persian and digits keep their order', () => {
		const RLI = '\u2067';
		const PDI = '\u2069';
		const o = localizeChart(
			{
				...base(),
				xAxis: { type: 'category', data: ['۳ آبان ۱۴۰۵'], name: 'روز' },
				yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v}٪` } },
				visualMap: { orient: 'vertical', text: ['بیشتر', 'کمتر'] },
				series: [{ type: 'bar', name: 'A', data: [1], label: { show: true }, markLine: { label: { formatter: 'نسخهٔ ۵' }, data: [{ xAxis: 0, label: { formatter: () => 'انتشار' } }] } }]
			},
			rtl
		) as Obj;
		expect(o.xAxis.axisLabel.formatter('۳ آبان ۱۴۰۵')).toBe(`${RLI}۳ آبان ۱۴۰۵${PDI}`);
		expect(o.xAxis.name).toBe(`${RLI}روز${PDI}`);
		expect(o.yAxis.axisLabel.formatter(90)).toBe(`${RLI}90٪${PDI}`);
		expect(o.legend.formatter('A')).toBe(`${RLI}A${PDI}`);
		expect(o.visualMap.text).toEqual([`${RLI}بیشتر${PDI}`, `${RLI}کمتر${PDI}`]);
		expect(o.series[0].label.formatter({ value: 1 })).toBe(`${RLI}n1${PDI}`);
		expect(o.series[0].markLine.label.formatter).toBe(`${RLI}نسخهٔ ۵${PDI}`);
		expect(o.series[0].markLine.data[0].label.formatter()).toBe(`${RLI}انتشار${PDI}`);
		// Left to right nothing is added.
		const l = localizeChart({ xAxis: { type: 'category', data: ['a'] }, legend: {}, series: [] }, ltr) as Obj;
		expect(l.xAxis.axisLabel).toBeUndefined();
		expect(l.legend.formatter).toBeUndefined();
	});

	it('lists legend items backwards in right to left, so the first series reads first from the right', () => {
		const series = [
			{ type: 'bar', name: 'A' },
			{ type: 'bar', name: 'B' }
		];
		expect((localizeChart({ legend: {}, series }, rtl) as Obj).legend.data).toEqual(['B', 'A']);
		expect((localizeChart({ legend: { data: ['x', 'y', 'z'] }, series }, rtl) as Obj).legend.data).toEqual(['z', 'y', 'x']);
		expect((localizeChart({ legend: {}, series: [{ type: 'pie', data: [] }] }, rtl) as Obj).legend.data).toBeUndefined();
		expect((localizeChart({ legend: {}, series }, ltr) as Obj).legend.data).toBeUndefined();
	});

	it('runs a horizontal colour scale from the right, and leaves a vertical one in place', () => {
		expect((localizeChart({ visualMap: { orient: 'horizontal', left: 'center' } }, rtl) as Obj).visualMap).toEqual({ orient: 'horizontal', right: 'center', inverse: true });
		expect((localizeChart({ visualMap: { orient: 'vertical', right: 0 } }, rtl) as Obj).visualMap).toEqual({ orient: 'vertical', left: 0 });
		expect((localizeChart({ visualMap: { orient: 'horizontal', left: 'center' } }, ltr) as Obj).visualMap).toEqual({ orient: 'horizontal', left: 'center' });
	});

	it('mirrors horizontal bars: the value axis runs right to left and the categories stand on the right', () => {
		const o = localizeChart({ xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['a'] }, series: [] }, rtl) as Obj;
		expect(o.xAxis.inverse).toBe(true);
		expect(o.yAxis.position).toBe('right');
		expect(o.xAxis.axisLabel.formatter(5)).toBe('\u2067n5\u2069');
		expect(o.yAxis.axisLabel.formatter('a')).toBe('\u2067a\u2069');
	});

	it('flips what the builder already set, keeps its own formatters, and keeps lists as lists', () => {
		const own = (v: number) => `own${v}`;
		const o = localizeChart(
			{
				xAxis: [{ type: 'category', inverse: true }],
				yAxis: [{ type: 'value', axisLabel: { formatter: own } }, { type: 'value', position: 'right' }],
				tooltip: { valueFormatter: own }
			},
			rtl
		) as Obj;
		expect(o.xAxis[0].inverse).toBe(false);
		expect(o.yAxis.map((a: Obj) => a.position)).toEqual(['right', 'left']);
		// The builder's own formatter is used (its text isolated for right to left).
		expect(o.yAxis[0].axisLabel.formatter(3)).toBe('\u2067own3\u2069');
		expect(o.tooltip.valueFormatter).toBe(own);
	});

	it('does not change the option it was given', () => {
		const option = base();
		localizeChart(option, rtl);
		expect(option).toEqual(base());
	});

	it('formats heatmap points by their value and leaves missing values as a dash', () => {
		const o = localizeChart({ tooltip: {}, series: [] }, ltr) as Obj;
		expect(o.tooltip.valueFormatter([3, 4, 17])).toBe('n17');
		expect(o.tooltip.valueFormatter(null)).toBe('–');
	});

	it('gives Persian readers Persian digits and Vazirmatn through the format presets', () => {
		const locale = { language: 'fa', calendar: 'persian', timeZone: 'Asia/Tehran', weekStart: 6 } as const;
		const fa = chartLocale({ lang: 'fa', fmt: makeFormat(locale, translator('fa')) });
		expect(fa.rtl).toBe(true);
		expect(fa.fontFamily).toBe(CHART_FONTS.fa);
		expect(fa.number(1234.5)).toBe('۱٬۲۳۴٫۵');
		const en = chartLocale({ lang: 'en', fmt: makeFormat({ ...locale, language: 'en' }, translator('en')) });
		expect(en.rtl).toBe(false);
		expect(en.number(1234.5)).toBe('1,234.5');
	});
});

describe('localizeChart, drawn', () => {
	it('renders a mirrored option through ECharts with Persian digits on the value axis', async () => {
		const { renderSvg } = await import('../helpers/echarts-ssr');
		const locale = { language: 'fa', calendar: 'persian', timeZone: 'Asia/Tehran', weekStart: 6 } as const;
		const fa = chartLocale({ lang: 'fa', fmt: makeFormat(locale, translator('fa')) });
		const svg = renderSvg(localizeChart({ ...base(), series: [{ type: 'bar', data: [1200, 2400] }] }, fa));
		expect(svg).toContain('۲٬۰۰۰');
		expect(svg).not.toMatch(/>2,?000</);
		// Loading ECharts takes seconds on a busy machine.
	}, 30_000);
});

describe('localizeChart, grid', () => {
	it('lays a mirrored grid out with containLabel (outer bounds mislay reversed axes), and leaves charts without axes alone', () => {
		expect((localizeChart({ xAxis: { type: 'category' }, yAxis: { type: 'value' } }, rtl) as Obj).grid).toEqual({ containLabel: true, outerBoundsMode: 'none' });
		expect((localizeChart({ series: [{ type: 'pie', data: [] }] }, rtl) as Obj).grid).toBeUndefined();
		expect((localizeChart({ xAxis: { type: 'category' }, yAxis: { type: 'value' } }, ltr) as Obj).grid).toBeUndefined();
	});
});
