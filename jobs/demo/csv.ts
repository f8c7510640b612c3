/**
 * CSV text (RFC 4180 quoting, "\n" line ends, UTF-8 without BOM) and an atomic file write:
 * the inbox scanner skips *.part files, so a file appears under its real name only when whole.
 * These are input files for the product's own reader, written as the source systems would;
 * CSVs for people to open in a spreadsheet go through src/lib/server/export/csv.ts (toCsv).
 */
import fs from 'node:fs';
import path from 'node:path';
import { csvField, type Cell } from '../../src/lib/server/export/csv';

export { csvField, type Cell };

export function csvLine(cells: readonly Cell[]): string {
	let line = '';
	for (let i = 0; i < cells.length; i++) {
		if (i > 0) line += ',';
		line += csvField(cells[i]);
	}
	return line;
}

export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const lines = new Array<string>(rows.length + 1);
	lines[0] = csvLine(header);
	for (let i = 0; i < rows.length; i++) lines[i + 1] = csvLine(rows[i]!);
	return lines.join('\n') + '\n';
}

/** Write `text` to `file` through `file.part` and a rename. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
	await fs.promises.mkdir(path.dirname(file), { recursive: true });
	const part = `${file}.part`;
	await fs.promises.writeFile(part, text, 'utf8');
	await fs.promises.rename(part, file);
}
