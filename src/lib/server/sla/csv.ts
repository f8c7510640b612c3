/**
 * CSV for downloads (the at-risk list): UTF-8 with a byte-order mark, so spreadsheet programs
 * read Persian text right, CRLF line ends, and cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) prefixed with a quote (OWASP "CSV injection").
 * Small and local until the product has a shared export writer.
 */
import Papa from 'papaparse';

export function csvWithBom(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
	return '\uFEFF' + Papa.unparse({ fields: header, data: rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))) }, { newline: '\r\n', escapeFormulae: true });
}
