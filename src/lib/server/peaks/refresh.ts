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
 * counts of recent days only, the baselines are recomputed from the first changed day on (the
 * first touched day of the refresh's `changes`, or found by comparing the counts when a step
 * runs on its own or its inputs were rebuilt whole; nothing but the episodes when no day was);
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

/** The tables the baselines are made from: when one was rebuilt whole, the changes do not say which days moved. */
const INPUTS = ['rollup_calls_hourly', 'rollup_tickets_hourly', 'calendar_days'];

export async function refreshPeaks({ conn, settings, now, changes, rebuilt }: RefreshContext): Promise<PeaksRefresh> {
	const { peaks, unit } = settings;
	const hash = baselineHash(settings);
	const [state] = await queryOn<{ params_hash: string }>(conn, 'peaks/state');
	const full = !state || state.params_hash !== hash;
	// The refresh's own account of the touched days, when it covers everything the baselines read.
	const known = !full && changes && !changes.all && rebuilt && !INPUTS.some((t) => rebuilt.has(t)) ? changes : null;
	if (known && known.days.length === 0) {
		// No count changed: only the episodes follow the clock (a peak under way today).
		await insertEpisodes(conn, settings, now);
		return { full: false, from: null };
	}
	await execOn(conn, 'peaks/clear_days');
	await execOn(conn, 'peaks/insert_days');
	await execOn(conn, 'peaks/clear_reference_days');
	await execOn(conn, 'peaks/insert_reference_days', { weeks: peaks.weeks });
	await execOn(conn, 'peaks/stage_actuals');

	let from: string | null = null;
	if (full) {
		await execOn(conn, 'peaks/clear_hourly_from', { from: null });
		await execOn(conn, 'peaks/insert_hourly_from', { from: null, k: peaks.k, min_refs: peaks.minHistory });
	} else {
		const [changed] = known ? [{ first_changed: known.days[0]! }] : await queryOn<{ first_changed: string | null }>(conn, 'peaks/first_changed_day');
		from = changed?.first_changed ?? null;
		if (from) {
			await execOn(conn, 'peaks/clear_hourly_from', { from });
			await execOn(conn, 'peaks/insert_hourly_from', { from, k: peaks.k, min_refs: peaks.minHistory });
		}
	}
	await insertEpisodes(conn, settings, now);
	await execOn(conn, 'peaks/save_state', { params_hash: hash });
	await execOn(conn, 'peaks/drop_actuals');
	return { full, from: full ? null : from };
}

async function insertEpisodes(conn: RefreshContext['conn'], settings: Settings, now: Date) {
	await execOn(conn, 'peaks/clear_episodes');
	await execOn(conn, 'peaks/insert_episodes', {
		today: todayIn(settings.unit.timeZone, now),
		now_hour: hourIn(settings.unit.timeZone, now),
		tz: settings.unit.timeZone,
		min_hours: settings.peaks.minHours
	});
}
