/**
 * The DuckDB path and the JavaScript path load the same files into the same tables: random
 * CSV files (good and bad values, quoted fields with separators and line breaks, wrong numbers
 * of fields, lines of blanks, duplicate keys, CRLF, a byte-order mark, Windows-1252 and UTF-16,
 * semicolons and tabs, shuffled and renamed columns, a mapping with skips, Jalali dates and
 * clock times past midnight, a help desk's tickets through when, unit, split, null prefixes,
 * 12-hour clocks, zone names and the ISO format name) go into two databases, one per path, and give identical rows,
 * rejects (line, record, column, value, reason, raw text) and file records.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/lib/i18n/translate';
import { Database } from '../../src/lib/server/db/database';
import { migrate } from '../../src/lib/server/db/migrate';
import { DATASETS } from '../../src/lib/server/imports/datasets';
import { loadFile, type FileOutcome } from '../../src/lib/server/imports/load-file';
import { validateMappingSpec, type MappingSpec } from '../../src/lib/server/imports/mapping';
import { cleanValue, fieldValue, pick } from '../helpers/ingest-values';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-paths-'));
const dbs: Record<'auto' | 'js', { db: Database; runId: number }> = {} as never;

beforeAll(async () => {
	for (const p of ['auto', 'js'] as const) {
		const file = path.join(dir, `${p}.duckdb`);
		const db = new Database(file, await DuckDBInstance.create(file));
		await migrate(db, { backupDir: path.join(dir, 'backups') });
		const [{ id }] = (await db.query<{ id: number }>('ingest/start_run', { trigger: 'manual' })) as [{ id: number }];
		dbs[p] = { db, runId: id };
	}
});
afterAll(() => {
	for (const p of Object.values(dbs)) p.db.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const unitCalls: MappingSpec = validateMappingSpec(
	{
		id: 'unit-calls',
		dataset: 'calls',
		title: 'A phone system',
		detect: ['CallID', 'Day', 'Start'],
		timeZone: 'Asia/Tehran',
		skip: [{ column: 'Result', equals: ['TEST'], reason: 'line tests' }],
		fields: {
			id: { columns: ['Trunk', 'CallID'], join: '-' },
			customer_id: { column: 'Caller', null: ['0'] },
			started_at: { columns: ['Day', 'Start'], format: 'YYYY/MM/DD HH:mm:ss', calendar: 'persian' },
			ended_at: { columns: ['Day', 'End'], format: 'YYYY/MM/DD HH:mm:ss', calendar: 'persian', notBefore: 'started_at' },
			wait_seconds: { column: 'Wait' },
			outcome: { column: 'Result', map: { OK: 'answered', NOANSWER: 'abandoned' } }
		}
	},
	'test'
);

/** A help desk's ticket export through the field options the SQL path compiles (byo's). */
const deskTickets: MappingSpec = validateMappingSpec(
	{
		id: 'desk-tickets',
		dataset: 'tickets',
		title: 'A help desk',
		detect: ['Ticket', 'Opened'],
		timeZone: 'Asia/Tehran',
		nullValues: ['', 'NA', '1900-01-01*'],
		fields: {
			id: { column: 'Ticket', prefix: 'D-' },
			customer_id: { column: 'Org' },
			channel: { column: 'Via', map: { web: 'portal', mail: 'email' } },
			status: { column: 'State' },
			// 12-hour clocks, a zone name, and ISO 8601 by name.
			created_at: { column: 'Opened', format: ['M/D/YYYY h:mm A', 'YYYY-MM-DD HH:mm:ss Z', 'ISO'] },
			// Only for tickets solved, not those merged away.
			resolved_at: { column: 'Solved', format: ['M/D/YYYY h:mm A', 'ISO'], when: { column: 'State', notEquals: ['merged'] } },
			source_first_reply_minutes: { column: 'Reply hrs', unit: 'hours' },
			source_resolution_minutes: [
				{ column: 'Full min', when: { column: 'Kind', equals: ['full', 'FULL '] } },
				{ column: 'Full min', unit: 'minutes' }
			],
			tags: { column: 'Labels', split: ' ' }
		}
	},
	'test'
);

const TWELVE = pick(['11/21/2026 8:05 AM', '1/2/2026 12:00 am', '1/2/2026 12:30 PM', '12/31/2025 11:59 p.m.', '2026-11-21 08:15:30 UTC', '2026-11-21T08:15:30+03:30', '2026-11-21']);
const deskLayout: Layout = {
	dataset: 'tickets',
	mapping: deskTickets,
	columns: [
		{ name: 'Ticket', clean: fc.integer({ min: 1, max: 60 }).map(String), odd: pick(['', ' 7 ', 'x y']), key: true },
		{ name: 'Org', clean: pick(['C1', 'C2']), odd: pick(['', 'NA', '1900-01-01 00:00']) },
		{ name: 'Via', clean: pick(['web', 'mail', 'phone']), odd: pick(['WEB', 'fax', '']) },
		{ name: 'State', clean: pick(['open', 'solved', 'closed', 'merged']), odd: pick(['MERGED ', 'pending', 'x', '']) },
		{ name: 'Kind', clean: pick(['full', 'part']), odd: pick(['FULL', ' full ', '']) },
		{ name: 'Opened', clean: TWELVE, odd: pick(['13/1/2026 8:05 AM', '1/2/2026 13:00 PM', '1/2/2026 0:30 AM', '1/2/2026 8:05', '2026-11-21 08:15:30 GMT', '2026-11-21 08:15:30 utc', '1900-01-01', '']) },
		{ name: 'Solved', clean: TWELVE, odd: pick(['', '1900-01-01 00:00', '2/30/2026 1:00 PM', 'soon']) },
		{ name: 'Reply hrs', clean: pick(['0', '1', '1.5', '0.25', '2:30', '0:05:30']), odd: pick(['-1', '1:60', 'x', '1e3', '۲', '2:5']) },
		{ name: 'Full min', clean: pick(['0', '45', '90.5', '1:05']), odd: pick(['-3', 'NA', '1,5', 'Infinity']) },
		{ name: 'Labels', clean: pick(['vip billing', 'vip  vip', '', 'a-b c_d']), odd: pick([' x ', 'a"b c', 'a\\b', 'x\ty', 'شرکت ΣΑΣ']) }
	]
};

interface Layout {
	dataset: 'calls' | 'survey_answers' | 'tickets';
	mapping?: MappingSpec;
	/** Column names as written, and the arbitrary of a good and of an awkward value of each. */
	columns: { name: string; clean: fc.Arbitrary<string>; odd: fc.Arbitrary<string>; key?: boolean }[];
}

const nativeLayout = (dataset: 'calls' | 'survey_answers' | 'tickets'): Layout => ({
	dataset,
	columns: DATASETS[dataset].fields.map((f) => ({
		name: f.name,
		clean: f.name === 'kind' ? pick(['nps', 'csat']) : f.name === 'score' ? pick(['1', '3', '5', '۴']) : cleanValue(f),
		odd: fieldValue(f),
		key: f.key
	}))
});

const JALALI = pick(['1405/01/01', '1404/12/29', '1403/12/30', '1404/07/15', '۱۴۰۴/۰۸/۱۵']);
const CLOCK = pick(['08:15:30', '23:59:00', '00:04:25', '12:00:00']);
const unitLayout: Layout = {
	dataset: 'calls',
	mapping: unitCalls,
	columns: [
		{ name: 'Trunk', clean: pick(['AA', 'BB']), odd: pick(['', ' AA ', 'ΣΑΣ']), key: true },
		{ name: 'CallID', clean: fc.integer({ min: 1, max: 50 }).map(String), odd: pick(['', '7 ', 'x\ny']), key: true },
		{ name: 'Caller', clean: pick(['C1', 'C2', '0']), odd: pick(['', 'NA', ' C3 ']) },
		{ name: 'Day', clean: JALALI, odd: pick(['1404/12/30', '1405/13/01', '2026/03/21', 'x']) },
		{ name: 'Start', clean: CLOCK, odd: pick(['24:00:00', '8:15', '']) },
		{ name: 'End', clean: CLOCK, odd: pick(['', '۰۰:۰۵:۰۰', '25:00:00']) },
		{ name: 'Wait', clean: fc.integer({ min: 0, max: 600 }).map(String), odd: pick(['-1', '1:05', '1e3', 'x']) },
		{ name: 'Result', clean: pick(['OK', 'NOANSWER']), odd: pick(['TEST', ' test ', 'ok', 'HANG', '']) },
		{ name: 'Note', clean: pick(['', 'x']), odd: pick(['a,b', 'a"b', 'line\nbreak']) }
	]
};

const LAYOUTS = [nativeLayout('calls'), nativeLayout('survey_answers'), unitLayout, nativeLayout('tickets'), deskLayout];

/** A CSV file of a layout: its bytes, the mapping folder to drop it in, and what kind of file it is. */
interface Sample {
	layout: number;
	bytes: Buffer;
	describe: string;
}

function sampleArb(sampleNo: () => number): fc.Arbitrary<Sample> {
	return fc
		.record({
			layout: fc.nat({ max: LAYOUTS.length - 1 }),
			seedRows: fc.nat(),
			delimiter: pick([',', ',', ',', ';', '\t']),
			crlf: fc.boolean(),
			bom: fc.boolean(),
			trailing: pick(['\n', '', '\n\n']),
			encoding: pick(['utf-8', 'utf-8', 'utf-8', 'utf-8', 'windows-1252', 'utf-16le']),
			quoteAll: fc.boolean(),
			renameHeader: fc.boolean(),
			odd: fc.array(fc.tuple(pick(['wrongWidth', 'blankLine', 'spacesLine', 'duplicate', 'blankQuote', 'emptyLineInQuote']), fc.nat()), { maxLength: 2 })
		})
		.chain((o) => {
			const layout = LAYOUTS[o.layout]!;
			const row = fc
				.tuple(fc.tuple(...layout.columns.map((c) => c.clean)), fc.array(fc.tuple(fc.nat({ max: layout.columns.length - 1 }), fc.tuple(...layout.columns.map((c) => c.odd))), { maxLength: 2 }))
				.map(([values, changes]) => {
					const r = [...values];
					for (const [i, odd] of changes) r[i] = odd[i]!;
					return r;
				});
			return fc.tuple(fc.constant(o), fc.array(row, { minLength: 1, maxLength: 25 }));
		})
		.map(([o, rows]) => {
			const layout = LAYOUTS[o.layout]!;
			const n = sampleNo();
			// Keys and customers of each sample apart from the others' (both databases see every sample).
			const prefixed = rows.map((r) =>
				r.map((v, i) => (layout.columns[i]!.key || ['customer_id', 'ticket_id', 'Caller', 'Org'].includes(layout.columns[i]!.name) ? `s${n}x${v}` : v))
			);
			const nl = o.crlf ? '\r\n' : '\n';
			const d = o.delimiter;
			const field = (v: string) => (o.quoteAll || /[",\n\r;\t]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v);
			const header = layout.columns.map((c) => (o.renameHeader ? c.name.toUpperCase().replace(/_/g, ' ') : c.name));
			const lines = [header.map(field).join(d), ...prefixed.map((r) => r.map(field).join(d))];
			for (const [kind, at] of o.odd) {
				const i = 1 + (at % (lines.length - 1 || 1));
				if (kind === 'wrongWidth') lines.splice(i, 0, prefixed[0]!.slice(0, 2).map(field).join(d));
				if (kind === 'blankLine') lines.splice(i, 0, '');
				if (kind === 'spacesLine') lines.splice(i, 0, '   ');
				if (kind === 'duplicate') lines.push(lines[i]!);
				if (kind === 'blankQuote') lines.splice(i, 0, [' "q"', ...prefixed[0]!.slice(1).map(field)].join(d));
				if (kind === 'emptyLineInQuote') lines.splice(i, 0, [prefixed[0]![0]!, ...prefixed[0]!.slice(1, -1).map(field), '"a\n\nb"'].join(d));
			}
			let text = lines.join(nl) + o.trailing.replace(/\n/g, nl);
			if (o.crlf) text = text.replace(/\r?\n/g, '\r\n');
			let bytes: Buffer;
			if (o.encoding === 'utf-16le') bytes = Buffer.from('\ufeff' + text, 'utf16le');
			else if (o.encoding === 'windows-1252' && /^[\u0000-\u00ff]*$/.test(text)) bytes = Buffer.from(text, 'latin1');
			else bytes = Buffer.from((o.bom ? '\ufeff' : '') + text, 'utf8');
			return { layout: o.layout, bytes, describe: JSON.stringify({ ...o, rows: rows.length }) };
		});
}

const english = (o: FileOutcome) => ({
	status: o.status,
	mapping: o.mapping,
	format: o.format,
	encoding: o.encoding,
	rowsRead: o.rowsRead,
	inserted: o.inserted,
	updated: o.updated,
	rejected: o.rejected,
	skipped: o.skipped,
	superseded: o.superseded,
	error: o.error && inEnglish(o.error),
	notes: o.notes.map(inEnglish)
});

async function tableOf(db: Database, fileId: number) {
	const rows = (table: string, order: string) =>
		db.withConnection(async (c) => (await c.runAndReadAll(`select * exclude (loaded_at) from ${table} where source_file_id = ${fileId} order by ${order}`)).getRowObjectsJson());
	return {
		calls: await rows('calls', 'id'),
		tickets: await rows('tickets', 'id'),
		survey_answers: await rows('survey_answers', 'id'),
		customers: await rows('customers', 'id'),
		rejects: await db.withConnection(async (c) =>
			(await c.runAndReadAll(`select line, record, column_name, value, reason, reason_key, cast(reason_params as varchar) as params, raw from import_rejects where file_id = ${fileId} order by record`)).getRowObjectsJson()
		)
	};
}

describe('the DuckDB and the JavaScript paths load the same', () => {
	it('random CSV files: rows, rejects and file records', { timeout: 900_000 }, async () => {
		let n = 0;
		const paths: string[] = [];
		const nativeLayouts = new Set<number>();
		await fc.assert(
			fc.asyncProperty(
				sampleArb(() => ++n),
				async (sample) => {
					const layout = LAYOUTS[sample.layout]!;
					const file = path.join(dir, `sample-${n}.csv`);
					fs.writeFileSync(file, sample.bytes);
					const outcomes: Partial<Record<'auto' | 'js', FileOutcome>> = {};
					for (const p of ['auto', 'js'] as const) {
						outcomes[p] = (await loadFile({
							db: dbs[p].db,
							file,
							dataset: layout.dataset,
							runId: dbs[p].runId,
							mappings: { mappings: layout.mapping ? [layout.mapping] : [], presets: [], broken: [], problems: [] },
							timeZone: 'Asia/Tehran',
							ingestPath: p
						}))[0]!;
					}
					const [a, j] = [outcomes.auto!, outcomes.js!];
					paths.push(a.ingestPath === 'native' ? 'native' : `js: ${a.ingestPathReason}`);
					if (a.ingestPath === 'native') nativeLayouts.add(sample.layout);
					expect(j.ingestPath === null || j.ingestPath === 'js').toBe(true);
					expect(english(a), sample.describe).toEqual(english(j));
					expect(await tableOf(dbs.auto.db, a.id), sample.describe).toEqual(await tableOf(dbs.js.db, j.id));
				}
			),
			{ numRuns: Number(process.env.CARE_FUZZ_RUNS ?? 20), seed: Number(process.env.CARE_FUZZ_SEED ?? 20261125), endOnFailure: true }
		);
		// The comparison means something only if the DuckDB path took most files.
		const native = paths.filter((p) => p === 'native').length;
		expect(native, paths.filter((p) => p !== 'native').join('\n')).toBeGreaterThan(paths.length * 0.6);
		// Every layout was compared through both paths, the help desk's field options included.
		expect([...nativeLayouts].sort()).toEqual(LAYOUTS.map((_, i) => i));
	});

	it('random Parquet files: typed and text columns, nulls', { timeout: 600_000 }, async () => {
		let n = 0;
		const layout = nativeLayout('calls');
		const row = fc.tuple(...layout.columns.map((c) => fc.oneof({ weight: 6, arbitrary: c.clean }, { weight: 1, arbitrary: c.odd }, { weight: 1, arbitrary: fc.constant(null) })));
		await fc.assert(
			fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), fc.boolean(), async (rows, typed) => {
				n++;
				const csv = path.join(dir, `pq-${n}.csv`);
				const file = path.join(dir, `pq-${n}.parquet`);
				const cell = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
				fs.writeFileSync(csv, [layout.columns.map((c) => c.name).join(','), ...rows.map((r) => r.map((v, i) => (i === 0 || i === 1 ? cell(v === null ? null : `p${n}x${v}`) : cell(v))).join(','))].join('\n'));
				// Typed columns where the text is one (else text): what a BI tool's Parquet export holds.
				const select = typed
					? `select * replace (try_cast(started_at as timestamptz) as started_at, try_cast(wait_seconds as double) as wait_seconds, try_cast(opened_case as boolean) as opened_case)`
					: 'select *';
				await dbs.js.db.withConnection((c) =>
					c.run(`copy (${select} from read_csv('${csv}', all_varchar = true, header = true, quote = '"', escape = '"')) to '${file}' (format parquet)`)
				);
				const outcomes: Partial<Record<'auto' | 'js', FileOutcome>> = {};
				for (const p of ['auto', 'js'] as const) {
					outcomes[p] = (await loadFile({ db: dbs[p].db, file, dataset: 'calls', runId: dbs[p].runId, timeZone: 'Asia/Tehran', ingestPath: p }))[0]!;
				}
				expect(outcomes.auto!.ingestPath).toBe('native');
				expect(english(outcomes.auto!)).toEqual(english(outcomes.js!));
				expect(await tableOf(dbs.auto.db, outcomes.auto!.id)).toEqual(await tableOf(dbs.js.db, outcomes.js!.id));
			}),
			{ numRuns: Number(process.env.CARE_FUZZ_RUNS ?? 12), seed: 20261126, endOnFailure: true }
		);
	});

	it('random NDJSON files: values as strings, numbers, booleans and objects, odd keys, bad lines', { timeout: 900_000 }, async () => {
		let n = 0;
		const paths: string[] = [];
		const layout = nativeLayout('survey_answers');
		// A value as JSON: the text as a string, or as a number / boolean / null / object where it reads as one.
		const jsonValue = (v: string) =>
			fc.oneof(
				{ weight: 4, arbitrary: fc.constant(JSON.stringify(v)) },
				{ weight: 2, arbitrary: fc.constant(/^-?\d+(\.\d+)?(e\d+)?$/.test(v) ? v : JSON.stringify(v)) },
				{ weight: 1, arbitrary: pick(['null', 'true', '1.0', '12345678901234567890', '{"a":1}', '[1,2]', '-0', '5e0']) }
			);
		const key = (name: string) => pick([name, name, name.toUpperCase(), ` ${name}`, name.replace(/_/g, ' ')]);
		const objectLine = fc
			.tuple(fc.tuple(...layout.columns.map((c) => fc.oneof({ weight: 5, arbitrary: c.clean }, { weight: 1, arbitrary: c.odd }))), fc.array(fc.boolean(), { minLength: layout.columns.length, maxLength: layout.columns.length }))
			.chain(([values, present]) =>
				fc.tuple(...layout.columns.map((c, i) => (present[i] || c.name === 'id' ? fc.tuple(key(c.name), jsonValue(values[i]!)).map(([k, v]) => `${JSON.stringify(k)}:${v}`) : fc.constant(null))))
			)
			.map((pairs) => `{${pairs.filter((p) => p !== null).join(',')}}`);
		const oddLine = pick(['', '   ', '{"id": broken', '{"id":"x","kind":"nps","score":9,"answered_at":"2026-11-20 10:00",}', '{"id":"y","score":NaN}', '[1,2]', '5', '{"id":"d","id":"e","kind":"nps","score":9,"answered_at":"2026-11-20 10:00"}', '{"id":"z"}{"id":"w"}', '{"a":' + '['.repeat(70) + ']'.repeat(70) + '}', '{"id":"t\tab","kind":"nps","score":1,"answered_at":"2026-11-20"}']);
		const lineArb = fc.oneof({ weight: 8, arbitrary: objectLine }, { weight: 1, arbitrary: oddLine });
		await fc.assert(
			fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 25 }), fc.boolean(), async (lines, crlf) => {
				n++;
				// Keys apart from the other samples': every "id" value gets the sample's prefix.
				const text = lines.map((l) => l.replace(/"id":"/gi, `"id":"n${n}x`).replace(/"ID":"/g, `"ID":"n${n}x`)).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
				const file = path.join(dir, `nd-${n}.ndjson`);
				fs.writeFileSync(file, text);
				const outcomes: Partial<Record<'auto' | 'js', FileOutcome>> = {};
				for (const p of ['auto', 'js'] as const) {
					outcomes[p] = (await loadFile({ db: dbs[p].db, file, dataset: 'survey_answers', runId: dbs[p].runId, timeZone: 'Asia/Tehran', ingestPath: p }))[0]!;
				}
				expect(english(outcomes.auto!), text).toEqual(english(outcomes.js!));
				expect(await tableOf(dbs.auto.db, outcomes.auto!.id), text).toEqual(await tableOf(dbs.js.db, outcomes.js!.id));
				paths.push(outcomes.auto!.ingestPath === 'native' ? 'native' : `js: ${outcomes.auto!.ingestPathReason}`);
			}),
			{ numRuns: Number(process.env.CARE_FUZZ_RUNS ?? 12), seed: Number(process.env.CARE_FUZZ_SEED ?? 20261127), endOnFailure: true }
		);
		expect(paths.filter((p) => p === 'native').length, paths.filter((p) => p !== 'native').join('\n')).toBeGreaterThan(paths.length * 0.6);
	});
});
