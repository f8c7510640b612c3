/**
 * Refresh step: staffing_hourly, incoming calls per local day, hour and queue with the agents
 * who answered them and how many were answered within the service-level threshold
 * (queries/staffing/build_hourly.sql). Inputs: calls, settings `unit.timeZone` and
 * `staffing.thresholdSeconds`; output: the staffing_hourly table the Staffing page reads.
 * Kept per local day like the rollups: a load rebuilds the days it touched (the rollups step's
 * `changes`); a new zone or threshold rebuilds it whole.
 */
import type { RefreshContext } from '../refresh/index';
import { allChanged } from '../refresh/changes';
import { refreshDayTable } from '../refresh/rollups';

export async function refreshStaffing({ conn, settings, changes }: RefreshContext): Promise<void> {
	const timeZone = settings.unit.timeZone;
	const threshold = settings.staffing.thresholdSeconds;
	await refreshDayTable(
		conn,
		changes ?? allChanged(null),
		{ query: 'staffing/build_hourly', table: 'staffing_hourly', params: { tz: timeZone, threshold }, depends: { timeZone, threshold } },
		new Set()
	);
}
