/**
 * Changes and exports of customer data are written to the audit log with the signed-in user:
 * the SLA settings page (save, iCal import, the shipped holidays), follow-up outcomes (page
 * and API) and snoozes, and the downloads of the follow-up list (CSV, Excel) and of the SLA
 * at-risk list. The routes' own handlers are called with the locals the guard sets
 * (src/lib/server/auth/handle.ts: locals.user, locals.ip), so what is tested is the route's
 * wiring down to the audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/lib/calendar';
import type { Viewer } from '../../src/lib/server/auth/roles';
import { dayList } from '../../src/lib/server/churn/followups';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, type Settings } from '../../src/lib/server/settings';
import { currentForm } from '../../src/lib/server/sla/settings-form';
import { actions as slaSettings } from '../../src/routes/settings/sla/+page.server';
import { actions as followUpActions } from '../../src/routes/follow-ups/+page.server';
import { POST as followUpApi } from '../../src/routes/api/followups/+server';
import { GET as followUpsCsv } from '../../src/routes/follow-ups/export.csv/+server';
import { GET as followUpsXlsx } from '../../src/routes/follow-ups/export.xlsx/+server';
import { GET as atRiskCsv } from '../../src/routes/sla/at-risk.csv/+server';
import { tempDb, type TempDb } from '../helpers/temp-db';

const user = (login: string, role: Viewer['role']): Viewer => ({ kind: 'user', id: 1, login, name: login, role, language: null, demo: false });
const LEAD = user('lead-lina', 'support_lead');
const AGENT = user('agent-ava', 'care_agent');
const IP = '198.51.100.7';

interface AuditRow {
	actor: string | null;
	actor_role: string | null;
	action: string;
	target: string | null;
	detail: string | null;
	ip: string | null;
}

let t: TempDb;
let settings: Settings;
let today: string;

/** What the guard leaves in locals for a signed-in user (the parts these routes read). */
function locals(viewer: Viewer) {
	return {
		runtime: { db: t.db, settings, config: t.config },
		user: viewer,
		ip: IP,
		locale: { language: 'en', calendar: 'persian', timeZone: settings.unit.timeZone, weekStart: 6 }
	};
}

// The handlers' event types are SvelteKit's generated ones; these tests pass what they read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const event = (viewer: Viewer, path: string, init?: RequestInit): any => {
	const url = new URL(`http://127.0.0.1${path}`);
	return { locals: locals(viewer), url, request: new Request(url, init), params: {}, cookies: { get: () => undefined } };
};

const entries = (action: string) => t.rows<AuditRow>(`select actor, actor_role, action, target, cast(detail as varchar) as detail, ip from audit_log where action = '${action}' order by id`);

beforeAll(async () => {
	t = await tempDb();
	settings = await loadSettings(t.db);
	today = todayIn(settings.unit.timeZone);
	t.drop('customers', 'customers.csv', 'id,name,segment,owner,contact_name,contact_phone,renewal_date\nC01,Customer One,bank,Ava,Person One,09120000001,2030-01-01\nC02,Customer Two,bank,Ava,Person Two,09120000002,2030-01-01\n');
	// An open critical ticket from a week ago: far past its first-response target (30 business minutes).
	t.drop('tickets', 'tickets.csv', `id,customer_id,priority,status,created_at\nT1,C01,critical,open,${addDays(today, -7)}T09:00:00+03:30\n`);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status, run.error ?? '').toBe('ok');
	// The follow-up list reads the risk: both customers at risk today.
	await t.rows(`delete from churn_risk_history`);
	await t.rows(`insert into churn_risk_history (as_of, customer_id, status, score, contact_days, gaps, rhythm_basis, reopened,
		c_silence, c_low_score, c_sla, c_long_open, c_reopened, c_feature, c_trend, c_renewal, c_new_contact, reconstructed)
		values ('${today}', 'C01', 'active', 80, 0, 0, 'own', 0, 80, 0, 0, 0, 0, 0, 0, 0, 0, false),
		       ('${today}', 'C02', 'active', 70, 0, 0, 'own', 0, 70, 0, 0, 0, 0, 0, 0, 0, 0, false)`);
	settings.churn.followUps.agents = ['agent-ava'];
	settings.churn.holdout.share = 0;
}, 120_000);
afterAll(() => t.close());

describe('settings changes are audited with who made them', () => {
	it('saving the SLA settings page', async () => {
		const v = await currentForm(t.db, settings);
		const form = new FormData();
		v.week.forEach((w, d) => form.set(`week.${d}`, w));
		form.set('holidays', v.holidays);
		for (const p of v.pauseStatuses) form.append('pause', p);
		form.set('atRiskPercent', '75');
		form.set('effectiveFrom', v.effectiveFrom);
		form.set('targets.count', String(v.targets.length));
		v.targets.forEach((x, i) => {
			form.set(`t.${i}.priority`, x.priority);
			form.set(`t.${i}.tier`, x.tier);
			form.set(`t.${i}.fr`, x.fr);
			form.set(`t.${i}.frClock`, x.frClock);
			form.set(`t.${i}.res`, x.res);
			form.set(`t.${i}.resClock`, x.resClock);
		});
		const result = await slaSettings.save!(event(LEAD, '/settings/sla?/save', { method: 'POST', body: form }));
		expect(result).toMatchObject({ saved: true });
		const [row] = await entries('settings.change');
		expect(row).toMatchObject({ actor: 'lead-lina', actor_role: 'support_lead', target: 'sla', ip: IP });
		expect(JSON.parse(row!.detail!)).toMatchObject({ keys: ['business_calendar', 'sla'], atRiskShare: 0.75 });
	});

	it('importing holidays from an iCal file, and adding the shipped ones', async () => {
		const ical = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:a@test', 'DTSTART;VALUE=DATE:20301231', 'DTEND;VALUE=DATE:20310101', 'SUMMARY:Company day', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
		const form = new FormData();
		form.set('ical', new File([ical], 'days.ics', { type: 'text/calendar' }));
		expect(await slaSettings.importIcal!(event(LEAD, '/settings/sla?/importIcal', { method: 'POST', body: form }))).toMatchObject({ added: 1 });
		await slaSettings.restoreShipped!(event(LEAD, '/settings/sla?/restoreShipped', { method: 'POST' }));
		const rows = (await entries('settings.change')).slice(1);
		expect(rows.map((r) => [r.actor, r.actor_role, r.target, r.ip, JSON.parse(r.detail!).source])).toEqual([
			['lead-lina', 'support_lead', 'business_calendar', IP, 'ical'],
			['lead-lina', 'support_lead', 'business_calendar', IP, 'shipped']
		]);
		expect(JSON.parse(rows[0]!.detail!).holidaysAdded).toBe(1);
	});

	it('a form with a mistake changes nothing and records nothing', async () => {
		const before = (await entries('settings.change')).length;
		const form = new FormData();
		form.set('atRiskPercent', '150');
		const result = await slaSettings.save!(event(LEAD, '/settings/sla?/save', { method: 'POST', body: form }));
		expect(result).toMatchObject({ status: 400 });
		expect(await entries('settings.change')).toHaveLength(before);
	});
});

describe('follow-up outcomes and snoozes are audited with the agent', () => {
	it('an outcome recorded on the page and one through the API', async () => {
		const list = await dayList(t.db, settings, { role: 'care_agent', login: 'agent-ava', name: 'agent-ava' }, today);
		const [first, second] = list.items;
		expect(first && second).toBeTruthy();
		const form = new FormData();
		for (const [k, v] of Object.entries({ id: String(first!.id), version: String(first!.version), status: 'reached', nps: '9', notes: 'happy now' })) form.set(k, v);
		expect(await followUpActions.outcome!(event(AGENT, '/follow-ups?/outcome', { method: 'POST', body: form }))).toMatchObject({ id: first!.id });
		const api = await followUpApi(event(AGENT, '/api/followups', { method: 'POST', body: JSON.stringify({ id: second!.id, version: second!.version, status: 'no_answer' }), headers: { 'content-type': 'application/json' } }));
		expect(api.status).toBe(200);
		const rows = await entries('followup.outcome');
		expect(rows.map((r) => [r.actor, r.actor_role, r.target, r.ip, JSON.parse(r.detail!).status])).toEqual([
			['agent-ava', 'care_agent', first!.customerId, IP, 'reached'],
			['agent-ava', 'care_agent', second!.customerId, IP, 'no_answer']
		]);
		// The notes quote the customer: they stay out of the log.
		expect(rows[0]!.detail).not.toContain('happy now');
	});

	it('a snooze', async () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({ customer_id: 'C02', until: addDays(today, 10), note: 'on leave' })) form.set(k, v);
		expect(await followUpActions.snooze!(event(AGENT, '/follow-ups?/snooze', { method: 'POST', body: form }))).toMatchObject({ snoozed: { customerId: 'C02' } });
		const rows = await entries('followup.snooze');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actor: 'agent-ava', actor_role: 'care_agent', target: 'C02', ip: IP });
		expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ until: addDays(today, 10) });
	});
});

describe('exports of customer data are audited with who downloaded them', () => {
	it('the follow-up list as CSV and as Excel', async () => {
		expect((await followUpsCsv(event(AGENT, `/follow-ups/export.csv?date=${today}`))).status).toBe(200);
		expect((await followUpsXlsx(event(AGENT, `/follow-ups/export.xlsx?date=${today}`))).status).toBe(200);
		const rows = await entries('export.followups');
		expect(rows.map((r) => [r.actor, r.actor_role, r.ip, r.target!.split('.').pop(), JSON.parse(r.detail!).rows])).toEqual([
			['agent-ava', 'care_agent', IP, 'csv', 2],
			['agent-ava', 'care_agent', IP, 'xlsx', 2]
		]);
	});

	it('the SLA list of breached and at-risk tickets, with its filters', async () => {
		const res = await atRiskCsv(event(LEAD, '/sla/at-risk.csv?state=breached&page=2'));
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('T1');
		const rows = await entries('export.sla_at_risk');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actor: 'lead-lina', actor_role: 'support_lead', ip: IP });
		// One row per ticket and time: T1 breached both its first response and its resolution.
		expect(JSON.parse(rows[0]!.detail!)).toEqual({ rows: 2, filters: { state: 'breached' } });
	});

	it('a refused export (a bad parameter) records nothing', async () => {
		expect((await atRiskCsv(event(LEAD, '/sla/at-risk.csv?state=nonsense'))).status).toBe(400);
		expect((await entries('export.sla_at_risk'))).toHaveLength(1);
	});
});
