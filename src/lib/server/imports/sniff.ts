/**
 * What a dropped file is before anything reads it: its hash (to recognise a file already
 * loaded), its format, its text encoding, or why it cannot be read at all.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { inEnglish, problem, type Problem, type ProblemKey } from '../../i18n/translate';
import { censusCounter, type TextCensus } from './native/census';

export type FileFormat = 'csv' | 'json' | 'ndjson' | 'parquet';

export interface Sniffed {
	sha256: string;
	size: number;
	format: FileFormat;
	/** A WHATWG encoding label for TextDecoder (utf-8, utf-16le, windows-1252, …); null for Parquet. */
	encoding: string | null;
	notes: Problem[];
	/** Line structure of the bytes as they are (for the DuckDB path, ./native/); null for Parquet. */
	census: TextCensus | null;
}

/** The file cannot be read at all; it goes to failed/ with this problem. */
export class UnreadableFileError extends Error {
	/** Hash and size, when they were read before the file was found unreadable. */
	sha256 = '';
	size = 0;
	constructor(readonly problem: Problem) {
		super(inEnglish(problem));
	}
}

function unreadable(key: ProblemKey, sha256: string, size: number): UnreadableFileError {
	const e = new UnreadableFileError(problem(key));
	e.sha256 = sha256;
	e.size = size;
	return e;
}

const CHUNK = 1 << 20;

/** The bytes of an incomplete UTF-8 sequence at the end of a chunk, carried into the next. */
function completeUtf8Prefix(buf: Buffer): number {
	let i = buf.length - 1;
	let continuation = 0;
	while (i >= 0 && continuation < 3 && (buf[i]! & 0xc0) === 0x80) {
		i--;
		continuation++;
	}
	if (i < 0) return buf.length;
	const lead = buf[i]!;
	const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	return buf.length - i < need ? i : buf.length;
}

/** Count lines that hold valid non-ASCII UTF-8 and lines that are not valid UTF-8. */
async function utf8LineCensus(file: string): Promise<{ validNonAscii: number; invalid: number }> {
	const data = await fs.promises.readFile(file);
	let validNonAscii = 0;
	let invalid = 0;
	let start = 0;
	while (start < data.length) {
		let end = data.indexOf(10, start);
		if (end === -1) end = data.length;
		const line = data.subarray(start, end);
		if (line.some((b) => b >= 0x80)) {
			if (isUtf8(line)) validNonAscii++;
			else invalid++;
		}
		start = end + 1;
	}
	return { validNonAscii, invalid };
}

/** The format a file name says (by its extension), or null when it names none the product reads. */
export function formatFromName(name: string): FileFormat | null {
	const ext = path.extname(name).toLowerCase();
	if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
	if (ext === '.json') return 'json';
	if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
	if (ext === '.parquet') return 'parquet';
	return null;
}

export async function sniffFile(file: string, fallbackEncoding = 'windows-1252'): Promise<Sniffed> {
	const stat = await fs.promises.stat(file);
	const hash = crypto.createHash('sha256');
	let head: Buffer | null = null;
	let utf8 = true;
	let carry = Buffer.alloc(0);
	const census = censusCounter();
	for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		census.add(chunk);
		if (!head) head = chunk.subarray(0, 65536);
		if (utf8) {
			const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
			const cut = completeUtf8Prefix(buf);
			if (!isUtf8(buf.subarray(0, cut))) utf8 = false;
			carry = Buffer.from(buf.subarray(cut));
		}
	}
	if (carry.length) utf8 = false;
	head ??= Buffer.alloc(0);
	const sha256 = hash.digest('hex');
	const notes: Problem[] = [];
	if (stat.size === 0) throw unreadable('problem.emptyFile', sha256, 0);

	if (head.subarray(0, 4).toString('latin1') === 'PAR1') return { sha256, size: stat.size, format: 'parquet', encoding: null, notes, census: null };
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
		throw unreadable('problem.zipFile', sha256, stat.size);
	}
	let encoding: string;
	if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
	else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
	else {
		const controls = head.reduce((n, b) => n + (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20) ? 1 : 0), 0);
		if (head.includes(0) || controls > head.length * 0.05) {
			throw unreadable('problem.binaryFile', sha256, stat.size);
		}
		if (utf8) encoding = 'utf-8';
		else {
			const census = await utf8LineCensus(file);
			if (census.validNonAscii === 0) {
				encoding = fallbackEncoding;
				notes.push(problem('problem.readAsLegacy', { encoding: fallbackEncoding }));
			} else {
				encoding = 'utf-8';
				notes.push(problem('problem.mixedEncoding', { count: census.invalid }));
			}
		}
	}
	const byName = formatFromName(file);
	let format: FileFormat;
	if (byName === 'parquet') throw unreadable('problem.notParquet', sha256, stat.size);
	if (byName === 'json' || byName === 'ndjson') format = byName;
	else {
		const first = new TextDecoder(encoding).decode(head).trimStart()[0];
		format = byName === 'csv' ? 'csv' : first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
	}
	if (format === 'json') {
		const first = new TextDecoder(encoding).decode(head).trimStart()[0];
		if (first === '{' && /\}\s*\r?\n\s*\{/.test(new TextDecoder(encoding).decode(head))) format = 'ndjson';
	}
	return { sha256, size: stat.size, format, encoding, notes, census: census.result() };
}
