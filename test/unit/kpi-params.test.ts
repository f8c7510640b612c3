/**
 * The Surveys page's own parameters, the survey grain, and the labels of stored values.
 */
import { describe, expect, it } from 'vitest';
import { parseFilters } from '../../src/lib/filters';
import { translator } from '../../src/lib/i18n/translate';
import { valueLabel } from '../../src/lib/i18n/values';
import { answerViewerFor, parseAnswerQuery } from '../../src/lib/server/kpi/answers';
import { bandOf, withSurveyGrain } from '../../src/lib/server/kpi/surveys';

describe('answers list parameters', () => {
	it('reads kind, band, search, sort and page, with defaults', () => {
		expect(parseAnswerQuery(new URLSearchParams('kind=nps&band=detractor&q=%20slow%20&sort=score&dir=asc&page=3&customer=C7'))).toEqual({
			query: { kind: 'nps', band: 'detractor', customer: 'C7', q: 'slow', sort: 'score', dir: 'asc', page: 3 },
			errors: []
		});
		expect(parseAnswerQuery(new URLSearchParams('')).query).toEqual({ kind: null, band: null, customer: null, q: null, sort: 'answered_at', dir: 'desc', page: 1 });
	});

	it('reports a bad value naming the parameter, and ignores it', () => {
		const { query, errors } = parseAnswerQuery(new URLSearchParams(`band=happy&sort=name;drop&page=0&q=${'x'.repeat(101)}`));
		expect(query).toMatchObject({ band: null, sort: 'answered_at', page: 1, q: null });
		expect(errors.map((e) => e.param)).toEqual(['band', 'sort', 'page', 'q']);
		expect(errors[0]).toMatchObject({ key: 'filter.error.notInList', params: { param: 'band', value: 'happy' } });
	});

	it('gives executives neither names nor comments', () => {
		expect(answerViewerFor('executive')).toEqual({ customerNames: false, comments: false });
		expect(answerViewerFor('care_agent')).toEqual({ customerNames: true, comments: true });
	});
});

describe('score bands', () => {
	it('follows the NPS and CSAT definitions', () => {
		expect([0, 6, 7, 8, 9, 10].map((s) => bandOf('nps', s))).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
		expect([1, 2, 3, 4, 5].map((s) => bandOf('csat', s))).toEqual(['dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'satisfied']);
	});
});

describe('survey trends by week by default', () => {
	const at = (q: string) => parseFilters(new URLSearchParams(q), { today: '2026-11-23', extent: null, accept: [] }).filters;
	it('turns a default daily grain into weeks, and keeps a grain the URL names', () => {
		expect(withSurveyGrain(at('from=2026-11-01&to=2026-11-23')).grain).toBe('week');
		expect(withSurveyGrain(at('from=2026-11-01&to=2026-11-23&grain=day')).grain).toBe('day');
		expect(withSurveyGrain(at('from=2026-01-01&to=2026-11-23')).grain).toBe('month');
	});
});

describe('labels of stored values', () => {
	it('translates the values the product knows and keeps the unit\'s own names', () => {
		const fa = translator('fa');
		const en = translator('en');
		expect(valueLabel(en, 'channel', 'in_app')).toBe('In-app');
		expect(valueLabel(fa, 'channel', 'in_app')).toBe('درون‌برنامه');
		expect(valueLabel(fa, 'occasion', 'happy_call')).toBe('تماس رضایت‌سنجی');
		expect(valueLabel(en, 'team', 'Tier 2 Tehran')).toBe('Tier 2 Tehran');
		expect(valueLabel(en, 'segment', null)).toBe('Not recorded');
	});
});
