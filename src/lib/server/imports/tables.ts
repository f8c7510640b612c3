/**
 * One imported file's rejected rows as a download in the formats other than the rejects CSV
 * (which stays /data/files/[id]/rejects.csv, the file to fix and load again): line, record,
 * column, value, reason in the reader's language, the reason's key, and the row as read.
 */
import type { TableContext } from '../export/request';
import { tableOf, type ExportTable } from '../export/table';
import type { FileRow, RejectRow } from './status';

export function rejectsTable(c: TableContext, file: FileRow, rejects: RejectRow[]): ExportTable {
	return tableOf<RejectRow>(
		`rejects-${file.id}`,
		[
			{ key: 'line', label: c.t('data.col.line'), type: 'integer', value: (r) => r.line || null },
			{ key: 'record', label: c.t('data.col.record'), type: 'integer', value: (r) => r.record },
			{ key: 'column', label: c.t('data.col.column'), type: 'text', value: (r) => r.column_name },
			{ key: 'value', label: c.t('data.col.value'), type: 'text', value: (r) => r.value },
			{ key: 'reason', label: c.t('data.col.reason'), type: 'text', value: (r) => c.t(r.problem.key, r.problem.params) },
			{ key: 'reason_key', label: c.t('export.col.reasonKey'), type: 'text', value: (r) => r.problem.key },
			{ key: 'row', label: c.t('data.col.raw'), type: 'text', value: (r) => r.raw }
		],
		rejects
	);
}
