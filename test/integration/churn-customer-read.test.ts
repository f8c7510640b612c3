/**
 * The customer page reads its timeline in two parts (loaded events, cached until the next load;
 * the care unit's follow-ups, read each time) and its open tickets' ages apart from the tickets
 * (cached): the merged result must be what one query over everything gives. Here the one query is
 * written out (test SQL) over a fixture with ties on the moment (a ticket, a call and a follow-up
 * at the same instant) and more events than the page shows; and a follow-up recorded after the
 * first read appears at once (the follow-ups are not cached).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerPage, TIMELINE_LIMIT } from '../../src/lib/server/churn/risk';
import { LOCAL_OPERATOR } from '../../src/lib/server/churn/viewer';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
beforeEach(async () => {
	t = await tempDb();
});
afterEach(() => t.close());

const ONE_QUERY = `select * from (
	select 'ticket' as kind, cast(t.created_at as varchar) as event_at, t.id as ref, t.created_at as moment from tickets t where t.customer_id = 'A'
	union all select 'call', cast(k.started_at as varchar), k.id, k.started_at from calls k where k.customer_id = 'A'
	union all select 'survey', cast(s.answered_at as varchar), s.id, s.answered_at from survey_answers s where s.customer_id = 'A'
	union all select 'follow_up', cast(coalesce(f.updated_at, f.created_at) as varchar), cast(f.id as varchar), coalesce(f.updated_at, f.created_at) from follow_ups f where f.customer_id = 'A'
) order by moment desc, ref desc limit ${TIMELINE_LIMIT}`;

async function followUp(at: string) {
	await t.rows(`insert into follow_ups (customer_id, list_day, rank, score, priority, created_at, updated_at) values ('A', date '2026-06-01', 1, 50, 50, timestamptz '${at}', timestamptz '${at}')`);
}

describe('the customer page reads', () => {
	it('merges loaded events and follow-ups as one query would, and ages open tickets at request time', { timeout: 60_000 }, async () => {
		t.drop('customers', 'c.csv', 'id,name,segment\nA,Customer A,bank\nB,Customer B,bank\n');
		const tickets = ['id,customer_id,created_at,status,subject'];
		const calls = ['id,customer_id,direction,started_at,outcome'];
		const answers = ['id,customer_id,kind,score,answered_at'];
		for (let i = 0; i < 40; i++) {
			const day = `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`;
			const at = `${day}T${String(8 + (i % 9)).padStart(2, '0')}:00:00+03:30`;
			tickets.push(`T${i},A,${at},${i % 3 === 0 ? 'open' : 'closed'},Subject ${i}`);
			calls.push(`K${i},A,inbound,${at},answered`); // same instant as its ticket: a tie
			if (i % 4 === 0) answers.push(`S${i},A,nps,${i % 11},${at}`);
			tickets.push(`U${i},B,${at},open,Other ${i}`);
		}
		t.drop('tickets', 't.csv', tickets.join('\n') + '\n');
		t.drop('calls', 'k.csv', calls.join('\n') + '\n');
		t.drop('survey_answers', 's.csv', answers.join('\n') + '\n');
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.status, run.error ?? '').toBe('ok');
		await followUp('2026-05-28T12:30:00Z'); // T27/K27's instant (16:00 in Tehran)
		await followUp('2026-05-20T05:30:00Z');
		const settings = (await loadSettings(t.db)).churn;

		const check = async () => {
			const page = (await customerPage(t.db, settings, LOCAL_OPERATOR, 'A'))!;
			const want = await t.rows<{ kind: string; ref: string }>(ONE_QUERY);
			expect(want.length).toBe(TIMELINE_LIMIT);
			expect(page.timeline.map((e) => [e.kind, e.ref])).toEqual(want.map((w) => [w.kind, w.ref]));
			const open = await t.rows<{ id: string; open_days: number }>(
				`select id, cast(date_diff('day', created_at, now()) as integer) as open_days from tickets where customer_id = 'A' and status not in ('resolved', 'closed') order by created_at, id`
			);
			expect(page.openTickets.map((o) => [o.id, o.open_days])).toEqual(open.map((o) => [o.id, o.open_days]));
			expect(open.length).toBeGreaterThan(5);
			return page;
		};
		const first = await check();
		expect(first.timeline.filter((e) => e.kind === 'follow_up').length).toBe(2);
		// A follow-up recorded now (outside a load) is on the page at once.
		await followUp('2026-05-28T12:31:00Z');
		const second = await check();
		expect(second.timeline.filter((e) => e.kind === 'follow_up').length).toBe(3);
	});
});
