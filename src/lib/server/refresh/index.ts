/**
 * The refresh job: rebuild the derived tables the dashboard reads (the calendar, the rollups,
 * and each domain's own: SLA clocks, churn risk, peaks …) in one transaction, so a page never
 * sees half a refresh and never aggregates raw rows per request where a derived table serves.
 *
 * Steps run in order. Every queries/refresh/rollup_*.sql is one rollup, run with the unit's
 * time zone as $tz; a domain that needs TypeScript adds a step to STEPS.
 */
import crypto from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database';
import { execOn } from '../db/database';
import { queryNames } from '../db/queries';
import type { Settings } from '../settings';
import { refreshCalendar } from './calendar';
import { refreshBusinessCalendar } from '../business-calendar/refresh';
import { refreshSlaClocks } from '../sla/refresh';
import { refreshPeaks } from '../peaks/refresh';
import { refreshStaffing } from '../staffing/refresh';
import { refreshChurn } from '../churn/refresh';

export interface RefreshContext {
	conn: DuckDBConnection;
	settings: Settings;
	/** The moment of this refresh ("now" for open tickets' clocks, silence, today's date). */
	now: Date;
}

export interface RefreshStep {
	name: string;
	run: (ctx: RefreshContext) => Promise<void>;
}

export const ROLLUPS = queryNames('refresh').filter((n) => n.startsWith('refresh/rollup_'));

const rollups: RefreshStep = {
	name: 'rollups',
	run: async ({ conn, settings }) => {
		for (const name of ROLLUPS) await execOn(conn, name, { tz: settings.unit.timeZone });
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
	// Churn risk reads the SLA clocks (breaches in the window) and the rollups.
	{ name: 'churn', run: refreshChurn }
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
let running: Promise<void> = Promise.resolve();

export function refreshAll(db: Database, settings: Settings, now?: Date): Promise<void> {
	const run = running.then(() =>
		db.transaction(async (conn) => {
			const at = now ?? new Date();
			for (const step of STEPS) await step.run({ conn, settings, now: at });
			await execOn(conn, 'refresh/record_refresh', { tz: settings.unit.timeZone, settings_hash: settingsHash(settings) });
		})
	);
	running = run.catch(() => undefined);
	return run;
}

/**
 * Rebuild only the survey rollups (every queries/refresh/rollup_*survey*.sql): answers recorded
 * in the app (a follow-up's happy-call questions) count in NPS and CSAT at once, without the
 * cost of a whole refresh. The rest (the churn risk) catches up at the next refresh.
 */
export function refreshSurveyRollups(db: Database, settings: Settings): Promise<void> {
	const run = running.then(() =>
		db.transaction(async (conn) => {
			for (const name of ROLLUPS.filter((n) => n.includes('survey'))) await execOn(conn, name, { tz: settings.unit.timeZone });
		})
	);
	running = run.catch(() => undefined);
	return run;
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
 * rows a run committed and could not refresh for (killed, out of disk).
 */
export async function ensureFresh(db: Database, settings: Settings): Promise<boolean> {
	const state = await refreshState(db);
	if (state && state.settingsHash === settingsHash(settings) && !(await rollupsStale(db))) return false;
	await refreshAll(db, settings);
	return true;
}
