import { describe, expect, it } from 'vitest';
import { csvWithBom } from '../../src/lib/server/sla/csv';

describe('CSV download', () => {
	it('starts with a UTF-8 byte-order mark, ends lines with CRLF, quotes what needs it', () => {
		const csv = csvWithBom(['تیکت', 'note'], [['T1', 'a, "b"'], ['T2', null]]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('تیکت,note\r\nT1,"a, ""b"""\r\nT2,');
	});

	it('keeps a spreadsheet from running a cell as a formula', () => {
		const csv = csvWithBom(['subject'], [['=HYPERLINK("http://x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['plain']]);
		const cells = csv.slice(1).split('\r\n').slice(1);
		expect(cells.slice(0, 4).every((c) => c.startsWith(`"'`) || c.startsWith(`'`))).toBe(true);
		expect(cells[4]).toBe('plain');
	});

	it('leaves numbers as numbers (minutes over a target are negative)', () => {
		expect(csvWithBom(['left'], [[-120]]).slice(1)).toBe('left\r\n-120');
	});
});
