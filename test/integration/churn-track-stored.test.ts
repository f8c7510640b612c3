/**
 * The track record is computed by the churn refresh step and stored (migration 024); the page
 * reads the stored rows. Here, on a fixture history (customers active, then lapsed or marked
 * lost, with seeded random scores on a day a week for 20 weeks), the stored figures are compared
 * with a recomputation written out in TypeScript from the definitions (the customers who left
 * and what the model said in the 180 days before; the Kaplan-Meier subjects of the pooled and of
 * each landmark's curves, whose curves kaplanMeier() computes; its SQL is checked by hand in
 * churn-km.test.ts). Then: an unchanged history is not computed again, a changed one is, and
 * names stay out for an executive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/lib/calendar';
import { computeTrackRecord, kaplanMeier, median, TRACK_HORIZON_DAYS, trackRecord, type KmCurve, type KmSubject } from '../../src/lib/server/churn/track';
import { LOCAL_OPERATOR } from '../../src/lib/server/churn/viewer';
import { loadSettings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

const CURRENT = '2026-06-30';
const DAYS = Array.from({ length: 21 }, (_, i) => addDays(CURRENT, -7 * (20 - i))); // oldest first, every 7 days
const AT_RISK = 60;

interface Fixture {
	id: string;
	renewal: string | null;
	lostOn: string | null;
	/** The day it left (lapsed: its renewal; lost: marked), null when still a customer. */
	leftOn: string | null;
	status: 'lapsed' | 'lost' | null;
}

function rng(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
}

function makeFixture(): { customers: Fixture[]; history: { asOf: string; id: string; status: string; score: number }[] } {
	const r = rng(13);
	const customers: Fixture[] = [];
	const history: { asOf: string; id: string; status: string; score: number }[] = [];
	for (let i = 0; i < 40; i++) {
		const id = `C${String(i).padStart(3, '0')}`;
		const kind = i % 4; // 0, 1: still a customer; 2: lapsed; 3: lost
		const leave = addDays(CURRENT, -Math.floor(r() * 150) - 1);
		const c: Fixture = {
			id,
			renewal: kind === 2 ? leave : addDays(CURRENT, 30 + i),
			lostOn: kind === 3 ? leave : null,
			leftOn: kind >= 2 ? leave : null,
			status: kind === 2 ? 'lapsed' : kind === 3 ? 'lost' : null
		};
		customers.push(c);
		for (const day of DAYS) {
			const gone = c.leftOn !== null && day >= c.leftOn;
			// Scores rise towards leaving for most of those who leave (so some are flagged early).
			const near = c.leftOn && !gone ? Math.max(0, 1 - daysBetween(day, c.leftOn) / 120) : 0;
			history.push({ asOf: day, id, status: gone ? c.status! : 'active', score: Math.round((r() * 50 + near * 50) * 10) / 10 });
		}
	}
	return { customers, history };
}

let t: TempDb;
beforeEach(async () => {
	t = await tempDb();
});
afterEach(() => t.close());

async function load(f: ReturnType<typeof makeFixture>) {
	await t.rows('delete from churn_risk_history');
	await t.rows('delete from customers');
	await t.rows('delete from churn_lost');
	const cust = f.customers.map((c) => `('${c.id}', 'Name ${c.id}', '${['bank', 'government'][Number(c.id.slice(1)) % 2]}', ${c.renewal ? `date '${c.renewal}'` : 'null'})`).join(',');
	await t.rows(`insert into customers (id, name, segment, renewal_date) values ${cust}`);
	const lost = f.customers.filter((c) => c.lostOn).map((c) => `('${c.id}', date '${c.lostOn}')`);
	if (lost.length) await t.rows(`insert into churn_lost (customer_id, lost_on) values ${lost.join(',')}`);
	const hist = f.history.map((h) => `(date '${h.asOf}', '${h.id}', '${h.status}', ${h.score}, 0, 0, 'own', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false)`).join(',');
	await t.rows(
		`insert into churn_risk_history (as_of, customer_id, status, score, contact_days, gaps, rhythm_basis, reopened, c_silence, c_low_score, c_sla, c_long_open, c_reopened, c_feature, c_trend, c_renewal, c_new_contact, reconstructed) values ${hist}`
	);
}

/** The track record recomputed from the fixture by the definitions. */
async function expected(f: ReturnType<typeof makeFixture>) {
	const first = DAYS[0]!;
	const left = f.customers
		.filter((c) => c.leftOn && c.leftOn > first)
		.map((c) => {
			const before = f.history.filter((h) => h.id === c.id && h.asOf < c.leftOn! && h.asOf >= addDays(c.leftOn!, -TRACK_HORIZON_DAYS));
			const flagged = before.filter((h) => h.score >= AT_RISK).map((h) => h.asOf).sort()[0] ?? null;
			return {
				customerId: c.id,
				name: `Name ${c.id}`,
				status: c.status,
				leftOn: c.leftOn,
				daysComputed: before.length,
				maxScore: before.length ? Math.max(...before.map((h) => h.score)) : null,
				firstFlagged: flagged,
				leadDays: flagged ? daysBetween(flagged, c.leftOn!) : null
			};
		})
		.sort((a, b) => b.leftOn!.localeCompare(a.leftOn!) || a.customerId.localeCompare(b.customerId));
	const leftOn = new Map(f.customers.filter((c) => c.leftOn).map((c) => [c.id, c.leftOn!]));
	const active = f.history.filter((h) => h.asOf < CURRENT && h.status === 'active' && !(leftOn.has(h.id) && leftOn.get(h.id)! <= h.asOf));
	const grp = (score: number) => (score >= AT_RISK ? 'flagged' : 'not_flagged');
	const pooled: KmSubject[] = active
		.filter((h) => daysBetween(h.asOf, CURRENT) % 14 === 0)
		.map((h) => {
			const l = leftOn.get(h.id);
			const cap = Math.min(TRACK_HORIZON_DAYS, daysBetween(h.asOf, CURRENT));
			return { grp: grp(h.score), days: Math.min(l ? daysBetween(h.asOf, l) : cap, cap), event: l !== undefined && daysBetween(h.asOf, l) <= cap };
		});
	const landmarks = DAYS.filter((d) => d <= addDays(CURRENT, -30)).reverse();
	const single = (landmark: string): KmSubject[] =>
		active.filter((h) => h.asOf === landmark).map((h) => {
			const l = leftOn.get(h.id);
			return { grp: grp(h.score), days: daysBetween(h.asOf, l ?? CURRENT), event: l !== undefined };
		});
	const curves = async (subjects: KmSubject[]): Promise<KmCurve[]> => {
		const km = await kaplanMeier(t.db, subjects);
		return (['flagged', 'not_flagged'] as const).map((group) => ({
			group,
			subjects: subjects.filter((s) => s.grp === group).length,
			events: subjects.filter((s) => s.grp === group && s.event).length,
			points: km.get(group) ?? []
		}));
	};
	return { left, landmarks, pooled: await curves(pooled), single: async (d: string) => curves(single(d)) };
}

const compute = async () => {
	const settings = await loadSettings(t.db);
	return t.db.transaction((conn) => computeTrackRecord(conn, { ...settings.churn, atRiskScore: AT_RISK }));
};
const read = async (landmark: string | null, viewer = LOCAL_OPERATOR) => {
	const settings = await loadSettings(t.db);
	return trackRecord(t.db, { ...settings.churn, atRiskScore: AT_RISK }, viewer, landmark);
};

describe('the stored track record', () => {
	it('holds what a recomputation from the history gives, pooled and for every landmark', { timeout: 60_000 }, async () => {
		const f = makeFixture();
		await load(f);
		expect(await compute()).toBe(true);
		const want = await expected(f);
		const got = await read(null);
		expect(got.left.map(({ segment: _s, ...rest }) => rest)).toEqual(want.left);
		expect(want.left.length).toBeGreaterThan(10);
		expect(got.left.filter((l) => l.firstFlagged).length).toBeGreaterThan(3);
		expect(got.covered).toBe(want.left.filter((l) => l.daysComputed > 0).length);
		expect(got.flagged).toBe(want.left.filter((l) => l.daysComputed > 0 && l.firstFlagged).length);
		expect(got.medianLeadDays).toBe(median(want.left.filter((l) => l.daysComputed > 0 && l.firstFlagged).map((l) => l.leadDays!)));
		expect(got.landmarks).toEqual(want.landmarks);
		expect(got.landmark).toBeNull();
		expect(got.curves).toEqual(want.pooled);
		expect(want.pooled.every((c) => c.subjects > 0 && c.points.length > 0)).toBe(true);
		for (const landmark of want.landmarks) {
			const one = await read(landmark);
			expect(one.landmark).toBe(landmark);
			expect(one.curves).toEqual(await want.single(landmark));
		}
	});

	it('is not computed again while its inputs are unchanged, and is when they change; no names for an executive', { timeout: 60_000 }, async () => {
		const f = makeFixture();
		await load(f);
		expect(await compute()).toBe(true);
		expect(await compute()).toBe(false);
		// A past day's score changes (a model change recomputes the history: the day's rows are
		// written again, with a new computed_at): computed again.
		const target = f.history.find((h) => h.status === 'active' && h.asOf === DAYS[10] && h.score < AT_RISK)!;
		target.score = 99;
		await t.rows(`update churn_risk_history set score = 99, computed_at = now() + interval 1 second where customer_id = '${target.id}' and as_of = date '${target.asOf}'`);
		expect(await compute()).toBe(true);
		const want = await expected(f);
		const got = await read(null);
		expect(got.curves).toEqual(want.pooled);
		expect(got.left.map(({ segment: _s, ...rest }) => rest)).toEqual(want.left);
		const exec = await read(null, { role: 'executive', login: 'x', name: 'x' });
		expect(exec.left.length).toBe(got.left.length);
		expect(exec.left.every((l) => l.name === null)).toBe(true);
	});
});
