/**
 * The SLA business clock on the hard cases, each with the expected minutes worked out by hand.
 *
 * Unit in Asia/Tehran (UTC+03:30 all year since 2023). Its week in these tests:
 *   Saturday-Wednesday 08:00-12:00 and 13:00-16:00 (a lunch break), Thursday 08:00-12:00,
 *   Friday off; Monday 23 November 2026 is a holiday.
 * Saturday 21 November 2026 starts the week (Sat 21, Sun 22, Mon 23, Tue 24, Wed 25, Thu 26, Fri 27).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { addPolicyVersion, PRIORITIES, type PolicyTarget } from '../../src/lib/server/sla/policies';
import { tempDb, type TempDb } from '../helpers/temp-db';

const LUNCH_WEEK = (() => {
	const day = [
		{ start: '08:00', end: '12:00' },
		{ start: '13:00', end: '16:00' }
	];
	return [day, day, day, day, [{ start: '08:00', end: '12:00' }], [], day];
})();

const targets = (fr: number | null, res: number | null, clock: 'business' | 'calendar' = 'business'): PolicyTarget[] =>
	PRIORITIES.map((priority) => ({ priority, tier: '', firstResponseMinutes: fr, firstResponseClock: clock, resolutionMinutes: res, resolutionClock: clock }));

interface Clock {
	ticket_id: string;
	fr_elapsed_s: number | null;
	res_elapsed_s: number | null;
	fr_state: string;
	res_state: string;
	fr_due_at: string | null;
	res_due_at: string | null;
	fr_breach_at: string | null;
	res_breach_at: string | null;
	policy_version: number;
}

async function clocks(t: TempDb, now: string): Promise<Record<string, Clock>> {
	const rows = await t.rows<Clock>(`
		select ticket_id, fr_elapsed_s, res_elapsed_s, policy_version,
			sla_state(fr_target_s, fr_stopped, fr_paused, fr_elapsed_s, fr_due_at, fr_risk_at, fr_risk_s, timestamptz '${now}') as fr_state,
			sla_state(res_target_s, res_stopped, res_paused, res_elapsed_s, res_due_at, res_risk_at, res_risk_s, timestamptz '${now}') as res_state,
			strftime(fr_due_at at time zone 'Asia/Tehran', '%Y-%m-%d %H:%M') as fr_due_at,
			strftime(res_due_at at time zone 'Asia/Tehran', '%Y-%m-%d %H:%M') as res_due_at,
			strftime(fr_breach_at at time zone 'Asia/Tehran', '%Y-%m-%d %H:%M') as fr_breach_at,
			strftime(res_breach_at at time zone 'Asia/Tehran', '%Y-%m-%d %H:%M') as res_breach_at
		from sla_clocks`);
	return Object.fromEntries(rows.map((r) => [r.ticket_id, r]));
}

const minutes = (s: number | null) => (s === null ? null : Math.round(Number(s) / 60));

async function setUp(t: TempDb, patch: Partial<Settings>, policy: PolicyTarget[]) {
	const settings = { ...(await loadSettings(t.db)), ...patch };
	for (const key of Object.keys(patch) as (keyof Settings)[]) await saveSetting(t.db, key, settings[key] as never);
	await t.db.transaction((conn) => addPolicyVersion(conn, '1970-01-01', policy));
	return settings;
}

describe('business clock, Asia/Tehran, lunch break, Thursday half day, a holiday', () => {
	let t: TempDb;
	let settings: Settings;
	const NOW = '2026-11-28 12:00:00+03:30';

	beforeAll(async () => {
		t = await tempDb();
		settings = await setUp(
			t,
			{ business_calendar: { week: LUNCH_WEEK, holidays: [{ date: '2026-11-23', name: 'Test holiday' }] } },
			targets(60, 8 * 60)
		);
		t.drop(
			'tickets',
			'tickets.csv',
			`id,priority,status,created_at,first_response_at,resolved_at
night,normal,open,2026-11-21T22:00:00+03:30,2026-11-22T09:30:00+03:30,
weekend,normal,open,2026-11-26T11:00:00+03:30,2026-11-28T08:30:00+03:30,
holiday,normal,resolved,2026-11-22T15:00:00+03:30,2026-11-22T15:10:00+03:30,2026-11-24T09:00:00+03:30
lunch,normal,open,2026-11-21T11:30:00+03:30,2026-11-21T13:30:00+03:30,
thursday,normal,resolved,2026-11-26T10:00:00+03:30,2026-11-26T10:05:00+03:30,2026-11-26T15:00:00+03:30
paused,normal,resolved,2026-11-24T08:00:00+03:30,2026-11-24T08:30:00+03:30,2026-11-25T11:00:00+03:30
noresponse,normal,resolved,2026-11-21T09:00:00+03:30,,2026-11-21T10:00:00+03:30
lateresponse,normal,resolved,2026-11-21T09:00:00+03:30,2026-11-21T11:00:00+03:30,2026-11-21T10:00:00+03:30
pausedlate,normal,resolved,2026-11-24T08:00:00+03:30,2026-11-25T10:00:00+03:30,2026-11-25T11:00:00+03:30
stillwaiting,normal,waiting_customer,2026-11-21T08:00:00+03:30,2026-11-21T08:10:00+03:30,
breachedwaiting,normal,waiting_customer,2026-11-21T08:00:00+03:30,,
`
		);
		t.drop(
			'ticket_status_changes',
			'changes.csv',
			`ticket_id,changed_at,status
paused,2026-11-24T08:00:00+03:30,new
paused,2026-11-24T08:30:00+03:30,open
paused,2026-11-24T10:00:00+03:30,waiting_customer
paused,2026-11-25T09:00:00+03:30,open
paused,2026-11-25T11:00:00+03:30,resolved
pausedlate,2026-11-24T08:00:00+03:30,new
pausedlate,2026-11-24T08:30:00+03:30,waiting_customer
pausedlate,2026-11-25T09:00:00+03:30,open
pausedlate,2026-11-25T11:00:00+03:30,resolved
stillwaiting,2026-11-21T08:00:00+03:30,new
stillwaiting,2026-11-21T10:00:00+03:30,waiting_customer
breachedwaiting,2026-11-21T08:00:00+03:30,new
breachedwaiting,2026-11-22T08:00:00+03:30,waiting_customer
`
		);
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.status).toBe('ok');
		await refreshAll(t.db, settings, new Date(NOW));
	});
	afterAll(() => t.close());

	it('opened at night: nothing counts until 08:00', async () => {
		// Saturday 22:00 → Sunday 09:30: Saturday closed at 16:00; Sunday 08:00-09:30 = 90 min.
		const c = (await clocks(t, NOW)).night!;
		expect(minutes(c.fr_elapsed_s)).toBe(90);
		expect(c.fr_state).toBe('breached'); // target 60
	});

	it('over the weekend: Thursday afternoon and Friday do not count', async () => {
		// Thursday 11:00 → Saturday 08:30: Thursday 11:00-12:00 = 60; Friday off; Saturday 08:00-08:30 = 30 → 90 min.
		expect(minutes((await clocks(t, NOW)).weekend!.fr_elapsed_s)).toBe(90);
	});

	it('across a holiday', async () => {
		// Sunday 15:00 → Tuesday 09:00: Sunday 15:00-16:00 = 60; Monday is a holiday; Tuesday 08:00-09:00 = 60 → 120 min.
		const c = (await clocks(t, NOW)).holiday!;
		expect(minutes(c.res_elapsed_s)).toBe(120);
		expect(c.res_state).toBe('met'); // target 480
	});

	it('across the lunch break', async () => {
		// Saturday 11:30 → 13:30: 11:30-12:00 = 30; 12:00-13:00 is lunch; 13:00-13:30 = 30 → 60 min.
		const c = (await clocks(t, NOW)).lunch!;
		expect(minutes(c.fr_elapsed_s)).toBe(60);
		expect(c.fr_state).toBe('met'); // exactly the 60-minute target is met
	});

	it('on a Thursday half day', async () => {
		// Thursday 10:00 → 15:00: the day closes at 12:00: 10:00-12:00 = 120 min.
		expect(minutes((await clocks(t, NOW)).thursday!.res_elapsed_s)).toBe(120);
	});

	it('through a waiting-for-customer pause', async () => {
		// Resolution: Tuesday 08:00-10:00 = 120; waiting for the customer from Tuesday 10:00 to
		// Wednesday 09:00 (not counted); Wednesday 09:00-11:00 = 120 → 240 min. First response: 30 min.
		const c = (await clocks(t, NOW)).paused!;
		expect(minutes(c.res_elapsed_s)).toBe(240);
		expect(minutes(c.fr_elapsed_s)).toBe(30);
	});

	it('resolved before the first response is recorded: the resolution answers it', async () => {
		// No first response, resolved Saturday 09:00 → 10:00: first response = resolution = 60 min.
		const all = await clocks(t, NOW);
		expect(minutes(all.noresponse!.fr_elapsed_s)).toBe(60);
		expect(minutes(all.noresponse!.res_elapsed_s)).toBe(60);
		// A first response recorded after the resolution (11:00) also stops at the resolution (10:00): 60 min.
		expect(minutes(all.lateresponse!.fr_elapsed_s)).toBe(60);
	});

	it('keeps open clocks running against now: pending, at risk, breached', async () => {
		// "weekend" is open with its first response done; its resolution clock started Thursday
		// 11:00 and runs: Thu 11:00-12:00 = 60, Sat 08:00-12:00 = 240 → 300 of 480 min at Sat 12:00.
		// At risk at 80% = 384 min: 84 min after Saturday 13:00 → Saturday 14:24. The 480th minute
		// ends at Saturday 16:00 (13:00-16:00 adds 180); the clock stands still until Sunday 08:00,
		// the first moment past the target, so the due time is Sunday 08:00.
		const at = async (now: string) => (await clocks(t, now)).weekend!;
		expect((await at('2026-11-28 12:00:00+03:30')).res_state).toBe('pending');
		expect((await at('2026-11-28 14:30:00+03:30')).res_state).toBe('at_risk');
		expect((await at('2026-11-28 16:00:00+03:30')).res_state).toBe('at_risk'); // reached exactly at 16:00, not past
		expect((await at('2026-11-29 08:01:00+03:30')).res_state).toBe('breached');
		expect((await at(NOW)).res_due_at).toBe('2026-11-29 08:00');
	});

	it('knows the moment each time breached (for the churn model\'s past days)', async () => {
		const all = await clocks(t, NOW);
		// "night": the 60th business minute ends Sunday 09:00 (from 08:00); responded 09:30, breached.
		expect(all.night!.fr_breach_at).toBe('2026-11-22 09:00');
		// "lunch": exactly 60 minutes, met: no breach.
		expect(all.lunch!.fr_breach_at).toBeNull();
		// An open resolution clock breaches when it passes its target: its due time.
		expect(all.weekend!.res_breach_at).toBe('2026-11-29 08:00');
		expect(all.weekend!.res_breach_at).toBe(all.weekend!.res_due_at);
		// "pausedlate": Tuesday 08:00-08:30 = 30 min, waiting for the customer until Wednesday
		// 09:00, then the 30 minutes left of the 60 run out at Wednesday 09:30 (responded 10:00).
		expect(all.pausedlate!.fr_state).toBe('breached');
		expect(all.pausedlate!.fr_breach_at).toBe('2026-11-25 09:30');
		// Resolution: 30 + 120 (Wednesday 09:00-11:00) = 150 of 480 min: met.
		expect(all.pausedlate!.res_breach_at).toBeNull();
		// "stillwaiting": 120 min (Saturday 08:00-10:00), then waiting for the customer ever since:
		// 120 of 480, paused: no breach while the pause goes on.
		expect(all.stillwaiting!.res_state).toBe('pending');
		expect(all.stillwaiting!.res_breach_at).toBeNull();
		// "breachedwaiting": never answered; Saturday counts 08:00-12:00 and 13:00-16:00 = 420 min
		// before the pause from Sunday 08:00. First response (60): breached Saturday 09:00, before
		// the pause; resolution (480): 420 when the pause began, paused since: no breach.
		expect(all.breachedwaiting!.fr_state).toBe('breached');
		expect(all.breachedwaiting!.fr_breach_at).toBe('2026-11-21 09:00');
		expect(all.breachedwaiting!.res_breach_at).toBeNull();
	});
});

describe('across daylight-saving changes: ICU turns wall-clock intervals into instants', () => {
	let t: TempDb;
	afterAll(() => t?.close());

	it('Europe/Berlin: an interval spanning the spring and autumn changes, and a calendar-time day of 25 hours', async () => {
		t = await tempDb({ CARE_TIME_ZONE: 'Europe/Berlin' });
		// Every day 01:00-05:00 local. On Sunday 29 March 2026 clocks go from 02:00 to 03:00, so
		// the interval lasts 3 real hours; on Sunday 25 October 2026 from 03:00 back to 02:00: 5 hours.
		const early = Array.from({ length: 7 }, () => [{ start: '01:00', end: '05:00' }]);
		const settings = await setUp(t, { business_calendar: { week: early, holidays: [] } }, targets(24 * 60, 24 * 60));
		await t.db.transaction((conn) =>
			addPolicyVersion(conn, '2026-06-01', [
				...targets(24 * 60, 24 * 60, 'calendar').map((x) => (x.priority === 'low' ? x : { ...x, firstResponseClock: 'business' as const, resolutionClock: 'business' as const }))
			])
		);
		t.drop(
			'tickets',
			'tickets.csv',
			`id,priority,status,created_at,resolved_at
spring,normal,resolved,2026-03-29T00:30:00+01:00,2026-03-29T06:00:00+02:00
autumn,normal,resolved,2026-10-25T00:30:00+02:00,2026-10-25T06:00:00+01:00
day23,low,resolved,2026-03-28T12:00:00+01:00,2026-03-29T12:00:00+02:00
day25,low,resolved,2026-10-24T12:00:00+02:00,2026-10-25T12:00:00+01:00
`
		);
		await runIngest(t.db, t.config, 'manual');
		await refreshAll(t.db, settings, new Date('2026-11-01T00:00:00Z'));
		const all = await t.rows<{ ticket_id: string; res_elapsed_s: number; res_clock: string }>('select ticket_id, res_elapsed_s, res_clock from sla_clocks');
		const by = Object.fromEntries(all.map((r) => [r.ticket_id, r]));
		// 01:00-02:00 CET, then 03:00-05:00 CEST: 3 h = 180 min (a wall-clock count would say 240).
		expect(minutes(by.spring!.res_elapsed_s)).toBe(180);
		// 01:00-03:00 CEST, then 02:00-05:00 CET: 5 h = 300 min.
		expect(minutes(by.autumn!.res_elapsed_s)).toBe(300);
		// "low" is on calendar time only in the policy from 1 June 2026; before it (version 1 of this
		// test) business time: Saturday 12:00 → Sunday 12:00 holds Sunday's 01:00-05:00 = 180 min.
		expect(by.day23!.res_clock).toBe('business');
		expect(minutes(by.day23!.res_elapsed_s)).toBe(180);
		// From 1 June, calendar time: Saturday 12:00 CEST → Sunday 12:00 CET is 25 h = 1500 min.
		expect(by.day25!.res_clock).toBe('calendar');
		expect(minutes(by.day25!.res_elapsed_s)).toBe(1500);
	});

	it('Asia/Tehran before 2022 (daylight saving) and after (none since 2023)', async () => {
		t.close();
		t = await tempDb({ CARE_TIME_ZONE: 'Asia/Tehran' });
		// Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00 (the shipped default week), no holidays.
		const settings = await setUp(t, { business_calendar: { week: (await loadSettings(t.db)).business_calendar.week, holidays: [] } }, targets(120, 24 * 60));
		await t.db.transaction((conn) =>
			addPolicyVersion(
				conn,
				'2021-03-01',
				targets(120, 24 * 60).map((x) => (x.priority === 'low' ? { ...x, resolutionClock: 'calendar' as const } : x))
			)
		);
		t.drop(
			'tickets',
			'tickets.csv',
			`id,priority,status,created_at,first_response_at,resolved_at
dst2022,normal,resolved,2022-03-21T15:00:00+03:30,2022-03-22T09:00:00+04:30,2022-03-22T09:00:00+04:30
nodst2023,normal,resolved,2023-03-21T15:00:00+03:30,2023-03-22T09:00:00+03:30,2023-03-22T09:00:00+03:30
cal2021,low,resolved,2021-03-21T12:00:00+03:30,2021-03-21T12:00:00+03:30,2021-03-22T12:00:00+04:30
cal2023,low,resolved,2023-03-21T12:00:00+03:30,2023-03-21T12:00:00+03:30,2023-03-22T12:00:00+03:30
`
		);
		await runIngest(t.db, t.config, 'manual');
		await refreshAll(t.db, settings, new Date('2023-04-01T00:00:00Z'));
		const all = await t.rows<{ ticket_id: string; fr_elapsed_s: number; res_elapsed_s: number }>('select ticket_id, fr_elapsed_s, res_elapsed_s from sla_clocks');
		const by = Object.fromEntries(all.map((r) => [r.ticket_id, r]));
		// 21 March 2022 (Monday) 15:00 +03:30 → 22 March 09:00 +04:30 (clocks went forward at
		// midnight): Monday 15:00-16:00 = 60, Tuesday 08:00-09:00 local = 60 → 120 min. Reading
		// 09:00+04:30 with a fixed +03:30 would put it at 08:00 and count 60.
		expect(minutes(by.dst2022!.fr_elapsed_s)).toBe(120);
		// The same in 2023, no change of offset: 120 min as well.
		expect(minutes(by.nodst2023!.fr_elapsed_s)).toBe(120);
		// Calendar time, noon to noon: 21 → 22 March 2021 lost an hour at midnight: 23 h = 1380 min;
		// 21 → 22 March 2023: 24 h = 1440 min.
		expect(minutes(by.cal2021!.res_elapsed_s)).toBe(1380);
		expect(minutes(by.cal2023!.res_elapsed_s)).toBe(1440);
	});
});
