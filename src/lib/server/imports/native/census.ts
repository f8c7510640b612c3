/**
 * A count of the line structure of a text file, taken from its bytes while the file is hashed
 * (../sniff.ts), so that the DuckDB path can tell, without reading the file again, whether
 * DuckDB's CSV reader will see the same records as papaparse and where each record starts.
 *
 * What it looks for:
 * - the line ends: all "\n" or all "\r\n" (a mix, or a lone "\r", reads differently);
 * - a field that starts with blanks before a quote (` "x"`): papaparse keeps the blanks and
 *   the quotes as text, DuckDB drops them and unquotes;
 * - how many lines the file has, and how many empty lines end it, to check after the read
 *   that no empty line lay between records (DuckDB skips those without a trace).
 * Counts are of bytes, so they hold for UTF-8 (and for any encoding after transcoding).
 */

import { isAscii } from 'node:buffer';

export interface TextCensus {
	/** "\n" bytes. */
	lf: number;
	/** "\r\n" pairs. */
	crlf: number;
	/** "\r" bytes not followed by "\n". */
	loneCr: number;
	/** Whether the file holds a double quote at all (quoted fields may then hold line breaks). */
	quotes: boolean;
	/** Whether any byte is outside ASCII (then values may need JavaScript's trimming or lower-casing, or hold Persian digits). */
	nonAscii: boolean;
	/** Whether the file holds a tab, vertical tab or form feed (spaces that JavaScript's trim() removes besides " "). */
	otherSpaces: boolean;
	/** Blanks between a separator (or a line start) and a quote: ` "x"`. */
	blankBeforeQuote: number;
	/** Bytes counted. */
	bytes: number;
	/** Whether the last byte is "\n". */
	endsWithLf: boolean;
	/** Empty lines at the very end, after the last line with text ("x\n\n\n": 2). */
	trailingEmptyLines: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** Bytes that may stand before a field: the separators papaparse detects, and line ends. */
const FIELD_START = new Set([0x2c, 0x3b, 0x09, 0x7c, 0x1e, 0x1f, LF, CR]);

export interface CensusCounter {
	add(chunk: Buffer): void;
	result(): TextCensus;
}

export function censusCounter(): CensusCounter {
	const c: TextCensus = { lf: 0, crlf: 0, loneCr: 0, quotes: false, nonAscii: false, otherSpaces: false, blankBeforeQuote: 0, bytes: 0, endsWithLf: false, trailingEmptyLines: 0 };
	let pendingCr = false; // the previous chunk ended with "\r"
	/** The end of the previous chunk, so that a pattern across two chunks is seen. */
	let carry = Buffer.alloc(0);

	return {
		add(chunk) {
			if (chunk.length === 0) return;
			if (pendingCr) {
				if (chunk[0] === LF) c.crlf++;
				else c.loneCr++;
				pendingCr = false;
			}
			for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) c.lf++;
			for (let i = chunk.indexOf(CR); i !== -1; i = chunk.indexOf(CR, i + 1)) {
				if (i + 1 === chunk.length) pendingCr = true;
				else if (chunk[i + 1] === LF) c.crlf++;
				else c.loneCr++;
			}
			if (!c.quotes && chunk.indexOf(QUOTE) !== -1) c.quotes = true;
			if (!c.nonAscii && !isAscii(chunk)) c.nonAscii = true;
			if (!c.otherSpaces && (chunk.indexOf(0x09) !== -1 || chunk.indexOf(0x0b) !== -1 || chunk.indexOf(0x0c) !== -1)) c.otherSpaces = true;
			const view = carry.length ? Buffer.concat([carry, chunk]) : chunk;
			if (c.quotes) {
				for (const pattern of BLANK_QUOTE) {
					// Only matches whose quote is in this chunk: the others were counted with the previous one.
					for (let i = view.indexOf(pattern, Math.max(0, carry.length - 1)); i !== -1; i = view.indexOf(pattern, i + 1)) {
						let k = i;
						while (k > 0 && (view[k - 1] === 0x20 || view[k - 1] === 0x09)) k--;
						// k = 0: the start of the file, or blanks longer than the carry (counted: an overcount only costs speed).
						if (k === 0 || FIELD_START.has(view[k - 1]!)) c.blankBeforeQuote++;
					}
				}
			}
			carry = Buffer.from(view.subarray(Math.max(0, view.length - 64)));
			c.bytes += chunk.length;
		},
		result() {
			if (pendingCr) c.loneCr++;
			pendingCr = false;
			c.endsWithLf = carry.length > 0 && carry[carry.length - 1] === LF;
			c.trailingEmptyLines = trailingEmptyLines(carry);
			return { ...c };
		}
	};
}

const BLANK_QUOTE = [Buffer.from(' "'), Buffer.from('\t"')];

/** Empty lines after the last line with text: "a\n\n" has one, "a\r\n\r\n\r\n" two, "a\n" none. */
function trailingEmptyLines(tail: Buffer): number {
	let i = tail.length;
	let ends = 0;
	while (i > 0) {
		if (tail[i - 1] === LF) {
			ends++;
			i--;
			if (i > 0 && tail[i - 1] === CR) i--;
		} else break;
	}
	// The first line end closes the last line with text; the others close empty lines.
	return Math.max(0, ends - 1);
}

/** Lines in the file: its line ends, plus one when the last line has none. */
export function lineCount(c: TextCensus): number {
	return c.lf + (c.bytes > 0 && !c.endsWithLf ? 1 : 0);
}
