/**
 * The one shape every download has: named, typed columns and rows of plain values. A page or
 * an API builds an ExportTable from the rows its viewer may see (the domain functions already
 * leave out what the viewer's role may not have) and hands it to ./index.ts with a format.
 *
 * People's formats (CSV, XLSX) head each column with its label in the reader's language;
 * machines' formats (Parquet, Arrow) name it by its key (snake_case, stable across languages).
 */
import type { Cell } from './csv';

/**
 * What a column holds. `date` is a day 'YYYY-MM-DD'; `timestamp` an instant as ISO 8601 text
 * with its offset (or Z), or a Date; numbers are numbers, never formatted text.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp';

export interface ExportColumn {
	/** snake_case name in Parquet and Arrow. */
	key: string;
	/** Header in CSV and XLSX, in the reader's language. */
	label: string;
	type: ColumnType;
}

export interface ExportTable {
	/** The file's name without extension (ASCII letters, digits, - and _ are safest). */
	name: string;
	columns: ExportColumn[];
	rows: Cell[][];
}

/** A column described with how to read it from a row of the domain's own type. */
export interface ColumnOf<R> extends ExportColumn {
	value: (row: R) => Cell | Date;
}

/** Build a table from domain rows and column definitions. */
export function tableOf<R>(name: string, columns: ColumnOf<R>[], rows: readonly R[]): ExportTable {
	return {
		name,
		columns: columns.map(({ key, label, type }) => ({ key, label, type })),
		rows: rows.map((r) => columns.map((c) => normalize(c.value(r), c.type)))
	};
}

/** Values as the writers expect them: Dates to ISO text, non-finite numbers to empty. */
function normalize(v: Cell | Date, type: ColumnType): Cell {
	if (v === undefined || v === null) return null;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
	if (typeof v === 'number' && !Number.isFinite(v)) return null;
	return v;
}

/** The instant of a timestamp cell (ISO 8601 text with or without offset; without: UTC). */
export function instantOf(v: Cell): Date | null {
	if (v === null || v === undefined || v === '') return null;
	const text = String(v).trim().replace(' ', 'T');
	const withZone = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text) ? text : `${text}Z`;
	const d = new Date(withZone.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/([+-]\d{2})$/, '$1:00'));
	return Number.isNaN(d.getTime()) ? null : d;
}

/** A number cell as a number (text that is not a number becomes null). */
export function numberOf(v: Cell): number | null {
	if (v === null || v === undefined || v === '') return null;
	const n = typeof v === 'number' ? v : Number(v);
	return Number.isFinite(n) ? n : null;
}

export function booleanOf(v: Cell): boolean | null {
	if (v === null || v === undefined || v === '') return null;
	if (typeof v === 'boolean') return v;
	if (typeof v === 'number') return v !== 0;
	return /^(true|t|yes|1)$/i.test(v) ? true : /^(false|f|no|0)$/i.test(v) ? false : null;
}

/** A date cell as 'YYYY-MM-DD' (a timestamp's own date part), or null. */
export function dayOf(v: Cell): string | null {
	if (v === null || v === undefined || v === '') return null;
	const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(v));
	return m ? m[1]! : null;
}
