/**
 * The refresh job: bring the derived tables the dashboard reads (the calendar, the rollups,
 * and each domain's own: SLA clocks, churn risk, peaks …) up to date, so a page never
 * aggregates raw rows per request where a derived table serves. Two transactions: STEPS (every
 * figure from the loaded rows, and the churn model's inputs), then RISK_STEPS (every customer's
 * churn risk scored from those inputs). A page never sees half of either; between the two
 * (seconds at 10M tickets) the churn pages show the risk scored after the previous refresh.
 *
 * Steps run in order. The rollups step first finds what changed since the last refresh (the
 * local days the new files' rows fall in now and fell in before, ./changes.ts) and rebuilds
 * only those days of every queries/refresh/rollup_*.sql (./rollups.ts); it leaves what changed
 * in the context (`changes`) for the domain steps after it. The first refresh, a new time zone
 * or a new definition of a table rebuilds it whole. A domain that needs TypeScript adds a step
 * to STEPS.
 */
import crypto from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database';
import { execOn } from '../db/database';
import type { Settings } from '../settings';
import { refreshCalendar } from './calendar';
import { refreshBusinessCalendar } from '../business-calendar/refresh';
import { refreshSlaClocks } from '../sla/refresh';
import { refreshPeaks } from '../peaks/refresh';
import { refreshStaffing } from '../staffing/refresh';
import { refreshChurnInputs, refreshChurnRisk, riskPending } from '../churn/refresh';
import { log } from '../log';
import { forgetChanges, type Changes } from './changes';
import { refreshRollups, type DayRebuild, type RollupsResult } from './rollups';

export interface RefreshContext {
	conn: DuckDBConnection;
	settings: Settings;
	/** The moment of this refresh ("now" for open tickets' clocks, silence, today's date). */
	now: Date;
	/**
	 * What changed since the last refresh (set by the rollups step for the steps after it):
	 * the touched local days, or everything. Absent when a step runs on its own (tests).
	 */
	changes?: Changes;
	/** What the rollups step did to each rollup (rebuilt whole, for the touched days, untouched). */
	rollups?: RollupsResult;
	/**
	 * Derived tables rebuilt whole in this refresh (calendar_days, rollups …), so that the steps
	 * made from them follow. Absent when a step runs on its own: it then assumes everything was.
	 */
	rebuilt?: Set<string>;
}

export interface RefreshStep {
	name: string;
	run: (ctx: RefreshContext) => Promise<void>;
}

const rollups: RefreshStep = {
	name: 'rollups',
	run: async (ctx) => {
		const result = await refreshRollups(ctx.conn, ctx.settings.unit.timeZone);
		ctx.changes = result.changes;
		ctx.rollups = result;
		for (const table of result.rebuiltWhole) ctx.rebuilt?.add(table);
	}
};

/** In order: later steps may read what earlier ones built. */
export const STEPS: RefreshStep[] = [
	{ name: 'calendar', run: refreshCalendar },
	rollups,
	{ name: 'peaks', run: async (ctx) => void (await refreshPeaks(ctx)) },
	{ name: 'staffing', run: refreshStaffing },
	// The unit's open intervals (needs calendar_days), then the SLA clocks over them.
	{ name: 'business_calendar', run: refreshBusinessCalendar },
	{ name: 'sla', run: async (ctx) => void (await refreshSlaClocks(ctx)) },
	// The churn model's inputs (contact days, reopenings): the risk itself is scored after, in RISK_STEPS.
	{ name: 'churn_inputs', run: refreshChurnInputs }
];

/**
 * Then, in a transaction of its own: the churn risk of every customer (and its track record),
 * scored from the inputs above. Apart so that the dashboard's figures of a small load are
 * committed without waiting for every customer to be scored again (at 10M tickets, 50,000
 * customers: seconds); a stop between the two is caught up by ensureFresh (risk_pending).
 */
export const RISK_STEPS: RefreshStep[] = [
	// Reads the SLA clocks (breaches in the window) and the rollups.
	{ name: 'churn', run: refreshChurnRisk }
];

/** Settings the derived tables depend on (everything but the ingest schedule and the alerts), as a short hash. */
export function settingsHash(settings: Settings): string {
	// The schedule, alerts and the sign-in session lengths change no derived figure.
	const { ingest: _ingest, alerts: _alerts, security: _security, ...relevant } = settings;
	return crypto.createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

/**
 * The refresh running now, if any: refreshes of one process run one after another (an ingest's
 * and a settings page's save may ask at once; two would conflict on the tables they replace).
 */
let running: Promise<unknown> = Promise.resolve();

/** What a refresh did: what changed, and how long each step took (logged; read by the benchmark). */
export interface RefreshReport {
	changes: Pick<Changes, 'all' | 'reason' | 'days' | 'rows' | 'customers' | 'files'> | null;
	/** Per rollup: rebuilt whole, for the touched days, or untouched. */
	rollups: Record<string, DayRebuild>;
	/** Milliseconds per step, in order, and within the rollups step (finding the changes, each table). */
	steps: Record<string, number>;
	rollupMs: Record<string, number>;
	/** The whole refresh, both transactions, in milliseconds (commits included). */
	ms: number;
	/** Until the first transaction committed: the dashboard's figures (the churn risk follows). */
	figuresMs: number;
}

function summary(changes: Changes | undefined): RefreshReport['changes'] {
	if (!changes) return null;
	const { all, reason, days, rows, customers, files } = changes;
	return { all, reason, days, rows, customers, files };
}

let last: RefreshReport | null = null;

/** The report of the last whole refresh of this process (null: none yet). */
export function lastRefreshReport(): RefreshReport | null {
	return last;
}

export function refreshAll(db: Database, settings: Settings, now?: Date): Promise<RefreshReport> {
	const run = running.then(async () => {
		const t0 = performance.now();
		const at = now ?? new Date();
		const steps: Record<string, number> = {};
		const runSteps = async (ctx: RefreshContext, list: RefreshStep[]) => {
			for (const step of list) {
				const s0 = performance.now();
				await step.run(ctx);
				steps[step.name] = Math.round(performance.now() - s0);
			}
		};
		const ctx = await db.transaction(async (conn) => {
			const ctx: RefreshContext = { conn, settings, now: at, rebuilt: new Set() };
			await runSteps(ctx, STEPS);
			await forgetChanges(conn);
			await execOn(conn, 'refresh/record_refresh', { tz: settings.unit.timeZone, settings_hash: settingsHash(settings) });
			return ctx;
		});
		const figuresMs = Math.round(performance.now() - t0);
		await db.transaction(async (conn) => runSteps({ ...ctx, conn }, RISK_STEPS));
		const report: RefreshReport = { changes: summary(ctx.changes), rollups: ctx.rollups?.tables ?? {}, steps, rollupMs: ctx.rollups?.ms ?? {}, ms: Math.round(performance.now() - t0), figuresMs };
		const c = report.changes;
		log().info({ ms: report.ms, figuresMs, steps, all: c?.all, reason: c?.reason, days: c?.days.length, rows: c?.rows, files: c?.files }, 'refresh finished');
		last = report;
		return report;
	});
	running = run.catch(() => undefined);
	return run;
}

/**
 * Bring only the survey rollups (queries/refresh/rollup_*survey*.sql) up to date with answers
 * written in the app (a follow-up's happy-call questions), for the days they touched, so they
 * count in NPS and CSAT at once without the cost of a whole refresh. Files loaded meanwhile
 * and the rest (the churn risk) wait for the next whole refresh, which also hands the days
 * touched here to its domain steps.
 */
export function refreshSurveyRollups(db: Database, settings: Settings): Promise<void> {
	const run = running.then(() =>
		db.transaction(async (conn) => {
			await refreshRollups(conn, settings.unit.timeZone, { datasets: ['survey_answers'], only: 'survey' });
			await forgetChanges(conn);
		})
	);
	running = run.catch(() => undefined);
	return run.then(() => undefined);
}

export interface RefreshState {
	refreshedAt: string;
	timeZone: string;
	settingsHash: string | null;
}

export async function refreshState(db: Database): Promise<RefreshState | null> {
	// rollup_state is written only inside refreshAll's transaction: safe to cache until the next one.
	const rows = await db.cachedQuery<{ refreshed_at: string; time_zone: string; settings_hash: string | null }>('refresh/state');
	return rows[0] ? { refreshedAt: rows[0].refreshed_at, timeZone: rows[0].time_zone, settingsHash: rows[0].settings_hash } : null;
}

/** Whether rows were committed after the last refresh began (or it never ran): not cached. */
export async function rollupsStale(db: Database): Promise<boolean> {
	const rows = await db.query<{ stale: boolean }>('refresh/stale');
	return rows[0]?.stale ?? true;
}

/**
 * Rebuild when the derived tables were never built, were built for other settings, or miss
 * rows a run committed and could not refresh for (killed, out of disk), or when the churn risk
 * was not scored after the last refresh's figures (stopped between its two transactions).
 */
export async function ensureFresh(db: Database, settings: Settings): Promise<boolean> {
	const state = await refreshState(db);
	if (state && state.settingsHash === settingsHash(settings) && !(await rollupsStale(db)) && !(await riskPending(db))) return false;
	await refreshAll(db, settings);
	return true;
}
