/**
 * SLA compliance and the at-risk list, computed by hand from a small fixture.
 *
 * Unit: Asia/Tehran, the default week (Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00),
 * no holidays. Targets (business minutes): normal 60 first response / 480 resolution; high 30 / 240.
 * At risk past 80% of the target. "Now" is Sunday 22 November 2026 11:00.
 *
 *   k1 normal, team A, email  Sat 09:00, responded 09:30 (30 ≤ 60 met), resolved 15:00 (360 ≤ 480 met)
 *   k2 normal, team A, phone  Sat 09:00, responded 10:30 (90 > 60 breached), resolved Sun 10:00
 *                             (Sat 09-16 = 420 + Sun 08-10 = 120 = 540 > 480 breached)
 *   k3 high,   team B, email  Sun 09:00, responded 09:20 (20 ≤ 30 met); open: 120 of 240 → pending
 *   k4 high,   team B, phone  Sun 08:00, no response: 180 > 30 → breached; resolution 180 < 192 → pending
 *   k5 normal, team A, email  Sat 09:00, nothing yet: 420 + 180 = 600 min: first response breached
 *                             (left −540), resolution breached (600 − 480: left −120)
 *   k6 normal, team B, email  Sat 12:30, responded 12:40 (10 met); open: Sat 210 + Sun 180 = 390
 *                             ≥ 384 (80% of 480) → at risk, left 90
 *
 * First response: met k1 k3 k6, breached k2 k4 k5 → 3 / 6 = 50%.
 * Resolution: met k1, breached k2 k5, pending k3 k4 k6 (k6 at risk) → 1 / 3 = 33.3%.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, saveSetting } from '../../src/lib/server/settings';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { addPolicyVersion, PRIORITIES } from '../../src/lib/server/sla/policies';
import { atRiskForRequest, atRiskList, slaCompliance } from '../../src/lib/server/sla/compliance';
import { slaAtRiskSource } from '../../src/lib/server/sla/alerts';
import { tempDb, type TempDb } from '../helpers/temp-db';

const NOW = new Date('2026-11-22T11:00:00+03:30');
let t: TempDb;

beforeAll(async () => {
	t = await tempDb();
	const settings = await loadSettings(t.db);
	settings.business_calendar = { ...settings.business_calendar, holidays: [] };
	await saveSetting(t.db, 'business_calendar', settings.business_calendar);
	await t.db.transaction((conn) =>
		addPolicyVersion(
			conn,
			'1970-01-01',
			PRIORITIES.map((priority) => ({
				priority,
				tier: '',
				firstResponseMinutes: priority === 'high' ? 30 : 60,
				firstResponseClock: 'business' as const,
				resolutionMinutes: priority === 'high' ? 240 : 480,
				resolutionClock: 'business' as const
			}))
		)
	);
	t.drop('customers', 'c.csv', 'id,name,segment\nC1,Bank Melli,bank\nC2,Ministry,government\n');
	t.drop(
		'tickets',
		't.csv',
		`id,customer_id,priority,team,channel,status,created_at,first_response_at,resolved_at
k1,C1,normal,A,email,resolved,2026-11-21T09:00:00+03:30,2026-11-21T09:30:00+03:30,2026-11-21T15:00:00+03:30
k2,C1,normal,A,phone,resolved,2026-11-21T09:00:00+03:30,2026-11-21T10:30:00+03:30,2026-11-22T10:00:00+03:30
k3,C2,high,B,email,open,2026-11-22T09:00:00+03:30,2026-11-22T09:20:00+03:30,
k4,C2,high,B,phone,new,2026-11-22T08:00:00+03:30,,
k5,C1,normal,A,email,new,2026-11-21T09:00:00+03:30,,
k6,C2,normal,B,email,open,2026-11-21T12:30:00+03:30,2026-11-21T12:40:00+03:30,
`
	);
	await runIngest(t.db, t.config, 'manual');
	await refreshAll(t.db, settings, NOW);
});
afterAll(() => t.close());

const range = { from: '2026-11-01', to: '2026-11-30' };

describe('SLA compliance', () => {
	it('met / (met + breached) for each time, with n; open tickets within target are pending', async () => {
		const s = await slaCompliance(t.db, { range, grain: 'month', dims: {} }, NOW);
		expect(s.tickets).toBe(6);
		expect(s.firstResponse).toMatchObject({ met: 3, breached: 3, pending: 0, n: 6, compliance: 50 });
		expect(s.resolution).toMatchObject({ met: 1, breached: 2, pending: 3, atRisk: 1, n: 3, compliance: 33.3 });
	});

	it('by priority, team, channel and segment, and a trend by the Jalali month', async () => {
		const s = await slaCompliance(t.db, { range, grain: 'month', dims: {} }, NOW);
		// high: first response k3 met, k4 breached → 50%; resolution k3, k4 pending → no figure.
		const high = s.byPriority.find((g) => g.key === 'high')!;
		expect(high.firstResponse.compliance).toBe(50);
		expect(high.resolution).toMatchObject({ n: 0, compliance: null, pending: 2 });
		// team A: k1, k2, k5: first response met 1 of 3 → 33.3%; resolution met 1, breached 2 → 33.3%.
		expect(s.byTeam.find((g) => g.key === 'A')!.firstResponse.compliance).toBe(33.3);
		// channel phone: k2, k4: first response both breached → 0%.
		expect(s.byChannel.find((g) => g.key === 'phone')!.firstResponse).toMatchObject({ met: 0, breached: 2, compliance: 0 });
		// segment government (C2): k3, k4, k6: first response met k3 k6, breached k4 → 66.7%.
		expect(s.bySegment.find((g) => g.key === 'government')!.firstResponse.compliance).toBe(66.7);
		// 21-22 November 2026 are 30 Aban 1405 and 1 Azar 1405: two Jalali months.
		expect(s.trend.map((g) => [g.key, g.tickets])).toEqual([
			['2026-10-23', 4],
			['2026-11-22', 2]
		]);
	});

	it('filters by a dimension', async () => {
		const s = await slaCompliance(t.db, { range, grain: 'month', dims: { priority: 'high' } }, NOW);
		expect(s.tickets).toBe(2);
	});
});

describe('the at-risk list', () => {
	it('lists breached and at-risk open clocks, most urgent first, with elapsed business time and time left', async () => {
		const { rows, total } = await atRiskList(t.db, { dims: {} }, null, NOW);
		expect(total).toBe(4);
		expect(rows.map((r) => [r.ticket_id, r.metric, r.state, Math.round(r.elapsed_s / 60), Math.round(r.left_s / 60)])).toEqual([
			['k5', 'first_response', 'breached', 600, -540],
			['k4', 'first_response', 'breached', 180, -150],
			['k5', 'resolution', 'breached', 600, -120],
			['k6', 'resolution', 'at_risk', 390, 90]
		]);
		expect(rows[0]!.customer_name).toBe('Bank Melli');
	});

	it('filters, and leaves customer names out for an executive', async () => {
		const { rows } = await atRiskList(t.db, { dims: { team: 'B' }, state: 'at_risk' }, { role: 'executive' }, NOW);
		expect(rows.map((r) => r.ticket_id)).toEqual(['k6']);
		expect(rows[0]!.customer_name).toBeNull();
	});

	it('names a bad parameter', async () => {
		const r = await atRiskForRequest(t.db, { timeZone: 'Asia/Tehran' }, new URLSearchParams('state=late&priority=urgent'), null, { strict: true });
		expect(r.errors.map((e) => e.param).sort()).toEqual(['priority', 'state']);
	});
});

describe('the SLA alert', () => {
	it('is raised once a day when the open tickets at risk reach the threshold', async () => {
		const settings = await loadSettings(t.db);
		// One open ticket is at risk now (k6; k4 and k5 are breached, k3 pending).
		const at = (threshold: number) => slaAtRiskSource.collect({ db: t.db, settings: { ...settings, alerts: { ...settings.alerts, slaAtRiskThreshold: threshold } }, now: NOW });
		expect(await at(1)).toMatchObject([{ key: 'sla_at_risk:2026-11-22', kind: 'sla_at_risk', actual: 1, message: { params: { count: 1, threshold: 1 } } }]);
		expect(await at(2)).toEqual([]);
	});
});
