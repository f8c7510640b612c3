/**
 * The mapping step's suggestions: the dataset a header looks like, a column for each field from
 * English and Persian header names, how dates are written (Jalali or Gregorian, which order),
 * and the preview rows checked by the loader's own mapping code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { en, fa } from '../../src/lib/i18n/messages/index';
import { DATASETS } from '../../src/lib/server/imports/datasets';
import { BUILT_IN_MAPPINGS } from '../../src/lib/server/imports/mappings/index';
import { readConfig } from '../../src/lib/server/config';
import { inspectPreview } from '../../src/lib/server/imports/import-page';
import { nativeMapping } from '../../src/lib/server/imports/mapping';
import { checkPreview, draftSpec, guessDateReading, headerKey, suggestForHeader } from '../../src/lib/server/imports/suggest';
import { decodeSample, persianLetters } from '../../src/lib/upload/encoding';
import { FIXTURE_DIR } from '../fixtures/upload/generate';

function table(file: string, encoding: 'utf-8' | 'windows-1256' | 'windows-1252' = 'utf-8', delimiter = ','): { headers: string[]; rows: string[][] } {
	const text = decodeSample(new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, file))), encoding);
	const [headers, ...rows] = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
	return { headers: headers!, rows };
}

const fieldsOf = (c: ReturnType<typeof suggestForHeader>[number]) => Object.fromEntries(c.fields.filter((f) => f.column).map((f) => [f.field, f.column]));

describe('headerKey', () => {
	it('compares names without case, punctuation, ZWNJ or Arabic letters', () => {
		expect(headerKey('Ticket_ID')).toBe(headerKey('ticket id'));
		expect(headerKey('\uFEFFCreated-At')).toBe('created at');
		// Windows-1256 writes ی as ي; a ZWNJ may be a space or nothing in hand-typed headers.
		expect(headerKey('شماره تيکت')).toBe(headerKey('شماره تیکت'));
		expect(headerKey('دسته‌بندی')).toBe(headerKey('دسته بندی'));
		expect(headerKey('تاريخ ايجاد')).toBe('تاریخ ایجاد');
	});
});

describe('suggestForHeader', () => {
	it('reads a Persian ticket export (Windows-1256) as tickets, each column to its field, dates as Jalali', () => {
		const { headers, rows } = table('tickets-fa.windows-1256.csv', 'windows-1256');
		const [best] = suggestForHeader(headers, rows, BUILT_IN_MAPPINGS);
		expect(best!.dataset).toBe('tickets');
		expect(best!.missing).toEqual([]);
		const byPersian = Object.fromEntries(Object.entries(fieldsOf(best!)).map(([k, v]) => [k, persianLetters(v!)]));
		expect(byPersian).toEqual({
			id: 'شماره تیکت',
			customer_id: 'مشتری',
			created_at: 'تاریخ ایجاد',
			channel: 'کانال',
			priority: 'اولویت',
			status: 'وضعیت',
			subject: 'موضوع',
			resolved_at: 'تاریخ حل'
		});
		const created = best!.fields.find((f) => f.field === 'created_at')!;
		expect(created).toMatchObject({ calendar: 'persian' });
		expect(created.format).toBeUndefined();
	});

	it('reads English help-desk names and a day-first date order', () => {
		const headers = ['Ticket #', 'Requester', 'Created date', 'Priority', 'Assigned To', 'Group', 'Date Solved', 'Subject'];
		const rows = [
			['101', 'Acme', '25/03/2026 09:15', 'High', 'sara', 'L1', '26/03/2026 10:00', 'cannot log in'],
			['102', 'Beta', '02/04/2026 14:00', 'Low', 'ali', 'L2', '', 'report is slow']
		];
		const [best] = suggestForHeader(headers, rows, []);
		expect(best!.dataset).toBe('tickets');
		expect(fieldsOf(best!)).toMatchObject({ id: 'Ticket #', customer_id: 'Requester', created_at: 'Created date', priority: 'Priority', assignee: 'Assigned To', team: 'Group', resolved_at: 'Date Solved', subject: 'Subject' });
		expect(best!.fields.find((f) => f.field === 'created_at')).toMatchObject({ format: 'D/M/YYYY H:mm' });
	});

	it('suggests survey answers for a CSAT sheet with Persian headers', () => {
		const headers = ['شناسه پاسخ', 'مشتری', 'نوع نظرسنجی', 'امتیاز', 'نظر', 'تاریخ پاسخ'];
		const rows = [['R1', 'C1', 'csat', '5', 'عالی بود', '1403/09/01']];
		const [best] = suggestForHeader(headers, rows, []);
		expect(best!.dataset).toBe('survey_answers');
		expect(fieldsOf(best!)).toEqual({ id: 'شناسه پاسخ', customer_id: 'مشتری', kind: 'نوع نظرسنجی', score: 'امتیاز', comment: 'نظر', answered_at: 'تاریخ پاسخ' });
	});

	it('names a known mapping that fits the header (the built-in ServiceNow one)', () => {
		const headers = ['number', 'caller_id', 'opened_at', 'resolved_at', 'priority', 'assignment_group', 'assigned_to', 'contact_type', 'final_state', 'first_non_new_update_at', 'short_description', 'closed_at'];
		const found = suggestForHeader(headers, [], BUILT_IN_MAPPINGS);
		const servicenow = BUILT_IN_MAPPINGS.find((m) => m.dataset === 'tickets' && found[0]!.mapping?.id === m.id);
		expect(found[0]!.dataset).toBe('tickets');
		expect(servicenow?.id).toBe('servicenow-incidents');
	});

	it('ranks a customers sheet (Windows-1252, semicolons, a title line) as customers', () => {
		const { rows: all } = table('customers-latin.windows-1252.csv', 'windows-1252', ';');
		const [headers, ...rows] = all;
		const [best] = suggestForHeader(headers!, rows, []);
		expect(best!.dataset).toBe('customers');
		expect(fieldsOf(best!)).toEqual({ id: 'Customer ID', name: 'Name', segment: 'Segment', contact_name: 'Contact', renewal_date: 'Renewal date' });
		expect(best!.fields.find((f) => f.field === 'renewal_date')).toMatchObject({ format: 'D/M/YYYY' });
	});
});

describe('guessDateReading', () => {
	it('reads Jalali dates in Persian digits, month-first US dates, ISO without a format', () => {
		expect(guessDateReading(['۱۴۰۳/۰۸/۱۵ ۰۹:۳۰', '۱۴۰۳/۰۸/۱۶'], 'timestamp')).toEqual({ calendar: 'persian', format: undefined, read: 2 });
		expect(guessDateReading(['03/25/2026 9:15', '04/02/2026 14:00'], 'timestamp')).toEqual({ calendar: 'gregory', format: 'M/D/YYYY H:mm', read: 2 });
		expect(guessDateReading(['2026-03-25T09:15:00Z', ''], 'timestamp')).toEqual({ calendar: 'gregory', format: undefined, read: 1 });
		expect(guessDateReading(['soon', 'later'], 'timestamp')).toBeNull();
	});
});

describe('checkPreview', () => {
	const { headers, rows } = table('tickets-fa.utf-8.csv');
	const [best] = suggestForHeader(headers, rows, []);

	it('loads every preview row of the suggested mapping', () => {
		const check = checkPreview(draftSpec('tickets', 'fa-tickets', 'Persian tickets', best!.fields), headers, rows);
		expect(check.error).toBeNull();
		expect(check.rows.map((r) => r.kind)).toEqual(['row', 'row', 'row', 'row', 'row']);
		expect(check.fields.find((f) => f.field === 'created_at')).toEqual({ field: 'created_at', checked: 5, failed: 0, problem: null, badValues: [] });
	});

	it('shows what fails, per row and per field, when dates are not declared Jalali', () => {
		const gregorian = best!.fields.map((f) => ({ ...f, calendar: undefined }));
		const check = checkPreview(draftSpec('tickets', 'fa-tickets', 'Persian tickets', gregorian), headers, rows);
		expect(check.rows.every((r) => r.kind === 'reject' && r.problem?.key === 'problem.looksJalali')).toBe(true);
		const created = check.fields.find((f) => f.field === 'created_at')!;
		expect(created).toMatchObject({ checked: 5, failed: 5, problem: { key: 'problem.looksJalali' } });
		expect(created.badValues).toHaveLength(5);
		// resolved_at fails only where it has a value (2 of 5).
		expect(check.fields.find((f) => f.field === 'resolved_at')).toMatchObject({ checked: 2, failed: 2 });
	});

	it('shows values outside an allowed list, and a map that fixes them', () => {
		const spec = draftSpec('tickets', 'fa-tickets', 'Persian tickets', best!.fields);
		const persianPriority = rows.map((r, i) => (i === 0 ? r.map((v, k) => (headers[k] === 'اولویت' ? 'بالا' : v)) : r));
		const before = checkPreview(spec, headers, persianPriority);
		expect(before.fields.find((f) => f.field === 'priority')).toMatchObject({ failed: 1, badValues: ['بالا'], problem: { key: 'problem.notInList' } });
		spec.fields.priority = { column: 'اولویت', map: { بالا: 'high' } };
		expect(checkPreview(spec, headers, persianPriority).fields.find((f) => f.field === 'priority')).toMatchObject({ failed: 0 });
	});

	it('says when a required field has no column, or the mapping is not valid', () => {
		const noId = draftSpec('tickets', 'x', 'x', best!.fields.filter((f) => f.field !== 'id'));
		expect(checkPreview(noId, headers, rows).error?.key).toBe('problem.mappingUnusable');
		const wrongColumn = draftSpec('tickets', 'x', 'x', best!.fields.map((f) => (f.field === 'id' ? { ...f, column: 'nope' } : f)));
		expect(checkPreview(wrongColumn, headers, rows).error).toEqual({ key: 'problem.missingColumn', params: { field: 'id', wanted: 'nope' } });
	});

	it("checks rows against the product's own layout when the page uses it (it is not a mapping one may save)", () => {
		const config = readConfig({ CARE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'care-inspect-')) });
		const header = ['id', 'customer_id', 'direction', 'started_at', 'outcome'];
		const calls = [
			['c1', 'C1', 'inbound', '2026-11-01 10:00', 'answered'],
			['c2', 'C1', 'inbound', 'soon', 'answered']
		];
		const { check } = inspectPreview(config, { headers: header, rows: calls, spec: null, use: { dataset: 'calls', id: 'native' } });
		expect(check?.error).toBeNull();
		expect(check?.rows.map((r) => r.kind)).toEqual(['row', 'reject']);
		// A draft named "native" is still refused, as a saved file would be.
		expect(checkPreview({ ...nativeMapping('calls') }, header, calls).error?.key).toBe('problem.mappingUnusable');
	});
});

describe('the upload page names every field', () => {
	it('has a label in English and Persian for every field of every dataset (the page shows each)', () => {
		const missing = Object.values(DATASETS).flatMap((d) => d.fields.map((f) => `field.${f.name}`)).filter((k) => !(k in en) || !(k in fa));
		expect(missing).toEqual([]);
	});
});
