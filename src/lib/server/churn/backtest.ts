/**
 * The back-test: does the score rank the customers who are about to leave near the top, early
 * enough to call them, and better than the obvious baseline (days since the last contact alone)?
 *
 * Ground truth: the demo generator's planted silent churners (data/demo/demo-churn-truth.csv:
 * when each went quiet and, if it already has, when it stopped using the product). A churner
 * still going quiet leaves at its renewal (the story says so); its renewal date is read from
 * the customers table.
 *
 * The risk is computed as of evaluation days every `everyDays` days back `spanDays` from the
 * last day, from the data as it was on each day (nothing later is read: docs/churn-model.md).
 * On each day, among customers still with us (active in the data and not yet gone in the
 * truth):
 *   positives   = churners leaving in the next `horizonDays` days
 *   precision@k = positives among the top k / k;  recall@k = positives among the top k / positives
 * averaged over the days that have positives (precision cannot exceed positives / k: the
 * ceiling is reported beside it). A churner is caught when it is in the top k on some day in
 * the `leadWindowDays` before it leaves; its lead time is the days from the first such day to
 * leaving. The baseline ranks the same customers by days since their last contact.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { addDays, daysBetween } from '../../calendar';
import { queryOn, type Database } from '../db/database';
import { computeRiskDay } from './refresh';
import type { ChurnSettings } from './settings';

export interface TruthRow {
	customerId: string;
	wentQuietOn: string;
	/** Null while the customer is only going quiet. */
	leftOn: string | null;
}

export function readTruth(file: string): TruthRow[] {
	const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
	return parsed.data.map((r) => ({ customerId: r.customer_id!, wentQuietOn: r.went_quiet_on!, leftOn: r.left_on ? r.left_on : null }));
}

export interface BacktestOptions {
	/** The last evaluation day (the demo's last day). */
	lastDay: string;
	spanDays: number;
	everyDays: number;
	horizonDays: number;
	k: number;
	leadWindowDays: number;
}

export const BACKTEST_DEFAULTS: Omit<BacktestOptions, 'lastDay'> = { spanDays: 364, everyDays: 14, horizonDays: 120, k: 20, leadWindowDays: 180 };

/** One customer on one evaluation day (a row of churn_risk_history, reduced). */
export interface Snapshot {
	asOf: string;
	customerId: string;
	status: string;
	score: number;
	silenceDays: number | null;
}

export interface RankingResult {
	/** Mean precision@k and recall@k over the days with positives. */
	precision: number;
	recall: number;
	caught: number;
	medianLeadDays: number | null;
	perDay: { day: string; positives: number; hits: number }[];
}

export interface BacktestResult {
	days: number;
	churners: number;
	/** Mean of min(positives, k) / k: the best precision any ranking could reach. */
	precisionCeiling: number;
	meanPositives: number;
	model: RankingResult;
	baseline: RankingResult;
}

function medianOf(values: number[]): number | null {
	if (!values.length) return null;
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function evaluationDays(o: Pick<BacktestOptions, 'lastDay' | 'spanDays' | 'everyDays'>): string[] {
	const out: string[] = [];
	for (let back = 0; back <= o.spanDays; back += o.everyDays) out.push(addDays(o.lastDay, -back));
	return out.sort();
}

/**
 * Score a ranking rule on the snapshots. `leaves` gives each churner's leaving day (its left_on,
 * or its renewal for one still going quiet).
 */
function rankWith(
	byDay: Map<string, Snapshot[]>,
	truth: TruthRow[],
	leaves: Map<string, string>,
	o: BacktestOptions,
	order: (a: Snapshot, b: Snapshot) => number
): RankingResult {
	const precision: number[] = [];
	const recall: number[] = [];
	const firstInTop = new Map<string, string>();
	const perDay: RankingResult['perDay'] = [];
	const gone = (id: string, day: string) => truth.some((t) => t.customerId === id && t.leftOn !== null && t.leftOn <= day);
	for (const [day, rows] of [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b))) {
		const population = rows.filter((r) => r.status === 'active' && !gone(r.customerId, day));
		const positives = new Set(
			truth.filter((t) => {
				const l = leaves.get(t.customerId);
				return l !== undefined && l > day && l <= addDays(day, o.horizonDays);
			}).map((t) => t.customerId)
		);
		const top = [...population].sort(order).slice(0, o.k).map((r) => r.customerId);
		const hits = top.filter((id) => positives.has(id)).length;
		perDay.push({ day, positives: positives.size, hits });
		if (positives.size > 0) {
			precision.push(hits / o.k);
			recall.push(hits / positives.size);
		}
		for (const t of truth) {
			const l = leaves.get(t.customerId);
			if (l && top.includes(t.customerId) && day < l && day >= addDays(l, -o.leadWindowDays) && !firstInTop.has(t.customerId)) firstInTop.set(t.customerId, day);
		}
	}
	const mean = (a: number[]) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
	const leads = [...firstInTop.entries()].map(([id, day]) => daysBetween(day, leaves.get(id)!));
	return { precision: mean(precision), recall: mean(recall), caught: firstInTop.size, medianLeadDays: medianOf(leads), perDay };
}

/** The model ranks by score (then longer silence, then id); the baseline by silence alone (then id). */
export const byScore = (a: Snapshot, b: Snapshot) =>
	b.score - a.score || (b.silenceDays ?? -1) - (a.silenceDays ?? -1) || a.customerId.localeCompare(b.customerId);
export const bySilence = (a: Snapshot, b: Snapshot) => (b.silenceDays ?? -1) - (a.silenceDays ?? -1) || a.customerId.localeCompare(b.customerId);

export function evaluate(snapshots: Snapshot[], truth: TruthRow[], renewals: Map<string, string>, o: BacktestOptions): BacktestResult {
	const byDay = new Map<string, Snapshot[]>();
	for (const s of snapshots) {
		if (!byDay.has(s.asOf)) byDay.set(s.asOf, []);
		byDay.get(s.asOf)!.push(s);
	}
	const leaves = new Map<string, string>();
	for (const t of truth) {
		const day = t.leftOn ?? renewals.get(t.customerId);
		if (day) leaves.set(t.customerId, day);
	}
	const model = rankWith(byDay, truth, leaves, o, byScore);
	const baseline = rankWith(byDay, truth, leaves, o, bySilence);
	const withPositives = model.perDay.filter((d) => d.positives > 0);
	return {
		days: byDay.size,
		churners: truth.length,
		precisionCeiling: withPositives.reduce((s, d) => s + Math.min(d.positives, o.k) / o.k, 0) / Math.max(1, withPositives.length),
		meanPositives: withPositives.reduce((s, d) => s + d.positives, 0) / Math.max(1, withPositives.length),
		model,
		baseline
	};
}

/**
 * Run the back-test on a database holding the demo data: compute the risk on every evaluation
 * day that is not computed yet (reconstructed from the data as it was), then evaluate.
 */
export async function runBacktest(db: Database, settings: { churn: ChurnSettings; unit: { timeZone: string } }, truth: TruthRow[], o: BacktestOptions): Promise<BacktestResult> {
	const days = evaluationDays(o);
	const snapshots: Snapshot[] = [];
	const renewals = new Map<string, string>();
	await db.withConnection(async (conn) => {
		const have = new Set((await queryOn<{ as_of: string }>(conn, 'churn/history_days')).map((d) => d.as_of));
		for (const day of days) if (!have.has(day)) await computeRiskDay(conn, day, settings.unit.timeZone, settings.churn, true);
		for (const day of days) {
			const rows = await queryOn<{ customer_id: string; status: string; score: number; silence_days: number | null }>(conn, 'churn/backtest_day', { as_of: day });
			for (const r of rows) snapshots.push({ asOf: day, customerId: r.customer_id, status: r.status, score: r.score, silenceDays: r.silence_days });
		}
		for (const r of await queryOn<{ id: string; renewal_date: string | null }>(conn, 'churn/renewal_dates')) if (r.renewal_date) renewals.set(r.id, r.renewal_date);
	});
	return evaluate(snapshots, truth, renewals, o);
}
