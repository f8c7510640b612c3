import { describe, expect, it } from 'vitest';
import { callsByWeekdayOption, type WeekdayBar } from '../../src/lib/components/charts/options/calls-by-weekday';
import { perDay } from '../../src/lib/server/kpi/common';

const labels = { openedCase: 'Opened a case', followUp: 'Follow-up', unknown: 'Not recorded' };
const ltr = { rtl: false, number: (n: number) => String(n), fontFamily: 'sans-serif' };
const bar = (label: string, openedCase: number, followUps: number, unknown = 0): WeekdayBar => ({ label, openedCase, followUps, unknown });

type Series = { name: string; stack: string; data: number[] };

describe('calls by weekday option', () => {
	it('stacks per-day averages of calls that opened a case and follow-ups, in the given order', () => {
		const option = callsByWeekdayOption([bar('Saturday', 37.5, 50), bar('Sunday', 32, 45), bar('Friday', 0, 0)], labels, ltr);
		expect((option.xAxis as { data: string[] }).data).toEqual(['Saturday', 'Sunday', 'Friday']);
		const series = option.series as Series[];
		expect(series.map((s) => s.name)).toEqual(['Opened a case', 'Follow-up']);
		expect(series[0]!.data).toEqual([37.5, 32, 0]);
		expect(series[1]!.data).toEqual([50, 45, 0]);
		expect(new Set(series.map((s) => s.stack)).size).toBe(1);
	});
	it('shows a "not recorded" series only when the source did not say', () => {
		const withUnknown = callsByWeekdayOption([bar('Sunday', 0, 0, 12)], labels, ltr).series as Series[];
		expect(withUnknown.map((s) => s.name)).toEqual(['Not recorded']);
		expect(withUnknown[0]!.data).toEqual([12]);
	});
	it('mirrors the axes for right-to-left', () => {
		const option = callsByWeekdayOption([bar('شنبه', 1, 1)], labels, { ...ltr, rtl: true });
		expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((option.yAxis as { position: string }).position).toBe('right');
	});
	it('averages per day (in the domain layer), and none for a weekday the period does not hold', () => {
		expect(perDay(150, 4)).toBe(37.5);
		expect(perDay(10, 3)).toBe(3.3);
		expect(perDay(5, 0)).toBeNull();
	});
});

describe('calls by weekday option, drawn', () => {
	// Loading ECharts takes seconds on a busy machine: an explicit generous timeout.
	it('renders through ECharts with one bar per weekday and series', { timeout: 60_000 }, async () => {
		const { renderSvg } = await import('../helpers/echarts-ssr');
		const svg = renderSvg(callsByWeekdayOption([bar('Saturday', 37.5, 50), bar('Sunday', 32, 45)], labels, ltr));
		expect(svg).toMatch(/^<svg/);
		expect(svg).toContain('Saturday');
		expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(4);
	});
});
