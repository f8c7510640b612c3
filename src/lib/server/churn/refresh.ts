/**
 * Refresh step of the churn model (appended to STEPS in ../refresh/index.ts, after the rollups):
 *
 * 1. the derived tables the model reads instead of raw rows: contact days (with the gap before
 *    each) and reopened tickets; and the contact-person changes seen since the last refresh;
 * 2. the risk of every customer as of today (or the newest day with data, when that is
 *    earlier), replacing an earlier run of the same day: churn_risk_history keeps one set of
 *    rows per day, so pages show what changed since last week;
 * 3. on the first refresh, or when the model's settings changed (the whole history is then
 *    recomputed with them), the risk is reconstructed back in time from the data as it was on
 *    each day (one day in backfillEveryDays, back backfillDays, and the day a week ago), from
 *    the first day with any contact on (an empty database reconstructs nothing).
 *
 * Heavy per-customer work lives here, never in a request (docs/churn-model.md, "Performance").
 */
import crypto from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { addDays, todayIn } from '../../calendar';
import { execOn, queryOn } from '../db/database';
import type { RefreshContext } from '../refresh/index';
import type { ChurnSettings } from './settings';

/** The hash of the model settings the history was computed with. */
export function modelHash(settings: ChurnSettings): string {
	return crypto.createHash('sha256').update(JSON.stringify(settings.model)).digest('hex').slice(0, 16);
}

/** The days to reconstruct before `asOf`: a week ago, then one day in `every`, back `days`, oldest first. */
export function backfillDays(asOf: string, history: ChurnSettings['history']): string[] {
	const out = new Set<string>([addDays(asOf, -7)]);
	const every = Math.max(1, Math.round(history.backfillEveryDays));
	for (let back = every; back <= history.backfillDays; back += every) out.add(addDays(asOf, -back));
	return [...out].sort();
}

/** The day the risk is computed as of: today, or the newest day with any contact when that is earlier. */
export async function riskDay(conn: DuckDBConnection, timeZone: string, now: Date): Promise<string> {
	const today = todayIn(timeZone, now);
	const [row] = await queryOn<{ day: string | null }>(conn, 'churn/last_contact_day');
	return row?.day && row.day < today ? row.day : today;
}

/**
 * Compute (or recompute) the risk of every customer as of one day, from what was known at the
 * end of that day, or at `now` when that comes first (today).
 */
export async function computeRiskDay(conn: DuckDBConnection, asOf: string, timeZone: string, settings: ChurnSettings, reconstructed: boolean, now: Date = new Date()): Promise<void> {
	await execOn(conn, 'churn/delete_day', { as_of: asOf });
	await execOn(conn, 'churn/compute_risk', { as_of: asOf, tz: timeZone, model: JSON.stringify(settings.model), reconstructed, now: now.toISOString() });
}

/** Build the derived tables the model reads (also used by the back-test, which computes many days). */
export async function buildChurnInputs(conn: DuckDBConnection, timeZone: string, now: Date): Promise<void> {
	await execOn(conn, 'churn/build_contact_days', { tz: timeZone });
	await execOn(conn, 'churn/build_reopens');
	await execOn(conn, 'churn/record_contact_changes', { now: now.toISOString() });
}

export async function refreshChurn({ conn, settings, now }: RefreshContext): Promise<void> {
	const timeZone = settings.unit.timeZone;
	const churn = settings.churn;
	await buildChurnInputs(conn, timeZone, now);
	const asOf = await riskDay(conn, timeZone, now);

	const state = Object.fromEntries((await queryOn<{ key: string; value: string }>(conn, 'churn/state')).map((r) => [r.key, r.value]));
	const hash = modelHash(churn);
	const days = await queryOn<{ as_of: string; reconstructed: boolean }>(conn, 'churn/history_days');
	let backfill = !days.some((d) => d.as_of < asOf);
	if (state.model_hash !== hash) {
		await execOn(conn, 'churn/delete_history');
		await execOn(conn, 'churn/save_state', { key: 'model_hash', value: hash });
		backfill = true;
	}
	await computeRiskDay(conn, asOf, timeZone, churn, false, now);
	if (!backfill) return;
	// Only days on or after the first contact: before it there is nothing to reconstruct.
	const [first] = await queryOn<{ day: string | null }>(conn, 'churn/first_contact_day');
	if (!first?.day) return;
	for (const day of backfillDays(asOf, churn.history)) if (day >= first.day) await computeRiskDay(conn, day, timeZone, churn, true, now);
}
