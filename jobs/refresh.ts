/**
 * The refresh step: rebuild the rollups (derived tables) the dashboard reads, in one
 * transaction, so a page never sees half a refresh and never aggregates raw rows per request
 * where a rollup serves. Every queries/refresh/rollup_*.sql is one rollup.
 */
import type { Database } from '../src/lib/server/db/database';
import { execOn, queryOn } from '../src/lib/server/db/database';
import { queryNames } from '../src/lib/server/db/queries';

export const ROLLUPS = queryNames('refresh').filter((n) => n.startsWith('refresh/rollup_'));

export async function refreshRollups(db: Database, timeZone: string): Promise<void> {
	await db.transaction(async (conn) => {
		for (const name of ROLLUPS) await execOn(conn, name, { tz: timeZone });
		await execOn(conn, 'refresh/record_refresh', { tz: timeZone });
	});
}

export interface RefreshState {
	refreshedAt: string;
	timeZone: string;
}

export async function refreshState(db: Database): Promise<RefreshState | null> {
	const rows = await db.withConnection((c) => queryOn<{ refreshed_at: string; time_zone: string }>(c, 'refresh/state'));
	return rows[0] ? { refreshedAt: rows[0].refreshed_at, timeZone: rows[0].time_zone } : null;
}

/** Rebuild when the rollups were never built or were built for another time zone. */
export async function ensureRollups(db: Database, timeZone: string): Promise<boolean> {
	const state = await refreshState(db);
	if (state && state.timeZone === timeZone) return false;
	await refreshRollups(db, timeZone);
	return true;
}
