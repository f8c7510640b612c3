/**
 * SLA compliance read from the per-day summary (sla_daily: settled times counted ahead) plus the
 * unsettled times of the open tickets' clocks judged per request (sla_open_clocks), migration
 * 023, gives exactly what judging every clock of sla_clocks against now gives (the SQL before
 * the summary, kept in
 * test/fixtures/sla-compliance-per-clock.sql): for every grain, dimension filter, period and
 * moment, and again after a load that moves a ticket to another day, stops a clock, ends a
 * pause and changes a priority (the SLA refresh rebuilds only those tickets' days). The at-risk
 * list and the open counts, read from the open tickets' clocks (sla_open_clocks), equal theirs
 * read from every clock too (test/fixtures/sla-at-risk-per-clock.sql, sla-open-counts-per-clock.sql).
 *
 * Fixture (Asia/Tehran, Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00, no holidays).
 * Targets: normal 60 / 480 business minutes, high 30 / 240 business, critical 15 / 120 calendar,
 * low no first-response target / 480 calendar. Clocks of every kind:
 *   stopped met (a1, a13), stopped breached (a2), stopped with no recorded time: unknown (a9),
 *   no target (a7, a8 first response), paused within and past its target (a10, a11), running
 *   with a due time (a3-a7, a12), on two Gregorian and two Jalali months.
 * Moments: before some tickets exist, at 08:10 and 08:25 on 22 November (a4's first response
 * pending, then at risk: 25 ≥ 80% of 30), 11:00 that day, and weeks later (everything due).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../../src/lib/server/db/migrate';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { addPolicyVersion, PRIORITIES } from '../../src/lib/server/sla/policies';
import { slaCompliance } from '../../src/lib/server/sla/compliance';
import { tempDb, type TempDb } from '../helpers/temp-db';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, `../fixtures/${name}`), 'utf8');
const PER_CLOCK = { compliance: fixture('sla-compliance-per-clock.sql'), at_risk: fixture('sla-at-risk-per-clock.sql'), open_counts: fixture('sla-open-counts-per-clock.sql') };
const NOWS = ['2026-11-20T09:00:00+03:30', '2026-11-22T08:10:00+03:30', '2026-11-22T08:25:00+03:30', '2026-11-22T11:00:00+03:30', '2026-12-10T12:00:00+03:30'];
const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
const WHOLE = { from: '2026-10-01', to: '2026-11-30' };
const FILTERS: Record<string, string | null>[] = [
	{ priority: 'high' },
	{ priority: 'low' },
	{ team: 'A' },
	{ channel: 'email' },
	{ segment: 'bank' },
	{ segment: 'government' },
	{ team: 'B', channel: 'phone' },
	{ priority: 'urgent' }
];

const TICKET_HEAD = 'id,customer_id,priority,team,channel,status,created_at,first_response_at,resolved_at';
let t: TempDb;
let settings: Settings;

beforeAll(async () => {
	t = await tempDb();
	settings = await loadSettings(t.db);
	settings.business_calendar = { ...settings.business_calendar, holidays: [] };
	await saveSetting(t.db, 'business_calendar', settings.business_calendar);
	const minutes: Record<string, [number | null, number, 'business' | 'calendar']> = { critical: [15, 120, 'calendar'], high: [30, 240, 'business'], normal: [60, 480, 'business'], low: [null, 480, 'calendar'] };
	await t.db.transaction((conn) =>
		addPolicyVersion(
			conn,
			'1970-01-01',
			PRIORITIES.map((priority) => {
				const [fr, res, clock] = minutes[priority]!;
				return { priority, tier: '', firstResponseMinutes: fr, firstResponseClock: clock, resolutionMinutes: res, resolutionClock: clock };
			})
		)
	);
	t.drop('customers', 'c.csv', 'id,name,segment\nC1,Bank Melli,bank\nC2,Ministry,government\nC3,Corner Shop,\n');
	t.drop(
		'tickets',
		't.csv',
		`${TICKET_HEAD}
a1,C1,normal,A,email,resolved,2026-11-21T09:00:00+03:30,2026-11-21T09:30:00+03:30,2026-11-21T15:00:00+03:30
a2,C1,normal,A,phone,resolved,2026-11-21T09:00:00+03:30,2026-11-21T10:30:00+03:30,2026-11-22T10:00:00+03:30
a3,C2,high,B,email,open,2026-11-22T09:00:00+03:30,2026-11-22T09:20:00+03:30,
a4,C2,high,B,phone,new,2026-11-22T08:00:00+03:30,,
a5,C1,normal,A,email,new,2026-11-21T09:00:00+03:30,,
a6,C2,normal,B,email,open,2026-11-21T12:30:00+03:30,2026-11-21T12:40:00+03:30,
a7,C3,low,A,chat,open,2026-11-20T10:00:00+03:30,,
a8,C1,low,B,email,resolved,2026-11-19T10:00:00+03:30,2026-11-19T10:05:00+03:30,2026-11-19T12:00:00+03:30
a9,C2,normal,A,email,resolved,2026-10-25T10:00:00+03:30,,
a10,C1,normal,B,phone,waiting_customer,2026-11-21T08:00:00+03:30,2026-11-21T08:10:00+03:30,
a11,C2,normal,A,email,waiting_customer,2026-11-21T08:00:00+03:30,,
a12,,critical,A,chat,open,2026-10-20T10:00:00+03:30,,
a13,C3,critical,B,phone,resolved,2026-10-28T10:00:00+03:30,2026-10-28T10:10:00+03:30,2026-10-28T11:00:00+03:30
`
	);
	t.drop(
		'ticket_status_changes',
		's.csv',
		`ticket_id,changed_at,status
a10,2026-11-21T08:00:00+03:30,new
a10,2026-11-21T10:00:00+03:30,waiting_customer
a11,2026-11-21T08:00:00+03:30,new
a11,2026-11-22T08:00:00+03:30,waiting_customer
`
	);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status, run.error ?? '').toBe('ok');
	await refreshAll(t.db, settings, new Date(NOWS[3]!));
});
afterAll(() => t.close());

type Params = Record<string, string | number | null>;

/** A per-clock reference with the parameters written in (a test's own SQL, values from the lists above). */
async function perClock(name: keyof typeof PER_CLOCK, p: Params) {
	const text = PER_CLOCK[name].replace(/\$(\w+)/g, (_, key: string) => (p[key] === null || p[key] === undefined ? 'null' : typeof p[key] === 'number' ? String(p[key]) : `'${p[key]}'`));
	return t.rows(text);
}

async function expectSame(name: keyof typeof PER_CLOCK, p: Params) {
	const expected = await perClock(name, p);
	const actual = await t.db.query(`sla/${name}`, p);
	expect(actual, `${name} ${JSON.stringify(p)}`).toEqual(expected);
	return expected;
}

const NO_DIMS = { priority: null, team: null, channel: null, segment: null };
const compliance = (p: Params) => expectSame('compliance', { ...NO_DIMS, ...p });

async function expectSameEverywhere() {
	const states = new Set<string>();
	// Every moment by month, every grain at 11:00 on 22 November (the per-period rows are summed
	// the same way at every moment; the moment decides the unsettled times' states).
	const cases = [...NOWS.map((now) => ({ now, grain: 'month' })), ...GRAINS.filter((g) => g !== 'month').map((grain) => ({ now: NOWS[3]!, grain }))];
	for (const c of cases) {
		const rows = await compliance({ ...WHOLE, ...c });
		for (const r of rows) for (const [k, v] of Object.entries(r)) if (/^(fr|res)_/.test(k) && Number(v) > 0) states.add(k);
	}
	for (const dims of FILTERS) for (const now of [NOWS[2]!, NOWS[4]!]) await compliance({ ...WHOLE, grain: 'month', now, ...dims });
	// One day, a week, and a period without tickets (the 'all' row of nothing).
	for (const [from, to] of [['2026-11-21', '2026-11-21'], ['2026-11-21', '2026-11-27'], ['2025-01-01', '2025-01-31']])
		for (const now of [NOWS[1]!, NOWS[3]!]) await compliance({ from: from!, to: to!, grain: 'day', now });
	// The at-risk list (pages, filters) and the open counts, read from the open tickets' clocks.
	let listed = 0;
	for (const now of NOWS) {
		await expectSame('open_counts', { now });
		const list = { ...NO_DIMS, now, state: null, metric: null, limit: 50, offset: 0 };
		listed += (await expectSame('at_risk', list)).length;
		await expectSame('at_risk', { ...list, limit: 2, offset: 1 });
		await expectSame('at_risk', { ...list, state: 'at_risk', metric: 'resolution' });
		await expectSame('at_risk', { ...list, team: 'B', state: 'breached' });
	}
	expect(listed).toBeGreaterThan(0);
	return states;
}

describe('SLA compliance from the daily summary', () => {
	it('equals judging every clock, for every moment, grain, filter and period', async () => {
		const states = await expectSameEverywhere();
		// The fixture has every state of both times somewhere, so the comparison covers them.
		expect([...states].sort()).toEqual(
			['fr_at_risk', 'fr_breached', 'fr_met', 'fr_not_measured', 'fr_pending', 'res_at_risk', 'res_breached', 'res_met', 'res_not_measured', 'res_pending'].sort()
		);
		// Settled and unsettled clocks are both there: paused ones, and running ones judged per request.
		const [kinds] = await t.rows<{ paused: number; open: number; summarised: number }>(
			'select (select cast(count(*) as integer) from sla_clocks where fr_paused or res_paused) as paused, (select cast(count(*) as integer) from sla_open_clocks) as open, (select cast(sum(tickets) as integer) from sla_daily) as summarised'
		);
		expect(kinds).toEqual({ paused: 2, open: 8, summarised: 13 });
		// The domain function reads it: a3 (first response met) and a4 (breached) at 11:00.
		const s = await slaCompliance(t.db, { range: WHOLE, grain: 'month', dims: { priority: 'high' } }, new Date(NOWS[3]!));
		expect(s.firstResponse).toMatchObject({ met: 1, breached: 1, n: 2, compliance: 50 });
	});

	it('stays equal after a load that moves tickets to other days, stops a clock, ends a pause and changes a priority', async () => {
		// a5 moves from 21 to 18 November, a13 from 28 October (where no other ticket is) to 5
		// November; a3 is resolved (its running resolution stops); a10
		// leaves its pause (running again); a7 becomes high (another group, first response now
		// with a target); a14 is new.
		t.drop(
			'tickets',
			'u.csv',
			`${TICKET_HEAD}
a5,C1,normal,A,email,new,2026-11-18T09:00:00+03:30,,
a3,C2,high,B,email,resolved,2026-11-22T09:00:00+03:30,2026-11-22T09:20:00+03:30,2026-11-22T10:00:00+03:30
a10,C1,normal,B,phone,open,2026-11-21T08:00:00+03:30,2026-11-21T08:10:00+03:30,
a7,C3,high,A,chat,open,2026-11-20T10:00:00+03:30,,
a14,C2,low,B,chat,open,2026-11-22T08:05:00+03:30,,
a13,C3,critical,B,phone,resolved,2026-11-05T10:00:00+03:30,2026-11-05T10:10:00+03:30,2026-11-05T11:00:00+03:30
`
		);
		t.drop('ticket_status_changes', 'u.csv', 'ticket_id,changed_at,status\na10,2026-11-22T08:00:00+03:30,open\n');
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.status, run.error ?? '').toBe('ok');
		// The SLA step recomputed only the loaded tickets (a1 keeps its clock of the first refresh).
		const [stamps] = await t.rows<{ kept: boolean }>("select (select computed_at from sla_clocks where ticket_id = 'a1') < (select computed_at from sla_clocks where ticket_id = 'a3') as kept");
		expect(stamps).toEqual({ kept: true });
		await expectSameEverywhere();
		// Nothing is counted twice or left behind: a3 is closed now, a14 is new; 14 tickets.
		const rows = await t.rows<{ ticket_id: string }>('select ticket_id from sla_open_clocks');
		expect(rows.map((r) => r.ticket_id).sort()).toEqual(['a10', 'a11', 'a12', 'a14', 'a4', 'a5', 'a6', 'a7']);
		const [{ n }] = (await t.rows<{ n: number }>('select cast(sum(tickets) as integer) as n from sla_daily')) as [{ n: number }];
		expect(n).toBe(14);
	});

	it('is built by the migration from the clocks a database already holds', async () => {
		const built = async () => ({
			daily: (await t.rows('select * from sla_daily')).map((r) => JSON.stringify(r)).sort(),
			open: (await t.rows('select * from sla_open_clocks')).map((r) => JSON.stringify(r)).sort()
		});
		const byRefresh = await built();
		const migration = listMigrations().find((m) => m.version === 23)!;
		await t.db.transaction(async (conn) => {
			await conn.run('drop table sla_daily; drop table sla_open_clocks; drop macro sla_settled;');
			await conn.run(migration.text);
		});
		expect(await built()).toEqual(byRefresh);
		expect(byRefresh.daily.length).toBeGreaterThan(0);
	});

	it('computes the same clocks a few tickets at a time (the batches of a big recompute)', async () => {
		const snapshot = async () => ({
			clocks: (await t.rows('select * exclude (computed_at) from sla_clocks')).map((r) => JSON.stringify(r)).sort(),
			daily: (await t.rows('select * from sla_daily')).map((r) => JSON.stringify(r)).sort(),
			open: (await t.rows('select * exclude (computed_at) from sla_open_clocks')).map((r) => JSON.stringify(r)).sort()
		});
		// A change of the clock rules recomputes every clock: once in one statement, once in batches of 3.
		const other = { ...settings, sla: { ...settings.sla, atRiskShare: settings.sla.atRiskShare === 0.8 ? 0.75 : 0.8 } };
		await refreshAll(t.db, other, new Date(NOWS[3]!));
		const whole = await snapshot();
		const { CLOCK_BATCH } = await import('../../src/lib/server/sla/refresh');
		const size = CLOCK_BATCH.size;
		CLOCK_BATCH.size = 3;
		try {
			await refreshAll(t.db, settings, new Date(NOWS[3]!));
			await refreshAll(t.db, other, new Date(NOWS[3]!));
		} finally {
			CLOCK_BATCH.size = size;
		}
		const batched = await snapshot();
		expect(batched.clocks.length).toBe(14);
		expect(batched).toEqual(whole);
		await refreshAll(t.db, settings, new Date(NOWS[3]!));
	});
});
