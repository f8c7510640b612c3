/**
 * A merge into an empty table runs as a plain insert (load-file.ts: DuckDB's ON CONFLICT costs
 * more than the insert itself): every dataset's merge statement still holds without its
 * conflict clause, and a first load followed by a load that updates some keys gives the rows
 * a merge gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withoutConflictClause } from '../../src/lib/server/db/database';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { stagingStatements } from '../../src/lib/server/imports/staging';
import { tempDb, type TempDb } from '../helpers/temp-db';

const DATASETS = ['customers', 'tickets', 'ticket_status_changes', 'calls', 'survey_answers', 'product_activity', 'annotations'] as const;

let t: TempDb | null = null;
afterEach(() => {
	t?.close();
	t = null;
});

describe('first load into an empty table', () => {
	it('every merge statement without its conflict clause is a valid insert', async () => {
		t = await tempDb();
		await t.db.withConnection(async (conn) => {
			for (const dataset of DATASETS) {
				const name = `ingest/upsert_${dataset}`;
				const text = withoutConflictClause(name);
				expect(text, name).toMatch(/^\s*insert into /m);
				expect(text.toLowerCase(), name).not.toContain('on conflict');
				// DuckDB plans it against the real tables and the dataset's own stage.
				await conn.run(stagingStatements(dataset).create);
				const prepared = await conn.prepare(text);
				expect(prepared.parameterCount, name).toBeGreaterThan(0);
			}
		});
		expect(() => withoutConflictClause('sla/compliance')).toThrow(/on conflict/);
	});

	it('a first load (plain insert) then an updating load (merge) leave the merged rows', { timeout: 120_000 }, async () => {
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
});
