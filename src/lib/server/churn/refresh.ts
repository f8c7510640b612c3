/**
 * Refresh steps of the churn model (../refresh/index.ts: the inputs at the end of STEPS, after the
 * rollups; the risk in RISK_STEPS):
 *
 * 1. the derived tables the model reads instead of raw rows: contact days (with the gap before
 *    each) and reopened tickets; and the contact-person changes seen since the last refresh
 *    (refreshChurnInputs, in the refresh's main transaction with the rollups);
 * 2. in a transaction of its own right after (refreshChurnRisk): the risk of every customer as
 *    of today (or the newest day with data, when that is earlier), replacing an earlier run of
 *    the same day: churn_risk_history keeps one set of rows per day, so pages show what changed
 *    since last week;
 * 3. on the first refresh, or when the model's settings changed (the whole history is then
 *    recomputed with them), the risk is reconstructed back in time from the data as it was on
 *    each day (one day in backfillEveryDays, back backfillDays, and the day a week ago), from
 *    the first day with any contact on (an empty database reconstructs nothing);
 * 4. the track record's figures (who left and whether they were flagged, the Kaplan-Meier
 *    curves), when the history they read changed (track.ts, computeTrackRecord).
 *
 * Heavy per-customer work lives here, never in a request (docs/churn-model.md, "Performance").
 */
import crypto from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { addDays, todayIn } from '../../calendar';
import { execOn, queryOn, type Database } from '../db/database';
import { sql } from '../db/queries';
import { allChanged, type Changes } from '../refresh/changes';
import type { RefreshContext } from '../refresh/index';
import { refreshDayTable, signatureOf, storedSignature } from '../refresh/rollups';
import type { ChurnSettings } from './settings';
import { computeTrackRecord } from './track';

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

const REOPENS = 'churn/reopens_rows';

/**
 * Build the derived tables the model reads (also used by the back-test, which computes many
 * days). With the refresh's `changes`, only what they touched: the contact days of the touched
 * local days (and prev_day of the customers who gained or lost a day there), and the reopenings of the
 * tickets loaded since, or with new status changes. Without (or when everything changed), all.
 */
export async function buildChurnInputs(conn: DuckDBConnection, timeZone: string, now: Date, changes?: Changes): Promise<void> {
	const partial = changes && !changes.all ? changes : null;
	await execOn(conn, 'churn/touched_clear');
	if (partial) await execOn(conn, 'churn/touched_before');
	const days = await refreshDayTable(
		conn,
		partial ?? allChanged(null),
		{ query: 'churn/contact_days_rows', table: 'churn_contact_days', dayColumn: 'day', params: { tz: timeZone }, depends: { timeZone } },
		new Set()
	);
	if (days === 'days') {
		for (const run of partial!.runs) await execOn(conn, 'churn/contact_days_prev_days', { from: run.from, to: run.to });
		await execOn(conn, 'churn/touched_customers');
		await execOn(conn, 'churn/contact_days_prev');
	}

	const signature = signatureOf(REOPENS, null);
	if (partial && (await storedSignature(conn, 'churn_reopens')) === signature) {
		await execOn(conn, 'churn/touched_tickets');
		await execOn(conn, 'churn/reopens_forget');
		await conn.run(`insert into churn_reopens\n${sql(REOPENS)}`, { all: false });
	} else {
		await execOn(conn, 'churn/touched_tickets_none');
		await conn.run(`create or replace table churn_reopens as\n${sql(REOPENS)}`, { all: true });
		await execOn(conn, 'refresh/save_signature', { name: 'churn_reopens', signature });
	}
	await execOn(conn, 'churn/record_contact_changes', { now: now.toISOString() });
}

/**
 * The part of the churn step inside the refresh's main transaction (with the rollups): the
 * derived tables the model reads (buildChurnInputs), and a note that the risk is to be scored
 * again (risk_pending), cleared by refreshChurnRisk in the transaction after it. A process
 * stopped between the two leaves the note, and the next start scores the risk (ensureFresh).
 */
export async function refreshChurnInputs({ conn, settings, now, changes }: RefreshContext): Promise<void> {
	await buildChurnInputs(conn, settings.unit.timeZone, now, changes);
	await execOn(conn, 'churn/save_state', { key: 'risk_pending', value: now.toISOString() });
}

/**
 * Score every customer's risk as of today (and reconstruct the history when it is new or the
 * model changed), then the track record: in a transaction of its own after the rollups'
 * (refresh/index.ts, RISK_STEPS), so a small load's figures are on the dashboard without
 * waiting for 50,000 customers to be scored again (docs/benchmarks.md).
 */
export async function refreshChurnRisk({ conn, settings, now }: RefreshContext): Promise<void> {
	const timeZone = settings.unit.timeZone;
	const churn = settings.churn;
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
	if (backfill) {
		// Only days on or after the first contact: before it there is nothing to reconstruct.
		const [first] = await queryOn<{ day: string | null }>(conn, 'churn/first_contact_day');
		if (first?.day) for (const day of backfillDays(asOf, churn.history)) if (day >= first.day) await computeRiskDay(conn, day, timeZone, churn, true, now);
	}
	await computeTrackRecord(conn, churn);
	await execOn(conn, 'churn/risk_scored');
}

/** Whether a refresh committed new inputs whose risk was not scored yet (a stop between the two transactions). */
export async function riskPending(db: Database): Promise<boolean> {
	const [row] = await db.query<{ pending: boolean }>('churn/risk_pending');
	return row?.pending ?? false;
}
