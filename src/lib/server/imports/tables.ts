/**
 * One imported file's rejected rows as a download in any format: the same round-trip table as
 * /data/files/[id]/rejects.csv (./rejects.ts: the reason, the column at fault and the line,
 * then the file's own columns under its names), so an XLSX download fixed in a spreadsheet
 * uploads back as it is too. Every cell is text (as read), except the line.
 */
import { tableOf, type ColumnOf, type ExportTable } from '../export/table';
import { REJECT_COLUMNS, type RejectsTable } from './rejects';

type Row = RejectsTable['rows'][number];

export function rejectsExportTable(id: number, table: RejectsTable): ExportTable {
	const base = table.fileName.replace(/\.[^.]*$/, '');
	// Keys name the Parquet and Arrow columns: a header named twice gets a suffix there.
	const seen = new Map<string, number>();
	const keyOf = (name: string) => {
		const n = (seen.get(name) ?? 0) + 1;
		seen.set(name, n);
		return n === 1 ? name : `${name}_${n}`;
	};
	const columns: ColumnOf<Row>[] = table.header.map((name, i) =>
		name === REJECT_COLUMNS.line
			? { key: keyOf(name), label: name, type: 'integer', value: (r: Row) => (r[i] === '' || r[i] === undefined ? null : Number(r[i])) }
			: { key: keyOf(name), label: name, type: 'text', value: (r: Row) => (r[i] === undefined ? null : String(r[i])) }
	);
	return tableOf<Row>(`rejects-${id}-${base}`, columns, table.rows);
}
