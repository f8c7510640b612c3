/**
 * SLA policies: first-response and resolution targets per priority (and per customer tier),
 * each on business or calendar time, versioned. A ticket's targets are those of the version in
 * force on its local creation day, so a change of targets never rewrites history unless the
 * unit says from which day it applies.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { isIsoDay } from '../../calendar';
import type { Database } from '../db/database';
import { queryOn } from '../db/database';
import type { FieldProblem } from '../business-calendar/schedule';

export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CLOCKS = ['business', 'calendar'] as const;
export type Clock = (typeof CLOCKS)[number];

export interface PolicyTarget {
	priority: Priority;
	/** '' = every customer without a tier of its own for this priority; else a contract tier (gold …). */
	tier: string;
	/** Minutes; null = no target. */
	firstResponseMinutes: number | null;
	firstResponseClock: Clock;
	resolutionMinutes: number | null;
	resolutionClock: Clock;
}

export interface PolicyVersion {
	version: number;
	/** Local day (ISO) from which tickets created get these targets. */
	effectiveFrom: string;
	targets: PolicyTarget[];
}

/** The first version covers all history. */
export const FIRST_DAY = '1970-01-01';

/** Placeholder targets in business minutes until the unit sets its own (SLA settings page). */
export function defaultTargets(): PolicyTarget[] {
	const t = (priority: Priority, fr: number, res: number): PolicyTarget => ({
		priority,
		tier: '',
		firstResponseMinutes: fr,
		firstResponseClock: 'business',
		resolutionMinutes: res,
		resolutionClock: 'business'
	});
	return [t('critical', 30, 4 * 60), t('high', 2 * 60, 8 * 60), t('normal', 4 * 60, 3 * 8 * 60), t('low', 8 * 60, 5 * 8 * 60)];
}

type PolicyRow = {
	version: number;
	effective_from: string;
	priority: Priority;
	tier: string;
	first_response_minutes: number | null;
	first_response_clock: Clock;
	resolution_minutes: number | null;
	resolution_clock: Clock;
}

export function versionsFromRows(rows: PolicyRow[]): PolicyVersion[] {
	const byVersion = new Map<number, PolicyVersion>();
	for (const r of rows) {
		let v = byVersion.get(r.version);
		if (!v) byVersion.set(r.version, (v = { version: r.version, effectiveFrom: r.effective_from, targets: [] }));
		v.targets.push({
			priority: r.priority,
			tier: r.tier,
			firstResponseMinutes: r.first_response_minutes === null ? null : Number(r.first_response_minutes),
			firstResponseClock: r.first_response_clock,
			resolutionMinutes: r.resolution_minutes === null ? null : Number(r.resolution_minutes),
			resolutionClock: r.resolution_clock
		});
	}
	const rank = (t: PolicyTarget) => PRIORITIES.indexOf(t.priority) * 1000 + (t.tier === '' ? 0 : 1);
	for (const v of byVersion.values()) v.targets.sort((a, b) => rank(a) - rank(b) || a.tier.localeCompare(b.tier));
	return [...byVersion.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version);
}

export async function activePoliciesOn(conn: DuckDBConnection): Promise<PolicyVersion[]> {
	return versionsFromRows(await queryOn<PolicyRow>(conn, 'sla/active_policies'));
}

export async function activePolicies(db: Database): Promise<PolicyVersion[]> {
	return db.withConnection(activePoliciesOn);
}

/** The version in force on a day (the latest active one starting on or before it). */
export function versionOn(versions: PolicyVersion[], day: string): PolicyVersion | null {
	let found: PolicyVersion | null = null;
	for (const v of versions) if (v.effectiveFrom <= day) found = v;
	return found;
}

const TIER = /^[a-z0-9][a-z0-9_ -]{0,39}$/;

/**
 * Check a set of targets: known priorities and clocks, each (priority, tier) once, a default
 * ('' tier) for every priority, and targets that are whole positive minutes or empty. Fields:
 * `targets.<i>.<name>`.
 */
export function validateTargets(targets: unknown): FieldProblem[] {
	if (!Array.isArray(targets)) return [{ field: 'targets', phrase: { key: 'sla.error.targetsShape' } }];
	const out: FieldProblem[] = [];
	const seen = new Set<string>();
	targets.forEach((t: Partial<PolicyTarget> | null, i) => {
		if (!t || !PRIORITIES.includes(t.priority as Priority)) out.push({ field: `targets.${i}.priority`, phrase: { key: 'sla.error.badPriority', params: { value: String(t?.priority ?? '') } } });
		const tier = typeof t?.tier === 'string' ? t.tier : '';
		if (tier !== '' && !TIER.test(tier)) out.push({ field: `targets.${i}.tier`, phrase: { key: 'sla.error.badTier', params: { value: tier } } });
		const key = `${t?.priority}|${tier}`;
		if (seen.has(key)) out.push({ field: `targets.${i}.tier`, phrase: { key: 'sla.error.duplicateTarget', params: { priority: String(t?.priority), tier: tier || '—' } } });
		seen.add(key);
		for (const [name, clock] of [
			['firstResponseMinutes', 'firstResponseClock'],
			['resolutionMinutes', 'resolutionClock']
		] as const) {
			const m = t?.[name];
			if (m !== null && m !== undefined && (typeof m !== 'number' || !Number.isInteger(m) || m <= 0 || m > 525_600)) {
				out.push({ field: `targets.${i}.${name}`, phrase: { key: typeof m === 'number' && m <= 0 ? 'sla.error.targetNotPositive' : 'sla.error.badTarget', params: { value: String(m) } } });
			}
			if (!CLOCKS.includes(t?.[clock] as Clock)) out.push({ field: `targets.${i}.${clock}`, phrase: { key: 'sla.error.badClock', params: { value: String(t?.[clock] ?? '') } } });
		}
	});
	for (const p of PRIORITIES) {
		if (!targets.some((t: Partial<PolicyTarget> | null) => t?.priority === p && (t.tier ?? '') === '')) out.push({ field: 'targets', phrase: { key: 'sla.error.missingDefault', params: { priority: p } } });
	}
	return out;
}

export function validateEffectiveFrom(day: unknown): FieldProblem[] {
	return typeof day === 'string' && isIsoDay(day) ? [] : [{ field: 'effectiveFrom', phrase: { key: 'sla.error.badDate', params: { value: String(day ?? '') } } }];
}

const toRows = (targets: PolicyTarget[]) =>
	targets.map((t) => ({
		priority: t.priority,
		tier: t.tier,
		first_response_minutes: t.firstResponseMinutes,
		first_response_clock: t.firstResponseClock,
		resolution_minutes: t.resolutionMinutes,
		resolution_clock: t.resolutionClock
	}));

/**
 * Add a policy version in force from `effectiveFrom` (inside the caller's transaction): active
 * versions starting on or after that day are retired. Returns the new version number.
 */
export async function addPolicyVersion(conn: DuckDBConnection, effectiveFrom: string, targets: PolicyTarget[]): Promise<number> {
	const [{ version }] = (await queryOn<{ version: number }>(conn, 'sla/next_policy_version')) as [{ version: number }];
	await queryOn(conn, 'sla/retire_policies_from', { from: effectiveFrom });
	await queryOn(conn, 'sla/insert_policy_rows', { version, from: effectiveFrom, rows: JSON.stringify(toRows(targets)) });
	return version;
}

/** Seed the default targets as version 1, in force for all history, when no policy exists. */
export async function seedPolicies(db: Database): Promise<void> {
	await db.transaction(async (conn) => {
		const [row] = await queryOn<{ n: number }>(conn, 'sla/policy_count');
		if (Number(row?.n ?? 0) === 0) await addPolicyVersion(conn, FIRST_DAY, defaultTargets());
	});
}

export type PolicyHistoryRow = {
	version: number;
	effective_from: string;
	created_at: string;
	retired_at: string | null;
	targets: number;
}

export async function policyHistory(db: Database): Promise<PolicyHistoryRow[]> {
	return db.query<PolicyHistoryRow>('sla/policy_history');
}
