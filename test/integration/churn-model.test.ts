/**
 * The churn model on a small fixture, each figure computed by hand (docs/churn-model.md has the
 * formulas). The unit is in Asia/Tehran; the risk is computed as of AS_OF with the default
 * settings: weights silence 35, low score 20, SLA breaches 8, long open 7, reopened 4, feature
 * request 6, trend 10, renewal 6, new contact 4; rhythm look-back 1095 days, at least 4 gaps,
 * silence from 14 days, full at 10 × the usual gap. SLA targets are the shipped ones (normal:
 * first response 4 business hours; high: resolution 8) on the shipped Iranian week
 * (Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00); tickets without a priority have none.
 *
 * Every customer but W, Y and S calls every 7 days up to AS_OF (silence 0) and has flat product
 * activity (100 a day), so each shows only the factor it was built for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar';
import { computeRiskDay } from '../../src/lib/server/churn/refresh';
import { contributions, reasons, type RiskRow } from '../../src/lib/server/churn/reasons';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, type Settings } from '../../src/lib/server/settings';
import { inEnglishPhrase } from '../../src/lib/i18n/translate';
import { tempDb, type TempDb } from '../helpers/temp-db';

const AS_OF = '2026-06-30';
const at = (day: string, time = '10:00') => `${day}T${time}:00+03:30`;
const FLAT = ['W', 'Y', 'S', 'NPS', 'CSAT', 'LONG', 'REOPEN', 'FEATURE', 'RENEWAL', 'RENEWAL2', 'CONTACT', 'LAPSED', 'QUIET', 'SLA'];
const REGULAR = ['NPS', 'CSAT', 'LONG', 'REOPEN', 'FEATURE', 'TREND', 'RENEWAL', 'RENEWAL2', 'CONTACT', 'LAPSED', 'SLA'];

function fixture() {
	const customers = ['id,name,segment,contract_start,renewal_date,owner,contact_name,contact_since'];
	const renewal: Record<string, string> = { RENEWAL: addDays(AS_OF, 30), RENEWAL2: addDays(AS_OF, 400), LAPSED: addDays(AS_OF, -40) };
	for (const id of [...new Set([...FLAT, ...REGULAR])]) {
		const segment = id === 'W' || id === 'S' ? 'bank' : id === 'Y' ? 'government' : 'enterprise';
		const since = id === 'CONTACT' ? addDays(AS_OF, -30) : '';
		customers.push(`${id},Customer ${id},${segment},2020-01-15,${renewal[id] ?? '2027-01-15'},Agent A,Person ${id},${since}`);
	}
	const calls = ['id,customer_id,direction,started_at,outcome,ticket_id'];
	let n = 0;
	const call = (customer: string, day: string, ticket = '') => calls.push(`k${++n},${customer},inbound,${at(day)},answered,${ticket}`);
	// Regular customers: a call every 7 days, the last on AS_OF.
	for (const id of REGULAR) for (let back = 0; back <= 700; back += 7) call(id, addDays(AS_OF, -back));
	// W: every 7 days for two years, the last 42 days before AS_OF.
	for (let back = 42; back <= 42 + 7 * 100; back += 7) call('W', addDays(AS_OF, -back));
	// Y: twice a year: 60, 242, 424, 606, 788, 970 days before AS_OF (6 contacts, 5 gaps of 182 days).
	for (let k = 0; k < 6; k++) call('Y', addDays(AS_OF, -(60 + 182 * k)));
	// S: two contacts only (1 gap): judged against its segment (bank, i.e. W's 7 days); silent 30 days.
	call('S', addDays(AS_OF, -60));
	call('S', addDays(AS_OF, -30));

	const tickets = ['id,customer_id,category,priority,status,created_at,first_response_at,resolved_at'];
	// LONG: a bug open 20 days (resolved) 40 days ago.
	tickets.push(`tl,LONG,bug,,resolved,${at(addDays(AS_OF, -40), '09:00')},,${at(addDays(AS_OF, -20), '09:00')}`);
	// REOPEN: resolved, reopened, resolved again (3 days each way).
	tickets.push(`tr,REOPEN,how_to,,resolved,${at(addDays(AS_OF, -30), '09:00')},,${at(addDays(AS_OF, -27), '09:00')}`);
	// FEATURE: a feature request 90 days old without answer, chased once by phone.
	tickets.push(`tf,FEATURE,feature_request,,on_hold,${at(addDays(AS_OF, -90), '09:00')},,`);
	call('FEATURE', addDays(AS_OF, -60), 'tf');
	// SLA (AS_OF is Tuesday 30 June 2026; both tickets open on its call days, so its rhythm is a
	// regular caller's):
	// s1, normal, Tuesday 16 June 15:00, answered Thursday 18 June 09:00: the first response's
	//   240 business minutes ran out Wednesday 17 June 11:00 (Tuesday 15:00-16:00 = 60, Wednesday
	//   08:00-11:00 = 180): breached then. Resolved 10:00, 660 of 1,440 minutes: met.
	tickets.push('tp,SLA,how_to,normal,resolved,' + `${at('2026-06-16', '15:00')},${at('2026-06-18', '09:00')},${at('2026-06-18', '10:00')}`);
	// s2, high, Tuesday 30 June 09:00, answered 09:10, still open: its resolution's 480 business
	//   minutes run out Wednesday 1 July 09:00 (Tuesday 09:00-16:00 = 420, then 60): after AS_OF.
	tickets.push('tq,SLA,how_to,high,open,' + `${at('2026-06-30', '09:00')},${at('2026-06-30', '09:10')},`);
	const changes = [
		'ticket_id,changed_at,status',
		`tr,${at(addDays(AS_OF, -30), '09:00')},new`,
		`tr,${at(addDays(AS_OF, -29), '09:00')},resolved`,
		`tr,${at(addDays(AS_OF, -28), '09:00')},open`,
		`tr,${at(addDays(AS_OF, -27), '09:00')},resolved`
	];
	const surveys = [
		'id,customer_id,kind,score,answered_at',
		`s1,NPS,nps,9,${at(addDays(AS_OF, -100))}`,
		`s2,NPS,nps,3,${at(addDays(AS_OF, -10))}`,
		`s3,CSAT,csat,2,${at(addDays(AS_OF, -5))}`
	];
	const activity = ['customer_id,day,kind,count'];
	for (let back = 0; back < 112; back++) {
		const day = addDays(AS_OF, -back);
		for (const id of FLAT) activity.push(`${id},${day},active_users,100`);
		// TREND: 100 a day in the 84 days before the last 28, then 40 a day.
		activity.push(`TREND,${day},active_users,${back < 28 ? 40 : 100}`);
	}
	return { customers, calls, tickets, changes, surveys, activity };
}

let t: TempDb;
let settings: Settings;
const rows = new Map<string, RiskRow>();

beforeAll(async () => {
	t = await tempDb();
	const f = fixture();
	t.drop('customers', 'customers.csv', f.customers.join('\n'));
	t.drop('calls', 'calls.csv', f.calls.join('\n'));
	t.drop('tickets', 'tickets.csv', f.tickets.join('\n'));
	t.drop('ticket_status_changes', 'changes.csv', f.changes.join('\n'));
	t.drop('survey_answers', 'surveys.csv', f.surveys.join('\n'));
	t.drop('product_activity', 'activity.csv', f.activity.join('\n'));
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status, run.error ?? '').toBe('ok');
	settings = await loadSettings(t.db);
	await t.db.withConnection((conn) => computeRiskDay(conn, AS_OF, settings.unit.timeZone, settings.churn, false));
	for (const r of await t.db.query<RiskRow & Record<string, unknown>>('churn/risk_day', { as_of: AS_OF })) rows.set(r.customer_id, r);
}, 180_000);
afterAll(() => t.close());

const row = (id: string) => rows.get(id)!;
const points = (id: string) => Object.fromEntries(contributions(row(id)).map((c) => [c.factor, c.contribution]));
const english = (id: string) => reasons(row(id)).map(inEnglishPhrase);

describe('contact rhythm: a weekly caller against a twice-a-year caller', () => {
	it('a weekly caller silent for six weeks is very unusual', () => {
		const w = row('W');
		expect(w.rhythm_basis).toBe('own');
		expect(w.usual_gap).toBe(7); // every gap is 7 days
		expect(w.silence_days).toBe(42);
		expect(w.silence_ratio).toBeCloseTo(6, 10); // 42 / 7
		// 35 × ln(6) / ln(10) = 35 × 0.7782 = 27.2
		expect(points('W').silence).toBe(27.2);
		expect(english('W').slice(0, 2)).toEqual(['silent for 42 days', 'usually in touch every 7 days']);
	});

	it('a twice-a-year caller silent for two months is not unusual at all', () => {
		const y = row('Y');
		expect(y.rhythm_basis).toBe('own');
		expect(y.gaps).toBe(5);
		expect(y.usual_gap).toBe(182);
		expect(y.silence_days).toBe(60);
		// 60 / 182 = 0.33: shorter than its usual gap, no points
		expect(points('Y').silence).toBe(0);
		expect(y.score).toBeLessThan(row('W').score);
	});

	it('a customer with too little history is judged against its segment, and says so', () => {
		const s = row('S');
		expect(s.gaps).toBe(1);
		expect(s.rhythm_basis).toBe('segment');
		// Its segment (bank) has one customer with enough history: W, usual gap 7.
		expect(s.usual_gap).toBe(7);
		// silent 30 days: 35 × ln(30/7) / ln(10) = 35 × 0.6320 = 22.1
		expect(points('S').silence).toBe(22.1);
		expect(english('S')).toContain('its segment is usually in touch every 7 days (too little history of its own)');
	});
});

describe('each factor', () => {
	it('a recent low NPS: the latest answer counts, (10 − 3) / 10 × 20 = 14', () => {
		expect(row('NPS').last_nps).toBe(3);
		expect(points('NPS')).toMatchObject({ lowScore: 14, silence: 0 });
		expect(english('NPS')).toEqual(['last NPS 3/10']);
	});

	it('a recent low CSAT: (5 − 2) / 4 × 20 = 15', () => {
		expect(points('CSAT').lowScore).toBe(15);
		expect(english('CSAT')).toEqual(['last CSAT 2/5']);
	});

	it('a ticket open long: 20 days, min(1, 20 / 28) × 7 = 5', () => {
		expect(row('LONG').long_open_days).toBeCloseTo(20, 6);
		expect(points('LONG').longOpen).toBe(5);
		expect(english('LONG')).toEqual(['a ticket stayed open 20 days']);
	});

	it('a reopened ticket: min(1, 1 / 2) × 4 = 2', () => {
		expect(row('REOPEN').reopened).toBe(1);
		expect(points('REOPEN').reopened).toBe(2);
		expect(english('REOPEN')).toEqual(['1 ticket reopened']);
	});

	it('an unanswered feature request, chased once: min(1, 90 / 180) × 6 = 3', () => {
		expect(row('FEATURE').feature_age_days).toBe(90);
		expect(row('FEATURE').feature_chased).toBe(1);
		expect(points('FEATURE').featureRequest).toBe(3);
		expect(english('FEATURE')).toEqual(['feature request unanswered for 90 days (chased once)']);
	});

	it('falling product use, relative to all customers', () => {
		// Recent 28 days per day: 14 flat customers × 100 + TREND 40 = 1440; before (84 days): 15 × 100 = 1500.
		// All customers: 1440 / 1500 = 0.96. TREND: (40 / 100) / 0.96 = 0.4167, a drop of 0.5833.
		// Strength (0.5833 − 0.15) / (0.6 − 0.15) = 0.9630; × 10 = 9.6
		expect(row('TREND').activity_drop).toBeCloseTo(1 - 0.4 / (1440 / 1500), 10);
		expect(points('TREND').fallingTrend).toBe(9.6);
		expect(english('TREND')).toEqual(['product use down 58%']);
		// Flat customers do not fall at all relative to everyone (they rose a little): no points.
		expect(points('NPS').fallingTrend).toBe(0);
	});

	it('an SLA breach known by the day: min(1, 1 / 2) × 8 = 4', () => {
		// s1 breached on 17 June; s2 breaches on 1 July, after AS_OF: one breach as of AS_OF.
		expect(row('SLA').sla_breaches).toBe(1);
		expect(points('SLA')).toMatchObject({ slaBreach: 4, silence: 0, longOpen: 0 });
		expect(row('SLA').score).toBe(4);
		expect(english('SLA')).toEqual(['1 ticket breached SLA']);
		// Tickets without a priority have no target, and so no breach.
		expect(row('LONG').sla_breaches).toBe(0);
		expect(points('LONG').slaBreach).toBe(0);
	});

	it('a past day counts only the breaches known by its end', async () => {
		const on = async (day: string) => {
			await t.db.withConnection((conn) => computeRiskDay(conn, day, settings.unit.timeZone, settings.churn, true));
			const r = (await t.db.query<RiskRow & Record<string, unknown>>('churn/risk_day', { as_of: day })).find((x) => x.customer_id === 'SLA')!;
			return { breaches: r.sla_breaches, points: Object.fromEntries(contributions(r).map((c) => [c.factor, c.contribution])).slaBreach };
		};
		// 16 June: s1 was open and within its target (it breached the next day, 11:00).
		expect(await on('2026-06-16')).toEqual({ breaches: 0, points: 0 });
		// 17 June: s1 had breached: min(1, 1 / 2) × 8 = 4.
		expect(await on('2026-06-17')).toEqual({ breaches: 1, points: 4 });
		// 1 July: s2 breached at 09:00 too: min(1, 2 / 2) × 8 = 8, the full weight.
		expect(await on('2026-07-01')).toEqual({ breaches: 2, points: 8 });
	});

	it('an approaching renewal: (1 − 30 / 90) × 6 = 4', () => {
		expect(row('RENEWAL').renewal_days).toBe(30);
		expect(points('RENEWAL').renewal).toBe(4);
		expect(english('RENEWAL')).toEqual(['renewal in 30 days']);
	});

	it('a renewal date a year ahead is a yearly contract: the renewal in between counts', () => {
		// 400 days ahead; one year earlier is 35 days ahead: (1 − 35 / 90) × 6 = 3.7
		expect(row('RENEWAL2').renewal_days).toBe(35);
		expect(points('RENEWAL2').renewal).toBe(3.7);
	});

	it('a new contact person: (1 − 30 / 120) × 4 = 3', () => {
		expect(points('CONTACT').newContact).toBe(3);
		expect(english('CONTACT')).toEqual(['new contact person for 30 days']);
	});

	it('the score is the sum of the contributions, and a customer whose renewal lapsed is not ranked', () => {
		for (const r of rows.values()) {
			const sum = contributions(r).reduce((s, c) => s + c.contribution, 0);
			expect(r.score).toBeCloseTo(sum, 6);
		}
		expect(row('LAPSED').status).toBe('lapsed');
		expect(row('LAPSED').rank).toBeNull();
		// Ranked by score among the active: QUIET (35, silent for the whole look-back), then W (27.2 + …).
		expect(row('QUIET').rank).toBe(1);
		expect(row('W').rank).toBe(2);
	});

	it('a customer never in touch is silent since the look-back began, judged against its segment', () => {
		const q = row('QUIET');
		expect(q.last_contact_day).toBeNull();
		expect(q.silence_days).toBe(1095);
		expect(q.rhythm_basis).toBe('segment');
		expect(points('QUIET').silence).toBe(35); // far beyond 10 × 7 days
		expect(english('QUIET').slice(0, 2)).toEqual(['no contact in 1,095 days', 'its segment is usually in touch every 7 days (too little history of its own)']);
	});
});
