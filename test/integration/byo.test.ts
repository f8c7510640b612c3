/**
 * Bringing one's own data, end to end on a fresh database: the failures a new user met with a
 * real help-desk export (issue 11), each loading right now or refused with why.
 *
 * - one Zendesk export feeds tickets, their CSAT survey and the customers;
 * - the same file is a new load for another dataset or a changed mapping, a duplicate otherwise;
 * - a mapping with a typo fails its files (to failed/, with the mapping's problem), never a
 *   fall-back to another layout; fixed, "load again" loads the file, updating by key;
 * - a file given as the wrong dataset is refused with the columns found;
 * - "Offered" surveys count toward the response rate, not toward CSAT; 1900-01-01 is no date;
 * - the rejects download, fixed, uploads back as it is and loads;
 * - an event log's rows are combined per incident (created = first event);
 * - a preset's time zone places naive times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilters } from '../../src/lib/filters';
import { inEnglish, translator } from '../../src/lib/i18n/translate';
import { toCsv } from '../../src/lib/server/export/csv';
import { loadAgain, LoadAgainError, runIngest, type RunSummary } from '../../src/lib/server/imports/ingest';
import { rejectsOfImport } from '../../src/lib/server/imports/rejects';
import { SURVEY_DIMENSIONS, surveyKpis } from '../../src/lib/server/kpi/surveys';
import { loadSettings } from '../../src/lib/server/settings';
import { SLA_DIMENSIONS, sourceFigures } from '../../src/lib/server/sla/compliance';
import { tempDb, type TempDb } from '../helpers/temp-db';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const en = translator('en');

let t: TempDb;
beforeAll(async () => {
	t = await tempDb();
});
afterAll(() => t?.close());

const count = async (sql: string) => Number((await t.rows<{ n: number }>(sql))[0]!.n);
const files = (run: RunSummary) => run.files.map((f) => [f.dataset, f.mapping, f.status, f.inserted, f.updated, f.rejected, f.skipped]);
const filters = (query: string, accept: readonly string[]) =>
	parseFilters(new URLSearchParams(query), { today: '2026-11-23', extent: null, accept: accept as never }).filters;

describe('one Zendesk export', { timeout: 120_000 }, () => {
	let run: RunSummary;
	beforeAll(async () => {
		t.drop('tickets', 'zendesk-march.csv', fixture('zendesk.csv'));
		run = await runIngest(t.db, t.config, 'manual');
	});

	it('loads tickets, CSAT answers and customers from the one file, each its own import', () => {
		// Customers: 3 organisations / requesters (6 rows, 3 replaced by a later row of the same customer).
		// Tickets: 5 of 6 (1006 has no creation time). Surveys: 3 answers + 1 offer unanswered; 1005
		// "Unoffered" skipped; 1006 score 9 refused.
		expect(files(run)).toEqual([
			['customers', 'zendesk-customers', 'loaded', 3, 0, 0, 0],
			['tickets', 'zendesk-tickets', 'with_rejects', 5, 0, 1, 0],
			['survey_answers', 'zendesk-csat', 'with_rejects', 4, 0, 1, 1]
		]);
		expect(run.files.every((f) => f.preset === 'zendesk')).toBe(true);
		// One file, one place: every part's record points at it, in processed/tickets/.
		expect(new Set(run.files.map((f) => f.storedPath)).size).toBe(1);
		expect(fs.readdirSync(path.join(t.config.processedDir, 'tickets'))).toHaveLength(1);
	});

	it('keeps the help desk\'s own figures, reopens and tags; 1900-01-01 "not solved" is no date', async () => {
		const [a] = await t.rows<Record<string, unknown>>(`
			select customer_id, status, reopen_count, tags,
				source_first_reply_minutes as frc, source_first_reply_business_minutes as frb, source_resolution_minutes as rc, source_resolution_business_minutes as rb,
				strftime(timezone('Asia/Tehran', created_at), '%Y-%m-%d %H:%M') as created,
				strftime(timezone('Asia/Tehran', first_response_at), '%Y-%m-%d %H:%M') as first_response
			from tickets where id = '1001'`);
		// First response = creation + the first reply time (25 min).
		expect(a).toEqual({ customer_id: 'Parsian Bank', status: 'resolved', reopen_count: 1, tags: ['login', 'release_9', 'vip'], frc: 25, frb: 25, rc: 510, rb: 450, created: '2024-03-02 08:15', first_response: '2024-03-02 08:40' });
		const [b] = await t.rows<Record<string, unknown>>(`select resolved_at, customer_id, assignee from tickets where id = '1002'`);
		expect(b).toEqual({ resolved_at: null, customer_id: 'zendesk-requester-502', assignee: null });
		expect(await count(`select count(*) as n from customers where is_stub`)).toBe(0);
	});

	it("counts 'Offered' toward the response rate and not toward CSAT", async () => {
		const settings = await loadSettings(t.db);
		const k = await surveyKpis(t.db, filters('from=2024-03-01&to=2024-03-31', SURVEY_DIMENSIONS), settings.kpi);
		// Offers: 1001 Good, 1002 Offered, 1003 Bad, 1004 score 4 → 3 answered of 4 offered = 75%.
		expect(k.responseRate.csat).toMatchObject({ answered: 3, offered: 4, rate: 75 });
		expect(k.responseRate.nps).toBeNull();
		// CSAT over the 3 answers: Good (5) and 4 are satisfied, Bad (1) not → 2/3 = 66.7%.
		expect(k.csat.current).toMatchObject({ satisfied: 2, n: 3 });
		expect(k.csat.current.csat).toBeCloseTo(66.667, 2);
		expect(await count(`select count(*) as n from survey_answers where id = 'zendesk-csat-1002'`)).toBe(0);
	});

	it("shows the help desk's own times beside the product's clocks", async () => {
		const s = await sourceFigures(t.db, filters('from=2024-03-01&to=2024-03-31', SLA_DIMENSIONS));
		expect(s).not.toBeNull();
		// First reply stated for 1001 (25/25), 1003 (90/60), 1004 (5/5); all three have stopped clocks
		// of ours (first_response_at from the same figure). Medians: business 25 min, calendar 25 min.
		expect(s!.firstResponse).toMatchObject({ n: 3, theirsBusiness: 25 * 60, theirsCalendar: 25 * 60 });
		// Resolution stated and solved: 1001 (510/450) and 1003 (1710/540): medians 495 and 1,110 minutes.
		expect(s!.resolution).toMatchObject({ n: 2, theirsBusiness: 495 * 60, theirsCalendar: 1110 * 60 });
		expect(s!.firstResponse.ours).not.toBeNull();
	});

	it('is a duplicate through the same layout, a new load into another dataset only where it has not been loaded', async () => {
		t.drop('tickets', 'zendesk-march-copy.csv', fixture('zendesk.csv'));
		const again = await runIngest(t.db, t.config, 'manual');
		expect(again.files.map((f) => [f.dataset, f.status])).toEqual([
			['customers', 'duplicate'],
			['tickets', 'duplicate'],
			['survey_answers', 'duplicate']
		]);
		expect(inEnglish(again.files[1]!.notes.at(-1)!)).toContain('already loaded as "zendesk-march.csv"');
		expect(await count('select count(*) as n from tickets')).toBe(5);
	});

	it('the same file into survey_answers/ first loads only the answers; into tickets/ then, the rest', async () => {
		// Another export (tickets 2001-2006), so that nothing of it was loaded before.
		const other = fixture('zendesk.csv').toString('utf8').replaceAll(',100', ',200');
		t.drop('survey_answers', 'export.csv', other);
		const first = await runIngest(t.db, t.config, 'manual');
		expect(files(first)).toEqual([['survey_answers', 'zendesk-csat', 'with_rejects', 4, 0, 1, 1]]);
		t.drop('tickets', 'export.csv', other);
		const second = await runIngest(t.db, t.config, 'manual');
		expect(second.files.map((f) => [f.dataset, f.status, f.inserted])).toEqual([
			['customers', 'loaded', 0],
			['tickets', 'with_rejects', 5],
			['survey_answers', 'duplicate', 0]
		]);
	});
});

describe('a mapping with a typo, then fixed', { timeout: 120_000 }, () => {
	const CSV = ['Ticket,Opened,Team name,Client', 'H-1,2024-04-01 09:00,Support,C1', 'H-2,2024-04-01 10:00,Tech,C2'].join('\n');
	const mapping = (created: string) => ({
		id: 'helpdesk-x',
		dataset: 'tickets',
		title: 'Help desk X',
		detect: ['Ticket', 'Opened'],
		fields: { id: { column: 'Ticket' }, [created]: { column: 'Opened' }, team: { column: 'Team name' }, customer_id: { column: 'Client' } }
	});
	let failed: RunSummary;

	beforeAll(async () => {
		fs.mkdirSync(t.config.mappingsDir, { recursive: true });
		// "created" instead of "created_at": the mapping cannot be used.
		fs.writeFileSync(path.join(t.config.mappingsDir, 'helpdesk-x.json'), JSON.stringify(mapping('created')));
		t.drop('tickets', 'x-april.csv', CSV);
		failed = await runIngest(t.db, t.config, 'manual');
	});

	it('fails its file with the mapping\'s problem, loads nothing through another layout, keeps it in failed/', async () => {
		expect(failed.files).toHaveLength(1);
		const f = failed.files[0]!;
		expect(f.status).toBe('failed');
		expect(inEnglish(f.error!)).toContain('mapping helpdesk-x.json not used');
		expect(inEnglish(f.error!)).toContain('field "created" is not a field of tickets');
		expect(failed.status).toBe('failed');
		expect(await count(`select count(*) as n from tickets where id like 'H-%'`)).toBe(0);
		expect(fs.readdirSync(path.join(t.config.failedDir, 'tickets'))).toHaveLength(1);
	});

	it('after the fix, "load again" loads it (into processed/), and again updates by key, never doubling', async () => {
		fs.writeFileSync(path.join(t.config.mappingsDir, 'helpdesk-x.json'), JSON.stringify(mapping('created_at')));
		const first = await loadAgain(t.db, t.config, { importId: failed.files[0]!.id });
		expect(first.files.map((f) => [f.mapping, f.status, f.inserted, f.updated])).toEqual([['helpdesk-x', 'loaded', 2, 0]]);
		expect(fs.readdirSync(path.join(t.config.failedDir, 'tickets'))).toHaveLength(0);
		expect(fs.existsSync(path.join(t.config.dataDir, first.files[0]!.storedPath!))).toBe(true);
		expect(first.files[0]!.storedPath).toMatch(/^processed\/tickets\//);
		// The earlier record follows the file to its new place.
		const [old] = await t.rows<{ stored_path: string }>(`select stored_path from import_files where id = ${failed.files[0]!.id}`);
		expect(old!.stored_path).toBe(first.files[0]!.storedPath);
		// Loaded again although unchanged: the two tickets are updated, not doubled.
		const second = await loadAgain(t.db, t.config, { importId: first.files[0]!.id });
		expect(second.files.map((f) => [f.status, f.inserted, f.updated])).toEqual([['loaded', 0, 2]]);
		expect(await count(`select count(*) as n from tickets where id like 'H-%'`)).toBe(2);
		const [rec] = await t.rows<{ forced: boolean; trigger: string }>(`select f.forced, r.trigger from import_files f join import_runs r on r.id = f.run_id where f.id = ${second.files[0]!.id}`);
		expect(rec).toEqual({ forced: true, trigger: 'reload' });
	});

	it('a changed mapping makes the same file a new load; an unknown import cannot be loaded again', async () => {
		fs.writeFileSync(path.join(t.config.mappingsDir, 'helpdesk-x.json'), JSON.stringify({ ...mapping('created_at'), title: 'Help desk X, v2' }));
		t.drop('tickets', 'x-april-again.csv', CSV);
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.files.map((f) => [f.status, f.updated])).toEqual([['loaded', 2]]);
		await expect(loadAgain(t.db, t.config, { importId: 99999 })).rejects.toBeInstanceOf(LoadAgainError);
		fs.rmSync(path.join(t.config.mappingsDir, 'helpdesk-x.json'));
	});
});

describe('a file given as the wrong dataset', { timeout: 120_000 }, () => {
	it('is refused with the columns it found: a ticket export is no calls file', async () => {
		t.drop('calls', 'tickets-by-mistake.csv', fixture('zendesk.csv'));
		const before = await count('select count(*) as n from calls');
		const run = await runIngest(t.db, t.config, 'manual');
		const f = run.files[0]!;
		expect(f).toMatchObject({ dataset: 'calls', status: 'failed', inserted: 0 });
		const why = inEnglish(f.error!);
		expect(why).toContain('do not match any layout for calls');
		expect(why).toContain('Found: Summation column, Id, Requester, Requester id');
		expect(await count('select count(*) as n from calls')).toBe(before);
		expect(fs.readdirSync(path.join(t.config.failedDir, 'calls'))).toHaveLength(1);
	});
	it('given as customers, a Zendesk export gives its organisations (the preset\'s customers part), not a customer per ticket', async () => {
		t.drop('customers', 'zendesk-as-customers.csv', fixture('zendesk.csv'));
		const run = await runIngest(t.db, t.config, 'manual');
		// Loaded before through the same part: nothing new, and no ticket became a customer.
		expect(files(run)).toEqual([['customers', 'zendesk-customers', 'duplicate', 0, 0, 0, 0]]);
		expect(await count("select count(*) as n from customers where id in ('1001', '1002')")).toBe(0);
	});
	it("a product-layout tickets file is not read as customers either (the product's layout must be most of the file)", async () => {
		t.drop('customers', 'native-tickets.csv', 'id,customer_id,channel,created_at,status,priority\nT-1,C1,email,2024-04-02 09:00,open,normal\n');
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.files[0]).toMatchObject({ status: 'failed' });
	});
});

describe('rejects round trip', { timeout: 120_000 }, () => {
	it('the rejects download, fixed in a spreadsheet, uploads back as it is into the same dataset and loads', async () => {
		const csv = [
			'id,name,segment,contract_start,contact_phone,contact_email',
			'RT-1,Good Co,bank,2021-01-01,+98 21 1111,a@good.example',
			'RT-2,"Bad, date Co",bank,2021-13-01,+98 21 2222,b@bad.example',
			'RT-3,Short row,bank',
			'RT-4,Formula Co,=cmd,not-a-date,-5,c@x.example'
		].join('\n');
		t.drop('customers', 'round-trip.csv', csv);
		const run = await runIngest(t.db, t.config, 'manual');
		const f = run.files[0]!;
		expect([f.status, f.inserted, f.rejected]).toEqual(['with_rejects', 1, 3]);

		const table = (await rejectsOfImport(t.db, f.id, en))!;
		expect(table.header).toEqual(['_reject_reason', '_reject_column', '_reject_line', 'id', 'name', 'segment', 'contract_start', 'contact_phone', 'contact_email', '_reject_row']);
		const download = toCsv(table.header, table.rows);
		// The spreadsheet: formula-like cells came out with an apostrophe; the short row is kept whole.
		expect(download).toContain("'=cmd");
		expect(download).toContain("'-5");
		// Fixed by hand: the dates, and the short row's columns filled in from _reject_row.
		const fixed = download
			.replace(',2021-13-01,', ',2021-12-01,')
			.replace(',not-a-date,', ',2022-02-02,')
			.replace(',,,,,,,"RT-3,Short row,bank"', ',RT-3,Short row,bank,,,,"RT-3,Short row,bank"');
		t.drop('customers', 'rejects-fixed.csv', fixed);
		const back = await runIngest(t.db, t.config, 'manual');
		const b = back.files[0]!;
		expect([b.dataset, b.mapping, b.status, b.inserted, b.rejected]).toEqual(['customers', 'native', 'loaded', 3, 0]);
		const rows = await t.rows<{ id: string; name: string; segment: string; contract_start: string; contact_phone: string | null }>(
			"select id, name, segment, cast(contract_start as varchar) as contract_start, contact_phone from customers where id like 'RT-%' order by id"
		);
		expect(rows).toEqual([
			{ id: 'RT-1', name: 'Good Co', segment: 'bank', contract_start: '2021-01-01', contact_phone: '+98 21 1111' },
			{ id: 'RT-2', name: 'Bad, date Co', segment: 'bank', contract_start: '2021-12-01', contact_phone: '+98 21 2222' },
			{ id: 'RT-3', name: 'Short row', segment: 'bank', contract_start: null as unknown as string, contact_phone: null },
			// The apostrophe the download added is taken off again: "=cmd" and "-5" as they were.
			{ id: 'RT-4', name: 'Formula Co', segment: '=cmd', contract_start: '2022-02-02', contact_phone: '-5' }
		]);
		// The reasons (and the other _reject_ columns) are not data and no "columns not used" note.
		expect(b.notes.map(inEnglish).join(' ')).not.toContain('columns not used');
	});

	it('a rejected part of a preset goes back into its own dataset only', async () => {
		const [answers] = await t.rows<{ id: number }>("select id from import_files where mapping = 'zendesk-csat' and status = 'with_rejects' order by id limit 1");
		const table = (await rejectsOfImport(t.db, answers!.id, en))!;
		// Row 1006: score 9 → fixed to 5.
		const fixed = toCsv(table.header, table.rows).replace(/,9,/, ',5,');
		t.drop('survey_answers', 'csat-fixed.csv', fixed);
		const run = await runIngest(t.db, t.config, 'manual');
		expect(files(run)).toEqual([['survey_answers', 'zendesk-csat', 'loaded', 1, 0, 0, 0]]);
		const [a] = await t.rows<{ score: number }>("select score from survey_answers where id = 'zendesk-csat-1006'");
		expect(a!.score).toBe(5);
	});
});

describe('an event log and a time zone', { timeout: 120_000 }, () => {
	it('ServiceNow events: created = the first event, first response = the first update out of New, status changes kept', async () => {
		t.drop('tickets', 'events.csv', fixture('servicenow_events.csv'));
		const run = await runIngest(t.db, t.config, 'manual');
		expect(files(run)).toEqual([
			['tickets', 'servicenow-events-tickets', 'loaded', 3, 0, 0, 0],
			['ticket_status_changes', 'servicenow-events-status', 'loaded', 10, 0, 0, 1]
		]);
		expect(inEnglish(run.files[0]!.notes.at(-1)!)).toBe('11 rows combined into 3 records (one per key, as the layout says)');
		const rows = await t.rows<Record<string, unknown>>(`
			select id, status, team, assignee, reopen_count,
				strftime(timezone('Asia/Tehran', created_at), '%Y-%m-%d %H:%M') as created,
				strftime(timezone('Asia/Tehran', first_response_at), '%Y-%m-%d %H:%M') as first_response,
				strftime(timezone('Asia/Tehran', resolved_at), '%Y-%m-%d %H:%M') as resolved
			from tickets where id like 'INC%' order by id`);
		expect(rows).toEqual([
			{ id: 'INC0000045', status: 'closed', team: 'Group 56', assignee: null, reopen_count: 0, created: '2016-02-29 01:16', first_response: '2016-02-29 08:53', resolved: '2016-02-29 11:29' },
			// The last update (state Resolved) gives status, team and assignee; the reopen count is the highest seen.
			{ id: 'INC0000047', status: 'resolved', team: 'Group 24', assignee: 'Resolver 89', reopen_count: 1, created: '2016-02-29 04:40', first_response: '2016-02-29 05:30', resolved: '2016-03-01 09:52' },
			{ id: 'INC0000060', status: 'new', team: 'Group 56', assignee: null, reopen_count: 0, created: '2016-02-29 06:38', first_response: null, resolved: null }
		]);
	});

	it("a preset's time zone places naive times (FreeScout stores UTC)", async () => {
		t.drop('tickets', 'conversations.csv', fixture('freescout.csv'));
		const run = await runIngest(t.db, t.config, 'manual');
		expect(files(run)).toEqual([['tickets', 'freescout-tickets', 'loaded', 2, 0, 0, 2]]);
		const [r] = await t.rows<{ utc: string }>("select strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M') as utc from tickets where id = '4001'");
		expect(r!.utc).toBe('2024-02-01 08:30');
	});
});
