import { describe, expect, it } from 'vitest';
import { callsByWeekdayOption, perDay, type WeekdayBar } from '../../src/lib/components/charts/options/calls-by-weekday';

const labels = { openedCase: 'Opened a case', followUp: 'Follow-up', unknown: 'Not recorded', number: (n: number) => String(n) };
const bar = (label: string, days: number, openedCase: number, followUps: number, unknown = 0): WeekdayBar => ({ label, days, openedCase, followUps, unknown });

type Series = { name: string; stack: string; data: number[] };

describe('calls by weekday option', () => {
	it('stacks per-day averages of calls that opened a case and follow-ups, in the given order', () => {
		const option = callsByWeekdayOption([bar('Saturday', 4, 150, 200), bar('Sunday', 5, 160, 225), bar('Friday', 4, 0, 0)], labels);
		expect((option.xAxis as { data: string[] }).data).toEqual(['Saturday', 'Sunday', 'Friday']);
		const series = option.series as Series[];
		expect(series.map((s) => s.name)).toEqual(['Opened a case', 'Follow-up']);
		expect(series[0]!.data).toEqual([37.5, 32, 0]); // 150/4, 160/5
		expect(series[1]!.data).toEqual([50, 45, 0]); // 200/4, 225/5
		expect(new Set(series.map((s) => s.stack)).size).toBe(1);
	});
	it('shows a "not recorded" series only when the source did not say', () => {
		const withUnknown = callsByWeekdayOption([bar('Sunday', 1, 0, 0, 12)], labels).series as Series[];
		expect(withUnknown.map((s) => s.name)).toEqual(['Not recorded']);
		expect(withUnknown[0]!.data).toEqual([12]);
	});
	it('mirrors the axes for right-to-left', () => {
		const option = callsByWeekdayOption([bar('شنبه', 1, 1, 1)], labels, true);
		expect((option.xAxis as { inverse: boolean }).inverse).toBe(true);
		expect((option.yAxis as { position: string }).position).toBe('right');
	});
	it('averages per day, and 0 for a weekday the period does not hold', () => {
		expect(perDay(10, 3)).toBe(3.3);
		expect(perDay(5, 0)).toBe(0);
	});
});
