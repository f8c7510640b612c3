/**
 * The SQL of the DuckDB path against the JavaScript mapping, record by record: random values
 * (good, bad, and awkward: spaces, Persian digits, odd time zones, Jalali dates, Greek and
 * Turkish letters, non-breaking spaces …) go through both, and every row the SQL accepts must
 * be one the JavaScript mapping accepts with the same values, every row it skips one it skips
 * for the same reason. Rows the SQL is unsure of go to the JavaScript mapping in the product,
 * so they need no agreement here; how many there are is checked for the plain values.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetName } from '../../src/lib/server/imports/datasets';
import { cleanValue, fieldOfColumn, fieldValue, pick, timestampValue } from '../helpers/ingest-values';
import { compileMapping, nativeMapping, normalizeName, validateMappingSpec, type CompiledMapping, type MappingSpec } from '../../src/lib/server/imports/mapping';
import { BUILT_IN_MAPPINGS } from '../../src/lib/server/imports/mappings/index';
import { generateSql } from '../../src/lib/server/imports/native/sql';

/** Random cases per property: enough for CI's 15 minutes; CARE_FUZZ_RUNS=200 for a deeper run. */
const fuzzRuns = (n: number) => Number(process.env.CARE_FUZZ_RUNS ?? n);

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
	conn = await instance.connect();
	// The upsert's reading of a time (queries/migrations/001_initial.sql), to compare staged texts as instants.
	const initial = fs.readFileSync(path.join(process.cwd(), 'queries/migrations/001_initial.sql'), 'utf8');
	await conn.run(/create macro to_instant[\s\S]*?end;/.exec(initial)![0]);
});
afterAll(() => {
	conn?.closeSync();
	instance?.closeSync();
});

interface Case {
	name: string;
	spec: MappingSpec;
	headers: string[];
	/** Values for some columns, instead of the field's (a mapping's own formats, codes). */
	values?: Record<string, fc.Arbitrary<string>>;
}

const nativeCase = (dataset: DatasetName): Case => ({ name: `native ${dataset}`, spec: nativeMapping(dataset), headers: DATASETS[dataset].fields.map((f) => f.name) });

const unitMapping = validateMappingSpec(
	{
		id: 'unit-calls',
		dataset: 'calls',
		title: 'A phone system with every option',
		timeZone: 'Asia/Tehran',
		nullValues: ['', '-', 'NULL'],
		skip: [
			{ column: 'Result', equals: ['TEST', 'Probe '], reason: 'line tests' },
			{ column: 'Kind', equals: ['internal'], reason: 'internal calls' }
		],
		fields: {
			id: { columns: ['Trunk', 'CallID'], join: '-', prefix: 'PBX-' },
			customer_id: { column: 'Caller', null: ['0', 'anonymous'] },
			direction: { column: 'Kind', map: { in: 'inbound', out: 'outbound', 'ورودی': 'inbound', '*': null } },
			queue: { const: ' support ' },
			started_at: { columns: ['Day', 'Start'], format: ['YYYY/MM/DD HH:mm:ss', 'D/M/YYYY H:mm'], calendar: 'persian' },
			answered_at: { columns: ['Day', 'Answer'], format: ['YYYY/MM/DD HH:mm:ss', 'D/M/YYYY H:mm'], calendar: 'persian', notBefore: 'started_at' },
			ended_at: [
				{ columns: ['Day', 'End'], format: 'YYYY/MM/DD HH:mm:ss', calendar: 'persian', notBefore: 'started_at' },
				{ column: 'EndIso', notBefore: 'answered_at' }
			],
			wait_seconds: { column: 'Wait' },
			outcome: { column: 'Result', map: { OK: 'answered', NOANSWER: 'abandoned', 'پاسخ': 'answered' } },
			agent: { column: 'Agent', prefix: ' ' },
			opened_case: { column: 'Case' }
		}
	},
	'test'
);
const JALALI_DAYS = ['1405/01/01', '1404/12/29', '1404/12/30', '1403/12/30', '1403/12/31', '1403/07/31', '1403/06/31', '1403/13/01', '۱۴۰۳/۰۸/۱۵', '1358/01/01', '1357/12/29', '1479/12/29', '1480/01/01', '2026/11/21', '1/2/2026', '21/11/2026', '1405/1/1'];
const CLOCKS = ['08:15:30', '23:59:59', '00:00:00', '24:00:00', '8:15', '12:60:00', '۰۸:۱۵:۳۰', ' 07:00:00 '];

const CASES: Case[] = [
	...(['calls', 'tickets', 'survey_answers', 'customers', 'product_activity', 'ticket_status_changes', 'annotations'] as const).map(nativeCase),
	{ name: 'technion', spec: BUILT_IN_MAPPINGS.find((m) => m.id === 'technion-calls')!, headers: 'vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server'.split(','), values: {
		date: pick(['1999-08-01', '1999-08-31', '2010-08-02', '2026-02-30']),
		vru_entry: pick(['0:10:10', '23:54:40', '7:05:00', '24:00:00']),
		vru_exit: pick(['0:10:27', '23:54:44', '0:00:05']),
		q_exit: pick(['0:00:00', '23:58:54', '0:01:00']),
		ser_start: pick(['0:00:00', '23:58:54', '0:02:00', 'x']),
		ser_exit: pick(['0:00:00', '0:04:25', '23:59:00']),
		outcome: pick(['AGENT', 'HANG', 'PHANTOM', 'phantom ', 'OTHER']),
		server: pick(['NO_SERVER', 'AVNI', ''])
	} },
	{ name: 'servicenow', spec: BUILT_IN_MAPPINGS.find((m) => m.id === 'servicenow-incidents')!, headers: 'number,caller_id,contact_type,priority,final_state,assignment_group,assigned_to,opened_at,first_non_new_update_at,resolved_at,closed_at'.split(','), values: {
		opened_at: pick(['2016-02-29 01:16', '29/2/2016 01:16', '2016-02-29 01:16:30', '3/12/2016 8:05']),
		first_non_new_update_at: pick(['2016-03-01 10:00', '1/3/2016 10:00', '?', '']),
		resolved_at: pick(['2016-03-01 10:00', '1/3/2016 10:00', '?', '']),
		closed_at: pick(['2016-03-01 10:00', '?']),
		priority: pick(['1 - Critical', '3 - Moderate', '4 - low', '2 - High']),
		contact_type: pick(['Phone', 'email', 'Self service', 'Fax']),
		final_state: pick(['Closed', 'Active', 'Awaiting User Info', 'Resolved'])
	} },
	{ name: 'unit mapping', spec: unitMapping, headers: ['Trunk', 'CallID', 'Caller', 'Kind', 'Day', 'Start', 'Answer', 'End', 'EndIso', 'Wait', 'Result', 'Agent', 'Case', 'Extra'], values: {
		Day: pick(JALALI_DAYS),
		Start: pick(CLOCKS),
		Answer: pick([...CLOCKS, '-', '']),
		End: pick([...CLOCKS, 'NULL']),
		EndIso: timestampValue(),
		Kind: pick(['in', 'OUT', ' ورودی ', 'internal', 'x', '']),
		Result: pick(['OK', 'ok', 'NOANSWER', 'پاسخ', 'TEST', 'probe', 'Probe ', 'odd', '-']),
		Caller: pick(['0', 'anonymous', 'C1', ' C2 ', ''])
	} }
];

async function runSql(mapping: CompiledMapping, headers: string[], rows: string[][]) {
	const names = headers.map((_, i) => `c${i}`);
	await conn.run(`create or replace temp table src_rows (n integer, ${names.map((c) => `${c} varchar`).join(', ')})`);
	const a = await conn.createAppender('src_rows', 'main', 'temp');
	rows.forEach((r, n) => {
		a.appendInteger(n);
		for (const v of r) a.appendVarchar(v);
		a.endRow();
	});
	a.closeSync();
	const index = new Map(headers.map((h, i) => [normalizeName(h), names[i]!]));
	const g = generateSql(mapping, { column: (c) => index.get(c), maxYear: new Date().getUTCFullYear() + 1, keep: ['n'] });
	const result = await conn.runAndReadAll(`with src as (select * from src_rows), mapped as (${g.select}) select * from mapped order by n`, g.params, g.types);
	return result.getRowObjectsJson() as Record<string, string | boolean | number | null>[];
}

/** Staged times that differ in text must be the same instant for the upsert (to_instant in the unit's zone). */
async function sameInstants(pairs: [string, string, string][]) {
	if (!pairs.length) return;
	const values = pairs.map((_, i) => `($a${i}, $b${i})`).join(', ');
	const params = Object.fromEntries(pairs.flatMap(([a, b], i) => [[`a${i}`, a], [`b${i}`, b]]));
	const rows = (await conn.runAndReadAll(`select to_instant(a, 'Asia/Tehran') = to_instant(b, 'Asia/Tehran') as same from (values ${values}) t(a, b)`, params)).getRowObjectsJson();
	rows.forEach((r, i) => expect(r.same, `${pairs[i]![2]}: ${pairs[i]![0]} and ${pairs[i]![1]}`).toBe(true));
}

function compare(c: Case, mapping: CompiledMapping, rows: string[][], sql: Record<string, unknown>[], times: [string, string, string][] = []) {
	const index = new Map(c.headers.map((h, i) => [normalizeName(h), i]));
	let routed = 0;
	rows.forEach((values, n) => {
		const js = mapping.map({ line: n + 2, record: n + 1, raw: () => values.join(','), get: (col) => (index.has(col) ? values[index.get(col)!] : undefined) });
		const s = sql[n]!;
		const where = `${c.name}, record ${JSON.stringify(values)}`;
		if (s._route) {
			routed++;
			return;
		}
		if (s._skip !== null) {
			expect(js, where).toEqual({ kind: 'skip', reason: c.spec.skip![Number(s._skip) - 1]!.reason });
			return;
		}
		expect(s._ok, where).toBe(true);
		expect(js.kind, `${where}: SQL accepted, JavaScript says ${JSON.stringify(js)}`).toBe('row');
		if (js.kind !== 'row') return;
		mapping.fields.forEach((f) => {
			const expected = js.values[f.index] ?? null;
			const got = (s[f.def.name] as string | null) ?? null;
			if (['number', 'seconds', 'minutes'].includes(f.def.type) && expected !== null && got !== null) expect(Number(got), `${where}: ${f.def.name}`).toBe(Number(expected));
			else if (f.def.type === 'timestamp' && expected !== null && got !== null && got !== expected) times.push([got, expected, `${where}: ${f.def.name}`]);
			else expect(got, `${where}: ${f.def.name}`).toBe(expected);
		});
	});
	return routed;
}

describe('the SQL mapping agrees with the JavaScript mapping', () => {
	for (const c of CASES) {
		it(c.name, { timeout: 300_000 }, async () => {
			const mapping = compileMapping(c.spec, c.headers);
			// Rows of good values with one or two awkward ones, so that most rows are decided in
			// SQL and every awkward value meets the SQL's acceptance in some row.
			const fieldOf = (h: string) => fieldOfColumn(c.spec, normalizeName(h));
			const clean = c.headers.map((h) => c.values?.[h] ?? (fieldOf(h) ? cleanValue(fieldOf(h)!) : fc.stringMatching(/^[A-Za-z0-9]{1,6}$/)));
			const awkward = c.headers.map((h) => fieldValue(fieldOf(h)));
			const change = fc.tuple(fc.nat({ max: c.headers.length - 1 }), fc.nat({ max: 1000 }));
			const record = fc
				.tuple(fc.tuple(...clean), fc.array(change, { maxLength: 2 }), fc.tuple(...awkward))
				.map(([values, changes, odd]) => {
					const row = [...values];
					for (const [i] of changes) row[i] = odd[i]!;
					return row;
				});
			let total = 0;
			let routed = 0;
			await fc.assert(
				fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 60 }), async (rows) => {
					const sql = await runSql(mapping, c.headers, rows);
					const times: [string, string, string][] = [];
					routed += compare(c, mapping, rows, sql, times);
					await sameInstants(times);
					total += rows.length;
				}),
				{ numRuns: fuzzRuns(20), seed: 20261123 }
			);
			expect(total).toBeGreaterThan(0);
			// Most rows hold at most one awkward value: the SQL decides a good share of them itself,
			// so the agreement above is tested on many rows, not only on the few it accepts.
			expect(total - routed, `${c.name}: rows decided in SQL`).toBeGreaterThan(total * 0.3);
		});
	}
});

describe('plain values need no JavaScript', () => {
	for (const dataset of ['calls', 'tickets', 'survey_answers', 'customers', 'product_activity', 'ticket_status_changes', 'annotations'] as const) {
		it(`accepts good ${dataset} rows without routing any`, async () => {
			const c = nativeCase(dataset);
			const mapping = compileMapping(c.spec, c.headers);
			const record = fc.tuple(...DATASETS[dataset].fields.map((f) => (f.name === 'kind' && dataset === 'survey_answers' ? fc.constant('csat') : cleanValue(f))));
			await fc.assert(
				fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 40 }), async (rows) => {
					const sql = await runSql(mapping, c.headers, rows);
					expect(rows.filter((_, i) => sql[i]!._route)).toEqual([]);
					const times: [string, string, string][] = [];
					compare(c, mapping, rows, sql, times);
					await sameInstants(times);
				}),
				{ numRuns: fuzzRuns(8), seed: 20261124 }
			);
		});
	}


	it('accepts good calls in the common shapes without routing any', async () => {
		const c = nativeCase('calls');
		const mapping = compileMapping(c.spec, c.headers);
		const rows = [
			['c1', 'C1', 'inbound', 'support', '2026-11-21T08:15:30Z', '2026-11-21T08:15:40+03:30', '2026-11-21 08:20:00', '12', '300', 'answered', 'Ali', 'true', 'T1'],
			['c2', '', 'Outbound', '', '2026-11-21 08:15:30', '', '', '0', '1:05', 'Abandoned', 'رضا', 'خیر', ''],
			['c3', 'C3', 'in', 'sales', '2026-11-21', '2026-11-21 08:15', '2026-11-21T08:16:00.5Z', '۱۲', '0:01:05', 'answered', 'Café', '۱', '']
		];
		const sql = await runSql(mapping, c.headers, rows);
		expect(sql.map((r) => r._route)).toEqual([false, false, false]);
		const times: [string, string, string][] = [];
		compare(c, mapping, rows, sql, times);
		await sameInstants(times);
		// The common shape is staged as written (the upsert reads it alike); others in canonical form.
		expect(sql.map((r) => r.started_at)).toEqual(['2026-11-21T08:15:30Z', '2026-11-21 08:15:30', '2026-11-21 00:00:00']);
		expect(sql[2]!.ended_at).toBe('2026-11-21 08:16:00.5+00:00');
	});

	it('reads Jalali dates through the table built from the JavaScript calendar: Nowruz and 30 Esfand', async () => {
		const c = CASES.find((x) => x.name === 'unit mapping')!;
		const mapping = compileMapping(c.spec, c.headers);
		const row = (day: string) => ['T1', '7', 'C1', 'in', day, '08:00:00', '08:00:05', '08:10:00', '', '5', 'OK', 'Ali', 'yes', ''];
		// 1403 is a leap year (30 Esfand 1403 = 2025-03-20), 1404 is not; 1 Farvardin 1404 = Nowruz, 2025-03-21.
		const sql = await runSql(mapping, c.headers, [row('1403/12/30'), row('1404/01/01'), row('1404/12/30'), row('۱۴۰۵/۰۱/۰۱')]);
		expect(sql.map((r) => r.started_at)).toEqual(['2025-03-20 08:00:00', '2025-03-21 08:00:00', null, '2026-03-21 08:00:00']);
		expect(sql.map((r) => r._route)).toEqual([false, false, true, false]);
		compare(c, mapping, [row('1403/12/30'), row('1404/01/01'), row('1404/12/30'), row('۱۴۰۵/۰۱/۰۱')], sql);
	});
});
