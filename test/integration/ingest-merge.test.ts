/**
 * Merging without key constraints (migration 025): the fact tables have no key index, and one
 * row per key is kept by the load (staged rows deduplicated by key; the staged keys' rows
 * forgotten, then inserted), by the follow-ups' happy-call answers (MERGE) too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execOn } from '../../src/lib/server/db/database';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { tempDb, type TempDb } from '../helpers/temp-db';

const FACT_TABLES = ['tickets', 'ticket_status_changes', 'calls', 'survey_answers', 'survey_offers', 'product_activity'];

let t: TempDb | null = null;
afterEach(() => {
	t?.close();
	t = null;
});

describe('merging by key without key indexes', () => {
	it('the fact tables have no key constraint or index (the small customers and annotations keep theirs)', async () => {
		t = await tempDb();
		const keyed = await t.rows<{ table_name: string }>(
			`select distinct table_name from duckdb_constraints() where constraint_type in ('PRIMARY KEY', 'UNIQUE') union select distinct table_name from duckdb_indexes()`
		);
		const names = keyed.map((r) => r.table_name);
		for (const table of FACT_TABLES) expect(names, table).not.toContain(table);
		expect(names).toEqual(expect.arrayContaining(['customers', 'annotations']));
	});

	it('a first load then an updating load leave one row per key, the last one', { timeout: 120_000 }, async () => {
		t = await tempDb({ CARE_DEMO: 'off' });
		const header = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id';
		t.drop('calls', 'a.csv', [header, 'K1,C1,inbound,care,2026-11-01T10:00:00+03:30,,2026-11-01T10:01:00+03:30,60,0,abandoned,,,', 'K2,C1,inbound,care,2026-11-01T11:00:00+03:30,2026-11-01T11:00:10+03:30,2026-11-01T11:05:00+03:30,10,290,answered,Sara,false,', 'K2,C2,inbound,care,2026-11-01T12:00:00+03:30,2026-11-01T12:00:05+03:30,2026-11-01T12:02:00+03:30,5,115,answered,Ali,true,'].join('\n'));
		const first = await runIngest(t.db, t.config, 'cli');
		expect(first.files.map((f) => [f.status, f.inserted, f.updated])).toEqual([['loaded', 2, 0]]);
		t.drop('calls', 'b.csv', [header, 'K2,C3,outbound,sales,2026-11-02T09:00:00+03:30,2026-11-02T09:00:01+03:30,2026-11-02T09:10:00+03:30,1,599,answered,Reza,false,', 'K3,C3,inbound,care,2026-11-02T10:00:00+03:30,,2026-11-02T10:00:30+03:30,30,0,abandoned,,,'].join('\n'));
		const second = await runIngest(t.db, t.config, 'cli');
		expect(second.files.map((f) => [f.status, f.inserted, f.updated])).toEqual([['loaded', 1, 1]]);
		const rows = await t.rows<{ id: string; customer_id: string; direction: string; talk: number; agent: string | null }>(
			'select id, customer_id, direction, cast(talk_seconds as integer) as talk, agent from calls order by id'
		);
		expect(rows).toEqual([
			{ id: 'K1', customer_id: 'C1', direction: 'inbound', talk: 0, agent: null },
			// The last row of a key wins within a file (the first load), and a later file's row over it (the merge).
			{ id: 'K2', customer_id: 'C3', direction: 'outbound', talk: 599, agent: 'Reza' },
			{ id: 'K3', customer_id: 'C3', direction: 'inbound', talk: 0, agent: null }
		]);
	});

	it('a status change written twice (Z and an offset) is one row, and loaded again still one', { timeout: 120_000 }, async () => {
		t = await tempDb({ CARE_DEMO: 'off' });
		const header = 'ticket_id,changed_at,status';
		t.drop('ticket_status_changes', 'a.csv', [header, 'T1,2026-11-01T06:30:00Z,open', 'T1,2026-11-01T10:00:00+03:30,open', 'T1,2026-11-01T12:00:00+03:30,resolved'].join('\n'));
		await runIngest(t.db, t.config, 'cli');
		t.drop('ticket_status_changes', 'b.csv', [header, 'T1,2026-11-01T12:00:00+03:30,resolved', 'T1,2026-11-02T09:00:00+03:30,closed'].join('\n'));
		await runIngest(t.db, t.config, 'cli');
		const rows = await t.rows<{ status: string; n: number; files: number }>(
			`select status, cast(count(*) as integer) as n, cast(max(source_file_id) - min(source_file_id) as integer) as files from ticket_status_changes group by status order by status`
		);
		expect(rows.map((r) => [r.status, r.n])).toEqual([
			['closed', 1],
			['open', 1],
			['resolved', 1]
		]);
		const [resolved] = await t.rows<{ file: string }>(
			`select f.file_name as file from ticket_status_changes c join import_files f on f.id = c.source_file_id where c.status = 'resolved'`
		);
		// Seen again: its provenance is the newer file.
		expect(resolved!.file).toBe('b.csv');
	});

	it("a follow-up's happy-call answer recorded again replaces the answer", async () => {
		t = await tempDb({ CARE_DEMO: 'off' });
		const answer = (score: number, comment: string | null) =>
			t!.db.withConnection((conn) => execOn(conn, 'followups/upsert_answer', { id: 'FU7-nps', customer_id: 'C1', kind: 'nps', score, comment }));
		await answer(3, 'slow');
		await answer(9, null);
		const rows = await t.rows<{ id: string; score: number; comment: string | null; occasion: string; channel: string }>(
			`select id, score, comment, occasion, channel from survey_answers where id = 'FU7-nps'`
		);
		expect(rows).toEqual([{ id: 'FU7-nps', score: 9, comment: null, occasion: 'happy_call', channel: 'phone' }]);
	});
});
