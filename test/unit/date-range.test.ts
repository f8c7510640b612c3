import { describe, expect, it } from 'vitest';
import { lastDays, parseRange, rangeDays, rangeQuery } from '../../src/lib/filters/date-range';

const params = (q: string) => new URLSearchParams(q);

describe('date-range filter', () => {
	it('defaults to the last 30 days including today', () => {
		expect(parseRange(params(''), '2026-11-22')).toEqual({ ok: true, range: { from: '2026-10-24', to: '2026-11-22' } });
		expect(rangeDays(lastDays('2026-11-22', 30))).toBe(30);
	});
	it('takes from and to from the URL', () => {
		expect(parseRange(params('from=2026-01-01&to=2026-01-31'), '2026-11-22')).toEqual({ ok: true, range: { from: '2026-01-01', to: '2026-01-31' } });
		expect(rangeQuery({ from: '2026-01-01', to: '2026-01-31' })).toBe('from=2026-01-01&to=2026-01-31');
	});
	it('falls back with a reason on bad input', () => {
		expect(parseRange(params('from=2026-02-30&to=2026-03-01'), '2026-11-22')).toMatchObject({ ok: false, reason: { key: 'range.error.notDay', params: { param: 'from', value: '2026-02-30' } } });
		expect(parseRange(params('from=2026-03-01'), '2026-11-22')).toMatchObject({ ok: false, reason: { key: 'range.error.notDay', params: { param: 'to', value: '' } } });
		expect(parseRange(params('from=2026-03-02&to=2026-03-01'), '2026-11-22')).toMatchObject({ ok: false, reason: { key: 'range.error.endsBeforeStart' } });
		expect(parseRange(params("from=1000-01-01&to=2026-03-01"), '2026-11-22')).toMatchObject({ ok: false, reason: { key: 'range.error.tooLong' } });
		expect(parseRange(params("from=2026-01-01';drop table calls;--&to=2026-03-01"), '2026-11-22').ok).toBe(false);
	});
});
