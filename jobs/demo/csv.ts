/**
 * CSV text (RFC 4180 quoting, "\n" line ends, UTF-8 without BOM) and an atomic file write:
 * the inbox scanner skips *.part files, so a file appears under its real name only when whole.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Cell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: Cell): string {
	if (value === null || value === undefined) return '';
	const s = typeof value === 'string' ? value : String(value);
	return NEEDS_QUOTES.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

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
