/**
 * The rejects download's layout (src/lib/server/imports/rejects.ts): the reason, the column at
 * fault and the line first, then the file's own columns holding the row as read, so that the
 * fixed file loads back through the layout it came from.
 */
import { describe, expect, it } from 'vitest';
import { translator, type ProblemKey } from '../../src/lib/i18n/translate';
import { rejectsTable } from '../../src/lib/server/imports/rejects';
import type { RejectRow } from '../../src/lib/server/imports/status';

const en = translator('en');
const PARAMS: Partial<Record<ProblemKey, Record<string, string | number>>> = {
	'problem.notNumber': { value: 'v' },
	'problem.wrongWidth': { expected: 3, found: 2 },
	'problem.badJsonLine': { detail: 'Unexpected end of JSON input' }
};
const reject = (raw: string, line: number, column: string | null = 'x', key: ProblemKey = 'problem.notNumber'): RejectRow => ({
	line,
	record: line - 1,
	column_name: column,
	value: null,
	reason: '',
	problem: { key, params: PARAMS[key] },
	raw
});

describe('the rejects table', () => {
	it('splits a CSV row back into the header\'s columns, whatever the file\'s delimiter', () => {
		const t = rejectsTable({ file_name: 'a.csv', format: 'csv', columns: ['id', 'name', 'score'] }, [reject('7;"Ali; Sr";x', 3, 'score')], en);
		expect(t.header).toEqual(['_reject_reason', '_reject_column', '_reject_line', 'id', 'name', 'score']);
		expect(t.rows).toEqual([['"v" is not a number', 'score', 3, '7', 'Ali; Sr', 'x']]);
	});
	it('keeps a row that does not split into the header\'s columns whole, in _reject_row', () => {
		const t = rejectsTable({ file_name: 'a.csv', format: 'csv', columns: ['id', 'name', 'score'] }, [reject('1,2,3', 2), reject('8,short', 3, null, 'problem.wrongWidth')], en);
		expect(t.header.at(-1)).toBe('_reject_row');
		expect(t.rows[0]!.slice(3)).toEqual(['1', '2', '3', '']);
		expect(t.rows[1]!.slice(3)).toEqual(['', '', '', '8,short']);
	});
	it('JSON records: their keys become the columns, nested ones as the dotted paths a mapping reads', () => {
		const t = rejectsTable(
			{ file_name: 'a.ndjson', format: 'ndjson', columns: null },
			[reject('{"id":"s1","score":"x","via":{"channel":"email"}}', 1), reject('{"id":"s2","tags":["a","b"]}', 2), reject('{"id":', 3, null, 'problem.badJsonLine')],
			en
		);
		expect(t.header).toEqual(['_reject_reason', '_reject_column', '_reject_line', 'id', 'score', 'via.channel', 'tags', '_reject_row']);
		expect(t.rows.map((r) => r.slice(3))).toEqual([
			['s1', 'x', 'email', '', ''],
			['s2', '', '', '["a","b"]', ''],
			['', '', '', '', '{"id":']
		]);
	});
});
