/**
 * Refresh step: staffing_hourly, incoming calls per local day, hour and queue with the agents
 * who answered them and how many were answered within the service-level threshold
 * (queries/staffing/build_hourly.sql). Inputs: calls, settings `unit.timeZone` and
 * `staffing.thresholdSeconds`; output: the staffing_hourly table the Staffing page reads.
 */
import { execOn } from '../db/database';
import type { RefreshContext } from '../refresh/index';

export async function refreshStaffing({ conn, settings }: RefreshContext): Promise<void> {
	await execOn(conn, 'staffing/build_hourly', { tz: settings.unit.timeZone, threshold: settings.staffing.thresholdSeconds });
}
