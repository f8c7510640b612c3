/**
 * The KPIs of queries/kpi/ on a small fixture, every expected figure computed by hand. The unit
 * is in Asia/Tehran (UTC+03:30), its week starts on Saturday; Saturday 14 November 2026 …
 * Monday 23 November 2026 is the period (10 days), 4 … 13 November the previous one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilters, type Dimension } from '../../src/lib/filters';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { listAnswers, answerViewerFor } from '../../src/lib/server/kpi/answers';
import { callReport } from '../../src/lib/server/kpi/calls';
import { executiveOverview } from '../../src/lib/server/kpi/executive';
import { csatReport, npsReport, scoreDistribution } from '../../src/lib/server/kpi/surveys';
import { ticketReport } from '../../src/lib/server/kpi/tickets';
import { slaCompliance } from '../../src/lib/server/sla/compliance';
import { ticketDetail } from '../../src/lib/server/tickets/detail';
import { defaultSettings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

const CUSTOMERS = `id,name,segment
C1,Bank Melli Branch,bank
C2,Ministry of Roads,government
C3,Small Shop,
`;
const TICKETS = `id,customer_id,channel,category,team,created_at,subject
t1,C1,email,bug,support,2026-11-15T09:00:00+03:30,
t2,C2,phone,how_to,technical,2026-11-22T10:00:00+03:30,Report export asks for a licence
t3,C1,portal,how_to,support,2026-11-23T11:00:00+03:30,
t4,C1,email,bug,support,2026-11-10T11:00:00+03:30,
`;
// NPS now: 10, 9, 8 (week of Sat 14 Nov), 3, 6, 10 (week of Sat 21 Nov); before: 10, 0.
// s6 is 21:00 UTC on Friday the 20th = 00:30 on Saturday the 21st in Tehran: the second week.
// CSAT now: 5, 4, 2, 3; before: 5, 5.
const SURVEYS = `id,customer_id,ticket_id,kind,occasion,score,comment,answered_at,channel
s1,C1,,nps,happy_call,10,Great support,2026-11-14T10:00:00+03:30,phone
s2,C1,t1,nps,post_ticket,9,,2026-11-16T10:00:00+03:30,web
s3,C2,,nps,periodic,8,,2026-11-18T10:00:00+03:30,web
s4,C2,,nps,periodic,3,Nobody called back,2026-11-22T10:00:00+03:30,web
s5,C3,,nps,happy_call,6,,2026-11-23T10:00:00+03:30,phone
s6,C1,,nps,periodic,10,,2026-11-20T21:00:00Z,web
s7,C1,t1,csat,post_ticket,5,,2026-11-16T12:00:00+03:30,email
s8,C2,t2,csat,post_ticket,4,,2026-11-22T12:00:00+03:30,email
s9,C2,t2,csat,post_ticket,2,Slow,2026-11-22T13:00:00+03:30,email
s10,C3,,csat,happy_call,3,,2026-11-23T12:00:00+03:30,phone
p1,C1,,nps,happy_call,10,,2026-11-05T10:00:00+03:30,phone
p2,C2,,nps,happy_call,0,,2026-11-06T10:00:00+03:30,phone
p3,C1,t4,csat,post_ticket,5,,2026-11-10T12:00:00+03:30,email
p4,C1,t4,csat,post_ticket,5,,2026-11-11T12:00:00+03:30,email
`;
// Incoming now: k1 k2 k3 k4 k5 k6 k9; outbound k7 k8; before: q1 q2 (incoming).
// k6 records no wait, only answered_at 15 s after the start: its wait is 15 s.
const CALLS = `id,customer_id,direction,queue,started_at,answered_at,wait_seconds,talk_seconds,outcome,opened_case
k1,C1,inbound,support,2026-11-14T08:15:00+03:30,,10,300,answered,true
k2,C2,inbound,support,2026-11-14T09:10:00+03:30,,25,100,answered,false
k3,C3,inbound,support,2026-11-15T09:20:00+03:30,,5,,abandoned,false
k4,C1,inbound,technical,2026-11-21T08:30:00+03:30,,90,,abandoned,false
k5,C2,inbound,technical,2026-11-21T09:40:00+03:30,,20,60,answered,
k6,C2,inbound,support,2026-11-22T10:00:00+03:30,2026-11-22T10:00:15+03:30,,40,answered,false
k7,C1,outbound,care,2026-11-22T11:00:00+03:30,,8,240,answered,false
k8,C3,outbound,care,2026-11-22T11:30:00+03:30,,30,,abandoned,false
k9,C3,inbound,support,2026-11-23T08:05:00+03:30,,0,30,answered,false
q1,C1,inbound,support,2026-11-07T09:00:00+03:30,,30,100,answered,true
q2,C2,inbound,support,2026-11-08T09:00:00+03:30,,40,,abandoned,false
`;

const kpi = defaultSettings().kpi;
let t: TempDb;
beforeAll(async () => {
	t = await tempDb();
	t.drop('customers', 'customers.csv', CUSTOMERS);
	t.drop('tickets', 'tickets.csv', TICKETS);
	t.drop('survey_answers', 'surveys.csv', SURVEYS);
	t.drop('calls', 'calls.csv', CALLS);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status).toBe('ok');
});
afterAll(() => t.close());

const filters = (query: string, accept: Dimension[] = ['segment', 'channel', 'team', 'occasion', 'queue']) =>
	parseFilters(new URLSearchParams(query), { today: '2026-11-23', extent: null, accept }).filters;
const PERIOD = 'from=2026-11-14&to=2026-11-23&grain=week';

describe('NPS', () => {
	it('counts promoters, passives and detractors, with the margin of error and the previous period', async () => {
		const r = await npsReport(t.db, filters(PERIOD), kpi);
		// 10, 9, 10 promoters; 8 passive; 3, 6 detractors: NPS = (3 − 2)/6 × 100 = 16.67.
		expect(r.current).toMatchObject({ promoters: 3, passives: 1, detractors: 2, n: 6, smallSample: true });
		expect(r.current.nps).toBeCloseTo(16.667, 3);
		// p_P = .5, p_D = .3333: (0.8333 − 0.02778)/6 = 0.134259, √ = 0.366414, × 195.9964 = 71.816.
		expect(r.current.marginOfError).toBeCloseTo(71.816, 2);
		// Before: 10 and 0 → NPS 0; a change of 16.7 is inside the combined margin of two tiny samples.
		expect(r.previous).toMatchObject({ promoters: 1, passives: 0, detractors: 1, n: 2, nps: 0 });
		expect(r.difference).toBeCloseTo(16.667, 3);
		expect(r.test).toMatchObject({ method: 'nps_combined_margin', significant: false, n: 6, previousN: 2 });
	});

	it('by week (starting Saturday, in the local day) and by segment, channel, team and occasion', async () => {
		const r = await npsReport(t.db, filters(PERIOD), kpi);
		// Week of the 14th: 10, 9, 8 → (2 − 0)/3 = 66.7; week of the 21st (cut at the 23rd): 3, 6, 10 (s6) → (1 − 2)/3 = −33.3.
		expect(r.byPeriod.map((p) => [p.period, p.days, p.n, p.nps === null ? null : Math.round(p.nps * 10) / 10])).toEqual([
			['2026-11-14', 7, 3, 66.7],
			['2026-11-21', 3, 3, -33.3]
		]);
		const by = (d: 'segment' | 'channel' | 'team' | 'occasion') => Object.fromEntries(r.byDimension[d].map((x) => [x.key ?? '∅', x.nps === null ? null : Math.round(x.nps)]));
		// bank (C1): 10, 9, 10 → 100; government (C2): 8, 3 → −50; no segment (C3): 6 → −100.
		expect(by('segment')).toEqual({ bank: 100, government: -50, '∅': -100 });
		// s2 is about the e-mail ticket t1: e-mail; the others by their own channel (phone: 10, 6; web: 8, 3, 10).
		expect(by('channel')).toEqual({ email: 100, phone: 0, web: 0 });
		expect(by('team')).toEqual({ support: 100, '∅': 0 });
		expect(by('occasion')).toEqual({ happy_call: 0, periodic: 0, post_ticket: 100 });
	});

	it('follows the filters', async () => {
		const r = await npsReport(t.db, filters(`${PERIOD}&segment=government`), kpi);
		expect(r.current).toMatchObject({ n: 2, promoters: 0, passives: 1, detractors: 1, nps: -50 });
		expect(r.previous).toMatchObject({ n: 1, nps: -100 });
	});
});

describe('CSAT', () => {
	it('is the share of 4 and 5 with its Wilson interval, and the z-test against before', async () => {
		const r = await csatReport(t.db, filters(PERIOD), kpi);
		// 5, 4 satisfied of 5, 4, 2, 3: 50%. Wilson(2, 4): centre 0.5, half 1.96·√(0.0625 + 0.060023)/1.96036 = 0.34996.
		expect(r.current).toMatchObject({ satisfied: 2, n: 4, csat: 50, smallSample: true });
		expect(r.current.ciLow).toBeCloseTo(15.0, 1);
		expect(r.current.ciHigh).toBeCloseTo(85.0, 1);
		// Before: 5, 5 → 100%. Pooled 4/6: z = (0.5 − 1)/√(0.6667·0.3333·(1/4 + 1/2)) = −0.5/0.40825 = −1.2247.
		expect(r.previous).toMatchObject({ satisfied: 2, n: 2, csat: 100 });
		expect(r.difference).toBe(-50);
		expect(r.test!.z).toBeCloseTo(-1.2247, 3);
		expect(r.test!.significant).toBe(false);
		// Week of the 14th: s7 (5) → 100%; week of the 21st: 4, 2, 3 → 33.3%.
		expect(r.byPeriod.map((p) => [p.period, p.n, p.satisfied])).toEqual([
			['2026-11-14', 1, 1],
			['2026-11-21', 3, 1]
		]);
	});

	it('the score distribution fills the whole scale', async () => {
		const d = await scoreDistribution(t.db, filters(PERIOD));
		expect(d.nps.map((s) => s.answers)).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 2]);
		expect(d.nps[10]!.band).toBe('promoter');
		expect(d.csat.map((s) => [s.score, s.answers, s.band])).toEqual([
			[1, 0, 'dissatisfied'],
			[2, 1, 'dissatisfied'],
			[3, 1, 'neutral'],
			[4, 1, 'satisfied'],
			[5, 1, 'satisfied']
		]);
	});
});

describe('calls', () => {
	it('keeps incoming and outbound apart and computes the service measures of incoming calls', async () => {
		const r = await callReport(t.db, filters(PERIOD), kpi, 6);
		const c = r.inbound.current;
		// Incoming: k1 k2 k3 k4 k5 k6 k9 = 7 offered; answered k1 k2 k5 k6 k9 = 5; abandoned k3 k4 = 2 → 28.57%.
		expect(c).toMatchObject({ offered: 7, answered: 5, abandoned: 2, openedCase: 1, followUps: 5, caseUnknown: 1 });
		expect(c.abandonmentRate).toBeCloseTo((100 * 2) / 7, 10);
		expect(c.answerRate).toBeCloseTo((100 * 5) / 7, 10);
		// Within 20 s: k1 (10), k5 (20), k6 (15), k9 (0) = 4 of 7 offered (k3 gave up after 5 s: counted, not served) → 57.14%.
		expect(c).toMatchObject({ answeredWithin: 4, serviceLevelOffered: 7 });
		expect(c.serviceLevel).toBeCloseTo((100 * 4) / 7, 10);
		// Waits of the answered: 10, 25, 20, 15, 0 → average 14; nearest rank ⌈0.9·5⌉ = 5th of 0 10 15 20 25 → 25.
		expect(c.avgWaitS).toBe(14);
		expect(c.p90WaitS).toBe(25);
		// Talk of the answered: 300 + 100 + 60 + 40 + 30 = 530 / 5 = 106.
		expect(c.avgTalkS).toBe(106);
		// Waited at all: all but k9 (6), of them abandoned k3 and k4.
		expect(c).toMatchObject({ queued: 6, abandonedQueued: 2 });
		expect(c.offeredPerDay).toBe(0.7); // 7 calls / 10 days
		// Outbound: k7 reached, k8 not: 2 calls, 1 reached, talk 240.
		expect(r.outbound.current).toEqual({ calls: 2, reached: 1, reachRate: 50, avgTalkS: 240 });
		// Before: q1 answered after 30 s (not within 20), q2 abandoned: SL 0 of 2, abandonment 50%.
		expect(r.inbound.previous).toMatchObject({ offered: 2, answered: 1, abandoned: 1, abandonmentRate: 50, serviceLevel: 0, avgWaitS: 30, p90WaitS: 30 });
		// 2/7 vs 1/2 abandoned: pooled 3/9, z = (0.2857 − 0.5)/√(0.3333·0.6667·(1/7 + 1/2)) = −0.2143/0.37796 = −0.567.
		expect(r.inbound.changes.abandonment.difference).toBeCloseTo((100 * 2) / 7 - 50, 10);
		expect(r.inbound.changes.abandonment.test!.z).toBeCloseTo(-0.567, 3);
		expect(r.inbound.changes.abandonment.test!.significant).toBe(false);
		expect(r.inbound.changes.offered).toBe(250); // 7 against 2
	});

	it('per week, per queue, by weekday and by hour', async () => {
		const r = await callReport(t.db, filters(PERIOD), kpi, 6);
		// Week of the 14th: k1 k2 k3; week of the 21st: k4 k5 k6 k9 (+ outbound k7 k8).
		expect(r.byPeriod.map((p) => [p.period, p.inbound.offered, p.inbound.answered, p.outboundCalls])).toEqual([
			['2026-11-14', 3, 2, 0],
			['2026-11-21', 4, 3, 2]
		]);
		// Week of the 21st: within 20 s k5 (20), k6 (15), k9 (0) of 4 → 75%.
		expect(r.byPeriod[1]!.inbound.serviceLevel).toBe(75);
		expect(Object.fromEntries(r.byQueue.map((q) => [q.queue, [q.inbound?.offered ?? 0, q.outboundCalls]]))).toEqual({ support: [5, 0], technical: [2, 0], care: [0, 2] });
		// Saturdays (14th, 21st): k1 k2 k4 k5 = 4 calls over 2 Saturdays; Sunday 15th, 22nd: k3 k6 = 2; Monday: k9 (two Mondays: 16th, 23rd).
		expect(r.byWeekday.map((d) => d.weekday)).toEqual([6, 0, 1, 2, 3, 4, 5]);
		expect(r.byWeekday[0]).toMatchObject({ weekday: 6, days: 2, calls: 4, perDay: 2, openedCase: 1 });
		expect(r.byWeekday[2]).toMatchObject({ weekday: 1, days: 2, calls: 1, perDay: 0.5 });
		// 08:00 k1 k4 k9; 09:00 k2 k3 k5; 10:00 k6 — per day over the 10 days.
		expect(r.byHour.filter((h) => h.calls > 0).map((h) => [h.hour, h.calls, h.perDay])).toEqual([
			[8, 3, 0.3],
			[9, 3, 0.3],
			[10, 1, 0.1]
		]);
		expect(r.heatmap).toHaveLength(7 * 24);
		expect(r.heatmap.find((c) => c.weekday === 6 && c.hour === 8)).toEqual({ weekday: 6, hour: 8, calls: 2, perDay: 1 });
	});

	it('follows the queue and segment filters and the threshold setting', async () => {
		const tech = await callReport(t.db, filters(`${PERIOD}&queue=technical`), kpi, 6);
		expect(tech.inbound.current).toMatchObject({ offered: 2, answered: 1, abandoned: 1, answeredWithin: 1 });
		const bank = await callReport(t.db, filters(`${PERIOD}&segment=bank`), kpi, 6);
		expect(bank.inbound.current).toMatchObject({ offered: 2, answered: 1 }); // k1, k4
		expect(bank.outbound.current.calls).toBe(1); // k7
		// Within 10 s: k1 (10) and k9 (0) only.
		const strict = await callReport(t.db, filters(PERIOD), { ...kpi, serviceLevelSeconds: 10 }, 6);
		expect(strict.inbound.current.answeredWithin).toBe(2);
	});
});

describe('tickets', () => {
	it('counts tickets opened, per day, the mix by channel and category, and the self-service share', async () => {
		const r = await ticketReport(t.db, filters(PERIOD), kpi);
		// t1 t2 t3 now (10 days), t4 before.
		expect(r).toMatchObject({ tickets: 3, perDay: 0.3, previous: 1, change: 200 });
		expect(r.byPeriod.map((p) => p.tickets)).toEqual([1, 2]);
		const email = r.byChannel.find((c) => c.key === 'email')!;
		expect(email).toMatchObject({ tickets: 1, previous: 1, change: 0, trend: [1, 0] });
		expect(email.share).toBeCloseTo(100 / 3, 10);
		expect(r.byCategory.map((c) => [c.key, c.tickets, c.previous])).toEqual([
			['how_to', 2, 0],
			['bug', 1, 1]
		]);
		// Portal is self-service: 1 of 3 now, 0 of 1 before.
		expect(r.selfService.current).toEqual({ selfService: 1, tickets: 3, share: 100 / 3 });
		expect(r.selfService.previous).toEqual({ selfService: 0, tickets: 1, share: 0 });
	});

	it('follows the channel and team filters', async () => {
		expect((await ticketReport(t.db, filters(`${PERIOD}&channel=email`), kpi)).tickets).toBe(1);
		expect((await ticketReport(t.db, filters(`${PERIOD}&team=support`), kpi)).tickets).toBe(2);
		expect((await ticketReport(t.db, filters(`${PERIOD}&segment=government`), kpi)).tickets).toBe(1);
	});
});

describe('executive overview', () => {
	it('gathers the tiles, SLA compliance from the SLA domain for the same period and filters', async () => {
		const f = filters(PERIOD, ['segment', 'channel', 'team']);
		const o = await executiveOverview(t.db, f, kpi, 6);
		expect(o.nps.current.n).toBe(6);
		expect(o.csat.current.n).toBe(4);
		expect(o.tickets.tickets).toBe(3);
		expect(o.calls.inbound.current.offered).toBe(7);
		const sla = await slaCompliance(t.db, f);
		for (const m of ['firstResponse', 'resolution'] as const) {
			const { met, breached, n, atRisk, compliance } = sla[m];
			expect(o.sla[m]).toEqual({ met, breached, n, atRisk, compliance });
		}
		expect(o.sla.resolution.n).toBe(o.sla.resolution.met + o.sla.resolution.breached);
	});
});

describe('answers list', () => {
	const query = { kind: null, band: null, customer: null, q: null, sort: 'answered_at' as const, dir: 'desc' as const, page: 1 };
	const all = answerViewerFor('support_lead');

	it('lists the answers of the period, newest first, with customer and ticket', async () => {
		const page = await listAnswers(t.db, filters(PERIOD), query, all);
		expect(page.total).toBe(10);
		expect(page.rows[0]).toMatchObject({ id: 's10', kind: 'csat', score: 3, band: 'neutral', customerId: 'C3', customerName: 'Small Shop' });
		const s9 = page.rows.find((r) => r.id === 's9')!;
		expect(s9).toMatchObject({ comment: 'Slow', ticketId: 't2', channel: 'phone', segment: 'government', band: 'dissatisfied' });
	});

	it('filters by band, kind, customer and text', async () => {
		const detractors = await listAnswers(t.db, filters(PERIOD), { ...query, band: 'detractor' }, all);
		expect(detractors.rows.map((r) => r.id).sort()).toEqual(['s4', 's5']);
		const text = await listAnswers(t.db, filters(PERIOD), { ...query, q: 'called BACK' }, all);
		expect(text.rows.map((r) => r.id)).toEqual(['s4']);
		const byName = await listAnswers(t.db, filters(PERIOD), { ...query, q: 'ministry', kind: 'csat' }, all);
		expect(byName.rows.map((r) => r.id).sort()).toEqual(['s8', 's9']);
		const sorted = await listAnswers(t.db, filters(PERIOD), { ...query, kind: 'nps', sort: 'score', dir: 'asc' }, all);
		expect(sorted.rows.map((r) => r.score)).toEqual([3, 6, 8, 9, 10, 10]);
		const occasion = await listAnswers(t.db, filters(`${PERIOD}&occasion=periodic`), query, all);
		expect(occasion.total).toBe(3);
	});

	it('gives an executive neither names nor comments, and does not search in them', async () => {
		const exec = answerViewerFor('executive');
		const page = await listAnswers(t.db, filters(PERIOD), query, exec);
		expect(page.total).toBe(10);
		expect(page.rows.every((r) => r.comment === null && r.customerName === null)).toBe(true);
		expect(page.rows.find((r) => r.id === 's9')).toMatchObject({ customerId: 'C2', ticketId: 't2', score: 2 });
		expect((await listAnswers(t.db, filters(PERIOD), { ...query, q: 'Slow' }, exec)).total).toBe(0);
		expect((await listAnswers(t.db, filters(PERIOD), { ...query, q: 'ministry' }, exec)).total).toBe(0);
		expect((await listAnswers(t.db, filters(PERIOD), { ...query, q: 'c2' }, exec)).total).toBe(4);
		expect(answerViewerFor(null)).toEqual({ customerNames: false, comments: false });
	});
});

describe('ticket page', () => {
	it('shows a ticket with the answers about it, and leaves text and names out for an executive', async () => {
		const all = (await ticketDetail(t.db, 't2', answerViewerFor('support_lead')))!;
		expect(all.ticket).toMatchObject({ id: 't2', customer_name: 'Ministry of Roads', subject: 'Report export asks for a licence', channel: 'phone', team: 'technical' });
		expect(all.answers.map((a) => [a.id, a.score, a.comment])).toEqual([
			['s8', 4, null],
			['s9', 2, 'Slow']
		]);
		const exec = (await ticketDetail(t.db, 't2', answerViewerFor('executive')))!;
		expect(exec.ticket).toMatchObject({ customer_id: 'C2', customer_name: null, subject: null });
		expect(exec.answers.map((a) => a.comment)).toEqual([null, null]);
		expect(await ticketDetail(t.db, 'nope', answerViewerFor('admin'))).toBeNull();
	});
});
