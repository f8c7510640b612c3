/**
 * A spreadsheet cell as the text the loader reads, the same in the browser's preview and in
 * the server's conversion of an XLSX upload to CSV: numbers without grouping, true/false, and
 * Excel dates (which carry no zone: read-excel-file gives them as UTC) as wall-clock text,
 * 'YYYY-MM-DD' at midnight and 'YYYY-MM-DD HH:MM:SS' otherwise.
 */
export type SheetCell = string | number | boolean | Date | null | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

export function cellText(v: SheetCell): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) {
		if (Number.isNaN(v.getTime())) return '';
		// Excel keeps times as fractions of a day: 09:29:59.999 is 09:30.
		const d = new Date(Math.round(v.getTime() / 1000) * 1000);
		const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
		const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
		return time === '00:00:00' ? day : `${day} ${time}`;
	}
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	return String(v);
}
