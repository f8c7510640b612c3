/** The order the Staffing page lists its cells in (and downloads them): shared by the page and the export. */
import type { StaffingCell } from '../server/staffing/staffing';

/** Cells with calls, the most short-handed first (needed − actual), then the busiest. */
export function rankStaffingCells<C extends Pick<StaffingCell, 'offered' | 'needed' | 'actual' | 'callsPerHour'>>(cells: C[]): C[] {
	return cells.filter((c) => c.offered > 0).sort((a, b) => b.needed - b.actual - (a.needed - a.actual) || b.callsPerHour - a.callsPerHour);
}
