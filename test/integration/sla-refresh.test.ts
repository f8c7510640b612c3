/**
 * The SLA refresh recomputes only the clocks that need it: tickets loaded since the last
 * refresh (or whose status changes or customer were), tickets created from the day the
 * policies in force changed, and tickets spanning a day whose business time changed. And a
 * customer's contract tier picks the tier's targets.
 *
 * Unit: Asia/Tehran, the default week (Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00),
 * no holidays. "Recomputed" is seen in computed_at, the start of the refresh transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { addPolicyVersion, defaultTargets, PRIORITIES, type PolicyTarget } from '../../src/lib/server/sla/policies';
import { tempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let settings: Settings;

const computedAt = async () =>
	Object.fromEntries((await t.rows<{ ticket_id: string; at: string }>('select ticket_id, cast(computed_at as varchar) as at from sla_clocks')).map((r) => [r.ticket_id, r.at]));

/** Ids whose clock was recomputed between two snapshots. */
const changed = (a: Record<string, string>, b: Record<string, string>) => Object.keys(b).filter((k) => a[k] !== b[k]).sort();

beforeAll(async () => {
	t = await tempDb();
	settings = await loadSettings(t.db);
	settings.business_calendar = { ...settings.business_calendar, holidays: [] };
	await saveSetting(t.db, 'business_calendar', settings.business_calendar);
	t.drop('customers', 'c.csv', 'id,name,segment,tier\nC1,One,bank,\nC2,Two,government,gold\n');
	// a: Sat 7 Nov → Sun 8 Nov; b: Sat 14 Nov → Mon 16 Nov; c: open since Sat 21 Nov.
	t.drop(
		'tickets',
		't.csv',
		`id,customer_id,priority,status,created_at,first_response_at,resolved_at
a,C1,high,resolved,2026-11-07T09:00:00+03:30,2026-11-07T09:30:00+03:30,2026-11-08T09:00:00+03:30
b,C2,high,resolved,2026-11-14T09:00:00+03:30,2026-11-14T09:30:00+03:30,2026-11-16T09:00:00+03:30
c,C1,normal,open,2026-11-21T09:00:00+03:30,,
`
	);
	await runIngest(t.db, t.config, 'manual');
});
afterAll(() => t.close());

describe('incremental SLA refresh', () => {
	it('a refresh with nothing new recomputes nothing', async () => {
		const before = await computedAt();
		expect(Object.keys(before).sort()).toEqual(['a', 'b', 'c']);
		await refreshAll(t.db, settings);
		expect(changed(before, await computedAt())).toEqual([]);
	});

	it('a new file recomputes only its tickets', async () => {
		const before = await computedAt();
		t.drop('tickets', 't2.csv', 'id,customer_id,priority,status,created_at\nd,C1,low,open,2026-11-22T10:00:00+03:30\n');
		await runIngest(t.db, t.config, 'manual');
		const after = await computedAt();
		expect(changed(before, after)).toEqual(['d']);
	});

	it('a status change recomputes its ticket', async () => {
		const before = await computedAt();
		t.drop('ticket_status_changes', 's.csv', 'ticket_id,changed_at,status\nb,2026-11-15T09:00:00+03:30,waiting_customer\nb,2026-11-15T12:00:00+03:30,open\n');
		await runIngest(t.db, t.config, 'manual');
		expect(changed(before, await computedAt())).toEqual(['b']);
	});

	it('a holiday recomputes the tickets spanning it or created after it: a past one the tickets open then or since, a coming one the open tickets', async () => {
		const before = await computedAt();
		// Sunday 8 November: inside a's span (7-8 Nov), not b's (14-16 Nov), before c and d were created.
		// Wednesday 25 November: after every resolved ticket, inside the open c and d.
		settings.business_calendar = {
			...settings.business_calendar,
			holidays: [
				{ date: '2026-11-08', name: 'x' },
				{ date: '2026-11-25', name: 'y' }
			]
		};
		await saveSetting(t.db, 'business_calendar', settings.business_calendar);
		await refreshAll(t.db, settings);
		// b (14-16 Nov, resolved) does not span either day, but it was created after 8 Nov: the
		// business seconds its base was counted in moved by the holiday's hours.
		expect(changed(before, await computedAt())).toEqual(['a', 'b', 'c', 'd']);
		// a: Saturday 09:00-16:00 = 420 min, Sunday a holiday → 420 (it was 420 + 60 = 480).
		const [a] = await t.rows<{ s: number }>("select res_elapsed_s as s from sla_clocks where ticket_id = 'a'");
		expect(Number(a!.s) / 60).toBe(420);
	});

	it('a policy version from a day recomputes the tickets created from that day', async () => {
		const before = await computedAt();
		await t.db.transaction((conn) => addPolicyVersion(conn, '2026-11-14', defaultTargets()));
		await refreshAll(t.db, settings);
		expect(changed(before, await computedAt())).toEqual(['b', 'c', 'd']);
	});

	it("a customer's tier picks its targets, and loading the customer again recomputes its tickets", async () => {
		// Version from 1 Nov: high 120/480 min for everyone; gold customers high 60/240.
		const tiered: PolicyTarget[] = [
			...PRIORITIES.map((priority) => ({ priority, tier: '', firstResponseMinutes: 120, firstResponseClock: 'business' as const, resolutionMinutes: 480, resolutionClock: 'business' as const })),
			{ priority: 'high', tier: 'gold', firstResponseMinutes: 60, firstResponseClock: 'business', resolutionMinutes: 240, resolutionClock: 'business' }
		];
		await t.db.transaction((conn) => addPolicyVersion(conn, '2026-11-01', tiered));
		await refreshAll(t.db, settings);
		const targets = async () =>
			Object.fromEntries((await t.rows<{ ticket_id: string; r: number }>('select ticket_id, res_target_s / 60 as r from sla_clocks')).map((x) => [x.ticket_id, Number(x.r)]));
		expect(await targets()).toMatchObject({ a: 480, b: 240 }); // b's customer C2 is gold
		const before = await computedAt();
		t.drop('customers', 'c2.csv', 'id,name,segment,tier\nC1,One,bank,gold\n');
		await runIngest(t.db, t.config, 'manual');
		expect(changed(before, await computedAt())).toEqual(['a', 'c', 'd']); // C1's tickets
		expect(await targets()).toMatchObject({ a: 240, b: 240 });
	});
});
