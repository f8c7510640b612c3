/**
 * The incremental refresh keeps every derived day table exactly as a rebuild from scratch
 * would make it, row for row, whatever is loaded: files in several batches, rows updated by
 * key that move to another local day (or another customer), batches touching old days, a
 * customer whose segment or name changes, a ticket whose channel changes under the answers
 * about it, follow-up answers written in the app (refreshSurveyRollups), and times close to
 * the unit's local midnight (Asia/Tehran, UTC+03:30: 20:30 UTC is already the next day). The
 * steps that follow the refresh are compared too: the SLA clocks with their breach moments, and
 * the churn inputs and the scored day's risk with every factor (the SLA-breach one included).
 *
 * "From scratch" is the product's own full path: inside a transaction that is rolled back, the
 * signatures are forgotten, so every table (and the change ledger) is rebuilt from all rows.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { buildChurnInputs, computeRiskDay, riskDay } from '../../src/lib/server/churn/refresh';
import { execOn } from '../../src/lib/server/db/database';
import { lastRefreshReport, refreshAll, refreshSurveyRollups, STEPS, type RefreshContext } from '../../src/lib/server/refresh/index';
import { DAY_ROLLUPS, WHOLE_ROLLUPS } from '../../src/lib/server/refresh/rollups';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

/** Every table the refresh keeps per day (new rollups join by themselves), and tables read from them. */
const TABLES = [
	...[...DAY_ROLLUPS, ...WHOLE_ROLLUPS].map((q) => q.slice(q.lastIndexOf('/') + 1)),
	'staffing_hourly',
	'churn_contact_days',
	'churn_reopens',
	'peaks_days',
	'peaks_hourly'
];
/**
 * Tables compared through a query: the SLA clocks with their breach moments (migration 022; the
 * SLA step has its own watermark), its compliance summary and open tickets' clocks (migration 023),
 * and the churn risk of the day the refresh scores, factors included (the SLA-breach factor
 * reads the clocks' breach moments). Computation stamps aside.
 */
const QUERIES: Record<string, (asOf: string) => string> = {
	sla_clocks: () => 'select * exclude (computed_at) from sla_clocks',
	// The compliance summary and the open tickets' clocks (migration 023), kept by the SLA step too.
	sla_daily: () => 'select * from sla_daily',
	sla_open_clocks: () => 'select * exclude (computed_at) from sla_open_clocks',
	churn_risk: (asOf) => `select * exclude (computed_at) from churn_risk_history where as_of = date '${asOf}' and not reconstructed`
};
const NOW = new Date('2026-11-23T09:00:00Z');

let t: TempDb;
let settings: Settings;
let fileNo = 0;

beforeAll(async () => {
	t = await tempDb();
	settings = await loadSettings(t.db);
});
afterAll(() => t.close());

async function snapshot(run: (sql: string) => Promise<Record<string, unknown>[]>, asOf: string): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	const rows = async (sql: string) => (await run(sql)).map((r) => JSON.stringify(r)).sort();
	for (const table of TABLES) out[table] = await rows(`select * from ${table}`);
	for (const [name, query] of Object.entries(QUERIES)) out[name] = await rows(query(asOf));
	return out;
}

const current = async () => snapshot((sql) => t.rows(sql), await t.db.withConnection((conn) => riskDay(conn, settings.unit.timeZone, NOW)));

class Rollback extends Error {}

/** The derived tables as a full rebuild makes them from the rows loaded now (rolled back). */
async function fromScratch(): Promise<Record<string, string[]>> {
	let out: Record<string, string[]> = {};
	await t.db
		.transaction(async (conn) => {
			await conn.run('delete from refresh_signatures');
			await conn.run('delete from peaks_state');
			await conn.run('delete from sla_refresh_state');
			const ctx: RefreshContext = { conn, settings, now: NOW };
			// The steps whose tables are compared; of churn, its inputs and the scored day's risk
			// (not the history reconstructed at the first refresh).
			for (const step of STEPS.filter((s) => ['calendar', 'rollups', 'peaks', 'staffing', 'business_calendar', 'sla'].includes(s.name))) await step.run(ctx);
			await buildChurnInputs(conn, settings.unit.timeZone, NOW);
			const asOf = await riskDay(conn, settings.unit.timeZone, NOW);
			await computeRiskDay(conn, asOf, settings.unit.timeZone, settings.churn, false, NOW);
			expect(ctx.changes?.all).toBe(true);
			out = await snapshot(async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[], asOf);
			throw new Rollback();
		})
		.catch((e) => {
			if (!(e instanceof Rollback)) throw e;
		});
	return out;
}

async function expectSameAsFull(label: string) {
	const incremental = await current();
	const full = await fromScratch();
	for (const table of [...TABLES, ...Object.keys(QUERIES)]) {
		// The rows only one side has (readable when they differ), then the whole lists (duplicates).
		const inc = incremental[table]!;
		const all = full[table]!;
		expect({ onlyIncremental: inc.filter((r) => !all.includes(r)), onlyFull: all.filter((r) => !inc.includes(r)) }, `${label}: ${table}`).toEqual({ onlyIncremental: [], onlyFull: [] });
		expect(inc, `${label}: ${table}`).toEqual(all);
	}
	// The ledger of customers' fields (only changed customers are rewritten) lists them as they are.
	const dims = async (sql: string) => (await t.rows(sql)).map((r) => JSON.stringify(r)).sort();
	expect(await dims('select id, segment, name from refresh_customer_dims'), `${label}: refresh_customer_dims`).toEqual(await dims('select id, segment, name from customers'));
}

async function load(files: Partial<Record<'customers' | 'tickets' | 'calls' | 'survey_answers' | 'ticket_status_changes', string>>) {
	for (const [dataset, content] of Object.entries(files)) t.drop(dataset, `f${++fileNo}.csv`, content!);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.files.every((f) => f.status !== 'failed'), run.error ?? '').toBe(true);
	// The changes were found by the product's own bookkeeping, never by noticing counts out of step.
	expect(run.refreshed).toBe(true);
	expect(lastRefreshReport()?.changes?.reason).not.toBe('out_of_step');
	return run;
}

const TICKET_HEAD = 'id,customer_id,channel,category,priority,team,status,created_at';
const CALL_HEAD = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id';
const ANSWER_HEAD = 'id,customer_id,ticket_id,kind,occasion,score,comment,answered_at,channel';
const CUSTOMER_HEAD = 'id,name,segment';

describe('incremental refresh', () => {
	it('rebuilds only the touched days, and they equal a full rebuild', async () => {
		// A first load: refreshed whole (nothing was counted before).
		await load({
			customers: `${CUSTOMER_HEAD}\nC1,Alborz Bank,bank\nC2,Road Ministry,government\nC3,Small Shop,small_business`,
			tickets: `${TICKET_HEAD}\nT1,C1,email,bug,high,support,open,2026-11-01T08:00:00Z\nT2,C2,phone,how_to,normal,technical,resolved,2026-11-02T20:40:00Z\nT3,C3,portal,bug,low,support,resolved,2026-10-01T09:00:00Z`,
			calls: `${CALL_HEAD}\nK1,C1,inbound,support,2026-11-01T06:00:00Z,,,10,60,answered,a1,true,\nK2,C2,inbound,technical,2026-11-02T21:00:00Z,,,,,abandoned,,false,\nK3,C3,outbound,care,2026-10-01T10:00:00Z,,,5.5,30,answered,a2,,`,
			survey_answers: `${ANSWER_HEAD}\nS1,C1,T1,nps,post_ticket,9,,2026-11-01T12:00:00Z,email\nS2,C2,,csat,periodic,2,Slow,2026-11-03T12:00:00Z,web\nS3,C3,T3,nps,happy_call,4,,2026-10-02T12:00:00Z,phone`
		});
		await expectSameAsFull('first load');
		// The SLA clocks and the churn risk compared are not empty: open tickets weeks old have
		// breached their targets, and the customers' risk counts those breaches.
		const [sla] = await t.rows<{ breached: number }>('select cast(count(*) filter (where fr_breach_at is not null or res_breach_at is not null) as integer) as breached from sla_clocks');
		expect(sla!.breached).toBeGreaterThan(0);
		const [risk] = await t.rows<{ scored: number; breaches: number }>('select cast(count(*) as integer) as scored, cast(sum(sla_breaches) as integer) as breaches from churn_risk_history where not reconstructed');
		expect(risk!.scored).toBeGreaterThan(0);
		expect(risk!.breaches).toBeGreaterThan(0);

		// T1 moves from 1 Nov to 20 Nov and to C2; K2 (21:00 UTC on 2 Nov = 00:30 on 3 Nov in
		// Tehran) moves a month back; a new call on an old day.
		const before = await t.rows<{ local_day: string; created: number }>(`select cast(local_day as varchar) as local_day, created from rollup_tickets_daily where local_day = '2026-11-01'`);
		expect(before).toEqual([{ local_day: '2026-11-01', created: 1 }]);
		await load({
			tickets: `${TICKET_HEAD}\nT1,C2,email,bug,high,support,open,2026-11-20T08:00:00Z`,
			calls: `${CALL_HEAD}\nK2,C2,inbound,technical,2026-10-03T21:00:00Z,,,,,abandoned,,false,\nK4,C1,inbound,support,2026-09-15T07:00:00Z,,,0.25,12,answered,a1,true,`
		});
		expect(lastRefreshReport()?.changes).toMatchObject({ all: false, days: ['2026-09-15', '2026-10-04', '2026-11-01', '2026-11-03', '2026-11-20'] });
		const report = await refreshAll(t.db, settings, NOW);
		// Nothing new since the ingest's own refresh: no day rebuilt.
		expect(report.changes).toMatchObject({ all: false, days: [] });
		expect(await t.rows(`select * from rollup_tickets_daily where local_day = '2026-11-01'`)).toEqual([]);
		await expectSameAsFull('rows moved to other days');

		// The ingest's refresh took in exactly the days touched, old and new.
		// T3 (1 Oct) changes channel under S3 (2 Oct), which carries its ticket's channel; T2
		// changes team at 20:40 UTC on 2 Nov, which is 00:10 on 3 Nov in Tehran.
		await load({ tickets: `${TICKET_HEAD}\nT2,C2,phone,how_to,normal,care,resolved,2026-11-02T20:40:00Z\nT3,C3,chat,bug,low,support,resolved,2026-10-01T09:00:00Z` });
		expect(lastRefreshReport()?.changes).toMatchObject({ all: false, days: ['2026-10-01', '2026-10-02', '2026-11-03'] });
		// Tickets alone changed: the day tables made from calls keep their rows (equal to a full
		// rebuild all the same, checked below); those read from tickets are rebuilt for the days.
		expect(lastRefreshReport()?.rollups).toMatchObject({ rollup_calls_daily: 'none', rollup_calls_hourly: 'none', rollup_call_waits: 'none', rollup_tickets_daily: 'days', rollup_tickets_hourly: 'days', rollup_survey_answers: 'days' });
		expect(await t.rows(`select channel from rollup_survey_answers where id = 'S3'`)).toEqual([{ channel: 'chat' }]);
		await expectSameAsFull('a ticket changed channel under its answers');

		// Tickets a week apart: one run of 22 days, a third of the 67 days with data. The tables
		// read from tickets are rebuilt whole (less memory than deleting and inserting most of
		// their rows); those read from calls alone stay as they are.
		await load({ tickets: [TICKET_HEAD, ...['05', '12', '19', '26'].map((d, i) => `T${4 + i},C1,email,bug,high,support,open,2026-10-${d}T08:00:00Z`)].join('\n') });
		expect(lastRefreshReport()?.changes).toMatchObject({ all: false, days: ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'] });
		expect(lastRefreshReport()?.rollups).toMatchObject({ rollup_tickets_daily: 'whole', rollup_survey_answers: 'whole', rollup_calls_daily: 'none', rollup_call_waits: 'none' });
		await expectSameAsFull('tickets on days spread over a third of the data');
	});

	it('follows customers whose segment or name changed, and answers written in the app', async () => {
		await load({ customers: `${CUSTOMER_HEAD}\nC1,Alborz Bank (HQ),enterprise\nC3,Small Shop,` });
		await expectSameAsFull('segment and name changed');

		// A follow-up's happy-call answer, written in the app: the survey rollups follow at once.
		await t.db.withConnection((conn) => execOn(conn, 'followups/upsert_answer', { id: 'FU1-nps', customer_id: 'C1', kind: 'nps', score: 10, comment: 'Thanks' }));
		await refreshSurveyRollups(t.db, settings);
		const [row] = await t.rows<{ n: number }>(`select cast(count(*) as integer) as n from rollup_survey_answers where id = 'FU1-nps'`);
		expect(row!.n).toBe(1);
		// Recorded again later: the answer is replaced, not added.
		await t.db.withConnection((conn) => execOn(conn, 'followups/upsert_answer', { id: 'FU1-nps', customer_id: 'C1', kind: 'nps', score: 3, comment: null }));
		await refreshSurveyRollups(t.db, settings);
		// The next whole refresh hands the follow-up's day to the domain steps (churn contact days).
		const report = await refreshAll(t.db, settings, NOW);
		expect(report.changes?.all).toBe(false);
		expect(report.changes?.days.length).toBeGreaterThan(0);
		await expectSameAsFull('follow-up answers');
	});

	it('rebuilds everything for a new time zone, and when rows changed behind its back', async () => {
		const zone = { ...settings.unit, timeZone: 'Europe/London' };
		await saveSetting(t.db, 'unit', zone);
		settings = await loadSettings(t.db);
		const report = await refreshAll(t.db, settings, NOW);
		expect(Object.values(report.rollups).filter((m) => m !== 'whole')).toEqual([]);
		await expectSameAsFull('time zone changed');

		// A row written by hand in SQL with a made-up file: the counts disagree, all is rebuilt.
		await t.rows(`insert into calls (id, direction, started_at, outcome, source_file_id) values ('X1', 'inbound', '2026-11-05T10:00:00Z', 'answered', 9999)`);
		const again = await refreshAll(t.db, settings, NOW);
		expect(again.changes).toMatchObject({ all: true, reason: 'out_of_step' });
		await expectSameAsFull('a row written behind its back');
		await saveSetting(t.db, 'unit', { ...zone, timeZone: 'Asia/Tehran' });
		settings = await loadSettings(t.db);
		await refreshAll(t.db, settings, NOW);
	});

	// Random batches over small pools of ids, so rows are updated by key again and again, moved
	// between days and customers, and old days are touched; every batch is checked.
	it('equals a full rebuild after any sequence of batches', async () => {
		const id = (prefix: string, n: number) => fc.integer({ min: 1, max: n }).map((i) => `${prefix}${i}`);
		// 75 days ending 22 Nov 2026, any minute (UTC): some land on the next local day in Tehran.
		const instant = fc.record({ day: fc.integer({ min: 0, max: 74 }), minute: fc.integer({ min: 0, max: 1439 }) }).map(({ day, minute }) => new Date(Date.UTC(2026, 8, 9 + day, 0, minute)).toISOString());
		const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: '' as const });
		const customer = maybe(id('C', 5));
		const ticket = fc
			.tuple(id('T', 20), customer, maybe(fc.constantFrom('email', 'phone', 'portal')), fc.constantFrom('bug', 'how_to', 'feature_request'), fc.constantFrom('high', 'normal'), maybe(fc.constantFrom('support', 'technical')), instant)
			.map((v) => `${v.slice(0, 6).join(',')},open,${v[6]}`);
		const call = fc
			.tuple(id('K', 25), customer, fc.constantFrom('inbound', 'outbound'), maybe(fc.constantFrom('support', 'technical')), instant, maybe(fc.integer({ min: 0, max: 2400 }).map((q) => String(q / 4))), fc.constantFrom('answered', 'abandoned'), maybe(fc.constantFrom('a1', 'a2')), maybe(fc.constantFrom('true', 'false')))
			.map(([i, c, dir, q, at, wait, outcome, agent, opened]) => `${i},${c},${dir},${q},${at},,,${wait},${outcome === 'answered' ? 60 : ''},${outcome},${agent},${opened},`);
		const answer = fc
			.tuple(id('S', 15), customer, maybe(id('T', 20)), fc.boolean(), fc.integer({ min: 0, max: 10 }), fc.constantFrom('post_ticket', 'periodic'), instant, maybe(fc.constantFrom('web', 'phone')))
			.map(([i, c, tk, nps, score, occasion, at, channel]) => `${i},${c},${tk},${nps ? 'nps' : 'csat'},${occasion},${nps ? score : 1 + (score % 5)},,${at},${channel}`);
		const cust = fc.tuple(id('C', 5), fc.constantFrom('North', 'South'), maybe(fc.constantFrom('bank', 'government'))).map(([i, name, seg]) => `${i},${name} ${i},${seg}`);
		const batch = fc.record({
			tickets: fc.array(ticket, { maxLength: 6 }),
			calls: fc.array(call, { maxLength: 6 }),
			answers: fc.array(answer, { maxLength: 4 }),
			customers: fc.array(cust, { maxLength: 2 }),
			followUp: fc.option(fc.tuple(fc.integer({ min: 1, max: 3 }), id('C', 5), fc.integer({ min: 0, max: 10 })), { nil: null })
		});
		await fc.assert(
			fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 2 }), async (batches) => {
				for (const b of batches) {
					const files: Parameters<typeof load>[0] = {};
					if (b.tickets.length) files.tickets = [TICKET_HEAD, ...b.tickets].join('\n');
					if (b.calls.length) files.calls = [CALL_HEAD, ...b.calls].join('\n');
					if (b.answers.length) files.survey_answers = [ANSWER_HEAD, ...b.answers].join('\n');
					if (b.customers.length) files.customers = [CUSTOMER_HEAD, ...b.customers].join('\n');
					if (Object.keys(files).length) await load(files);
					if (b.followUp) {
						const [n, c, score] = b.followUp;
						await t.db.withConnection((conn) => execOn(conn, 'followups/upsert_answer', { id: `FU${n}-nps`, customer_id: c, kind: 'nps', score, comment: null }));
						await refreshSurveyRollups(t.db, settings);
						// The churn contact days follow at the next whole refresh.
						await refreshAll(t.db, settings, NOW);
					}
					// The ingest's refresh scored the risk as of the wall clock's day, and a follow-up's
					// answer is stamped with the wall clock: score the day of the test's NOW from the
					// rows as they are now (else a day scored by an earlier batch is compared).
					await refreshAll(t.db, settings, NOW);
					await expectSameAsFull(`batch ${batches.indexOf(b) + 1} of ${batches.length}`);
				}
			}),
			{ numRuns: 5, seed: Number(process.env.CARE_PROPERTY_SEED ?? 20261123) }
		);
	}, 300_000);
});
