/**
 * The overview's figures on local days, computed by hand from a small fixture: calls, tickets
 * and answers land on the local day and weekday of the unit (Asia/Tehran, UTC+03:30), whose
 * week starts on Saturday. (The KPIs themselves are checked in kpi.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { parseFilters } from '../../src/lib/filters';
import { dataExtent } from '../../src/lib/server/filters';
import { callReport, weekdayCounts } from '../../src/lib/server/kpi/calls';
import { executiveOverview } from '../../src/lib/server/kpi/executive';
import { defaultSettings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

const CALLS = `id,customer_id,direction,started_at,outcome,opened_case,wait_seconds,talk_seconds
k1,C1,inbound,2026-11-21T08:15:00+03:30,answered,true,20,300
k2,C1,inbound,2026-11-21T09:00:00+03:30,answered,false,40,100
k3,C2,inbound,2026-11-21T23:50:00+03:30,abandoned,false,90,0
k4,C2,inbound,2026-11-21T20:40:00Z,answered,true,10,50
k5,C3,inbound,2026-11-22 10:00,answered,,5,60
k6,C3,outbound,2026-11-23T11:00:00+03:30,answered,false,0,240
k7,C4,inbound,2026-11-14T08:00:00+03:30,answered,true,15,100
k8,C4,inbound,2026-10-31T08:00:00+03:30,answered,true,15,100
`;
// k3: 23:50 Tehran on Saturday the 21st (20:20 UTC) counts on Saturday.
// k4: 20:40 UTC on the 21st is 00:10 Tehran on Sunday the 22nd: counts on Sunday.
// k5: no offset, so Tehran wall-clock time: Sunday the 22nd; opened_case not recorded.
// k8: Saturday 31 October, outside a 22 Nov – 14 Nov window.

const TICKETS = `id,customer_id,created_at
t1,C1,2026-11-21T08:16:00+03:30
t2,C2,2026-11-21T20:40:00Z
t3,C4,2026-11-01T08:00:00+03:30
`;
const SURVEYS = `id,customer_id,kind,score,answered_at
s1,C1,nps,10,2026-11-21T12:00:00+03:30
s2,C1,nps,3,2026-11-22T12:00:00+03:30
s3,C2,csat,4,2026-11-22T12:00:00+03:30
s4,C2,csat,2,2026-10-01T12:00:00+03:30
`;

let t: TempDb;
beforeAll(async () => {
	t = await tempDb();
	t.drop('calls', 'calls.csv', CALLS);
	t.drop('tickets', 'tickets.csv', TICKETS);
	t.drop('survey_answers', 'surveys.csv', SURVEYS);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status).toBe('ok');
});
afterAll(() => t.close());

const kpi = defaultSettings().kpi;
const period = (from: string, to: string) => parseFilters(new URLSearchParams({ from, to }), { today: '2026-11-23', extent: null, accept: ['segment', 'channel', 'team'] }).filters;

describe('overview', () => {
	it('counts tickets, calls and survey answers of the period in local days, incoming and outbound apart', async () => {
		// Saturday 14 Nov … Monday 23 Nov 2026, both included: 10 days.
		const o = await executiveOverview(t.db, period('2026-11-14', '2026-11-23'), kpi, 6);
		expect(o.tickets).toMatchObject({ tickets: 2, perDay: 0.2 }); // t1, t2 (t3 is 1 Nov)
		// k1..k7 (k8 is 31 Oct): 6 incoming, 1 outbound (k6). Of the incoming: answered all but k3 (5);
		// opened a case k1, k4, k7; follow-ups k2, k3; k5 not recorded.
		expect(o.calls.inbound.current).toMatchObject({ offered: 6, answered: 5, abandoned: 1, openedCase: 3, followUps: 2, caseUnknown: 1 });
		expect(o.calls.inbound.current.answerRate).toBeCloseTo((100 * 5) / 6, 10);
		expect(o.calls.outbound.current).toMatchObject({ calls: 1, reached: 1 });
		expect(o.nps.current.n).toBe(2); // s1, s2 (s4 is 1 Oct)
		expect(o.csat.current.n).toBe(1);
	});

	it('puts calls on the local weekday, in the unit week order, with the number of such days', async () => {
		const r = await callReport(t.db, period('2026-11-14', '2026-11-23'), kpi, 6);
		expect(r.byWeekday.map((d) => d.weekday)).toEqual([6, 0, 1, 2, 3, 4, 5]); // Saturday first
		const [sat, sun, mon] = r.byWeekday;
		// Saturday: k1, k2, k3 (21st, k3 at 23:50 local) and k7 (14th); two Saturdays in the period.
		expect(sat).toMatchObject({ weekday: 6, days: 2, calls: 4, openedCase: 2, followUps: 2, unknown: 0, perDay: 2, openedCasePerDay: 1 });
		// Sunday: k4 (20:40 UTC on the 21st = 00:10 local on the 22nd) and k5; two Sundays (15th, 22nd).
		expect(sun).toMatchObject({ weekday: 0, days: 2, calls: 2, openedCase: 1, followUps: 0, unknown: 1, unknownPerDay: 0.5 });
		// Monday: only the outbound k6, which is not load on the support line; two Mondays (16th, 23rd).
		expect(mon).toMatchObject({ weekday: 1, days: 2, calls: 0, openedCase: 0, followUps: 0, unknown: 0, perDay: 0 });
		expect(r.byWeekday.slice(3).every((d) => d.calls === 0 && d.days === 1)).toBe(true);
	});

	it('follows the unit week start', async () => {
		const r = await callReport(t.db, period('2026-11-14', '2026-11-23'), kpi, 1);
		expect(r.byWeekday.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
	});

	it('reports where the data is when the period is empty', async () => {
		const o = await executiveOverview(t.db, period('2025-01-01', '2025-01-31'), kpi, 6);
		expect(o.calls.inbound.current.offered + o.calls.outbound.current.calls + o.tickets.tickets + o.nps.current.n + o.csat.current.n).toBe(0);
		expect(o.nps.current.nps).toBeNull();
		expect(await dataExtent(t.db)).toEqual({ firstDay: '2026-10-01', lastDay: '2026-11-23' });
	});

	it('counts weekdays of a period', () => {
		// 1-30 November 2026: Sunday the 1st, so five Sundays and Mondays, four of the rest.
		expect(weekdayCounts({ from: '2026-11-01', to: '2026-11-30' })).toEqual([5, 5, 4, 4, 4, 4, 4]);
	});
});
