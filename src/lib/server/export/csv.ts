/**
 * Every CSV the product writes for people to open goes through here (the rejects download,
 * follow-up lists, exports). It does three things a spreadsheet needs:
 *
 * 1. Formula injection (OWASP "CSV Injection", CWE-1236): a text cell that a spreadsheet
 *    would run as a formula (it starts with =, +, -, @, a tab, a carriage return, a line
 *    feed or a NUL, or with spaces and then one of =+-@, or with their full-width forms) is
 *    written with a leading apostrophe, which spreadsheets take as "this is text". Values
 *    from uploaded files ("=HYPERLINK(…)", "@SUM(1+1)") come back as the text they were.
 *    Numbers passed as numbers are never changed; pass figures as numbers, not strings.
 * 2. Quoting (RFC 4180): fields with a comma, quote, CR or LF, or leading or trailing
 *    spaces, are quoted, quotes doubled.
 * 3. A UTF-8 byte-order mark and CRLF line ends, so that Excel opens Persian text as
 *    Persian rather than as mojibake.
 *
 * The same cell rule serves XLSX writers (neutralizeCell). Reference:
 * https://owasp.org/www-community/attacks/CSV_Injection
 */

export type Cell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 quoting of one field (no neutralisation: see csvCell for a spreadsheet). */
export function csvField(value: Cell): string {
	if (value === null || value === undefined) return '';
	const s = typeof value === 'string' ? value : String(value);
	return NEEDS_QUOTES.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

// Starts a formula in Excel, LibreOffice or Google Sheets, directly or after spaces.
const FORMULA_START = /^(?:[\t\r\n\0]|[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** A text value as a spreadsheet must receive it: prefixed with ' when it would run as a formula. */
export function neutralizeCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell for a CSV meant for spreadsheets: neutralised text, then quoted. */
export function csvCell(value: Cell): string {
	return csvField(typeof value === 'string' ? neutralizeCell(value) : value);
}

const BOM = '\uFEFF';

/** A whole CSV document for spreadsheets: BOM, header, rows, CRLF line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
	const lines = [header.map(csvCell).join(',')];
	for (const row of rows) lines.push(row.map(csvCell).join(','));
	return BOM + lines.join('\r\n') + '\r\n';
}

/** A file name safe in a Content-Disposition header (ASCII fallback plus the UTF-8 name). */
export function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\w.-]+/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** An HTTP response that downloads `csv` (from toCsv) as `fileName`. */
export function csvResponse(fileName: string, csv: string): Response {
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': contentDisposition(fileName),
			'cache-control': 'no-store'
		}
	});
}
