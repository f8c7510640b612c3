/**
 * The churn step reconstructs the risk back in time only from the first day with any contact: a
 * dataset of a few weeks gets the days it covers, not a year of days before its first contact
 * (which cost a whole computation each: an empty database spent ~10 s on every refresh on them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar';
import { backfillDays, riskPending } from '../../src/lib/server/churn/refresh';
import { ensureFresh, refreshAll, RISK_STEPS } from '../../src/lib/server/refresh/index';
import { loadSettings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

// Noon in Tehran on 2026-06-30: "today" for the refresh.
const NOW = new Date('2026-06-30T08:30:00Z');
const TODAY = '2026-06-30';

let t: TempDb;
beforeEach(async () => {
	t = await tempDb();
});
afterEach(() => t.close());

const historyDays = async () =>
	(await t.rows<{ as_of: string; reconstructed: boolean }>('select cast(as_of as varchar) as as_of, bool_and(reconstructed) as reconstructed from churn_risk_history group by all order by as_of'));

describe('churn history backfill', () => {
	it('reconstructs only the days from the first contact on', async () => {
		const first = addDays(TODAY, -40);
		t.drop('customers', 'c.csv', 'id,name,segment\nA,Customer A,enterprise\n');
		const calls = ['id,customer_id,direction,started_at,outcome'];
		for (let back = 40, n = 0; back >= 0; back -= 5) calls.push(`k${++n},A,inbound,${addDays(TODAY, -back)}T10:00:00+03:30,answered`);
		t.drop('calls', 'k.csv', calls.join('\n') + '\n');
		const { runIngest } = await import('../../src/lib/server/imports/ingest');
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		const settings = await loadSettings(t.db);
		// A model change makes the whole history be computed again, with these days.
		await refreshAll(t.db, { ...settings, churn: { ...settings.churn, model: { ...settings.churn.model, lowScore: { windowDays: 121 } } } }, NOW);
		const expected = backfillDays(TODAY, settings.churn.history).filter((d) => d >= first);
		// Default history: a week ago, then one day in 14 back 364 days: 06-23, 06-16, 06-02, then
		// 05-19, which is before the first call (05-21), and every older one: left out.
		expect(expected).toEqual(['2026-06-02', '2026-06-16', '2026-06-23']);
		expect(await historyDays()).toEqual([...expected.map((as_of) => ({ as_of, reconstructed: true })), { as_of: TODAY, reconstructed: false }]);
	});
});

describe('the churn risk in a transaction of its own', () => {
	it('commits the figures first; a stop before the risk is scored is caught up by ensureFresh', async () => {
		t.drop('customers', 'c.csv', 'id,name,segment\nA,Customer A,enterprise\nB,Customer B,enterprise\n');
		const calls = ['id,customer_id,direction,started_at,outcome'];
		for (let back = 60, n = 0; back >= 20; back -= 10) calls.push(`k${++n},A,inbound,${addDays(TODAY, -back)}T10:00:00+03:30,answered`);
		t.drop('calls', 'k.csv', calls.join('\n') + '\n');
		const { runIngest } = await import('../../src/lib/server/imports/ingest');
		await runIngest(t.db, t.config, 'manual');
		const settings = await loadSettings(t.db);
		await refreshAll(t.db, settings, NOW);
		expect(await riskPending(t.db)).toBe(false);
		// The risk is scored as of the newest day with a contact (the calls are older than today).
		const scoredAsOf = async () => (await t.rows<{ as_of: string }>(`select cast(max(as_of) as varchar) as as_of from churn_risk_history`))[0]?.as_of;
		expect(await scoredAsOf()).toBe(addDays(TODAY, -20));

		// B calls today; the risk step fails (the process stopping there is the same for the data).
		t.drop('calls', 'k2.csv', `id,customer_id,direction,started_at,outcome\nk9,B,inbound,${TODAY}T09:00:00+03:30,answered\nk10,A,inbound,${TODAY}T09:30:00+03:30,answered\n`);
		const failing = { name: 'stopped', run: async () => { throw new Error('stopped before the risk was scored'); } };
		RISK_STEPS.unshift(failing);
		try {
			const run = await runIngest(t.db, t.config, 'manual');
			expect(run.status).toBe('failed');
		} finally {
			RISK_STEPS.splice(RISK_STEPS.indexOf(failing), 1);
		}
		// The figures of the load were committed by the first transaction …
		const [day] = await t.rows<{ calls: number }>(`select cast(sum(calls) as integer) as calls from rollup_calls_daily where local_day = '${TODAY}'`);
		expect(day?.calls).toBe(2);
		const [contact] = await t.rows<{ n: number }>(`select cast(count(*) as integer) as n from churn_contact_days where day = '${TODAY}'`);
		expect(contact?.n).toBe(2);
		// … the risk was not: still as of the earlier newest contact, and noted as pending.
		expect(await scoredAsOf()).toBe(addDays(TODAY, -20));
		expect(await riskPending(t.db)).toBe(true);

		// The next start scores it.
		expect(await ensureFresh(t.db, settings)).toBe(true);
		expect(await scoredAsOf()).toBe(TODAY);
		const [b] = await t.rows<{ last_contact_day: string }>(`select cast(last_contact_day as varchar) as last_contact_day from churn_risk_history where as_of = '${TODAY}' and customer_id = 'B'`);
		expect(b?.last_contact_day).toBe(TODAY);
		expect(await riskPending(t.db)).toBe(false);
		expect(await ensureFresh(t.db, settings)).toBe(false);
	});
});
