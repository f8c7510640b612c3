/**
 * Refresh step: the usual level of calls and tickets, their band, and the peaks.
 *
 * Inputs: rollup_calls_hourly (incoming calls) and rollup_tickets_hourly (built by the rollups
 * step just before), calendar_days (the unit's day kinds: holidays and days off are compared
 * only with each other), the settings `unit` and `peaks`, and the moment of the refresh.
 * Outputs: peaks_days, peaks_reference_days, peaks_hourly (counts, usual levels and bands),
 * peak_episodes (the peaks), peaks_state (what they were built with).
 *
 * Incremental: a day's usual level comes only from earlier days, so when a load changed the
 * counts of recent days only, the baselines are recomputed from the first changed day on;
 * a change of the settings they depend on rebuilds them all. The episodes are always rebuilt
 * whole (a few hundred rows from peaks_hourly). Definitions are in queries/peaks/*.sql.
 */
import crypto from 'node:crypto';
import { hourIn, todayIn } from '../../calendar';
import { execOn, queryOn } from '../db/database';
import type { RefreshContext } from '../refresh/index';
import type { Settings } from '../settings';
import { calendarRules } from '../business-calendar/schedule';

/** The settings the stored baselines depend on (attribution and minHours are applied later). */
export function baselineHash(settings: Settings): string {
	const { timeZone, weekStart } = settings.unit;
	// Day kinds come from the business calendar (weekend, half days, holidays).
	const { weekend, halfDays, holidays } = calendarRules(settings.unit, settings.business_calendar);
	const { weeks, k, minHistory } = settings.peaks;
	const relevant = { timeZone, weekStart, weekend, halfDays, holidays, weeks, k, minHistory };
	return crypto.createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

export interface PeaksRefresh {
	/** True when every baseline was recomputed (first build, or settings changed). */
	full: boolean;
	/** First day whose baselines were recomputed; null when no count changed. */
	from: string | null;
}

export async function refreshPeaks({ conn, settings, now }: RefreshContext): Promise<PeaksRefresh> {
	const { peaks, unit } = settings;
	await execOn(conn, 'peaks/clear_days');
	await execOn(conn, 'peaks/insert_days');
	await execOn(conn, 'peaks/clear_reference_days');
	await execOn(conn, 'peaks/insert_reference_days', { weeks: peaks.weeks });
	await execOn(conn, 'peaks/stage_actuals');

	const hash = baselineHash(settings);
	const [state] = await queryOn<{ params_hash: string }>(conn, 'peaks/state');
	const full = !state || state.params_hash !== hash;
	let from: string | null = null;
	if (full) {
		await execOn(conn, 'peaks/clear_hourly_from', { from: null });
		await execOn(conn, 'peaks/insert_hourly_from', { from: null, k: peaks.k, min_refs: peaks.minHistory });
	} else {
		const [changed] = await queryOn<{ first_changed: string | null }>(conn, 'peaks/first_changed_day');
		from = changed?.first_changed ?? null;
		if (from) {
			await execOn(conn, 'peaks/clear_hourly_from', { from });
			await execOn(conn, 'peaks/insert_hourly_from', { from, k: peaks.k, min_refs: peaks.minHistory });
		}
	}
	await execOn(conn, 'peaks/clear_episodes');
	await execOn(conn, 'peaks/insert_episodes', {
		today: todayIn(unit.timeZone, now),
		now_hour: hourIn(unit.timeZone, now),
		tz: unit.timeZone,
		min_hours: peaks.minHours
	});
	await execOn(conn, 'peaks/save_state', { params_hash: hash });
	await execOn(conn, 'peaks/drop_actuals');
	return { full, from: full ? null : from };
}
