/**
 * A JSON API's rows as an export table, for `?format=` on the APIs: the records the API answers
 * with, nested objects flattened into columns (first_response.compliance → first_response_compliance),
 * lists of plain values joined with "; ", lists of objects left out. Each column's type is read
 * from its values (a whole number in every row: integer; 'YYYY-MM-DD': date; an ISO instant:
 * timestamp). Columns are named and headed by their keys: the API's own names, in English.
 */
import type { Cell } from './csv';
import { tableOf, type ColumnOf, type ColumnType, type ExportTable } from './table';

type Flat = Record<string, Cell>;

/** Keys holding a list of objects in some record: left out of every row. */
function flatten(value: unknown, prefix: string, out: Flat, dropped: Set<string>): void {
	if (value === null || value === undefined) {
		out[prefix] = null;
	} else if (Array.isArray(value)) {
		if (value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) out[prefix] = value.join('; ');
		else dropped.add(prefix);
	} else if (typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}_${k}` : k, out, dropped);
	} else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		out[prefix] = value;
	}
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

function typeOf(values: Cell[]): ColumnType {
	const present = values.filter((v) => v !== null && v !== undefined && v !== '');
	if (!present.length) return 'text';
	if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
	if (present.every((v) => typeof v === 'boolean')) return 'boolean';
	if (present.every((v) => typeof v === 'string' && DAY.test(v))) return 'date';
	if (present.every((v) => typeof v === 'string' && INSTANT.test(v))) return 'timestamp';
	return 'text';
}

/** A table of JSON records, columns in the order keys first appear. */
export function recordsTable(name: string, records: readonly unknown[]): ExportTable {
	const dropped = new Set<string>();
	const flat = records.map((r) => {
		const out: Flat = {};
		flatten(r, '', out, dropped);
		return out;
	});
	const keys: string[] = [];
	for (const f of flat) for (const k of Object.keys(f)) if (!keys.includes(k) && !dropped.has(k)) keys.push(k);
	const columns: ColumnOf<Flat>[] = keys.map((key) => ({ key, label: key, type: typeOf(flat.map((f) => f[key] ?? null)), value: (f) => f[key] ?? null }));
	return tableOf(name, columns, flat);
}
