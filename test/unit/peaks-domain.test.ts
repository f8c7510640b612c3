import { describe, expect, it } from 'vitest';
import { parseLocalDateTime, validateAnnotation, type AnnotationForm } from '../../src/lib/server/annotations/annotations';
import { webhookUrlProblem } from '../../src/lib/server/alerts/webhook';
import { busiestSpans } from '../../src/lib/server/peaks/peaks';
import { serviceLevelAt, staffingCells } from '../../src/lib/server/staffing/staffing';
import { serviceLevel } from '../../src/lib/server/staffing/erlang-c';

describe('busiest spans of a heatmap', () => {
	it('groups consecutive hours at 85% of the busiest cell per weekday, strongest first', () => {
		// Saturday 9-11 at 10 and 9, Sunday 10 at 9; the other 165 cells 1: sum 28 + 165 = 193.
		const cells: { weekday: number; hour: number; perDay: number }[] = [];
		for (let w = 0; w < 7; w++) for (let h = 0; h < 24; h++) cells.push({ weekday: w, hour: h, perDay: 1 });
		const set = (w: number, h: number, v: number) => (cells.find((c) => c.weekday === w && c.hour === h)!.perDay = v);
		set(6, 9, 10);
		set(6, 10, 9);
		set(0, 10, 9);
		const avg = cells.reduce((s, c) => s + c.perDay, 0) / 168;
		const spans = busiestSpans(cells, avg);
		// Threshold 8.5: Saturday 09:00-11:00 averages 9.5, Sunday 10:00-11:00 9.
		expect(spans).toEqual([
			{ weekday: 6, fromHour: 9, toHour: 11, ratio: 9.5 / avg },
			{ weekday: 0, fromHour: 10, toHour: 11, ratio: 9 / avg }
		]);
		expect(spans[0]!.ratio).toBeCloseTo(9.5 / (193 / 168), 10);
	});
	it('says nothing without data', () => {
		expect(busiestSpans([], 0)).toEqual([]);
	});
});

describe('annotation form', () => {
	const today = '2026-11-23';
	const form = (f: Partial<AnnotationForm>): AnnotationForm => ({ title: 'Release 5.7', kind: 'release', startsAt: '2026-11-22T09:30', endsAt: '', description: '', ...f });
	it('accepts a good form and normalises it', () => {
		expect(validateAnnotation(form({ title: '  Release 5.7 ', endsAt: '2026-11-22 11:00', description: ' notes ' }), today)).toEqual({
			value: { title: 'Release 5.7', kind: 'release', startsAt: '2026-11-22T09:30', endsAt: '2026-11-22T11:00', description: 'notes' },
			errors: {}
		});
	});
	it('names every bad field at once, and returns no value', () => {
		const { value, errors } = validateAnnotation(form({ title: ' ', kind: 'party', startsAt: '2026-02-30T10:00', endsAt: 'soon', description: 'x'.repeat(2001) }), today);
		expect(value).toBeNull();
		expect(errors).toEqual({
			title: { key: 'annotations.error.titleRequired' },
			kind: { key: 'annotations.error.kind' },
			startsAt: { key: 'annotations.error.notDateTime', params: { value: '2026-02-30T10:00' } },
			endsAt: { key: 'annotations.error.notDateTime', params: { value: 'soon' } },
			description: { key: 'annotations.error.descriptionTooLong', params: { max: 2000 } }
		});
	});
	it('refuses an end before the start, a missing start, and years out of range', () => {
		expect(validateAnnotation(form({ endsAt: '2026-11-22T09:00' }), today).errors).toEqual({ endsAt: { key: 'annotations.error.endsBeforeStart' } });
		expect(validateAnnotation(form({ startsAt: '' }), today).errors).toEqual({ startsAt: { key: 'annotations.error.startsRequired' } });
		expect(validateAnnotation(form({ startsAt: '1900-01-01T00:00' }), today).errors).toEqual({ startsAt: { key: 'annotations.error.outOfRange' } });
		expect(validateAnnotation(form({ title: 'x'.repeat(201) }), today).errors).toEqual({ title: { key: 'annotations.error.titleTooLong', params: { max: 200 } } });
	});
	it('reads local date-times strictly', () => {
		expect(parseLocalDateTime('2026-11-22T09:30')).toBe('2026-11-22T09:30');
		expect(parseLocalDateTime('2026-11-22 09:30:15')).toBe('2026-11-22T09:30');
		expect(parseLocalDateTime('2026-11-22T24:00')).toBeNull();
		expect(parseLocalDateTime('2026-13-01T10:00')).toBeNull();
		expect(parseLocalDateTime('22/11/2026 09:30')).toBeNull();
	});
});

describe('staffing cells', () => {
	const staffing = { serviceLevelTarget: 80, thresholdSeconds: 20, wrapUpSeconds: 0 };
	const row = (o: Partial<Parameters<typeof staffingCells>[0][number]>) => ({
		weekday: 6,
		hour: 10,
		days: 4,
		offered: 0,
		answered: 0,
		abandoned: 0,
		answered_within: 0,
		handle_seconds: 0,
		handled: 0,
		agent_hours: 0,
		...o
	});
	it('turns a weekday-hour into calls an hour, erlangs, agents needed and the service level of the actual staff', () => {
		// 4 Saturdays, 800 calls offered at 10:00 (200 an hour), 760 answered with 136,800 talk seconds
		// (AHT 180 s): A = 200 × 180 / 3600 = 10 erlangs, so 14 agents for 80% in 20 s (the worked
		// example of test/unit/erlang-c.test.ts). 44 agent-hours over 4 days: 11 took calls on average.
		const [c] = staffingCells([row({ offered: 800, answered: 760, abandoned: 40, answered_within: 380, handle_seconds: 136_800, handled: 760, agent_hours: 44 })], staffing).cells;
		expect(c).toMatchObject({ callsPerHour: 200, ahtSeconds: 180, erlangs: 10, needed: 14, actual: 11, understaffed: true, actualServiceLevel: 47.5, abandonment: 5 });
		expect(c!.expectedServiceLevel).toBeCloseTo(100 * serviceLevel(11, 10, 180, 20), 10);
	});
	it('uses the period AHT where a cell has no answered call, adds after-call work, and leaves quiet cells alone', () => {
		const { cells, ahtSeconds } = staffingCells(
			[row({ hour: 9, offered: 4, abandoned: 4 }), row({ offered: 40, answered: 40, handle_seconds: 8000, handled: 40, agent_hours: 8 }), row({ hour: 11 })],
			{ ...staffing, wrapUpSeconds: 30 }
		);
		expect(ahtSeconds).toBe(230);
		expect(cells[0]).toMatchObject({ ahtSeconds: 230, actual: 0, understaffed: true, abandonment: 100 });
		expect(cells[2]).toMatchObject({ offered: 0, needed: 0, understaffed: false, expectedServiceLevel: null, actualServiceLevel: null });
	});
	it('interpolates the service level between whole numbers of agents', () => {
		const lo = serviceLevel(11, 10, 180, 20);
		const hi = serviceLevel(12, 10, 180, 20);
		expect(serviceLevelAt(11.25, 10, 180, 20)).toBeCloseTo(lo + 0.25 * (hi - lo), 12);
		expect(serviceLevelAt(12, 10, 180, 20)).toBe(hi);
	});
});

describe('webhook URL', () => {
	it('accepts http and https only', () => {
		expect(webhookUrlProblem('https://hooks.example/abc')).toBeNull();
		expect(webhookUrlProblem('http://127.0.0.1:9000/x')).toBeNull();
		expect(webhookUrlProblem('ftp://x')).toBe('"ftp://x" is not an http or https URL');
		expect(webhookUrlProblem('not a url')).toBe('"not a url" is not a URL');
	});
});
