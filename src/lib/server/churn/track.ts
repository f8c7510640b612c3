/**
 * Does the model find the right customers, and does calling help?
 *
 * - The track record: of the customers who left (renewal not taken, or marked lost), how many
 *   the model flagged before they left and how early, and Kaplan-Meier curves of time to churn
 *   for customers flagged vs not flagged on a landmark day (SQL: queries/churn/kaplan_meier.sql),
 *   computed by the churn refresh step when the history changed and stored (computeTrackRecord).
 * - The hold-out: customers newly at risk are drawn at random into the list or kept off it
 *   (assignment.ts); here the two arms are compared on return to contact, churn and later score,
 *   with counts, a 95% interval for the difference, and a plain note when there are too few.
 */
import { addDays } from '../../calendar';
import type { DuckDBConnection } from '@duckdb/node-api';
import { execOn, queryOn, type Database } from '../db/database';
import { sql } from '../db/queries';
import type { ChurnSettings } from './settings';
import { canSeeCustomerPii, type ChurnViewer } from './viewer';

export interface KmPoint {
	days: number;
	atRisk: number;
	events: number;
	censored: number;
	survival: number;
	stdError: number | null;
}

export interface KmCurve {
	group: 'flagged' | 'not_flagged';
	subjects: number;
	events: number;
	points: KmPoint[];
}

export interface KmSubject {
	grp: string;
	days: number;
	event: boolean;
}

interface KmRow {
	grp: string;
	days: number;
	at_risk: number;
	events: number;
	censored: number;
	survival: number;
	std_error: number | null;
}

function byGroup(rows: KmRow[]): Map<string, KmPoint[]> {
	const out = new Map<string, KmPoint[]>();
	for (const r of rows) {
		if (!out.has(r.grp)) out.set(r.grp, []);
		out.get(r.grp)!.push({ days: r.days, atRisk: r.at_risk, events: r.events, censored: r.censored, survival: r.survival, stdError: r.std_error });
	}
	return out;
}

/** Kaplan-Meier curves of any subjects, one per grp (the SQL of the stored curves: queries/churn/kaplan_meier.sql). */
export async function kaplanMeier(db: Database, subjects: KmSubject[]): Promise<Map<string, KmPoint[]>> {
	return db.withConnection(async (conn) => {
		await execOn(conn, 'churn/km_subjects_json', { subjects: JSON.stringify(subjects) });
		try {
			return byGroup(await queryOn<KmRow & Record<string, unknown>>(conn, 'churn/kaplan_meier'));
		} finally {
			await execOn(conn, 'churn/km_subjects_drop');
		}
	});
}

export interface LeftCustomer {
	customerId: string;
	name: string | null;
	segment: string | null;
	status: 'lapsed' | 'lost';
	leftOn: string;
	daysComputed: number;
	maxScore: number | null;
	firstFlagged: string | null;
	leadDays: number | null;
}

export interface TrackRecord {
	atRiskScore: number;
	horizonDays: number;
	left: LeftCustomer[];
	/** Left customers the history covers (at least one day computed in the horizon before leaving). */
	covered: number;
	flagged: number;
	medianLeadDays: number | null;
	/** The landmark day of the curves; null: pooled over a landmark every 14 days. */
	landmark: string | null;
	landmarks: string[];
	curves: KmCurve[];
}

/** The median of numbers (null for none). */
export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Days before leaving the model's flags count for the track record. */
export const TRACK_HORIZON_DAYS = 180;

/** What the stored track record was computed from (queries/churn/track_signature.sql). */
async function trackSignature(conn: DuckDBConnection, settings: ChurnSettings): Promise<string> {
	const [row] = await queryOn<{ signature: string | null }>(conn, 'churn/track_signature', { at_risk: settings.atRiskScore, horizon: TRACK_HORIZON_DAYS });
	return row?.signature ?? '';
}

/**
 * Compute the track record's figures into churn_track_left and churn_track_km (every landmark's
 * curves and the pooled ones), unless what they are computed from is unchanged since they were
 * stored (the signature in churn_state). Run by the churn refresh step after the risk history
 * was written, inside its transaction. Returns whether it computed.
 */
export async function computeTrackRecord(conn: DuckDBConnection, settings: ChurnSettings): Promise<boolean> {
	const signature = await trackSignature(conn, settings);
	const [stored] = await queryOn<{ value: string }>(conn, 'churn/state_value', { key: 'track_signature' });
	if (stored?.value === signature) return false;
	const params = { at_risk: settings.atRiskScore, horizon: TRACK_HORIZON_DAYS };
	await execOn(conn, 'churn/track_clear');
	await conn.run(`insert into churn_track_left\n${sql('churn/track_record')}`, params);
	await execOn(conn, 'churn/track_km_clear');
	await execOn(conn, 'churn/track_subjects', params);
	try {
		await conn.run(`insert into churn_track_km\n${sql('churn/kaplan_meier')}`);
	} finally {
		await execOn(conn, 'churn/km_subjects_drop');
	}
	await execOn(conn, 'churn/save_state', { key: 'track_signature', value: signature });
	return true;
}

/**
 * At start: a database migrated to the stored track record (or whose settings were changed
 * without a refresh since) gets it computed now, rather than at the next load.
 */
export async function ensureTrackRecord(db: Database, settings: ChurnSettings): Promise<boolean> {
	return db.transaction((conn) => computeTrackRecord(conn, settings));
}

/** The track record as stored by the churn refresh step (computeTrackRecord); names only for viewers who may see them. */
export async function trackRecord(db: Database, settings: ChurnSettings, viewer: ChurnViewer, landmark: string | null): Promise<TrackRecord> {
	const rows = await db.cachedQuery<Record<string, unknown>>('churn/track_left');
	const pii = canSeeCustomerPii(viewer);
	const left: LeftCustomer[] = rows.map((r) => ({
		customerId: r.customer_id as string,
		name: pii ? (r.name as string | null) : null,
		segment: r.segment as string | null,
		status: r.status as 'lapsed' | 'lost',
		leftOn: r.left_on as string,
		daysComputed: r.days_computed as number,
		maxScore: r.max_score as number | null,
		firstFlagged: r.first_flagged as string | null,
		leadDays: r.lead_days as number | null
	}));
	const covered = left.filter((l) => l.daysComputed > 0);
	const flagged = covered.filter((l) => l.firstFlagged !== null);

	const days = (await db.query<{ as_of: string }>('churn/history_days')).map((d) => d.as_of);
	// Landmarks: computed days at least 30 days back (a curve needs time to run), newest first.
	const landmarks = days.filter((d) => days[0] !== undefined && d <= addDays(days[0], -30));
	// Default: pooled over a landmark every 14 days; or one landmark day, when it is one of them.
	const chosen = landmark && landmarks.includes(landmark) ? landmark : null;
	const curves: KmCurve[] = [];
	if (landmarks.length) {
		const km = byGroup(await db.cachedQuery<KmRow & Record<string, unknown>>('churn/track_km', { landmark: chosen }));
		for (const group of ['flagged', 'not_flagged'] as const) {
			const points = km.get(group) ?? [];
			curves.push({ group, subjects: points.reduce((n, p) => n + p.events + p.censored, 0), events: points.reduce((n, p) => n + p.events, 0), points });
		}
	}
	return {
		atRiskScore: settings.atRiskScore,
		horizonDays: TRACK_HORIZON_DAYS,
		left,
		covered: covered.length,
		flagged: flagged.length,
		medianLeadDays: median(flagged.map((l) => l.leadDays!)),
		landmark: chosen,
		landmarks,
		curves
	};
}

// ---- the hold-out -------------------------------------------------------------------------

/** Wilson score interval of a proportion (95%). */
export function wilson(successes: number, n: number, z = 1.959964): { low: number; high: number } {
	if (n === 0) return { low: 0, high: 1 };
	const p = successes / n;
	const denom = 1 + (z * z) / n;
	const centre = (p + (z * z) / (2 * n)) / denom;
	const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Newcombe's hybrid score interval for a difference of two proportions p1 − p2 (95%). */
export function differenceInterval(x1: number, n1: number, x2: number, n2: number): { diff: number; low: number; high: number } {
	const p1 = x1 / n1;
	const p2 = x2 / n2;
	const a = wilson(x1, n1);
	const b = wilson(x2, n2);
	const diff = p1 - p2;
	return {
		diff,
		low: diff - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
		high: diff + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)
	};
}

export interface ArmResult {
	customers: number;
	returned: number;
	left: number;
	scoreAtEntry: number | null;
	laterScore: number | null;
}

export interface Comparison {
	/** Shares in percent (list − hold-out) with a 95% interval; null when an arm is empty. */
	diff: { diff: number; low: number; high: number } | null;
}

export interface HoldoutView {
	windowDays: number;
	share: number;
	list: ArmResult;
	holdout: ArmResult;
	returned: Comparison;
	left: Comparison;
	/** The plain verdict: too few to say, no clear difference, or which way it points. */
	verdict: 'too_few' | 'no_difference' | 'list_better' | 'holdout_better';
	/** Customers in the experiment whose window has not ended yet. */
	pending: number;
}

/** Fewer customers than this in an arm, or fewer than this many outcomes: too few to say. */
export const MIN_ARM = 30;
export const MIN_OUTCOMES = 5;

export async function holdoutView(db: Database, settings: ChurnSettings, today: string, windowDays = 60): Promise<HoldoutView> {
	const rows = await db.query<{ arm: string; customers: number; returned: number; left_: number; score_at_entry: number | null; later_score: number | null }>(
		'churn/holdout_compare',
		{ today, window: windowDays, at_risk: settings.atRiskScore, at_risk_only: true }
	);
	const [all] = await db.query<{ n: number }>('churn/experiment_count', { at_risk: settings.atRiskScore });
	const arm = (name: string): ArmResult => {
		const r = rows.find((x) => x.arm === name);
		return { customers: r?.customers ?? 0, returned: r?.returned ?? 0, left: r?.left_ ?? 0, scoreAtEntry: r?.score_at_entry ?? null, laterScore: r?.later_score ?? null };
	};
	const list = arm('list');
	const holdout = arm('holdout');
	const compare = (pick: (a: ArmResult) => number): Comparison => ({
		diff: list.customers && holdout.customers ? differenceInterval(pick(list), list.customers, pick(holdout), holdout.customers) : null
	});
	const returned = compare((a) => a.returned);
	const left = compare((a) => a.left);
	const outcomes = (a: ArmResult, x: number) => Math.min(x, a.customers - x);
	const tooFew =
		list.customers < MIN_ARM ||
		holdout.customers < MIN_ARM ||
		outcomes(list, list.returned) + outcomes(holdout, holdout.returned) < MIN_OUTCOMES;
	let verdict: HoldoutView['verdict'] = 'too_few';
	if (!tooFew && returned.diff) {
		verdict = returned.diff.low > 0 ? 'list_better' : returned.diff.high < 0 ? 'holdout_better' : 'no_difference';
	}
	const done = list.customers + holdout.customers;
	return { windowDays, share: settings.holdout.share, list, holdout, returned, left, verdict, pending: Math.max(0, (all?.n ?? 0) - done) };
}
