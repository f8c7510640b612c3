/**
 * Every export format carries the same table: each file is read back with a reader of its own
 * kind (the CSV as text, the XLSX with read-excel-file, the Parquet with DuckDB, the Arrow with
 * apache-arrow) and compared cell by cell with what went in.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { exportBytes, exportResponse, requestedFormat, tableOf, type ExportTable } from '../../src/lib/server/export';
import { recordsTable } from '../../src/lib/server/export/records';

interface Answer {
	id: string;
	customer: string | null;
	score: number;
	share: number | null;
	answered: string;
	day: string;
	commented: boolean;
}

const answers: Answer[] = [
	{ id: 'S-1', customer: 'شرکت نمونه', score: 9, share: 0.5, answered: '2026-03-20T08:30:00+03:30', day: '2026-03-20', commented: true },
	{ id: 'S-2', customer: '=HYPERLINK("http://x","y")', score: 0, share: null, answered: '2026-03-21T23:15:00Z', day: '2026-03-22', commented: false },
	{ id: 'S-3', customer: null, score: 10, share: 1.25, answered: '2026-03-22T00:00:00Z', day: '2026-03-22', commented: false }
];

const table: ExportTable = tableOf<Answer>(
	'answers-test',
	[
		{ key: 'id', label: 'Answer', type: 'text', value: (a) => a.id },
		{ key: 'customer', label: 'مشتری', type: 'text', value: (a) => a.customer },
		{ key: 'score', label: 'Score', type: 'integer', value: (a) => a.score },
		{ key: 'share', label: 'Share', type: 'number', value: (a) => a.share },
		{ key: 'answered_at', label: 'Answered', type: 'timestamp', value: (a) => a.answered },
		{ key: 'day', label: 'Day', type: 'date', value: (a) => a.day },
		{ key: 'commented', label: 'Commented', type: 'boolean', value: (a) => a.commented }
	],
	answers
);
/** A date read back from XLSX to the second (Excel keeps days as fractions: 02:44:59.999 comes back for 02:45). */
const second = (v: unknown) => new Date(Math.round((v as Date).getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const options = { language: 'en' as const, timeZone: 'Asia/Tehran' };

describe('exports', () => {
	it('CSV: UTF-8 with a BOM, labels as headers, formulas neutralised, numbers as they are', async () => {
		const bytes = await exportBytes(table, 'csv', options);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
		expect(rows[0]).toEqual(['Answer', 'مشتری', 'Score', 'Share', 'Answered', 'Day', 'Commented']);
		expect(rows[1]).toEqual(['S-1', 'شرکت نمونه', '9', '0.5', '2026-03-20T08:30:00+03:30', '2026-03-20', 'true']);
		expect(rows[2]![1]).toBe(`'=HYPERLINK("http://x","y")`);
		expect(rows[3]).toEqual(['S-3', '', '10', '1.25', '2026-03-22T00:00:00Z', '2026-03-22', 'false']);
	});

	it('XLSX: read back with read-excel-file, typed cells, instants at the unit’s wall-clock time', async () => {
		const bytes = await exportBytes(table, 'xlsx', options);
		const [sheet] = await readXlsxFile(Buffer.from(bytes));
		const rows = sheet!.data;
		expect(rows[0]).toEqual(['Answer', 'مشتری', 'Score', 'Share', 'Answered', 'Day', 'Commented']);
		expect(rows[1]!.slice(0, 4)).toEqual(['S-1', 'شرکت نمونه', 9, 0.5]);
		// 08:30 +03:30 is 08:30 in Tehran (the sheet shows the unit's wall clock).
		expect(second(rows[1]![4])).toBe('2026-03-20T08:30:00Z');
		expect(second(rows[1]![5])).toBe('2026-03-20T00:00:00Z');
		expect(rows[1]![6]).toBe(true);
		expect(rows[2]![1]).toBe(`'=HYPERLINK("http://x","y")`);
		// 23:15 UTC on the 21st is 02:45 on the 22nd in Tehran (+03:30).
		expect(second(rows[2]![4])).toBe('2026-03-22T02:45:00Z');
		expect(rows[2]![3]).toBeNull();
		expect(rows[3]![1]).toBeNull();
	});

	it('XLSX: right to left for a Persian reader', async () => {
		const bytes = await exportBytes(table, 'xlsx', { ...options, language: 'fa' });
		const { unzipSync, strFromU8 } = await import('fflate');
		const files = unzipSync(bytes);
		const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
		expect(sheetXml).toMatch(/rightToLeft="(1|true)"/);
	});

	it('Parquet: written by DuckDB, read back by DuckDB with the columns’ types', async () => {
		const bytes = await exportBytes(table, 'parquet', options);
		expect(Buffer.from(bytes.slice(0, 4)).toString('latin1')).toBe('PAR1');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-export-test-'));
		const file = path.join(dir, 'a.parquet');
		fs.writeFileSync(file, bytes);
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			const types = (await conn.runAndReadAll(`select column_name, column_type from (describe select * from read_parquet('${file}'))`)).getRowObjectsJson();
			expect(Object.fromEntries(types.map((r) => [r.column_name, r.column_type]))).toEqual({
				id: 'VARCHAR',
				customer: 'VARCHAR',
				score: 'BIGINT',
				share: 'DOUBLE',
				answered_at: 'TIMESTAMP WITH TIME ZONE',
				day: 'DATE',
				commented: 'BOOLEAN'
			});
			const rows = (
				await conn.runAndReadAll(
					`select id, customer, cast(score as integer) as score, share, epoch_ms(answered_at)::double as ms, strftime(day, '%Y-%m-%d') as day, commented from read_parquet('${file}') order by id`
				)
			).getRowObjectsJson();
			expect(rows).toEqual([
				{ id: 'S-1', customer: 'شرکت نمونه', score: 9, share: 0.5, ms: Date.parse('2026-03-20T05:00:00Z'), day: '2026-03-20', commented: true },
				// Not a spreadsheet: the text is kept as it was.
				{ id: 'S-2', customer: '=HYPERLINK("http://x","y")', score: 0, share: null, ms: Date.parse('2026-03-21T23:15:00Z'), day: '2026-03-22', commented: false },
				{ id: 'S-3', customer: null, score: 10, share: 1.25, ms: Date.parse('2026-03-22T00:00:00Z'), day: '2026-03-22', commented: false }
			]);
		} finally {
			conn.closeSync();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('Arrow: read back with apache-arrow, typed columns named by key', async () => {
		const bytes = await exportBytes(table, 'arrow', options);
		const t = tableFromIPC(bytes);
		expect(t.numRows).toBe(3);
		expect(t.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
			['id', 'Utf8'],
			['customer', 'Utf8'],
			['score', 'Int64'],
			['share', 'Float64'],
			['answered_at', 'Timestamp<MILLISECOND, UTC>'],
			['day', 'Date32<DAY>'],
			['commented', 'Bool']
		]);
		const first = t.get(0)!.toJSON();
		expect(first.customer).toBe('شرکت نمونه');
		expect(first.score).toBe(9n);
		expect(first.answered_at).toBe(Date.parse('2026-03-20T05:00:00Z'));
		expect(t.getChild('share')!.get(1)).toBeNull();
		expect(t.getChild('customer')!.get(2)).toBeNull();
		expect(t.getChild('day')!.get(1)).toBe(Date.parse('2026-03-22T00:00:00Z'));
	});

	it('Parquet responses are streamed from a file that is already gone from disk', async () => {
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'care-export-tmp-'));
		process.env.CARE_EXPORT_TMP = tmp;
		try {
			const res = await exportResponse(table, 'parquet', options);
			expect(fs.readdirSync(tmp)).toEqual([]);
			expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
			expect(res.headers.get('content-disposition')).toContain('answers-test.parquet');
			const body = new Uint8Array(await res.arrayBuffer());
			expect(body.byteLength).toBe(Number(res.headers.get('content-length')));
			expect(Buffer.from(body.slice(-4)).toString('latin1')).toBe('PAR1');
		} finally {
			delete process.env.CARE_EXPORT_TMP;
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	});

	it('an empty table is still a valid file in every format', async () => {
		const empty = tableOf<Answer>('empty', [{ key: 'id', label: 'Answer', type: 'text', value: (a) => a.id }], []);
		expect(tableFromIPC(await exportBytes(empty, 'arrow', options)).numRows).toBe(0);
		expect(Buffer.from((await exportBytes(empty, 'parquet', options)).slice(0, 4)).toString('latin1')).toBe('PAR1');
		const [sheet] = await readXlsxFile(Buffer.from(await exportBytes(empty, 'xlsx', options)));
		expect(sheet!.data).toEqual([['Answer']]);
	});

	it('reads ?format= and names the formats when it is wrong', () => {
		expect(requestedFormat(new URLSearchParams(''))).toEqual({ format: null, error: null });
		expect(requestedFormat(new URLSearchParams('format=json'))).toEqual({ format: null, error: null });
		expect(requestedFormat(new URLSearchParams('format=parquet'))).toEqual({ format: 'parquet', error: null });
		expect(requestedFormat(new URLSearchParams('format=xls')).error).toBe('format=xls is not one of json, csv, xlsx, parquet, arrow');
	});

	it('an API’s records become a table: nested objects flattened, types read from the values', () => {
		const t = recordsTable('api', [
			{ period: '2026-03-01', n: 3, rate: 50, first_response: { met: 1, compliance: 33.3 }, reasons: ['silent', 'low score'], factors: [{ f: 1 }], at: '2026-03-01T08:00:00Z', ok: true },
			{ period: '2026-03-02', n: 0, rate: null, first_response: { met: 0, compliance: null }, reasons: [], factors: [], at: null, ok: false, extra: 'x' }
		]);
		expect(t.columns.map((c) => [c.key, c.type])).toEqual([
			['period', 'date'],
			['n', 'integer'],
			['rate', 'integer'],
			['first_response_met', 'integer'],
			['first_response_compliance', 'number'],
			['reasons', 'text'],
			['at', 'timestamp'],
			['ok', 'boolean'],
			['extra', 'text']
		]);
		expect(t.rows[0]).toEqual(['2026-03-01', 3, 50, 1, 33.3, 'silent; low score', '2026-03-01T08:00:00Z', true, null]);
		expect(t.rows[1]).toEqual(['2026-03-02', 0, null, 0, null, '', null, false, 'x']);
	});
});
