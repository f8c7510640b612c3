/**
 * How a CSV sample is laid out: its delimiter and which row is the header. Pure functions on
 * text and rows, used by the upload page's worker (the preview) and tested without a browser.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function isDelimiter(s: string | null | undefined): s is Delimiter {
	return (DELIMITERS as readonly string[]).includes(s ?? '');
}

/** Count a delimiter in each line, outside quotes (a quoted field may hold it, or a line break). */
function countsPerLine(text: string, delimiter: string, maxLines: number): number[] {
	const counts: number[] = [];
	let quoted = false;
	let n = 0;
	for (let i = 0; i < text.length && counts.length < maxLines; i++) {
		const ch = text[i];
		if (ch === '"') {
			if (quoted && text[i + 1] === '"') i++;
			else quoted = !quoted;
		} else if (!quoted && ch === delimiter) n++;
		else if (!quoted && ch === '\n') {
			counts.push(n);
			n = 0;
		}
	}
	return counts;
}

/**
 * The delimiter that splits the most lines into the same number of fields (the header and the
 * rows agree); lines above the header (a report title) may disagree. Comma when nothing splits.
 */
export function guessDelimiter(text: string): Delimiter {
	let best: Delimiter = ',';
	let bestScore = 0;
	for (const d of DELIMITERS) {
		const counts = countsPerLine(text, d, 60).filter((c) => c > 0);
		if (!counts.length) continue;
		const freq = new Map<number, number>();
		for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
		const [mode, lines] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
		// Lines that agree, weighted by fields: a comma inside free text agrees less often.
		const score = lines * Math.log2(mode + 1);
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}

/**
 * The row (0-based) that is the header: the first row as wide as most rows, with a name in most
 * of its cells and not made of numbers and dates. Rows above it are titles or notes of the
 * export ("Report of 1403/08/15"), left out on load.
 */
export function detectHeaderRow(rows: string[][]): number {
	const widths = new Map<number, number>();
	for (const r of rows) if (r.length > 1) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
	if (!widths.size) return 0;
	const width = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
	const looksLikeValue = (s: string) => /^[\s\d۰-۹٠-٩.,:/+\-TZ]*$/.test(s);
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i]!;
		if (r.length !== width) continue;
		const named = r.filter((c) => c.trim() !== '' && !looksLikeValue(c.trim())).length;
		if (named >= Math.ceil(width / 2)) return i;
	}
	return rows.findIndex((r) => r.length === width);
}
