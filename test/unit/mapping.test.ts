import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/lib/i18n/translate';
import { chooseMapping, compileMapping, MappingError, nativeMapping, normalizeName, validateMappingSpec, type MappedRow, type SourceRecord } from '../../src/lib/server/imports/mapping';
import { BUILT_IN_MAPPINGS } from '../../src/lib/server/imports/mappings/index';

function record(headers: string[], values: string[], n = 1): SourceRecord {
	const index = new Map(headers.map((h, i) => [normalizeName(h), i]));
	return { line: n + 1, record: n, raw: () => values.join(','), get: (c) => (index.has(c) ? values[index.get(c)!]! : undefined) };
}

/** A rejected row's column and reason in English. */
const reason = (r: MappedRow) => (r.kind === 'reject' ? `${r.problem.column}: ${inEnglish(r.problem.problem)}` : `not rejected: ${r.kind}`);

const technion = BUILT_IN_MAPPINGS.find((m) => m.id === 'technion-calls')!;
const TECH_HEADERS = 'vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server'.split(',');

describe('header matching', () => {
	it('ignores case, spaces versus underscores and a BOM', () => {
		expect(normalizeName('\uFEFF Created At ')).toBe('created_at');
		expect(normalizeName('vru+line')).toBe('vru+line');
	});
	it('chooses the most specific mapping whose columns are present', () => {
		const candidates = [...BUILT_IN_MAPPINGS, nativeMapping('calls')];
		expect(chooseMapping('calls', TECH_HEADERS, candidates)?.id).toBe('technion-calls');
		expect(chooseMapping('calls', ['ID', 'Started At', 'Outcome', 'extra'], candidates)?.id).toBe('native');
		expect(chooseMapping('calls', ['foo'], candidates)).toBeNull();
		expect(chooseMapping('tickets', TECH_HEADERS, candidates)).toBeNull();
	});
});

describe('the Technion mapping', () => {
	const m = compileMapping(technion, TECH_HEADERS);
	const row = (values: string) => m.map(record(TECH_HEADERS, values.split(',')));
	const field = (r: ReturnType<typeof row>, name: string) => (r.kind === 'row' ? r.values[m.fields.findIndex((f) => f.def.name === name)] : `not a row: ${JSON.stringify(r)}`);

	it('maps an answered call, joining the key and rolling the end past midnight', () => {
		const r = row('AA0206,47700,314386806,1,PE,2010-08-02,23:54:40,23:54:44,4,23:54:44,23:58:54,250,AGENT,23:58:54,0:04:25,331,AVNI');
		expect(field(r, 'id')).toBe('AA0206-47700');
		expect(field(r, 'started_at')).toBe('2010-08-02 23:54:40');
		expect(field(r, 'answered_at')).toBe('2010-08-02 23:58:54');
		expect(field(r, 'ended_at')).toBe('2010-08-03 00:04:25');
		expect([field(r, 'outcome'), field(r, 'wait_seconds'), field(r, 'talk_seconds'), field(r, 'agent'), field(r, 'queue')]).toEqual(['answered', '250', '331', 'AVNI', 'PE']);
	});
	it('maps an abandoned call: no answer, no agent, unidentified customer, end from the IVR', () => {
		const r = row('AA0204,43678,0,0,PS,2010-08-01,0:10:10,0:10:27,17,0:00:00,0:00:00,0,HANG,0:00:00,0:00:00,0,NO_SERVER');
		expect([field(r, 'customer_id'), field(r, 'answered_at'), field(r, 'agent'), field(r, 'outcome')]).toEqual([null, null, null, 'abandoned']);
		expect(field(r, 'ended_at')).toBe('2010-08-01 00:10:27');
	});
	it('skips PHANTOM rows with the documented reason', () => {
		const r = row('AA0101,1,0,0,PS,2010-08-01,1:00:00,1:00:01,1,0:00:00,0:00:00,0,PHANTOM,0:00:00,0:00:00,0,NO_SERVER');
		expect(r).toEqual({ kind: 'skip', reason: expect.stringContaining('PHANTOM call') });
	});
});

describe('compiling a mapping against a header', () => {
	it('fails the file when a required field has no column', () => {
		expect(() => compileMapping(nativeMapping('calls'), ['id', 'outcome'])).toThrow(MappingError);
		expect(() => compileMapping(nativeMapping('calls'), ['id', 'outcome'])).toThrow('the file has no column for the required field "started_at" (looked for: started_at)');
	});
	it('lists the columns it ignores and uses defaults for absent optional fields', () => {
		const m = compileMapping(nativeMapping('calls'), ['id', 'started_at', 'outcome', 'colour']);
		expect(m.ignoredColumns).toEqual(['colour']);
		const r = m.map(record(['id', 'started_at', 'outcome', 'colour'], ['c1', '2026-01-01 10:00', 'Answered', 'red']));
		expect(r.kind).toBe('row');
		if (r.kind === 'row') expect(r.values.slice(0, 5)).toEqual(['c1', null, 'inbound', null, '2026-01-01 10:00:00']);
	});
	it('accepts aliases of enum values and says which values are allowed', () => {
		const m = compileMapping(nativeMapping('tickets'), ['id', 'created_at', 'category', 'priority']);
		const ok = m.map(record(['id', 'created_at', 'category', 'priority'], ['t1', '2026-01-01', 'Feature Request', 'Urgent']));
		expect(ok.kind === 'row' && ok.values.slice(3, 5)).toEqual(['feature_request', 'critical']);
		const bad = m.map(record(['id', 'created_at', 'category', 'priority'], ['t2', '2026-01-01', 'complaint', 'low']));
		expect(bad).toEqual({
			kind: 'reject',
			problem: { column: 'category', value: 'complaint', problem: { key: 'problem.notInList', params: { value: 'complaint', allowed: 'bug, feature_request, how_to, user_error, customisation' } } }
		});
	});
	it('checks a CSAT score against the 1-5 scale and an NPS score against 0-10', () => {
		const headers = ['id', 'kind', 'score', 'answered_at'];
		const m = compileMapping(nativeMapping('survey_answers'), headers);
		expect(m.map(record(headers, ['s1', 'nps', '0', '2026-01-01'])).kind).toBe('row');
		expect(reason(m.map(record(headers, ['s2', 'nps', '11', '2026-01-01'])))).toBe('score: 11 is above the maximum 10');
		expect(reason(m.map(record(headers, ['s3', 'csat', '0', '2026-01-01'])))).toBe('score: CSAT scores run 1-5; got 0');
	});
});

describe('validating a unit mapping file', () => {
	it('lists every problem at once', () => {
		expect(() => validateMappingSpec({ id: 'Bad Id', dataset: 'calls', fields: { started_at: { column: 'x', format: 'HH' } } }, 'm.json')).toThrow(
			/m\.json: "id" must be lower-case.*field "started_at": date format "HH" needs YYYY.*required field "id" has no source.*required field "outcome" has no source/
		);
		expect(() => validateMappingSpec({ id: 'x', dataset: 'orders', fields: {} }, 'm.json')).toThrow('"dataset" must be one of');
		expect(() => validateMappingSpec({ id: 'x', dataset: 'calls', timeZone: 'Mars/Olympus', fields: { id: { column: 'a' }, started_at: { column: 'b' }, outcome: { column: 'c' } } }, 'm.json')).toThrow(
			'"timeZone" Mars/Olympus is not a known time zone'
		);
	});
	it('accepts the built-in mappings, the parts of the presets among them', () => {
		const ids = BUILT_IN_MAPPINGS.map((m) => m.id);
		expect(ids).toContain('technion-calls');
		expect(ids).toContain('servicenow-incidents');
		expect(BUILT_IN_MAPPINGS.find((m) => m.id === 'servicenow-incidents')!.preset).toBe('servicenow');
		expect(new Set(ids.map((id, i) => `${BUILT_IN_MAPPINGS[i]!.dataset}/${id}`)).size).toBe(ids.length);
	});
});

describe('a mapping with a Jalali date column', () => {
	const spec = validateMappingSpec(
		{
			id: 'jalali-tickets',
			dataset: 'tickets',
			title: 'Help desk export with Jalali dates',
			fields: { id: { column: 'شماره' }, created_at: { column: 'تاریخ ثبت', calendar: 'persian' }, resolved_at: { column: 'تاریخ حل', calendar: 'persian' } }
		},
		'jalali.json'
	);
	const headers = ['شماره', 'تاریخ ثبت', 'تاریخ حل'];
	it('converts the declared columns to Gregorian days, keeping the time of day', () => {
		const m = compileMapping(spec, headers);
		const r = m.map(record(headers, ['۱۰۲', '۱۴۰۳/۰۸/۱۵ ۰۹:۳۰', '1403-08-16 14:30']));
		expect(r.kind).toBe('row');
		const created = m.fields.find((f) => f.def.name === 'created_at')!.index;
		const resolved = m.fields.find((f) => f.def.name === 'resolved_at')!.index;
		if (r.kind === 'row') expect([r.values[created], r.values[resolved]]).toEqual(['2024-11-05 09:30:00', '2024-11-06 14:30:00']);
	});
	it('rejects a Jalali day that does not exist, naming the column', () => {
		const m = compileMapping(spec, headers);
		expect(reason(m.map(record(headers, ['103', '1404/12/30', ''])))).toBe('تاریخ ثبت: "1404/12/30" is not a day of the Jalali calendar (the month has fewer days)');
	});
	it('without the declaration, says the value looks Jalali and names the option', () => {
		const m = compileMapping(nativeMapping('tickets'), ['id', 'created_at']);
		expect(reason(m.map(record(['id', 'created_at'], ['t1', '1403/08/15'])))).toMatch(/^created_at: "1403\/08\/15" looks like a Jalali .*"calendar": "persian"/);
	});
	it('refuses an unknown calendar in a mapping file', () => {
		expect(() => validateMappingSpec({ ...spec, fields: { ...spec.fields, created_at: { column: 'x', calendar: 'hijri' } } }, 'm.json')).toThrow('field "created_at": "calendar" must be one of gregory, persian');
	});
});
