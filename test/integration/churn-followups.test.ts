/**
 * The follow-up list on fixtures: capacity and carry-over, ranking by risk × value, assignment,
 * cool-down, snoozes, the hold-out and its comparison, recording outcomes (happy-call answers
 * become survey answers and change the NPS at once), conflicts between two agents, bad input
 * that writes nothing, and the exports.
 *
 * The risk of the fixture customers is written straight into churn_risk_history (the model
 * itself is tested in churn-model.test.ts): each customer's score is its silence points.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/lib/calendar';
import { exportCsv, exportTable, exportXlsx } from '../../src/lib/server/churn/export';
import { dayList, ensureDayList, recordOutcome, snoozeCustomer } from '../../src/lib/server/churn/followups';
import type { ChurnViewer } from '../../src/lib/server/churn/viewer';
import { holdoutView } from '../../src/lib/server/churn/track';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, type Settings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

const AGENT: ChurnViewer = { role: 'care_agent', login: 'sara', name: 'Sara' };
const OTHER: ChurnViewer = { role: 'care_agent', login: 'ali', name: 'Ali' };
const EXEC: ChurnViewer = { role: 'executive', login: 'boss', name: 'Boss' };

interface Fixture {
	id: string;
	score: number;
	segment?: string;
	owner?: string;
}

/** Customers (by file) and their risk on `day` (written directly). */
async function setUp(t: TempDb, day: string, customers: Fixture[], extra: { surveys?: string } = {}) {
	t.drop('customers', 'customers.csv', ['id,name,segment,owner,contact_name,contact_phone,renewal_date', ...customers.map((c) => `${c.id},Customer ${c.id},${c.segment ?? 'small_business'},${c.owner ?? ''},Person ${c.id},0912000${c.id.slice(1).padStart(4, '0')},2030-01-01`)].join('\n'));
	if (extra.surveys) t.drop('survey_answers', 'surveys.csv', extra.surveys);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status, run.error ?? '').toBe('ok');
	// Only the fixture's risk: the refresh after the load computed today's from the (empty) contacts.
	await t.rows(`delete from churn_risk_history`);
	const values = customers
		.map((c) => `('${day}', '${c.id}', 'active', ${c.score}, 0, 0, 'own', 0, ${c.score}, 0, 0, 0, 0, 0, 0, 0, 0, false)`)
		.join(', ');
	await t.rows(`insert into churn_risk_history (as_of, customer_id, status, score, contact_days, gaps, rhythm_basis, reopened,
		c_silence, c_low_score, c_sla, c_long_open, c_reopened, c_feature, c_trend, c_renewal, c_new_contact, reconstructed) values ${values}`);
}

function withChurn(s: Settings, over: (c: Settings['churn']) => void): Settings {
	const churn = structuredClone(s.churn);
	over(churn);
	return { ...s, churn };
}

const ids = (rows: { customer_id: string }[]) => rows.map((r) => r.customer_id);

describe('the daily list: capacity, ranking, assignment, carry-over, cool-down, snooze', () => {
	let t: TempDb;
	let base: Settings;
	let settings: Settings;
	let today: string;
	beforeAll(async () => {
		t = await tempDb();
		base = await loadSettings(t.db);
		today = todayIn(base.unit.timeZone);
		// Ten customers at risk (90 … 45), and two below the list's minimum.
		const fixtures: Fixture[] = [
			{ id: 'C01', score: 90 },
			{ id: 'C02', score: 85, segment: 'bank', owner: 'Sara' },
			{ id: 'C03', score: 80 },
			{ id: 'C04', score: 75, segment: 'government' },
			{ id: 'C05', score: 70 },
			{ id: 'C06', score: 65 },
			{ id: 'C07', score: 60 },
			{ id: 'C08', score: 55 },
			{ id: 'C09', score: 50 },
			{ id: 'C10', score: 45 },
			{ id: 'C11', score: 20 },
			{ id: 'C12', score: 10 }
		];
		await setUp(t, addDays(today, -3), fixtures);
		settings = withChurn(base, (c) => {
			c.followUps.agents = ['Ali', 'Sara'];
			c.followUps.callsPerAgentPerDay = 3;
			c.holdout.share = 0;
		});
	}, 120_000);
	afterAll(() => t.close());

	const items = (day: string) => t.rows<{ customer_id: string; rank: number; assignee: string; priority: number; status: string; id: number; version: number }>(
		`select customer_id, rank, assignee, priority, status, id, version from follow_ups where list_day = '${day}' order by rank`
	);

	it('sizes the list to the capacity (2 agents × 3 calls) and ranks by risk × value', async () => {
		const day = addDays(today, -2);
		const info = await ensureDayList(t.db, settings, day);
		expect(info).toEqual({ day, capacity: 6, agents: ['Ali', 'Sara'] });
		const list = await items(day);
		// Priorities: C02 bank 85 × 1.5 = 127.5, C04 government 75 × 1.5 = 112.5, then the small businesses 90, 80, 70, 65.
		expect(ids(list)).toEqual(['C02', 'C04', 'C01', 'C03', 'C05', 'C06']);
		expect(list.map((i) => i.priority)).toEqual([127.5, 112.5, 90, 80, 70, 65]);
		// Round robin: 3 each.
		expect(list.map((i) => i.assignee)).toEqual(['Ali', 'Sara', 'Ali', 'Sara', 'Ali', 'Sara']);
		// Made once: asking again changes nothing.
		await ensureDayList(t.db, settings, day);
		expect(await items(day)).toHaveLength(6);
	});

	it('carries open items over: a full list leaves no room the next day', async () => {
		const day = addDays(today, -1);
		await ensureDayList(t.db, settings, day);
		expect(await items(day)).toEqual([]);
	});

	it('after two are done, the next list takes the next two by priority, not the ones just done (cool-down)', async () => {
		const first = await items(addDays(today, -2));
		for (const item of first.slice(0, 2)) {
			const r = await recordOutcome(t.db, settings, AGENT, { id: item.id, version: item.version, status: 'done', notes: 'spoke to the IT manager' });
			expect(r.ok).toBe(true);
		}
		await ensureDayList(t.db, settings, today);
		expect(ids(await items(today))).toEqual(['C07', 'C08']);
		const list = await dayList(t.db, settings, AGENT, today);
		// Today's list shows the 4 open items carried over and the 2 new ones.
		expect(list.items.map((i) => [i.customerId, i.carried])).toEqual([
			['C01', true],
			['C03', true],
			['C05', true],
			['C06', true],
			['C07', false],
			['C08', false]
		]);
	});

	it('a customer reached longer ago than the cool-down can come back', async () => {
		// C02 was closed 40 days ago, C04 today (cool-down 30 days); more room on a later day.
		await t.rows(`update follow_ups set closed_at = now() - interval 40 day where customer_id = 'C02'`);
		const roomy = withChurn(settings, (c) => (c.followUps.callsPerAgentPerDay = 10));
		const day = addDays(today, 1);
		await ensureDayList(t.db, roomy, day);
		const fresh = ids(await items(day));
		expect(fresh).toContain('C02');
		expect(fresh).not.toContain('C04');
		// Below the list's minimum score (25): never on the list.
		expect(fresh).not.toContain('C11');
		expect(fresh.sort()).toEqual(['C02', 'C09', 'C10']);
	});

	it('a snoozed customer stays off the list and its open item is hidden until the snooze ends', async () => {
		const r = await snoozeCustomer(t.db, settings, AGENT, { customer_id: 'C07', until: addDays(today, 10), note: 'on leave' });
		expect(r.ok).toBe(true);
		const listToday = await dayList(t.db, settings, AGENT, today);
		// C07 was put on today's list before the snooze: still listed for today (made then) …
		expect(listToday.items.map((i) => i.customerId)).toContain('C07');
		// … but not carried over while snoozed.
		const later = withChurn(settings, (c) => (c.followUps.callsPerAgentPerDay = 10));
		await ensureDayList(t.db, later, addDays(today, 2));
		const carried = await t.rows<{ n: number }>(`select count(*)::int as n from follow_ups where customer_id = 'C07'`);
		expect(carried[0]!.n).toBe(1);
		const day2 = await dayList(t.db, later, AGENT, addDays(today, 2));
		expect(day2.items.map((i) => i.customerId)).not.toContain('C07');
	});

	it('a snooze on a customer that does not exist, or in the past, is refused and writes nothing', async () => {
		const before = await t.rows<{ n: number }>('select count(*)::int as n from churn_snoozes');
		const r = await snoozeCustomer(t.db, settings, AGENT, { customer_id: 'NOPE', until: addDays(today, 3) });
		expect(r).toMatchObject({ ok: false, status: 400, errors: { customer_id: { key: 'followups.error.customerUnknown' } } });
		const past = await snoozeCustomer(t.db, settings, AGENT, { customer_id: 'C01', until: addDays(today, -1) });
		expect(past).toMatchObject({ ok: false, status: 400, errors: { until: { key: 'followups.error.untilPast' } } });
		expect(await snoozeCustomer(t.db, settings, EXEC, { customer_id: 'C01', until: addDays(today, 3) })).toMatchObject({ ok: false, status: 403 });
		expect(await t.rows('select count(*)::int as n from churn_snoozes')).toEqual(before);
	});
});

describe('the hold-out', () => {
	let t: TempDb;
	let settings: Settings;
	let today: string;
	beforeAll(async () => {
		t = await tempDb();
		const base = await loadSettings(t.db);
		today = todayIn(base.unit.timeZone);
		await setUp(t, addDays(today, -80), Array.from({ length: 60 }, (_, i) => ({ id: `H${String(i + 1).padStart(2, '0')}`, score: 50 + (i % 7) })));
		settings = withChurn(base, (c) => {
			c.followUps.agents = ['Ali'];
			c.followUps.callsPerAgentPerDay = 100;
			c.holdout.share = 0.5;
		});
	}, 120_000);
	afterAll(() => t.close());

	it('keeps a random share of customers newly at risk off the list, and keeps them off while their arm runs', async () => {
		const day = addDays(today, -75);
		await ensureDayList(t.db, settings, day);
		const arms = await t.rows<{ customer_id: string; arm: string }>(`select customer_id, arm from churn_experiment order by customer_id`);
		expect(arms).toHaveLength(60);
		const held = arms.filter((a) => a.arm === 'holdout').map((a) => a.customer_id);
		expect(held.length).toBeGreaterThan(15);
		expect(held.length).toBeLessThan(45);
		const listed = ids(await t.rows<{ customer_id: string }>(`select customer_id from follow_ups order by customer_id`));
		expect(listed).toEqual(arms.filter((a) => a.arm === 'list').map((a) => a.customer_id));
		// The next day: the listed are open (not again), the held-out stay off: nobody new.
		await ensureDayList(t.db, settings, addDays(day, 1));
		expect(await t.rows(`select * from follow_ups where list_day = '${addDays(day, 1)}'`)).toEqual([]);
	});

	it('compares the arms 60 days on, honestly: too few to say with fewer than 30 in an arm', async () => {
		// Two held-out and three listed customers came back in touch (a ticket) within 60 days of entering.
		const arms = await t.rows<{ customer_id: string; arm: string }>(`select customer_id, arm from churn_experiment order by customer_id`);
		const back = [...arms.filter((a) => a.arm === 'holdout').slice(0, 2), ...arms.filter((a) => a.arm === 'list').slice(0, 3)];
		t.drop('tickets', 'back.csv', ['id,customer_id,created_at', ...back.map((a, i) => `b${i},${a.customer_id},${addDays(today, -70)}T10:00:00+03:30`)].join('\n'));
		expect((await runIngest(t.db, t.config, 'manual')).status).toBe('ok');
		const view = await holdoutView(t.db, settings.churn, today);
		expect(view.list.customers + view.holdout.customers).toBe(60);
		expect(view.holdout.returned).toBe(2);
		expect(view.list.returned).toBe(3);
		expect(view.verdict).toBe('too_few');
		// The difference of the two shares, with its interval (Newcombe).
		const d = view.returned.diff!;
		expect(d.diff).toBeCloseTo(3 / view.list.customers - 2 / view.holdout.customers, 10);
		expect(d.low).toBeLessThan(d.diff);
		expect(d.high).toBeGreaterThan(d.diff);
	});
});

describe('recording outcomes', () => {
	let t: TempDb;
	let settings: Settings;
	let today: string;
	const SURVEYS = 'id,customer_id,kind,score,answered_at\ns1,X01,nps,10,2026-01-10T10:00:00+03:30\ns2,X02,nps,3,2026-01-11T10:00:00+03:30\n';
	const nps = async () => {
		const [r] = await t.rows<{ p: number; d: number; n: number }>(`select sum(promoters)::int as p, sum(detractors)::int as d, sum(answers)::int as n from rollup_surveys_daily where kind = 'nps'`);
		return (100 * (r!.p - r!.d)) / r!.n;
	};
	beforeAll(async () => {
		t = await tempDb();
		const base = await loadSettings(t.db);
		today = todayIn(base.unit.timeZone);
		await setUp(t, today, [{ id: 'X01', score: 80 }, { id: 'X02', score: 70 }, { id: 'X03', score: 60 }], { surveys: SURVEYS });
		settings = withChurn(base, (c) => {
			c.followUps.agents = ['Ali', 'Sara'];
			c.holdout.share = 0;
		});
		await ensureDayList(t.db, settings, today);
	}, 120_000);
	afterAll(() => t.close());

	const item = async (customer: string) => (await dayList(t.db, settings, AGENT, today)).items.find((i) => i.customerId === customer)!;
	const counts = () => t.rows(`select (select count(*)::int from survey_answers) as answers, (select count(*)::int from churn_lost) as lost, (select sum(version)::int from follow_ups) as versions`);

	it('writes the happy-call answers as survey answers and the NPS shown changes at once', async () => {
		// Before: one promoter (10) and one detractor (3): NPS = (1 − 1) / 2 × 100 = 0.
		expect(await nps()).toBe(0);
		const x = await item('X03');
		const r = await recordOutcome(t.db, settings, AGENT, { id: x.id, version: x.version, status: 'reached', nps: '9', csat: '4', comment: 'Much better since the fix', notes: 'called the IT lead' });
		expect(r).toMatchObject({ ok: true, version: x.version + 1, answers: { nps: `FU${x.id}-nps`, csat: `FU${x.id}-csat` }, refreshed: true });
		const answers = await t.rows<{ id: string; kind: string; occasion: string; score: number; comment: string | null; channel: string }>(
			`select id, kind, occasion, score, comment, channel from survey_answers where customer_id = 'X03' order by id`
		);
		expect(answers).toEqual([
			{ id: `FU${x.id}-csat`, kind: 'csat', occasion: 'happy_call', score: 4, comment: null, channel: 'phone' },
			{ id: `FU${x.id}-nps`, kind: 'nps', occasion: 'happy_call', score: 9, comment: 'Much better since the fix', channel: 'phone' }
		]);
		// After: two promoters (10, 9) and one detractor (3): NPS = (2 − 1) / 3 × 100 = 33.3.
		expect(await nps()).toBeCloseTo(100 / 3, 10);
		const after = await item('X03');
		expect(after).toMatchObject({ status: 'reached', notes: 'called the IT lead', updatedBy: 'sara', attempts: 1 });
		expect(after.reachedAt).not.toBeNull();
	});

	it('recording it again replaces the answer instead of adding one', async () => {
		const x = await item('X03');
		const r = await recordOutcome(t.db, settings, AGENT, { id: x.id, version: x.version, status: 'done', nps: '6' });
		expect(r.ok).toBe(true);
		const [row] = await t.rows<{ n: number; score: number }>(`select count(*)::int as n, max(score)::int as score from survey_answers where customer_id = 'X03' and kind = 'nps'`);
		expect(row).toEqual({ n: 1, score: 6 });
		// 10, 6 and 3: one promoter, two detractors: (1 − 2) / 3 × 100 = −33.3
		expect(await nps()).toBeCloseTo(-100 / 3, 10);
	});

	it('two agents saving the same follow-up: the second gets a conflict with what the first saved, and nothing of theirs is written', async () => {
		const x = await item('X01');
		const first = await recordOutcome(t.db, settings, AGENT, { id: x.id, version: x.version, status: 'call_back', call_back_on: addDays(today, 2), notes: 'call back Monday' });
		expect(first.ok).toBe(true);
		const second = await recordOutcome(t.db, settings, OTHER, { id: x.id, version: x.version, status: 'reached', nps: '2', notes: 'angry' });
		expect(second).toMatchObject({ ok: false, status: 409, error: { key: 'followups.error.conflict', params: { by: 'sara', version: x.version + 1 } } });
		if (!second.ok && second.status === 409) expect(second.current).toMatchObject({ status: 'call_back', notes: 'call back Monday', callBackOn: addDays(today, 2) });
		expect(await t.rows(`select count(*)::int as n from survey_answers where customer_id = 'X01' and occasion = 'happy_call'`)).toEqual([{ n: 0 }]);
		// With the stored version, saving again is a deliberate overwrite and goes through.
		const third = await recordOutcome(t.db, settings, OTHER, { id: x.id, version: x.version + 1, status: 'reached', notes: 'angry' });
		expect(third.ok).toBe(true);
	});

	it('bad input on every field is refused at the field, and writes nothing', async () => {
		const x = await item('X02');
		const before = await counts();
		const cases: [Record<string, string | number>, string, string][] = [
			[{ status: '' }, 'status', 'followups.error.statusMissing'],
			[{ status: 'reached', nps: '11' }, 'nps', 'followups.error.score'],
			[{ status: 'reached', csat: '0' }, 'csat', 'followups.error.score'],
			[{ status: 'call_back', call_back_on: addDays(today, -1) }, 'call_back_on', 'followups.error.callBackPast'],
			[{ status: 'no_answer', nps: '8' }, 'nps', 'followups.error.answersNeedReached'],
			[{ status: 'reached', assignee: 'Mallory' }, 'assignee', 'followups.error.assignee']
		];
		for (const [input, field, key] of cases) {
			const r = await recordOutcome(t.db, settings, AGENT, { id: x.id, version: x.version, ...input });
			expect(r.ok, JSON.stringify(input)).toBe(false);
			if (!r.ok && r.status === 400) expect(r.errors[field]?.key, JSON.stringify(input)).toBe(key);
		}
		expect(await recordOutcome(t.db, settings, AGENT, { id: 99999, version: 1, status: 'done' })).toMatchObject({ ok: false, status: 404 });
		expect(await recordOutcome(t.db, settings, EXEC, { id: x.id, version: x.version, status: 'done' })).toMatchObject({ ok: false, status: 403 });
		expect(await counts()).toEqual(before);
		expect(await item('X02')).toMatchObject({ status: 'to_call', version: x.version });
	});

	it('a customer who says it is leaving is marked lost', async () => {
		const x = await item('X02');
		const r = await recordOutcome(t.db, settings, AGENT, { id: x.id, version: x.version, status: 'reached', lost: 'on', notes: 'moving to a competitor' });
		expect(r.ok).toBe(true);
		expect(await t.rows(`select customer_id, lost_on::varchar as lost_on, recorded_by from churn_lost`)).toEqual([{ customer_id: 'X02', lost_on: today, recorded_by: 'sara' }]);
	});

	it('exports the list as CSV (BOM, formula injection neutralised) and XLSX', async () => {
		const x = await item('X01');
		await recordOutcome(t.db, settings, AGENT, { id: x.id, version: x.version, status: 'call_back', call_back_on: addDays(today, 1), notes: '=HYPERLINK("http://evil.example","click")' });
		const list = await dayList(t.db, settings, AGENT, today);
		const table = exportTable(list, 'en');
		const csv = exportCsv(table);
		expect(csv.startsWith('\uFEFFRank,Customer id,Customer,Segment,Contact person,Phone')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
		expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + list.items.length);
		const fa = exportTable(list, 'fa');
		expect(fa.columns[0]!.label).toBe('رتبه');
		const xlsx = await exportXlsx(fa, 'fa');
		const files = unzipSync(new Uint8Array(xlsx));
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
		const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : sheet;
		expect(sheet).toContain('rightToLeft="1"');
		expect(strings).toContain('رتبه');
		expect(strings).toContain("'=HYPERLINK(");
		expect(strings).not.toMatch(/>=HYPERLINK/);
		// Executives get no names, phones or notes.
		const blind = await dayList(t.db, settings, EXEC, today);
		expect(blind.items.every((i) => i.name === null && i.contact === null && i.notes === null)).toBe(true);
	});
});
