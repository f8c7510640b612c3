/**
 * The presets for help-desk exports, without a database: each vendor's header template (from
 * ../shared/data/real/helpdesk_export_formats, read in place) is recognised as its layout, and a
 * small hand-written sample of each layout (test/fixtures/presets/) reads into the expected
 * rows, awkward values included: placeholders, "-", offered surveys, footers, 12-hour clocks,
 * day-first dates, durations in hours, numeric codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/lib/i18n/translate';
import type { Database } from '../../src/lib/server/db/database';
import { detectLayouts, resolveParts } from '../../src/lib/server/imports/detect';
import { compileMapping } from '../../src/lib/server/imports/mapping';
import { BUILT_IN_PRESETS, loadMappings } from '../../src/lib/server/imports/mappings/index';
import { openReader } from '../../src/lib/server/imports/readers';
import { sniffFile } from '../../src/lib/server/imports/sniff';
import type { DatasetName } from '../../src/lib/server/imports/datasets';
import { realDataAvailable, realDataDir } from '../helpers/temp-db';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const available = loadMappings(null);
const noDatabase = null as unknown as Database;

interface Read {
	rows: Record<string, string | null>[];
	rejects: { record: number; column: string | null; reason: string }[];
	skipped: string[];
}

/** Read a fixture through what resolveParts picks for `dataset` (or the named layout): per dataset, its rows, rejects and skips. */
async function readFixture(name: string, dataset: DatasetName, layout?: string, timeZone = 'Asia/Tehran'): Promise<Record<string, Read> & { _parts: string[] }> {
	const file = path.join(FIXTURES, name);
	const sniffed = await sniffFile(file);
	const head = await openReader(file, sniffed, noDatabase);
	const resolved = resolveParts(dataset, head.headers, available, layout);
	head.close();
	if (!resolved.ok) throw new Error(inEnglish(resolved.problem));
	const out = { _parts: resolved.parts.map((p) => `${p.dataset}/${p.id}`) } as Record<string, Read> & { _parts: string[] };
	for (const spec of resolved.parts) {
		const mapping = compileMapping(spec, head.headers, { timeZone: spec.timeZone ?? timeZone });
		const read: Read = { rows: [], rejects: [], skipped: [] };
		const reader = await openReader(file, sniffed, noDatabase);
		await reader.forEach((rec) => {
			const m = mapping.map(rec);
			if (m.kind === 'row') read.rows.push(Object.fromEntries(mapping.fields.map((f) => [f.def.name, m.values[f.index] ?? null])));
			else if (m.kind === 'reject') read.rejects.push({ record: rec.record, column: m.problem.column, reason: inEnglish(m.problem.problem) });
			else read.skipped.push(m.reason);
		});
		reader.close();
		out[spec.dataset] = read;
	}
	return out;
}

const byId = (rows: Record<string, string | null>[], id: string) => rows.find((r) => r.id === id || r.ticket_id === id)!;

describe('the header templates of real help desks', () => {
	const available_ = realDataAvailable();
	const template = (name: string) => fs.readFileSync(path.join(realDataDir(), 'helpdesk_export_formats', name), 'utf8').trim().split(',');
	const best = (header: string[], dataset?: DatasetName) => detectLayouts(header, available, dataset)[0]!;

	it.runIf(available_)('Zendesk: tickets, with its CSAT answers and customers from the same file', () => {
		const c = best(template('zendesk_support_csv_export_header.csv'));
		expect(c).toMatchObject({ dataset: 'tickets', mapping: 'zendesk-tickets', preset: 'zendesk', fits: true });
		expect(c.alsoLoads.sort()).toEqual(['customers', 'survey_answers']);
		expect(c.matched).toContain('First reply time in minutes within business hours');
		// Dropped into survey_answers/, the same header is the preset's CSAT part.
		expect(best(template('zendesk_support_csv_export_header.csv'), 'survey_answers')).toMatchObject({ mapping: 'zendesk-csat', fits: true, alsoLoads: [] });
	});
	it.runIf(available_)('Freshdesk: tickets and survey results; customers only with the contact or company fields', () => {
		const tickets = template('freshdesk_ticket_export_header.csv');
		expect(best(tickets)).toMatchObject({ mapping: 'freshdesk-tickets', preset: 'freshdesk', fits: true, alsoLoads: ['survey_answers'] });
		// Without them, the load says what the customers part lacks.
		const resolved = resolveParts('tickets', tickets, available);
		expect(resolved.ok && resolved.notes.map(inEnglish)).toEqual(['customers not loaded from this file (layout freshdesk-customers): it lacks id (Company Name / Contact ID / Email)']);
		const withContacts = [...tickets, ...template('freshdesk_contact_fields_header.csv')];
		expect(best(withContacts).alsoLoads.sort()).toEqual(['customers', 'survey_answers']);
	});
	it.runIf(available_)('Zammad, osTicket, FreeScout: tickets; Chatwoot: CSAT answers (untranslated column keys)', () => {
		expect(best(template('zammad_ticket_xls_report_header.csv'))).toMatchObject({ mapping: 'zammad-tickets', fits: true, alsoLoads: ['customers'] });
		expect(best(template('osticket_ticket_export_header.csv'))).toMatchObject({ mapping: 'osticket-tickets', fits: true, alsoLoads: ['customers'] });
		expect(best(template('freescout_conversations_table_columns.csv'))).toMatchObject({ mapping: 'freescout-tickets', fits: true, timeZone: 'UTC' });
		expect(best(template('chatwoot_csat_report_header.csv'))).toMatchObject({ dataset: 'survey_answers', mapping: 'chatwoot-csat-answers', fits: true, alsoLoads: ['customers'] });
	});
	it.runIf(available_)('the Chatwoot agent report is no layout of any dataset: nothing fits, and the columns it matched are none', () => {
		const c = detectLayouts(template('chatwoot_agent_report_header.csv'), available);
		expect(c.some((x) => x.fits)).toBe(false);
	});
	it('every preset names its main dataset among its parts, in load order (customers first)', () => {
		for (const p of BUILT_IN_PRESETS) {
			expect(p.mappings.some((m) => m.dataset === p.dataset)).toBe(true);
			expect(p.mappings.every((m) => m.preset === p.id)).toBe(true);
			const order = p.mappings.map((m) => m.dataset);
			expect(order.indexOf('customers')).toBeLessThanOrEqual(0);
		}
	});
});

describe('Zendesk sample (awkward values)', () => {
	it('reads tickets: channels, types, the 1900 placeholder, "-", tags, metrics, first response = created + first reply', async () => {
		const r = await readFixture('zendesk.csv', 'tickets');
		expect(r._parts).toEqual(['customers/zendesk-customers', 'tickets/zendesk-tickets', 'survey_answers/zendesk-csat']);
		const t = r.tickets!;
		expect(t.rows.map((x) => x.id)).toEqual(['1001', '1002', '1003', '1004', '1005']);
		expect(byId(t.rows, '1001')).toMatchObject({
			customer_id: 'Parsian Bank',
			channel: 'portal',
			category: 'bug',
			priority: 'critical',
			status: 'resolved',
			team: 'Support',
			assignee: 'Reza K',
			created_at: '2024-03-02 08:15:00',
			// 08:15 Tehran (UTC+3:30, no DST in 2024) + 25 minutes = 05:10 UTC.
			first_response_at: '2024-03-02 05:10:00.000+00:00',
			resolved_at: '2024-03-02 16:45:00',
			source_first_reply_minutes: '25',
			source_first_reply_business_minutes: '25',
			source_resolution_minutes: '510',
			source_resolution_business_minutes: '450',
			reopen_count: '1',
			tags: '["login","release_9","vip"]'
		});
		// No organisation: the requester; "-" assignee; 1900-01-01 "not solved"; no first reply yet.
		expect(byId(t.rows, '1002')).toMatchObject({ customer_id: 'zendesk-requester-502', assignee: null, status: 'waiting_customer', channel: 'email', category: 'how_to', resolved_at: null, first_response_at: null, tags: null });
		expect(byId(t.rows, '1002').subject).toBe('Report export is slow\nsince Monday');
		expect(byId(t.rows, '1003')).toMatchObject({ category: null, status: 'closed', channel: 'phone', source_first_reply_business_minutes: '60' });
		expect(byId(t.rows, '1004')).toMatchObject({ status: 'on_hold', channel: 'chat', category: 'bug', reopen_count: '2' });
		expect(byId(t.rows, '1005')).toMatchObject({ priority: null, category: null, status: 'new', created_at: '2024-03-06 07:30:00+03:30' });
		expect(t.rejects).toEqual([{ record: 6, column: 'Created at', reason: 'created_at is missing' }]);
	});
	it('reads the satisfaction: Good 5, Bad 1, scores kept, Offered an offer without answer, Unoffered skipped, 9 out of range', async () => {
		const s = (await readFixture('zendesk.csv', 'survey_answers')).survey_answers!;
		expect(s.rows.map((x) => [x.id, x.state, x.score, x.answered_at, x.offered_at])).toEqual([
			['zendesk-csat-1001', 'answered', '5', '2024-03-02 16:45:00', '2024-03-02 16:45:00'],
			// The placeholder is no time: the offer falls back to the last update.
			['zendesk-csat-1002', 'offered', null, null, '2024-03-04 09:30:00'],
			['zendesk-csat-1003', 'answered', '1', '2024-03-05 13:30:00', '2024-03-05 13:30:00'],
			['zendesk-csat-1004', 'answered', '4', '2024-03-05 15:00:00', '2024-03-05 15:00:00']
		]);
		expect(s.rows.every((x) => x.kind === 'csat' && x.occasion === 'post_ticket')).toBe(true);
		expect(s.skipped).toEqual(['no satisfaction survey was offered for this ticket']);
		expect(s.rejects).toEqual([{ record: 6, column: 'Satisfaction Score', reason: 'CSAT scores run 1-5; got 9' }]);
	});
	it('reads the customers: the organisation, else the requester', async () => {
		const c = (await readFixture('zendesk.csv', 'tickets')).customers!;
		expect([...new Set(c.rows.map((x) => x.id))]).toEqual(['Parsian Bank', 'zendesk-requester-502', 'Sepid Soft']);
		expect(byId(c.rows, 'zendesk-requester-502')).toMatchObject({ name: 'Ali Rahimi', contact_email: 'ali@gmail.example' });
	});
});

describe('the other help desks (samples)', () => {
	it('Freshdesk: hours and H:MM become minutes, five- and three-point surveys, companies else contacts', async () => {
		const r = await readFixture('freshdesk.csv', 'tickets');
		expect(r._parts).toEqual(['customers/freshdesk-customers', 'tickets/freshdesk-tickets', 'survey_answers/freshdesk-csat']);
		const t = r.tickets!;
		expect(byId(t.rows, '7001')).toMatchObject({ customer_id: 'Parsian Bank', channel: 'portal', category: 'bug', priority: 'critical', status: 'resolved', first_response_at: '2024-05-01 09:20:00', tags: '["login","release-9"]' });
		// 0.33 h = 19.8 min; 3.5 h = 210 min; "1:00" = 60 min.
		expect(Number(byId(t.rows, '7001').source_first_reply_business_minutes)).toBeCloseTo(19.8, 6);
		expect(byId(t.rows, '7001').source_resolution_business_minutes).toBe('210');
		expect(byId(t.rows, '7002')).toMatchObject({ customer_id: 'freshdesk-contact-3302', status: 'waiting_customer', category: 'how_to', priority: 'normal', source_first_reply_business_minutes: '60' });
		expect(byId(t.rows, '7003')).toMatchObject({ category: 'feature_request', channel: 'in_app', closed_at: '2024-05-05 08:00:00' });
		// A refund is no category of the product's; a negative duration is refused.
		expect(t.rejects).toEqual([{ record: 4, column: 'First response time (in hrs)', reason: '"-1" is negative' }]);
		expect(r.survey_answers!.rows.map((x) => [x.ticket_id, x.score])).toEqual([
			['7001', '5'],
			['7003', '3'],
			['7004', '1']
		]);
		expect(r.survey_answers!.skipped).toEqual(['no satisfaction survey result on this ticket']);
		expect(byId(r.customers!.rows, 'Parsian Bank')).toMatchObject({ contact_phone: '+98 21 5555 0101', tier: 'gold', segment: 'bank', renewal_date: '2025-01-15' });
	});
	it('Zammad: numbered priorities, pending states, day-first dotted dates, a custom column left aside', async () => {
		const r = await readFixture('zammad.csv', 'tickets');
		const t = r.tickets!;
		expect(byId(t.rows, '23001')).toMatchObject({ customer_id: 'Parsian Bank', priority: 'high', status: 'closed', channel: 'email', resolved_at: '2024-06-01 15:30:00', source_first_reply_business_minutes: '40', source_resolution_business_minutes: '390', tags: '["vpn","network"]' });
		expect(byId(t.rows, '23002')).toMatchObject({ customer_id: 'Ali Rahimi', assignee: null, status: 'on_hold', channel: 'portal', created_at: '2024-06-02 10:15:00', first_response_at: '2024-06-02 10:45:00' });
		expect(byId(t.rows, '23003')).toMatchObject({ status: 'resolved', channel: 'social', priority: 'low' });
		expect(t.rejects).toEqual([]);
	});
	it('osTicket: 12-hour clock (12:05 am is just after midnight), deleted tickets skipped, a day-first date refused', async () => {
		const t = (await readFixture('osticket.csv', 'tickets')).tickets!;
		expect(byId(t.rows, '100234')).toMatchObject({ created_at: '2023-10-21 15:45:00', closed_at: '2023-10-22 00:05:00', priority: 'critical', team: 'Support', reopen_count: '1', customer_id: 'sara@parsian.example' });
		expect(byId(t.rows, '100236')).toMatchObject({ created_at: '2023-10-24 08:00:00', team: 'Tier 2', channel: 'phone' });
		expect(t.skipped).toEqual(['deleted ticket']);
		expect(t.rejects.map((x) => [x.record, x.reason])).toEqual([[4, '"13/10/2023 8:00 am" has month 13']]);
	});
	it('Chatwoot CSAT: the period line at the end is skipped, the conversation number is the id, times in UTC', async () => {
		const r = await readFixture('chatwoot_csat.csv', 'survey_answers');
		expect(r._parts).toEqual(['customers/chatwoot-csat-customers', 'survey_answers/chatwoot-csat-answers']);
		const s = r.survey_answers!;
		expect(s.rows.map((x) => [x.id, x.score, x.answered_at, x.customer_id])).toEqual([
			['chatwoot-csat-812', '5', '2024-01-15 10:23:45+00:00', 'sara@parsian.example'],
			['chatwoot-csat-815', '2', '2024-01-16 08:00:01+00:00', '+989120000000'],
			['chatwoot-csat-820', '3', '2024-01-16 09:00:00+00:00', null]
		]);
		expect(s.rows[1]!.comment).toBe('Slow, had to ask twice, then again');
		expect(s.skipped).toEqual(["the report's period line (not a rating)"]);
		expect(s.rejects).toEqual([]);
		const keys = (await readFixture('chatwoot_csat_keys.csv', 'survey_answers')).survey_answers!;
		expect(keys.rows.map((x) => x.id)).toEqual(['chatwoot-csat-812']);
	});
	it('FreeScout: numeric codes decoded, spam and drafts skipped, NULL is missing', async () => {
		const t = (await readFixture('freescout.csv', 'tickets')).tickets!;
		expect(t.rows.map((x) => [x.id, x.channel, x.status, x.team, x.assignee, x.customer_id, x.resolved_at])).toEqual([
			['4001', 'email', 'closed', 'mailbox 1', 'user 7', 'freescout-customer-55', '2024-02-01 12:00:00'],
			['4002', 'phone', 'open', 'mailbox 2', null, 'freescout-customer-56', null]
		]);
		expect(t.skipped.sort()).toEqual(['a draft, never sent', 'spam']);
	});
	it('ServiceNow event log: every update a status change (state -100 skipped); tickets are combined in the database', async () => {
		const r = await readFixture('servicenow_events.csv', 'tickets');
		expect(r._parts).toEqual(['tickets/servicenow-events-tickets', 'ticket_status_changes/servicenow-events-status']);
		const changes = r.ticket_status_changes!;
		expect(changes.rows).toHaveLength(10);
		expect(changes.skipped).toEqual(['state -100: not a state of the incident workflow']);
		expect(changes.rows.filter((x) => x.ticket_id === 'INC0000047').map((x) => x.status)).toEqual(['new', 'open', 'waiting_customer', 'open', 'resolved']);
		// Before combining, the first response is empty on the rows still New.
		expect(r.tickets!.rows.filter((x) => x.id === 'INC0000047').map((x) => x.first_response_at)).toEqual([null, '2016-02-29 05:30:00', '2016-02-29 09:10:00', '2016-03-01 08:00:00', '2016-03-01 08:30:00', '2016-03-01 09:52:00']);
	});
});
