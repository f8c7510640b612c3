/**
 * Refresh step: per-ticket SLA clocks (table sla_clocks), after the business calendar step.
 *
 * Only tickets that need it are recomputed (queries/sla/mark_dirty.sql): rows loaded since the
 * last refresh (tickets, their status changes, their customers), tickets created from the first
 * day on which the policies in force changed, and tickets spanning a day whose business time
 * changed. A change of the clock rules (zone, pause statuses, at-risk share) recomputes all.
 * The state of an open ticket at a given moment needs no refresh: the clocks store when each
 * target (and its at-risk share) will be reached, and readers compare that with now.
 *
 * The compliance summary (sla_daily, migration 023: per creation day and dimensions, the counts
 * of the times whose state no longer depends on now) is rebuilt for the days of the recomputed
 * clocks, old and new, or whole after a full recompute; so are the rows of the clocks whose
 * state can depend on now (open tickets: sla_open_clocks), which requests judge against now.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { execOn, queryOn } from '../db/database';
import type { RefreshContext } from '../refresh/index';
import { activePoliciesOn, type PolicyVersion } from './policies';

/** The rules every clock depends on: a change recomputes every ticket. */
export function rulesSignature(ctx: Pick<RefreshContext, 'settings'>): string {
	const { timeZone } = ctx.settings.unit;
	const { pauseStatuses, atRiskShare } = ctx.settings.sla;
	return JSON.stringify({ timeZone, pauseStatuses: [...pauseStatuses].sort(), atRiskShare });
}

/**
 * The first day on which the policies in force differ between two sets of active versions
 * (versions are never edited, only added or retired), or null when they are the same.
 */
export function policiesChangedFrom(before: PolicyVersion[], after: PolicyVersion[]): string | null {
	const ids = (vs: PolicyVersion[]) => new Map(vs.map((v) => [v.version, v.effectiveFrom]));
	const a = ids(before);
	const b = ids(after);
	let first: string | null = null;
	const note = (day: string) => (first = first === null || day < first ? day : first);
	for (const [v, day] of a) if (!b.has(v)) note(day);
	for (const [v, day] of b) if (!a.has(v)) note(day);
	return first;
}

type StoredState = {
	loaded_watermark: string | null;
	rules_signature: string;
	policies: string;
}

export interface SlaRefreshResult {
	full: boolean;
	recomputed: number;
}

export async function refreshSlaClocks(ctx: RefreshContext): Promise<SlaRefreshResult> {
	const { conn, settings } = ctx;
	const [state] = await queryOn<StoredState>(conn, 'sla/refresh_state');
	const rules = rulesSignature(ctx);
	const policies = await activePoliciesOn(conn);
	const full = !state || state.rules_signature !== rules;
	const before = state ? (JSON.parse(state.policies) as PolicyVersion[]) : [];
	const policyFrom = full ? null : policiesChangedFrom(before, policies);
	const [{ watermark }] = (await queryOn<{ watermark: string | null }>(conn, 'sla/watermark')) as [{ watermark: string | null }];

	await execOn(conn, 'sla/dirty_clear');
	if (full) await execOn(conn, 'sla/dirty_all');
	else {
		// A state without a watermark saw no rows yet: everything loaded since is new.
		await execOn(conn, 'sla/dirty_loaded', { since: state?.loaded_watermark ?? '-infinity' });
		if (policyFrom) await execOn(conn, 'sla/dirty_policy', { policy_from: policyFrom, tz: settings.unit.timeZone });
		const [changedDays] = await queryOn<{ n: number }>(conn, 'sla/changed_days_count');
		if (Number(changedDays?.n ?? 0) > 0) await execOn(conn, 'sla/dirty_days');
	}
	const recomputed = await countDirty(conn);
	if (recomputed > 0) {
		// The compliance summary (sla_daily) of the recomputed clocks' creation days: the days
		// they were on (a ticket may move day) and the days they are on now; every day when full.
		await execOn(conn, 'sla/daily_days_clear');
		if (!full) await execOn(conn, 'sla/daily_days_dirty');
		await execOn(conn, full ? 'sla/delete_all' : 'sla/delete_dirty');
		await computeClocks(conn, ctx, recomputed);
		await execOn(conn, full ? 'sla/daily_days_all' : 'sla/daily_days_computed');
		await execOn(conn, full ? 'sla/daily_delete_all' : 'sla/daily_delete');
		await execOn(conn, 'sla/daily_insert');
		await execOn(conn, full ? 'sla/open_clocks_delete_all' : 'sla/open_clocks_delete');
		await execOn(conn, full ? 'sla/open_clocks_insert_all' : 'sla/open_clocks_insert');
	}
	await execOn(conn, 'sla/save_refresh_state', {
		watermark: watermark ?? state?.loaded_watermark ?? null,
		rules,
		policies: JSON.stringify(policies.map(({ version, effectiveFrom }) => ({ version, effectiveFrom })))
	});
	return { full, recomputed };
}

/**
 * Tickets whose clocks one compute_clocks statement computes at most: more (the first refresh,
 * a change of the rules) are computed in batches, so memory holds one batch's status changes
 * and joins (10M tickets at once ran out of a 512 MB memory_limit; docs/benchmarks.md). An
 * object, so a test can make the batches small.
 */
export const CLOCK_BATCH = { size: 1_000_000 };

async function computeClocks(conn: DuckDBConnection, { settings }: Pick<RefreshContext, 'settings'>, dirty: number): Promise<void> {
	const batch = CLOCK_BATCH.size;
	const params = { tz: settings.unit.timeZone, pause: JSON.stringify(settings.sla.pauseStatuses), share: settings.sla.atRiskShare };
	if (dirty <= batch) return execOn(conn, 'sla/compute_clocks', params);
	await execOn(conn, 'sla/dirty_batches', { size: batch });
	for (let b = 0; b * batch < dirty; b++) {
		await execOn(conn, 'sla/dirty_batch', { batch: b });
		await execOn(conn, 'sla/compute_clocks', params);
	}
	await execOn(conn, 'sla/dirty_restore');
	// (After a failure the transaction is aborted: the next refresh's dirty_batches replaces the table.)
	await execOn(conn, 'sla/dirty_batches_drop');
}

async function countDirty(conn: DuckDBConnection): Promise<number> {
	const [row] = await queryOn<{ n: number }>(conn, 'sla/dirty_count');
	return Number(row?.n ?? 0);
}
