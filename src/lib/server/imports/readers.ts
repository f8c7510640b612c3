/**
 * Readers turn a file into a header and a stream of SourceRecords, whatever its format.
 * CSV streams through papaparse (delimiter detected), JSON is an array of objects (or an
 * object holding one), NDJSON is one object per line, Parquet is read by DuckDB.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { problem } from '../../i18n/translate';
import type { Database } from '../db/database';
import { normalizeName, type SourceRecord } from './mapping';
import { jsonDepth, MAX_JSON_DEPTH } from './reasons';
import { UnreadableFileError, type Sniffed } from './sniff';

export interface FileReader {
	/** Column names as written in the file (null for JSON, whose records name their own keys). */
	headers: string[] | null;
	/** Hand every record to onRecord, in file order; onRecord must not be async. */
	forEach(onRecord: (rec: SourceRecord) => void): Promise<void>;
	/**
	 * JSON: the keys of the first records (nested ones as dotted paths such as "via.channel"),
	 * to recognise the layout by, as a header does for CSV.
	 */
	sampleKeys?(): Promise<string[]>;
	close(): void;
	/** For CSV: the separator papaparse detected, and the blank lines before the header. */
	csv?: CsvLayout;
}

export interface CsvLayout {
	delimiter: string;
	headerIndex: number;
}

/** How many records' keys stand for a JSON file's layout. */
const SAMPLE_RECORDS = 50;

/** The keys of an object, nested objects' keys as dotted paths (a few levels deep). */
function keysOf(obj: unknown, into: Set<string>, prefix = '', depth = 0): void {
	if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
	for (const [k, v] of Object.entries(obj)) {
		const key = prefix + k;
		into.add(key);
		if (depth < 3) keysOf(v, into, key + '.', depth + 1);
	}
}

function decoder(encoding: string): Transform {
	const td = new TextDecoder(encoding);
	return new Transform({
		readableObjectMode: false,
		decodeStrings: true,
		transform(chunk: Buffer, _enc, cb) {
			cb(null, td.decode(chunk, { stream: true }));
		},
		flush(cb) {
			cb(null, td.decode());
		}
	});
}

function newlines(s: string): number {
	let n = 0;
	for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
	return n;
}

async function csvReader(file: string, sniffed: Sniffed): Promise<FileReader> {
	// The header first, from the start of the file (enough bytes for any sane header line).
	const headText = await readHead(file, sniffed.encoding ?? 'utf-8');
	// Blank lines are left out here so they do not confuse delimiter detection.
	const headParse = Papa.parse<string[]>(headText, { header: false, preview: 50, skipEmptyLines: 'greedy' });
	const headerIndex = (/^(?:[ \t]*\r?\n)*/.exec(headText)?.[0].match(/\n/g) ?? []).length;
	const headerRow = headParse.data[0];
	if (!headerRow) throw new UnreadableFileError(problem('problem.noHeader'));
	const headers = headerRow.map((h) => h.replace(/^\uFEFF/, ''));
	if (new Set(headers.map(normalizeName)).size !== headers.length) {
		const seen = new Set<string>();
		const dup = headers.find((h) => (seen.has(normalizeName(h)) ? true : (seen.add(normalizeName(h)), false)));
		throw new UnreadableFileError(problem('problem.duplicateColumn', { column: dup ?? '' }));
	}
	const index = new Map(headers.map((h, i) => [normalizeName(h), i]));
	const width = headers.length;
	const delimiter = headParse.meta.delimiter;
	let input: fs.ReadStream | null = null;

	// Rows are handed over synchronously from papaparse's step callback: the consumer's work
	// (mapping, appending) is synchronous too, so the stream never runs ahead of it.
	function forEach(onRecord: (rec: SourceRecord) => void): Promise<void> {
		return new Promise((resolve, reject) => {
			input = fs.createReadStream(file);
			let line = 1;
			let row = 0;
			let record = 0;
			Papa.parse<string[]>(input.pipe(decoder(sniffed.encoding ?? 'utf-8')) as unknown as File, {
				header: false,
				delimiter,
				skipEmptyLines: false,
				step(results) {
					const fields = results.data;
					const startLine = line;
					line += 1 + fields.reduce((n, f) => n + newlines(f), 0);
					row++;
					if (row <= headerIndex + 1 || isBlankRow(fields)) return;
					record++;
					const raw = () => Papa.unparse([fields], { newline: '\n', delimiter });
					if (fields.length !== width) {
						onRecord({ line: startLine, record, raw, get: () => undefined, problem: problem('problem.wrongWidth', { expected: width, found: fields.length }) });
						return;
					}
					onRecord({
						line: startLine,
						record,
						raw,
						get: (column) => {
							const i = index.get(column);
							return i === undefined ? undefined : fields[i]!;
						}
					});
				},
				complete: () => resolve(),
				error: (e: Error) => reject(e)
			});
		});
	}
	return { headers, forEach, close: () => input?.destroy(), csv: { delimiter, headerIndex } };
}

export function isBlankRow(fields: string[]): boolean {
	return fields.length === 1 && fields[0]!.trim() === '';
}

async function readHead(file: string, encoding: string): Promise<string> {
	const handle = await fs.promises.open(file, 'r');
	try {
		const buf = Buffer.alloc(256 * 1024);
		const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
		return new TextDecoder(encoding).decode(buf.subarray(0, bytesRead), { stream: true });
	} finally {
		await handle.close();
	}
}

function jsonValue(v: unknown): string | null | undefined {
	if (v === undefined) return undefined;
	if (v === null) return null;
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return JSON.stringify(v);
}

export function objectRecord(obj: unknown, line: number | null, record: number, raw: () => string): SourceRecord {
	const normalized = new Map<string, unknown>();
	if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
		for (const [k, v] of Object.entries(obj)) normalized.set(normalizeName(k), v);
	}
	return {
		line,
		record,
		raw,
		get(column) {
			if (normalized.has(column)) return jsonValue(normalized.get(column));
			if (!column.includes('.')) return undefined;
			let cur: unknown = obj;
			for (const part of column.split('.')) {
				if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
				const entry = Object.entries(cur).find(([k]) => normalizeName(k) === part);
				if (!entry) return undefined;
				cur = entry[1];
			}
			return jsonValue(cur);
		}
	};
}

/** A JSON file is parsed whole; past this size it must be NDJSON (one record per line, streamed). */
export const MAX_WHOLE_JSON_BYTES = 256 * 1024 * 1024;

async function jsonReader(file: string, sniffed: Sniffed): Promise<FileReader> {
	if (sniffed.size > MAX_WHOLE_JSON_BYTES) throw new UnreadableFileError(problem('problem.fileTooLargeToReadWhole', { sizeMb: Math.round(sniffed.size / 2 ** 20), maxMb: MAX_WHOLE_JSON_BYTES / 2 ** 20 }));
	const text = new TextDecoder(sniffed.encoding ?? 'utf-8').decode(await fs.promises.readFile(file));
	// Checked before parsing: deeply nested values overflow the stack of any recursive code after.
	const nesting = jsonDepth(text);
	if (nesting.line !== null) throw new UnreadableFileError(problem('problem.jsonTooDeep', { max: MAX_JSON_DEPTH, line: nesting.line }));
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (e) {
		throw new UnreadableFileError(problem('problem.badJson', { detail: (e as Error).message }));
	}
	let items: unknown[] | null = Array.isArray(parsed) ? parsed : null;
	if (!items && parsed && typeof parsed === 'object') {
		const arrays = Object.values(parsed).filter(Array.isArray);
		if (arrays.length === 1) items = arrays[0] as unknown[];
	}
	if (!items) throw new UnreadableFileError(problem('problem.noRecords'));
	const list = items;
	async function forEach(onRecord: (rec: SourceRecord) => void) {
		for (let i = 0; i < list.length; i++) {
			const item = list[i];
			onRecord(objectRecord(item, null, i + 1, () => JSON.stringify(item)));
		}
	}
	async function sampleKeys() {
		const keys = new Set<string>();
		for (const item of list.slice(0, SAMPLE_RECORDS)) keysOf(item, keys);
		return [...keys];
	}
	return { headers: null, forEach, sampleKeys, close: () => {} };
}

/** A line of NDJSON that holds no record (JavaScript's trim() leaves nothing). */
export const isBlankLine = (text: string) => text.trim() === '';

/** The record of one non-blank NDJSON line: the object, or why the line cannot be read. */
export function ndjsonRecord(text: string, line: number, record: number): SourceRecord {
	if (jsonDepth(text).line !== null) return { line, record, raw: () => text, get: () => undefined, problem: problem('problem.jsonTooDeep', { max: MAX_JSON_DEPTH, line }) };
	let obj: unknown;
	try {
		obj = JSON.parse(text);
	} catch (e) {
		return { line, record, raw: () => text, get: () => undefined, problem: problem('problem.badJsonLine', { detail: (e as Error).message }) };
	}
	return objectRecord(obj, line, record, () => text);
}

async function ndjsonReader(file: string, sniffed: Sniffed): Promise<FileReader> {
	let input: fs.ReadStream | null = null;
	async function forEach(onRecord: (rec: SourceRecord) => void) {
		// Opened here, not earlier: readline drops lines emitted before iteration starts.
		input = fs.createReadStream(file);
		const lines = readline.createInterface({ input: input.pipe(decoder(sniffed.encoding ?? 'utf-8')), crlfDelay: Infinity });
		let line = 0;
		let record = 0;
		for await (const text of lines) {
			line++;
			if (isBlankLine(text)) continue;
			record++;
			onRecord(ndjsonRecord(text, line, record));
		}
	}
	async function sampleKeys() {
		const keys = new Set<string>();
		const sample = fs.createReadStream(file);
		const lines = readline.createInterface({ input: sample.pipe(decoder(sniffed.encoding ?? 'utf-8')), crlfDelay: Infinity });
		let seen = 0;
		try {
			for await (const text of lines) {
				if (text.trim() === '' || jsonDepth(text).line !== null) continue;
				try {
					keysOf(JSON.parse(text), keys);
				} catch {
					continue;
				}
				if (++seen >= SAMPLE_RECORDS) break;
			}
		} finally {
			lines.close();
			sample.destroy();
		}
		return [...keys];
	}
	return { headers: null, forEach, sampleKeys, close: () => input?.destroy() };
}

async function parquetReader(file: string, db: Database): Promise<FileReader> {
	let headers: string[];
	try {
		headers = await db.withConnection(async (c) => (await c.runAndReadAll('select * from read_parquet($path) limit 0', { path: file })).columnNames());
	} catch (e) {
		throw new UnreadableFileError(problem('problem.unreadableParquet', { detail: (e as Error).message }));
	}
	const index = new Map(headers.map((h, i) => [normalizeName(h), i]));
	async function forEach(onRecord: (rec: SourceRecord) => void) {
		// A connection of its own, streamed chunk by chunk; all columns as text, so that
		// Parquet values go through the same checks as CSV ones.
		const conn = await db.connect();
		try {
			const result = await conn.stream('select columns(*)::varchar from read_parquet($path)', { path: file });
			let record = 0;
			for (;;) {
				const chunk = await result.fetchChunk();
				if (!chunk || chunk.rowCount === 0) break;
				for (const fields of chunk.getRows() as (string | null)[][]) {
					record++;
					onRecord({
						line: null,
						record,
						raw: () => JSON.stringify(Object.fromEntries(headers.map((h, j) => [h, fields[j]]))),
						get: (column) => {
							const j = index.get(column);
							return j === undefined ? undefined : fields[j]!;
						}
					});
				}
			}
		} finally {
			conn.closeSync();
		}
	}
	return { headers, forEach, close: () => {} };
}

export async function openReader(file: string, sniffed: Sniffed, db: Database): Promise<FileReader> {
	switch (sniffed.format) {
		case 'csv':
			return csvReader(file, sniffed);
		case 'json':
			return jsonReader(file, sniffed);
		case 'ndjson':
			return ndjsonReader(file, sniffed);
		case 'parquet':
			return parquetReader(file, db);
	}
}
