/**
 * The churn step reconstructs the risk back in time only from the first day with any contact: a
 * dataset of a few weeks gets the days it covers, not a year of days before its first contact
 * (which cost a whole computation each: an empty database spent ~10 s on every refresh on them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar';
import { backfillDays } from '../../src/lib/server/churn/refresh';
import { refreshAll } from '../../src/lib/server/refresh/index';
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
