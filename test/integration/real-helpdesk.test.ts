/**
 * Presets on real exports, read from ../shared/data/real (or CARE_REAL_DATA_DIR), never copied
 * into the repository:
 * - the ServiceNow incident event log (141,712 updates of 24,918 incidents) through the
 *   servicenow-events preset gives the same incidents as the per-incident summary published
 *   beside it (SOURCE.txt: opened_at, first_non_new_update_at and resolved_at of each);
 * - a real filled-in Zendesk export, when one is in the folder (helpdesk_export_formats/ holds
 *   only header templates now; FORMATS.md says a real one exists but is not included): every
 *   row read as a ticket, through the zendesk preset.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type RunSummary } from '../../src/lib/server/imports/ingest';
import { realDataAvailable, realDataDir, tempDb, type TempDb } from '../helpers/temp-db';

const available = realDataAvailable();

describe.runIf(available)('the ServiceNow event log through its preset', { timeout: 600_000 }, () => {
	let t: TempDb;
	let run: RunSummary;

	beforeAll(async () => {
		t = await tempDb();
		const real = path.join(realDataDir(), 'servicenow_incidents');
		t.drop('tickets', 'incident_event_log.csv', zlib.gunzipSync(fs.readFileSync(path.join(real, 'incident_event_log.csv.gz'))));
		run = await runIngest(t.db, t.config, 'manual');
		// The published summary, for comparison, in a table of its own (test assertions only).
		await t.db.withConnection((c) =>
			c.run(`create table summary as select * from read_csv('${path.join(real, 'incidents_summary.csv')}', header = true, all_varchar = true)`)
		);
	}, 600_000);
	afterAll(() => t?.close());

	it('combines the 141,712 updates into the 24,918 incidents and keeps every status change', async () => {
		const [tickets, changes] = run.files;
		// SOURCE.txt: 141,712 events, 24,918 incidents; 5 rows of state -100.
		expect(tickets).toMatchObject({ dataset: 'tickets', mapping: 'servicenow-events-tickets', rowsRead: 141712, inserted: 24918, rejected: 0 });
		expect(changes).toMatchObject({ dataset: 'ticket_status_changes', mapping: 'servicenow-events-status', rowsRead: 141712, skipped: 5, rejected: 0 });
		const [n] = await t.rows<{ n: number }>('select cast(count(*) as integer) as n from ticket_status_changes');
		// Updates at the same minute in the same state are one change.
		expect(n!.n).toBe(changes!.inserted);
		expect(n!.n).toBeGreaterThan(100_000);
	});

	it('gives each incident the summary\'s opened, first non-New update and resolved times (created = first event, not the last)', async () => {
		// Both sides as instants, the summary's wall-clock times placed in the unit's zone as the load
		// places the log's (to_instant, migration 001): 2016-03-21 00:00-00:59 does not exist in Tehran
		// (the clocks went forward), and is read the same way on both sides.
		const [d] = await t.rows<Record<string, number>>(`
			select cast(count(*) as integer) as matched,
				cast(count(*) filter (where t.created_at is distinct from to_instant(s.opened_at, 'Asia/Tehran')) as integer) as created_differs,
				cast(count(*) filter (where t.first_response_at is distinct from to_instant(nullif(s.first_non_new_update_at, ''), 'Asia/Tehran')) as integer) as first_differs,
				cast(count(*) filter (where t.resolved_at is distinct from to_instant(nullif(s.resolved_at, ''), 'Asia/Tehran')) as integer) as resolved_differs
			from summary s join tickets t on t.id = s.number`);
		// One incident differs: INC0000135's first update in the log (state Active, 09:27) is dated
		// before the incident was opened (09:45); the summary skipped it and took the next, 11:45.
		expect(d).toEqual({ matched: 24918, created_differs: 0, first_differs: 1, resolved_differs: 0 });
		const [odd] = await t.rows<{ id: string }>(`select t.id from summary s join tickets t on t.id = s.number where t.first_response_at is distinct from to_instant(nullif(s.first_non_new_update_at, ''), 'Asia/Tehran')`);
		expect(odd!.id).toBe('INC0000135');
	});
});

/** A filled-in Zendesk export in the real-data folder, if one was added (by its header). */
function zendeskExport(): string | null {
	if (!available) return null;
	const dir = path.join(realDataDir(), 'helpdesk_export_formats');
	for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
		if (!/\.csv$/i.test(name) || /_header\.csv$/i.test(name)) continue;
		const head = fs.readFileSync(path.join(dir, name), 'utf8').slice(0, 4000);
		if (/Satisfaction Score/.test(head) && /Requester/.test(head) && head.split('\n').length > 2) return path.join(dir, name);
	}
	return null;
}

const realZendesk = zendeskExport();
if (available && !realZendesk) console.warn('\n[real-data] SKIPPED: no filled-in Zendesk export in helpdesk_export_formats/ (only header templates); the zendesk preset is tested on test/fixtures/presets/zendesk.csv.\n');

describe.runIf(!!realZendesk)('a real Zendesk export', { timeout: 600_000 }, () => {
	it('loads every row as a ticket through the zendesk preset, with its CSAT and customers', async () => {
		const t = await tempDb();
		try {
			t.drop('tickets', path.basename(realZendesk!), fs.readFileSync(realZendesk!));
			const run = await runIngest(t.db, t.config, 'manual');
			const tickets = run.files.find((f) => f.dataset === 'tickets')!;
			expect(tickets.mapping).toBe('zendesk-tickets');
			expect(tickets.rejected).toBe(0);
			expect(tickets.inserted).toBe(tickets.rowsRead);
			expect(run.files.map((f) => f.dataset)).toContain('survey_answers');
		} finally {
			t.close();
		}
	});
});
