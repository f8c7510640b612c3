/**
 * The upload page's choices reach the loader: text in Windows-1256 (Persian Excel, Jalali dates)
 * and Windows-1252 becomes UTF-8 as it streams to disk, a semicolon CSV with a title line is
 * written again from its header, an XLSX workbook's first sheet becomes CSV, a named mapping's
 * folder is used, and a followed upload reports its load's progress to the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MappingSaveError, saveMapping } from '../../src/lib/server/imports/mappings/index';
import { jobProgress } from '../../src/lib/server/imports/progress';
import { receiveFollowedUpload, receiveUpload, UploadError } from '../../src/lib/server/imports/upload';
import type { Runtime } from '../../src/lib/server/runtime';
import { FIXTURE_DIR } from '../fixtures/upload/generate';
import { tempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let rt: Runtime;
beforeAll(async () => {
	t = await tempDb();
	rt = { db: t.db, config: t.config } as unknown as Runtime;
});
afterAll(() => t.close());

function upload(fields: Record<string, string>, name: string, content: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}): Request {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	form.set('file', new File([content], name));
	return new Request('http://127.0.0.1/data/upload', { method: 'POST', body: form, headers });
}
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, name))) as Uint8Array<ArrayBuffer>;

/** The mapping the upload page would save for the Persian ticket fixture. */
const PERSIAN_TICKETS = {
	id: 'fa-tickets',
	dataset: 'tickets' as const,
	title: 'تیکت‌های سامانهٔ پشتیبانی',
	detect: ['شماره تیکت', 'مشتری', 'تاریخ ایجاد', 'کانال', 'اولویت', 'وضعیت', 'موضوع', 'تاریخ حل'],
	fields: {
		id: { column: 'شماره تیکت' },
		customer_id: { column: 'مشتری' },
		created_at: { column: 'تاریخ ایجاد', calendar: 'persian' as const },
		channel: { column: 'کانال' },
		priority: { column: 'اولویت' },
		status: { column: 'وضعیت' },
		subject: { column: 'موضوع' },
		resolved_at: { column: 'تاریخ حل', calendar: 'persian' as const }
	}
};

describe('upload read options', { timeout: 120_000 }, () => {
	it('loads a Windows-1256 Persian CSV with Jalali dates through a saved mapping', async () => {
		expect(saveMapping(t.config.mappingsDir, PERSIAN_TICKETS, { replace: false })).toMatchObject({ file: 'fa-tickets.json', id: 'fa-tickets', replaced: false });
		// Saved once: the page asks before writing over it (or over a built-in's id).
		const taken = (json: object) => {
			try {
				saveMapping(t.config.mappingsDir, json, { replace: false });
				return null;
			} catch (e) {
				return e instanceof MappingSaveError ? [e.field, e.problem] : e;
			}
		};
		expect(taken(PERSIAN_TICKETS)).toEqual(['id', { key: 'problem.mappingTaken', params: { id: 'fa-tickets' } }]);
		expect(taken({ ...PERSIAN_TICKETS, id: 'zendesk-tickets' })).toEqual(['id', { key: 'problem.mappingTaken', params: { id: 'zendesk-tickets' } }]);
		expect(saveMapping(t.config.mappingsDir, PERSIAN_TICKETS, { replace: true })).toMatchObject({ file: 'fa-tickets.json', replaced: true });
		const { upload: outcome } = await receiveUpload(rt, upload({ dataset: 'tickets', mapping: 'fa-tickets', encoding: 'windows-1256', delimiter: ',', headerRow: '0' }, 'تیکت‌ها.csv', fixture('tickets-fa.windows-1256.csv')));
		expect(outcome).toMatchObject({ status: 'loaded', inserted: 5, rejected: 0 });
		const rows = await t.rows<{ id: string; customer_id: string; created: string; resolved: string | null; subject: string; mapping: string }>(
			`select t.id, t.customer_id, strftime(timezone('Asia/Tehran', t.created_at), '%Y-%m-%d %H:%M') as created, strftime(timezone('Asia/Tehran', t.resolved_at), '%Y-%m-%d %H:%M') as resolved, t.subject, f.mapping
			 from tickets t join import_files f on f.id = t.source_file_id order by t.id`
		);
		// 1403/08/15 is 2024-11-05 (1 Aban 1403 = 22 Oct 2024, + 14 days); 09:30 in the unit's zone.
		expect(rows[0]).toEqual({ id: 'FA-1001', customer_id: 'شرکت داده‌پردازان', created: '2024-11-05 09:30', resolved: null, subject: 'خطا در ورود به سامانه', mapping: 'fa-tickets' });
		// Persian yeh, written by Windows-1256 as Arabic yeh, comes back as Persian: «کندی … به‌روزرسانی».
		expect(rows[2]).toMatchObject({ id: 'FA-1003', created: '2024-11-08 14:20', resolved: '2024-11-09 09:00', subject: 'کندی در بارگذاری صفحه، پس از به‌روزرسانی' });
		expect(rows.map((r) => r.customer_id)).toContain('گروه صنعتی پارس');
	});

	it('reads a Windows-1252 CSV with semicolons and a title line from its header on', async () => {
		const { upload: outcome } = await receiveUpload(rt, upload({ dataset: 'customers', encoding: 'windows-1252', delimiter: ';', headerRow: '1' }, 'customers.csv', fixture('customers-latin.windows-1252.csv')));
		// No mapping named: the header must fit a layout… it does not (Customer ID is not id): refused as a layout problem.
		expect(outcome?.status).toBe('failed');
		saveMapping(
			t.config.mappingsDir,
			{ id: 'latin-customers', dataset: 'customers', title: 'Customers (Excel)', detect: ['Customer ID', 'Name', 'Segment', 'Contact', 'Renewal date'], fields: { id: { column: 'Customer ID' }, name: { column: 'Name' }, segment: { column: 'Segment' }, contact_name: { column: 'Contact' }, renewal_date: { column: 'Renewal date', format: 'D/M/YYYY' } } },
			{ replace: false }
		);
		const { upload: again } = await receiveUpload(rt, upload({ dataset: 'customers', mapping: 'latin-customers', encoding: 'windows-1252', delimiter: ';', headerRow: '1' }, 'customers-2.csv', fixture('customers-latin.windows-1252.csv')));
		expect(again).toMatchObject({ status: 'loaded', inserted: 3, rejected: 0 });
		expect(await t.rows(`select id, name, contact_name, renewal_date::varchar as renewal from customers where id like 'C-2%' order by id`)).toEqual([
			{ id: 'C-201', name: 'Société Générale', contact_name: 'Zoë Müller', renewal: '2027-03-15' },
			{ id: 'C-202', name: 'Café Crème SARL', contact_name: 'François Dupré', renewal: '2026-12-01' },
			{ id: 'C-203', name: 'Straße & Söhne GmbH', contact_name: 'Jürgen Öztürk', renewal: '2027-06-30' }
		]);
	});

	it('makes UTF-16 (LE, BE) and UTF-8 with BOM into the very bytes of the Windows-1256 upload', async () => {
		// Each is the same text: converted, it is the same UTF-8 file, which the loader knows as
		// already loaded (by its hash). That the hashes agree shows the conversions agree byte for byte.
		for (const [encoding, file] of [
			['utf-16le', 'tickets-fa.utf-16le.csv'],
			['utf-16be', 'tickets-fa.utf-16be.csv'],
			['utf-8-bom', 'tickets-fa.utf-8-bom.csv']
		] as const) {
			const { upload: outcome } = await receiveUpload(rt, upload({ dataset: 'tickets', mapping: 'fa-tickets', encoding }, `${encoding}.csv`, fixture(file)));
			expect(outcome, encoding).toMatchObject({ status: 'duplicate', inserted: 0, rejected: 0 });
		}
	});

	it('turns an XLSX workbook’s first sheet into the CSV the loader reads (dates, numbers, Persian)', async () => {
		const sheet = await writeXlsxFile(
			[
				['Call report', null, null, null],
				['call id', 'start time', 'result', 'wait'],
				['X-1', new Date(Date.UTC(2026, 2, 1, 8, 15, 0)), 'answered', 12],
				['X-2', new Date(Date.UTC(2026, 2, 1, 9, 0, 0)), 'abandoned', 95.5]
			] as never,
			{ dateFormat: 'yyyy-mm-dd hh:mm' }
		).toBuffer();
		// As the upload page writes it: detected by the columns it reads (without, a mapping would claim
		// every file whose header fits the product's own layout).
		saveMapping(t.config.mappingsDir, { id: 'xlsx-calls', dataset: 'calls', title: 'Calls workbook', detect: ['call id', 'start time', 'result', 'wait'], fields: { id: { column: 'call id' }, started_at: { column: 'start time' }, outcome: { column: 'result' }, wait_seconds: { column: 'wait' } } }, { replace: false });
		const { upload: outcome } = await receiveUpload(rt, upload({ dataset: 'calls', mapping: 'xlsx-calls', headerRow: '1' }, 'calls.xlsx', new Uint8Array(sheet)));
		expect(outcome).toMatchObject({ fileName: 'calls.csv', status: 'loaded', inserted: 2, rejected: 0 });
		expect(await t.rows(`select id, strftime(timezone('Asia/Tehran', started_at), '%Y-%m-%d %H:%M') as started, wait_seconds::double as wait from calls order by id`)).toEqual([
			{ id: 'X-1', started: '2026-03-01 08:15', wait: 12 },
			{ id: 'X-2', started: '2026-03-01 09:00', wait: 95.5 }
		]);
	});

	it('refuses an unknown mapping or a reading it does not know, keeping nothing', async () => {
		const refused = async (fields: Record<string, string>) => ((await receiveUpload(rt, upload(fields, 'x.csv', 'id\n1\n')).catch((e: unknown) => e)) as UploadError).phrase;
		expect(await refused({ dataset: 'tickets', mapping: 'nope' })).toEqual({ key: 'import.unknownMapping', params: { mapping: 'nope', dataset: 'tickets' } });
		expect(await refused({ dataset: 'tickets', encoding: 'ebcdic' })).toEqual({ key: 'import.badOption', params: { field: 'encoding', value: 'ebcdic' } });
		expect(await refused({ dataset: 'tickets', delimiter: 'x' })).toMatchObject({ key: 'import.badOption', params: { field: 'delimiter' } });
		expect(await refused({ dataset: 'tickets', headerRow: '-1' })).toMatchObject({ key: 'import.badOption', params: { field: 'headerRow' } });
		// A layout is a folder name, never a path (whichever of layout, preset or mapping names it).
		expect(await refused({ dataset: 'tickets', mapping: '../etc' })).toEqual({ key: 'import.unknownLayout', params: { layout: '../etc' } });
		expect(await refused({ dataset: 'tickets', preset: 'a/b' })).toEqual({ key: 'import.unknownLayout', params: { layout: 'a/b' } });
		const staging = path.join(t.config.inboxDir, '.uploads');
		expect(fs.readdirSync(staging)).toEqual([]);
	});

	it('answers a followed upload at once and reports the load to its end', async () => {
		const rows = ['id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id'];
		for (let i = 0; i < 12_000; i++) rows.push(`F${i},,inbound,followed,2026-01-02T08:00:00Z,,,5,60,${i % 1000 === 0 ? 'maybe' : 'answered'},a,true,`);
		const { job } = await receiveFollowedUpload(rt, upload({ dataset: 'calls' }, 'followed.csv', rows.join('\n')));
		expect(['queued', 'loading', 'refreshing']).toContain(job.state);
		let last = jobProgress(job.job)!;
		for (let i = 0; i < 600 && !['done', 'failed'].includes(last.state); i++) {
			await new Promise((r) => setTimeout(r, 100));
			last = jobProgress(job.job)!;
		}
		expect(last.outcome?.error ?? null).toBeNull();
		expect(last).toMatchObject({ state: 'done', filesDone: 1, filesTotal: 1, rowsRead: 12_000, rejected: 12, outcome: { fileName: 'followed.csv', status: 'with_rejects', inserted: 11_988, rejected: 12 } });
		expect(last.parts).toEqual([{ index: 0, dataset: 'calls', mapping: 'native', rowsRead: 12_000, rejected: 12 }]);
		expect(jobProgress('no-such-job')).toBeNull();
	});

	it('follows every part of a preset’s file, and loads the same file again only when forced', async () => {
		const zendesk = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/presets/zendesk.csv'))) as Uint8Array<ArrayBuffer>;
		const follow = async (fields: Record<string, string>) => {
			const { job } = await receiveFollowedUpload(rt, upload(fields, 'zendesk-export.csv', zendesk));
			let last = jobProgress(job.job)!;
			for (let i = 0; i < 600 && !['done', 'failed'].includes(last.state); i++) {
				await new Promise((r) => setTimeout(r, 100));
				last = jobProgress(job.job)!;
			}
			return last;
		};
		const first = await follow({ dataset: 'tickets', preset: 'zendesk' });
		expect(first.state).toBe('done');
		// The counts of test/integration/byo.test.ts: 3 customers, 5 tickets (1 rejected), 4 answers (1 rejected, 1 skipped); the file's own dataset first.
		expect(first.outcome?.parts.map((p) => [p.dataset, p.mapping, p.status, p.inserted, p.rejected, p.skipped])).toEqual([
			['tickets', 'zendesk-tickets', 'with_rejects', 5, 1, 0],
			['customers', 'zendesk-customers', 'loaded', 3, 0, 0],
			['survey_answers', 'zendesk-csat', 'with_rejects', 4, 1, 1]
		]);
		// Each part read the file through: its own rows and rejects, in load order.
		expect(first.parts.map((p) => [p.dataset, p.rowsRead, p.rejected])).toEqual([
			['customers', 6, 0],
			['tickets', 6, 1],
			['survey_answers', 6, 1]
		]);
		expect(first.partsTotal).toBe(3);

		const again = await follow({ dataset: 'tickets', preset: 'zendesk' });
		expect(again.outcome?.parts.map((p) => p.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
		const forced = await follow({ dataset: 'tickets', preset: 'zendesk', force: 'on' });
		expect(forced.outcome?.parts.map((p) => [p.dataset, p.inserted, p.updated])).toEqual([
			['tickets', 0, 5],
			['customers', 0, 3],
			['survey_answers', 0, 4]
		]);
	});
});
