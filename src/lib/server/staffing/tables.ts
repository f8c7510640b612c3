/**
 * The Staffing page's weekday × hour cells as a download (../export): calls per hour, handle
 * time, Erlang C's agents needed, agents seen, service level expected and actual, abandonment,
 * understaffed cells first (as the page ranks them).
 */
import type { TableContext } from '../export/request';
import { tableOf, type ExportTable } from '../export/table';
import type { StaffingCell } from './staffing';
import { rankStaffingCells } from '../../staffing/rank';

const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function staffingTable(c: TableContext, cells: StaffingCell[]): ExportTable {
	return tableOf<StaffingCell>(
		'staffing',
		[
			{ key: 'weekday', label: c.t('overview.table.weekday'), type: 'text', value: (x) => c.fmt.weekday(x.weekday) },
			{ key: 'weekday_number', label: c.t('export.col.weekdayNumber'), type: 'integer', value: (x) => x.weekday },
			{ key: 'hour', label: c.t('staffing.hour'), type: 'integer', value: (x) => x.hour },
			{ key: 'days', label: c.t('export.col.days'), type: 'integer', value: (x) => x.days },
			{ key: 'calls_per_hour', label: c.t('staffing.col.calls'), type: 'number', value: (x) => r2(x.callsPerHour) },
			{ key: 'aht_s', label: c.t('export.col.ahtS'), type: 'number', value: (x) => r2(x.ahtSeconds) },
			{ key: 'erlangs', label: c.t('staffing.col.erlangs'), type: 'number', value: (x) => r2(x.erlangs) },
			{ key: 'needed', label: c.t('staffing.col.needed'), type: 'integer', value: (x) => x.needed },
			{ key: 'actual', label: c.t('staffing.col.actual'), type: 'number', value: (x) => r2(x.actual) },
			{ key: 'understaffed', label: c.t('export.col.understaffed'), type: 'boolean', value: (x) => x.understaffed },
			{ key: 'expected_service_level_pct', label: c.t('staffing.col.expectedSl'), type: 'number', value: (x) => r2(x.expectedServiceLevel) },
			{ key: 'actual_service_level_pct', label: c.t('staffing.col.actualSl'), type: 'number', value: (x) => r2(x.actualServiceLevel) },
			{ key: 'abandonment_pct', label: c.t('staffing.col.abandoned'), type: 'number', value: (x) => r2(x.abandonment) },
			{ key: 'offered', label: c.t('kpi.calls.offeredShort'), type: 'integer', value: (x) => x.offered }
		],
		rankStaffingCells(cells)
	);
}
