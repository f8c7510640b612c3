/**
 * XLSX for spreadsheets (write-excel-file): one sheet, the header in bold and kept in view,
 * right to left for a Persian reader. Numbers stay numbers; days and instants become Excel
 * dates, an instant shown at the wall-clock time of the unit's zone (Excel has no zones).
 * Text a spreadsheet would run as a formula is neutralised as in CSV (./csv.ts): a file
 * saved again as CSV would otherwise carry the formula along.
 */
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { neutralizeCell, type Cell } from './csv';
import { booleanOf, dayOf, instantOf, numberOf, type ExportTable } from './table';

export interface XlsxOptions {
	rightToLeft?: boolean;
	/** The zone instants are shown in (the unit's). */
	timeZone?: string;
	sheet?: string;
}

/** An instant's wall-clock time in `timeZone`, as the UTC Date Excel's serial numbers want. */
function wallClock(d: Date, timeZone: string): Date {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
			.formatToParts(d)
			.map((p) => [p.type, p.value])
	);
	return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)));
}

type XlsxCell = { value: string | number | boolean | Date; type: StringConstructor | NumberConstructor | BooleanConstructor | DateConstructor; format?: string } | null;

function cellFor(v: Cell, type: ExportTable['columns'][number]['type'], timeZone: string): XlsxCell {
	if (v === null || v === undefined || v === '') return null;
	switch (type) {
		case 'integer':
		case 'number': {
			const n = numberOf(v);
			return n === null ? { value: neutralizeCell(String(v)), type: String } : { value: n, type: Number, ...(type === 'integer' ? { format: '0' } : {}) };
		}
		case 'boolean': {
			const b = booleanOf(v);
			return b === null ? { value: neutralizeCell(String(v)), type: String } : { value: b, type: Boolean };
		}
		case 'date': {
			const day = dayOf(v);
			return day ? { value: new Date(`${day}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' } : { value: neutralizeCell(String(v)), type: String };
		}
		case 'timestamp': {
			const d = instantOf(v);
			return d ? { value: wallClock(d, timeZone), type: Date, format: 'yyyy-mm-dd hh:mm' } : { value: neutralizeCell(String(v)), type: String };
		}
		default:
			return { value: neutralizeCell(String(v)), type: String };
	}
}

/** XLSX bytes of a table. */
export async function toXlsx(table: ExportTable, options: XlsxOptions = {}): Promise<Buffer> {
	const timeZone = options.timeZone ?? 'UTC';
	const header = table.columns.map((c) => ({ value: neutralizeCell(c.label), type: String, fontWeight: 'bold' as const }));
	const rows = table.rows.map((r) => table.columns.map((c, i) => cellFor(r[i], c.type, timeZone)));
	const widths = table.columns.map((c, i) => {
		let longest = c.label.length;
		for (let k = 0; k < Math.min(rows.length, 200); k++) longest = Math.max(longest, String(table.rows[k]![i] ?? '').length);
		return { width: Math.min(60, Math.max(10, longest + 2)) };
	});
	// write-excel-file's types want one constructor type per cell; the cells above are exact.
	return writeXlsxFile([header, ...rows] as unknown as SheetData, {
		sheet: (options.sheet ?? table.name).replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || 'data',
		rightToLeft: options.rightToLeft ?? false,
		stickyRowsCount: 1,
		columns: widths
	}).toBuffer();
}
