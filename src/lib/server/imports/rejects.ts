/**
 * The rejected rows of an import as a table that round-trips: downloaded as CSV, fixed in a
 * spreadsheet and uploaded back as it is into the same dataset, it loads.
 *
 * Layout: first `_reject_reason`, `_reject_column`, `_reject_line` (why, where, and the line in
 * the original file: what to fix), then the file's own columns, in its order and under its
 * names, holding the row as it was read. The ingest never reads `_reject_…` columns as data or
 * counts them against a layout (./mapping.ts, ./detect.ts), so the file is recognised as the
 * layout it came from; a file with them loads only into its own dataset (not a preset's other
 * parts), and the apostrophe the CSV writer puts before a cell a spreadsheet would run as a
 * formula ("'-5") is taken off again. A row that could not be split into the file's columns
 * (a wrong number of fields, a line that is not JSON) is kept whole in a last `_reject_row`
 * column, with its columns empty: fill them in to load it.
 */
import Papa from 'papaparse';
import type { Translate } from '../../i18n/translate';
import type { Database } from '../db/database';
import { REJECT_COLUMN_PREFIX } from './mapping';
import { getFileWithRejects, type RejectRow } from './status';

export const REJECT_COLUMNS = {
	reason: `${REJECT_COLUMN_PREFIX}reason`,
	column: `${REJECT_COLUMN_PREFIX}column`,
	line: `${REJECT_COLUMN_PREFIX}line`,
	row: `${REJECT_COLUMN_PREFIX}row`
} as const;

export interface RejectsTable {
	fileName: string;
	header: string[];
	rows: (string | number)[][];
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The fields of a CSV row as the reader kept it (written with the file's delimiter), split back into `width` fields. */
function csvFields(raw: string, width: number): string[] | null {
	for (const delimiter of DELIMITERS) {
		const parsed = Papa.parse<string[]>(raw, { delimiter, header: false });
		const fields = parsed.data[0];
		if (parsed.data.length === 1 && fields && fields.length === width) return fields;
	}
	return null;
}

/** A JSON record's values by key, nested objects as dotted paths (the names a mapping reads them by). */
function flatten(value: unknown, into: Map<string, string>, prefix = ''): void {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return;
	for (const [k, v] of Object.entries(value)) {
		const key = prefix + k;
		if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, into, key + '.');
		else into.set(key, v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
	}
}

function jsonFields(raw: string): Map<string, string> | null {
	try {
		const parsed: unknown = JSON.parse(raw);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
		const out = new Map<string, string>();
		flatten(parsed, out);
		return out;
	} catch {
		return null;
	}
}

/** Build the round-trip table from a file's record and its rejects (pure: see the module comment). */
export function rejectsTable(file: { file_name: string; format: string | null; columns: string[] | null }, rejects: RejectRow[], t: Translate): RejectsTable {
	const split = rejects.map((r) => {
		if (file.format === 'csv' && file.columns) {
			const fields = csvFields(r.raw, file.columns.length);
			return fields ? new Map(file.columns.map((c, i) => [c, fields[i]!])) : null;
		}
		return jsonFields(r.raw);
	});
	// The file's columns; for JSON (no header) the keys of the rejected records, in order of appearance.
	const columns = file.columns ? [...file.columns] : [];
	if (!file.columns) for (const m of split) for (const k of m?.keys() ?? []) if (!columns.includes(k)) columns.push(k);
	const whole = split.some((m) => m === null);
	const header = [REJECT_COLUMNS.reason, REJECT_COLUMNS.column, REJECT_COLUMNS.line, ...columns, ...(whole ? [REJECT_COLUMNS.row] : [])];
	const rows = rejects.map((r, i) => {
		const values = split[i];
		return [
			t(r.problem.key, r.problem.params),
			r.column_name ?? '',
			r.line || '',
			...columns.map((c) => values?.get(c) ?? ''),
			...(whole ? [values ? '' : r.raw] : [])
		];
	});
	return { fileName: file.file_name, header, rows };
}

/** The rejects table of one import, or null when there is no such import. */
export async function rejectsOfImport(db: Database, id: number, t: Translate): Promise<RejectsTable | null> {
	const found = await getFileWithRejects({ db }, id, 2_147_483_647);
	if (!found) return null;
	return rejectsTable(found.file, found.rejects, t);
}
