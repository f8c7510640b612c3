/**
 * Arrow IPC (the file format, also known as Feather v2) through apache-arrow: one typed column
 * per export column, named by its key. Days are Arrow dates (DateDay), instants UTC timestamps
 * in milliseconds, whole numbers 64-bit integers, other numbers doubles.
 */
import { Bool, DateDay, Float64, Int64, Table, TimestampMillisecond, Utf8, vectorFromArray, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import { booleanOf, dayOf, instantOf, numberOf, type ColumnType, type ExportTable } from './table';
import type { Cell } from './csv';

function vectorOf(type: ColumnType, values: Cell[]): Vector<DataType> {
	switch (type) {
		case 'integer':
			return vectorFromArray(
				values.map((v) => {
					const n = numberOf(v);
					return n === null ? null : BigInt(Math.round(n));
				}),
				new Int64()
			);
		case 'number':
			return vectorFromArray(values.map(numberOf), new Float64());
		case 'boolean':
			return vectorFromArray(values.map(booleanOf), new Bool());
		case 'date':
			return vectorFromArray(
				values.map((v) => {
					const d = dayOf(v);
					return d ? new Date(`${d}T00:00:00Z`) : null;
				}),
				new DateDay()
			);
		case 'timestamp':
			return vectorFromArray(
				values.map((v) => instantOf(v)?.getTime() ?? null),
				new TimestampMillisecond('UTC')
			);
		default:
			return vectorFromArray(
				values.map((v) => (v === null || v === undefined ? null : String(v))),
				new Utf8()
			);
	}
}

/** Arrow IPC file bytes of a table. */
export function toArrow(t: ExportTable): Uint8Array {
	const columns: Record<string, Vector<DataType>> = {};
	t.columns.forEach((c, i) => {
		columns[c.key] = vectorOf(
			c.type,
			t.rows.map((r) => r[i] ?? null)
		);
	});
	return tableToIPC(new Table(columns), 'file');
}
