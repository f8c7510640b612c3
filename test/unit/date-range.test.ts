import { describe, expect, it } from 'vitest';
import { defaultGrain, filterHref, lastDays, parseFilters, parseRange, previousRange, rangeDays, rangeQuery, sqlParams } from '../../src/lib/filters';

const params = (q: string) => new URLSearchParams(q);
const today = '2026-11-22';

describe('period filter', () => {
	it('defaults to the last 30 days including today', () => {
		expect(parseRange(params(''), today)).toEqual({ range: { from: '2026-10-24', to: '2026-11-22' }, error: null, notes: [], isDefault: true });
		expect(rangeDays(lastDays(today, 30))).toBe(30);
	});
	it('defaults to the last 30 days with data when the newest data is older', () => {
		const r = parseRange(params(''), today, { firstDay: '2025-01-01', lastDay: '2025-06-30' });
		expect(r.range).toEqual({ from: '2025-06-01', to: '2025-06-30' });
		expect(r.notes).toEqual([{ key: 'range.note.defaultToData' }]);
		// Data within the last 30 days: today stays the end.
		expect(parseRange(params(''), today, { firstDay: '2025-01-01', lastDay: '2026-11-01' }).range.to).toBe(today);
	});
	it('takes from and to from the URL', () => {
		expect(parseRange(params('from=2026-01-01&to=2026-01-31'), today).range).toEqual({ from: '2026-01-01', to: '2026-01-31' });
		expect(rangeQuery({ from: '2026-01-01', to: '2026-01-31' })).toBe('from=2026-01-01&to=2026-01-31');
	});
	it('cuts a period reaching past today at today, with a note', () => {
		const r = parseRange(params('from=2026-11-01&to=2026-12-31'), today);
		expect(r.range).toEqual({ from: '2026-11-01', to: today });
		expect(r.notes).toEqual([{ key: 'range.note.cutAtToday' }]);
	});
	it('falls back with a reason naming the parameter on bad input', () => {
		expect(parseRange(params('from=2026-02-30&to=2026-03-01'), today).error).toEqual({ param: 'from', key: 'range.error.notDay', params: { param: 'from', value: '2026-02-30' } });
		expect(parseRange(params('from=2026-03-01'), today).error).toMatchObject({ param: 'to', key: 'range.error.notDay' });
		expect(parseRange(params('from=2026-03-02&to=2026-03-01'), today).error).toMatchObject({ param: 'to', key: 'range.error.endsBeforeStart' });
		expect(parseRange(params('from=1000-01-01&to=2026-03-01'), today).error).toMatchObject({ key: 'range.error.tooLong' });
		expect(parseRange(params('from=2027-01-01&to=2027-01-31'), today).error).toMatchObject({ param: 'from', key: 'range.error.future' });
		const bad = parseRange(params("from=2026-01-01';drop table calls;--&to=2026-03-01"), today);
		expect(bad.error?.param).toBe('from');
		expect(bad.range).toEqual(lastDays(today, 30));
	});
	it('gives the previous period of the same length', () => {
		expect(previousRange({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-02', to: '2026-10-31' });
	});
});

describe('dimension filters', () => {
	const opts = { today, extent: null, accept: ['segment', 'occasion', 'team'] as const };
	it('keeps accepted dimensions and binds the rest as null', () => {
		const { filters, errors } = parseFilters(params('segment=bank&occasion=happy_call&channel=email'), opts);
		expect(errors).toEqual([]);
		expect(filters.dims).toEqual({ segment: 'bank', occasion: 'happy_call' });
		expect(sqlParams(filters, opts.accept)).toEqual({ from: '2026-10-24', to: today, grain: 'day', segment: 'bank', occasion: 'happy_call', team: null });
	});
	it('refuses a value outside an allow-list, naming the parameter', () => {
		const { errors, filters } = parseFilters(params('occasion=party&grain=decade'), opts);
		expect(errors.map((e) => e.param)).toEqual(['occasion', 'grain']);
		expect(filters.dims.occasion).toBeUndefined();
		expect(filters.grain).toBe('day');
	});
	it('refuses control characters and overlong text', () => {
		expect(parseFilters(params('team=a%00b'), opts).errors[0]).toMatchObject({ param: 'team', key: 'filter.error.badValue' });
		expect(parseFilters(params(`team=${'x'.repeat(201)}`), opts).errors[0]).toMatchObject({ param: 'team' });
	});
	it('in strict mode (APIs) names an unknown parameter', () => {
		expect(parseFilters(params('segmnt=bank'), { ...opts, strict: true }).errors[0]).toMatchObject({ param: 'segmnt', key: 'filter.error.unknown' });
		expect(parseFilters(params('segmnt=bank'), opts).errors).toEqual([]);
	});
	it('chooses a grain from the length of the period', () => {
		expect([30, 90, 365, 1000].map(defaultGrain)).toEqual(['day', 'week', 'month', 'quarter']);
		expect(parseFilters(params('from=2026-01-01&to=2026-11-22&grain=week'), opts).filters).toMatchObject({ grain: 'week', grainIsDefault: false });
	});
	it('builds links that change one filter and keep the others', () => {
		expect(filterHref(params('from=2026-01-01&to=2026-01-31&segment=bank&page=3'), { team: 'support' })).toBe('?from=2026-01-01&to=2026-01-31&segment=bank&team=support');
		expect(filterHref(params('segment=bank'), { segment: null })).toBe('?');
	});
});
