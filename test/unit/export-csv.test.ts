/**
 * The one CSV writer for spreadsheets: formula injection neutralised (OWASP CSV Injection),
 * RFC 4180 quoting, a UTF-8 BOM so Persian opens as Persian.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, csvResponse, neutralizeCell, toCsv } from '../../src/lib/server/export/csv';

describe('neutralizeCell', () => {
	it('prefixes every value a spreadsheet would run as a formula', () => {
		for (const v of ['=1+2', '+1+2', '-1+2', '@SUM(1+1)', '\t=1', '\r=1', '\n=1', '\0x', '  =1+2', '\u00a0@x', '＝1+2', '＋1', '－1', '＠SUM(1)', '=HYPERLINK("http://x","y")', '-', '=']) {
			expect(neutralizeCell(v)).toBe(`'${v}`);
		}
	});

	it('leaves ordinary text alone, Persian included', () => {
		for (const v of ['', 'plain', 'a=b', 'e-mail', '1-2', '2026-11-22', "'quoted", 'شرکت نمونه', '۱۲۳', 'C1@example.com']) {
			expect(neutralizeCell(v)).toBe(v);
		}
	});
});

describe('toCsv', () => {
	it('writes a BOM, CRLF lines, quoted fields, neutralised text and numbers as they are', () => {
		const csv = toCsv(['value', 'n', 'reason'], [
			['=1+2', -5, 'ok'],
			['@SUM(1+1)', 3.5, 'a "quoted", comma'],
			['شرکت, الف', null, '-10']
		]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'value,n,reason',
			"'=1+2,-5,ok",
			`'@SUM(1+1),3.5,"a ""quoted"", comma"`,
			`"شرکت, الف",,'-10`,
			''
		]);
	});

	it('quotes a neutralised value that needs quotes', () => {
		expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
		expect(csvCell(' -1 ')).toBe(`"' -1 "`);
	});

	it('sends the file for download under a safe name, the Persian name kept for browsers that read it', async () => {
		const res = csvResponse('rejects-7-گزارش "تماس".csv', toCsv(['a'], [['x']]));
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const disposition = res.headers.get('content-disposition')!;
		expect(disposition).toMatch(/^attachment; filename="rejects-7-_.csv"; filename\*=UTF-8''rejects-7-/);
		expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('rejects-7-گزارش "تماس".csv');
		expect(new Uint8Array(await res.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});
});
