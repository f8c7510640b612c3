/**
 * The DuckDB path of a file's load: DuckDB reads the file (read_csv with explicit columns,
 * all text; read_parquet) and the SQL of ./sql.ts maps, types and checks every row, into the
 * same `stage` table the JavaScript path fills (../staging.ts). Rows the SQL is not sure of,
 * and the records DuckDB's reader refused (a wrong number of fields), go through the
 * JavaScript mapping (../mapping.ts) with the line, record number and text the JavaScript
 * reader would have given them, so their reason (or their values) are the JavaScript path's.
 *
 * It runs on the load's connection before the file's transaction begins (DuckDB aborts a
 * transaction on a failed read, and a failed read here means: load it with JavaScript), and
 * writes temporary tables only; the transaction then upserts from `stage` as it would from the
 * JavaScript path's. Peak memory stays DuckDB's (memory_limit, spilling to temp_directory):
 * no row of the file passes through JavaScript unless it is routed.
 *
 * Record numbers and lines of routed rows: DuckDB gives a refused record's position among the
 * records (its "line", blank lines included), and the good rows come out in file order. The
 * census of the file's bytes (./census.ts) says how many lines it has; when they add up to the
 * header, the rows, the line breaks inside quoted fields and the refused records, no empty
 * line lies between records and every routed row's line is known. When they do not add up and
 * some row needs its line, the file is loaded by the JavaScript path instead.
 */
import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { problem } from '../../../i18n/translate';
import { log } from '../../log';
import { storageProblemOf } from '../../storage';
import { keyFields } from '../datasets';
import { mappingColumns, normalizeName, type CompiledMapping, type SourceRecord } from '../mapping';
import { isBlankRow, ndjsonRecord } from '../readers';
import { appendNullable, appendReject, CREATE_STAGE_REJECTS, quote } from '../staging';
import { censusCounter, lineCount, type TextCensus } from './census';
import { generateSql } from './sql';
import { censusSupport, type FileFacts } from './support';

export interface NativeStaged {
	ok: true;
	rowsRead: number;
	/** Rows in `stage`, before duplicates of a key are removed. */
	good: number;
	rejected: number;
	skipped: number;
	/** Skip reasons with their counts, in the order they first occur in the file. */
	skipReasons: [string, number][];
	/** Rows handed to the JavaScript mapping (unsure or refused by DuckDB's reader). */
	routed: number;
	/** Deletes from `stage` every row but the last of each key. */
	dedupe: string;
}

export type NativeResult = NativeStaged | { ok: false; reason: string };

export interface NativeInput {
	conn: DuckDBConnection;
	file: string;
	facts: FileFacts;
	mapping: CompiledMapping;
	/** Folder for a UTF-8 copy of a file in another encoding (removed after the read). */
	tmpDir?: string;
	/** Where storage problems are judged (the data folder). */
	dataDir: string;
}

const WIDTH_ERRORS = new Set(['MISSING COLUMNS', 'TOO MANY COLUMNS']);
/** Temporary tables of this module besides stage and stage_rejects. */
export const NATIVE_TEMP_TABLES = ['native_rejects', 'native_scans', 'native_js_rows'];

class Fallback extends Error {}

export async function stageNative(input: NativeInput): Promise<NativeResult> {
	const { conn, facts } = input;
	let transcoded: string | null = null;
	try {
		let file = input.file;
		let census = facts.census;
		const text = facts.format === 'csv' || facts.format === 'ndjson';
		if (text && (facts.encoding !== 'utf-8' || facts.notes.some((n) => n.key === 'problem.mixedEncoding'))) {
			const copy = await transcode(file, facts.encoding ?? 'utf-8', input.tmpDir ?? os.tmpdir());
			transcoded = copy.file;
			file = copy.file;
			census = copy.census;
		}
		if (text) {
			const support = censusSupport(census);
			if (!support.ok) return support;
		}
		return await stage(input, file, census);
	} catch (e) {
		if (storageProblemOf(e, input.dataDir)) throw e;
		if (e instanceof Fallback) return { ok: false, reason: e.message };
		const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
		return { ok: false, reason: `DuckDB did not read the file: ${message}` };
	} finally {
		if (transcoded) fs.rmSync(transcoded, { force: true });
	}
}

/** A UTF-8 copy of a file in another encoding, decoded as the JavaScript reader decodes it (TextDecoder, streaming). */
async function transcode(file: string, encoding: string, dir: string): Promise<{ file: string; census: TextCensus }> {
	fs.mkdirSync(dir, { recursive: true });
	const out = path.join(dir, `.care-utf8-${process.pid}-${Date.now()}-${path.basename(file)}.csv`);
	const decoder = new TextDecoder(encoding);
	const census = censusCounter();
	const fd = fs.openSync(out, 'w');
	try {
		for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
			const bytes = Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
			census.add(bytes);
			fs.writeSync(fd, bytes);
		}
		const rest = Buffer.from(decoder.decode(), 'utf8');
		census.add(rest);
		fs.writeSync(fd, rest);
	} finally {
		fs.closeSync(fd);
	}
	return { file: out, census: census.result() };
}

async function run(conn: DuckDBConnection, sql: string, params?: Record<string, DuckDBValue>, types?: Parameters<DuckDBConnection['run']>[2]) {
	return conn.run(sql, params, types);
}

async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
	return (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[];
}

/** A refused record of DuckDB's CSV reader: where it is among the records, and its text. */
interface Refused {
	/** 1-based position among the data records, blank lines included. */
	item: number;
	text: string;
	fields: string[];
	blank: boolean;
	newlines: number;
}

const countNewlines = (s: string) => {
	let n = 0;
	for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
	return n;
};

/** Time (wall and CPU) of each step, logged at debug level. */
export function stopwatch(file: string) {
	let t = performance.now();
	let u = process.cpuUsage();
	return (step: string) => {
		const cpu = process.cpuUsage(u);
		log().debug({ file: path.basename(file), step, ms: Math.round(performance.now() - t), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }, 'load step');
		t = performance.now();
		u = process.cpuUsage();
	};
}

async function stage(input: NativeInput, file: string, census: TextCensus | null): Promise<NativeResult> {
	const { conn, facts, mapping } = input;
	const lap = stopwatch(input.file);
	const csv = facts.format === 'csv';
	const ndjson = facts.format === 'ndjson';
	for (const t of NATIVE_TEMP_TABLES) await conn.run(`drop table if exists ${t}`);
	const json = ndjson ? await ndjsonSource(conn, file, mapping) : null;
	// NDJSON: one column per column the mapping reads (./ndjson below); CSV, Parquet: the file's.
	const headers = json ? json.columns : facts.headers!;
	const width = headers.length;
	const names = headers.map((_, i) => `c${i}`);
	// The column of a normalized name: for CSV each name is unique (readers.ts refuses
	// duplicates); for Parquet the last column of a name, as the JavaScript reader's Map keeps it.
	const index = new Map(headers.map((h, i) => [normalizeName(h), i]));
	const column = (name: string) => {
		const i = index.get(name);
		return i === undefined ? undefined : names[i];
	};
	const delimiter = facts.csv?.delimiter ?? ',';
	const withNewlines = csv && (census?.quotes ?? true);
	const keep = [
		...(json ? ['case when _route then l end as l', '_blank'] : names.map((c) => `case when _route then ${c} end as ${c}`)),
		'cast(null as bigint) as _g',
		...(withNewlines ? [`${names.map((c) => `(strlen(${c}) - strlen(replace(${c}, chr(10), '')))`).join(' + ')} as _nl`] : [])
	];
	// What the bytes say about every value (./census.ts) spares the SQL checks that cannot matter.
	const known = csv && census ? { ascii: !census.nonAscii, spacesOnly: !census.otherSpaces && !census.quotes } : {};
	const generated = generateSql(mapping, {
		column,
		maxYear: new Date().getUTCFullYear() + 1,
		keep,
		known,
		...(json ? { srcUnsure: '_junsure', srcIgnore: '_blank' } : {})
	});
	const columns = `{${names.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`;
	const reader = csv
		? `select * from read_csv($path, columns = ${columns}, header = true, auto_detect = false, delim = $delim, quote = '"', escape = '"', ` +
			`force_not_null = [${names.map((c) => `'${c}'`).join(', ')}], allow_quoted_nulls = false, strict_mode = true, ` +
			`store_rejects = true, rejects_table = 'native_rejects', rejects_scan = 'native_scans')`
		: json
			? json.select
			: `select * from (select columns(*)::varchar from read_parquet($path)) as p(${names.join(', ')})`;
	await run(
		conn,
		`create or replace temp table stage as with src as (${reader}), mapped as (${generated.select}) select * from mapped`,
		{ ...generated.params, path: file, ...(csv ? { delim: delimiter } : {}), ...(json?.params ?? {}) },
		{ ...generated.types, ...(json?.types ?? {}) }
	);
	await conn.run(CREATE_STAGE_REJECTS);
	lap('read, map and check');

	const [counts] = await rows<{ rows: number; routed: number; skipped: number; newlines: number | null; blank: number }>(
		conn,
		`select cast(count(*) as integer) as rows, cast(count(*) filter (where _route) as integer) as routed, cast(count(*) filter (where _skip is not null and not _route) as integer) as skipped${withNewlines ? ', cast(sum(_nl) as bigint) as newlines' : ', 0 as newlines'}${json ? ', cast(count(*) filter (where _blank) as integer) as blank' : ', 0 as blank'} from stage`
	);
	// NDJSON: a row per line, blank lines included (they are no records).
	const goodRows = counts!.rows - counts!.blank;
	if (json) {
		const [refusedLines] = await rows<{ n: number }>(conn, 'select cast(count(*) as integer) as n from native_rejects');
		if (refusedLines!.n > 0) throw new Fallback('lines DuckDB could not read as one text each');
		if (counts!.rows !== lineCount(census!)) throw new Fallback(`DuckDB read ${counts!.rows} lines of ${lineCount(census!)}`);
	}
	const goodNewlines = Number(counts!.newlines ?? 0);

	// Records DuckDB's reader refused: a wrong number of fields is the JavaScript path's reject
	// (or, for a line of blanks, its blank line); anything else means the readers disagree.
	const refused: Refused[] = [];
	if (csv) {
		const errors = await rows<{ line: number; error_type: string; csv_line: string }>(
			conn,
			`select cast(line as bigint) as line, any_value(error_type) as error_type, any_value(csv_line) as csv_line, bool_and(error_type in ('MISSING COLUMNS', 'TOO MANY COLUMNS')) as width from native_rejects group by line order by line`
		);
		for (const e of errors) {
			if (!WIDTH_ERRORS.has(e.error_type)) throw new Fallback(`DuckDB's CSV reader refused line ${e.line} (${e.error_type})`);
			// The text of the record; DuckDB may start it with the line end before it.
			const text = e.csv_line.replace(/^(\r?\n)+/, '');
			const fields = Papa.parse<string[]>(text, { header: false, delimiter, newline: census && census.crlf > 0 ? '\r\n' : '\n' }).data[0] ?? [''];
			refused.push({ item: Number(e.line) - 1, text, fields, blank: isBlankRow(fields), newlines: countNewlines(text) });
		}
	}

	const routedCount = counts!.routed;
	if (csv && (routedCount > 0 || refused.length > 0)) {
		// Lines must add up (see the module's comment), else some record's line is unknown.
		const lines = lineCount(census!) - census!.trailingEmptyLines;
		const expected = 1 + goodRows + goodNewlines + refused.reduce((n, r) => n + 1 + r.newlines, 0);
		if (lines !== expected) throw new Fallback(`empty lines between records (${lines - expected}), so the lines of rows with problems are not known`);
	}

	// Refused records, in order: how many good rows come before each.
	const goodBefore = refused.map((r, j) => r.item - 1 - j);
	const csvPositions = new RecordPositions(refused, goodBefore, csv);
	const records: Positions = json ? await LinePositions.load(conn, counts!.routed > 0) : csvPositions;
	if (withNewlines && goodNewlines > 0 && (routedCount > 0 || refused.length > 0)) await csvPositions.loadNewlines(conn);

	lap('count and place');
	const skipOrder = new Map<number, { reason: string; count: number; first: number }>();
	const skipRules = mapping.spec.skip ?? [];
	for (const s of await rows<{ rule: number; n: number; first: number }>(
		conn,
		'select _skip as rule, cast(count(*) as integer) as n, cast(min(rowid) as bigint) + 1 as first from stage where _skip is not null and not _route group by _skip'
	)) {
		const reason = skipRules[s.rule - 1]!.reason;
		addSkip(skipOrder, reason, s.n, records.itemOfGood(Number(s.first)));
	}

	// The routed rows and refused records through the JavaScript mapping.
	const fieldNames = mapping.dataset.fields.map((f) => f.name);
	await conn.run(`create temp table native_js_rows (_g bigint, ${fieldNames.map((n) => `${quote(n)} varchar`).join(', ')})`);
	const accepted = await conn.createAppender('native_js_rows', 'main', 'temp');
	const rejects = await conn.createAppender('stage_rejects', 'main', 'temp');
	let rejected = 0;
	let jsAccepted = 0;
	let jsSkipped = 0;
	const handle = (rec: SourceRecord, g: number | null) => {
		const mapped = mapping.map(rec);
		if (mapped.kind === 'row') {
			if (g === null) throw new Error('a refused record mapped to a row');
			accepted.appendBigInt(BigInt(g));
			for (const v of mapped.values) appendNullable(accepted, v);
			accepted.endRow();
			jsAccepted++;
		} else if (mapped.kind === 'reject') {
			appendReject(rejects, rec, mapped.problem);
			rejected++;
		} else {
			addSkip(skipOrder, mapped.reason, 1, records.itemOf(rec));
			jsSkipped++;
		}
	};
	const rawOf = (fields: (string | null)[]): (() => string) =>
		csv
			? () => Papa.unparse([fields], { newline: '\n', delimiter })
			: () => JSON.stringify(Object.fromEntries(headers.map((h, j) => [h, fields[j]])));
	const getter = (fields: (string | null)[]) => (c: string) => {
		const i = index.get(c);
		return i === undefined ? undefined : fields[i]!;
	};
	let nextRefused = 0;
	const flushRefusedBefore = (item: number) => {
		for (; nextRefused < refused.length && refused[nextRefused]!.item < item; nextRefused++) {
			const r = refused[nextRefused]!;
			if (r.blank) continue;
			const pos = csvPositions.ofRefused(nextRefused);
			handle(
				{
					line: pos.line,
					record: pos.record,
					raw: () => Papa.unparse([r.fields], { newline: '\n', delimiter }),
					get: () => undefined,
					problem: problem('problem.wrongWidth', { expected: width, found: r.fields.length })
				},
				null
			);
		}
	};
	try {
		if (routedCount > 0) {
			const result = await conn.stream(`select cast(rowid as bigint) + 1 as g, ${json ? 'l' : names.join(', ')} from stage where _route order by rowid`);
			for (;;) {
				const chunk = await result.fetchChunk();
				if (!chunk || chunk.rowCount === 0) break;
				for (const row of chunk.getRows()) {
					const g = Number(row[0] as bigint);
					const pos = records.ofGood(g);
					if (json) {
						// The line as the JavaScript reader would take it (readers.ts).
						handle(ndjsonRecord(row[1] as string, pos.line, pos.record), g);
						continue;
					}
					const fields = row.slice(1) as (string | null)[];
					flushRefusedBefore(pos.item);
					handle({ line: csv ? pos.line : null, record: pos.record, raw: rawOf(fields), get: getter(fields) }, g);
				}
			}
		}
		flushRefusedBefore(Number.POSITIVE_INFINITY);
	} finally {
		accepted.closeSync();
		rejects.closeSync();
	}
	if (jsAccepted) {
		await conn.run(
			`insert into stage by name (select ${fieldNames.map(quote).join(', ')}, _g, true as _ok, false as _route from native_js_rows)`
		);
	}
	lap(`JavaScript mapping of ${routedCount + refused.length} rows`);
	await conn.run('delete from stage where not _ok');
	lap('drop rows not loaded');
	const nonBlankRefused = refused.filter((r) => !r.blank).length;
	const keys = keyFields(mapping.dataset).map(quote).join(', ');
	return {
		ok: true,
		rowsRead: goodRows + nonBlankRefused,
		good: goodRows - routedCount - counts!.skipped + jsAccepted,
		rejected,
		skipped: counts!.skipped + jsSkipped,
		skipReasons: [...skipOrder.values()].sort((a, b) => a.first - b.first).map((s) => [s.reason, s.count]),
		routed: routedCount + nonBlankRefused,
		dedupe: `delete from stage where rowid in (select rowid from (select rowid, row_number() over (partition by ${keys} order by coalesce(_g, rowid + 1) desc) as rn from stage) where rn > 1)`
	};
}

function addSkip(order: Map<number, { reason: string; count: number; first: number }>, reason: string, n: number, item: number) {
	// Keyed by reason text: two rules may share one.
	const key = [...order.entries()].find(([, v]) => v.reason === reason)?.[0];
	if (key === undefined) order.set(order.size, { reason, count: n, first: item });
	else {
		const s = order.get(key)!;
		s.count += n;
		s.first = Math.min(s.first, item);
	}
}

/**
 * Record numbers and lines of routed rows. Items are the file's data records and its lines of
 * blanks (DuckDB's refused "records"), numbered from 1 after the header; a good row g (its
 * position among DuckDB's good rows) is item g plus the refused items before it.
 */
/** Where a routed row lies: its item (for the order of skip reasons), record number and line. */
interface Positions {
	ofGood(g: number): { item: number; record: number; line: number };
	itemOfGood(g: number): number;
	itemOf(rec: SourceRecord): number;
}

/** NDJSON: row g of `stage` is line g; records are the lines that are not blank. */
class LinePositions implements Positions {
	private constructor(private readonly blanks: Float64Array) {}

	static async load(conn: DuckDBConnection, needed: boolean): Promise<LinePositions> {
		if (!needed) return new LinePositions(new Float64Array(0));
		const found = (await conn.runAndReadAll('select cast(rowid as bigint) + 1 as line from stage where _blank order by rowid')).getRows();
		return new LinePositions(Float64Array.from(found, (r) => Number(r[0] as bigint)));
	}

	private blanksBefore(line: number): number {
		let lo = 0;
		let hi = this.blanks.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.blanks[mid]! < line) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	ofGood(g: number) {
		return { item: g, record: g - this.blanksBefore(g), line: g };
	}

	itemOfGood(g: number) {
		return g;
	}

	itemOf(rec: SourceRecord) {
		return rec.line ?? rec.record;
	}
}

class RecordPositions implements Positions {
	/** Good rows holding line breaks: their positions and the line breaks before and in them. */
	private nlRows: Float64Array = new Float64Array(0);
	private nlCumulative: Float64Array = new Float64Array(0);
	/** Blank items and line breaks among the first j refused items (index j). */
	private readonly blanksUpTo: number[] = [0];
	private readonly newlinesUpTo: number[] = [0];
	private readonly blankItems: number[];

	constructor(
		private readonly refused: Refused[],
		private readonly goodBefore: number[],
		private readonly csv: boolean
	) {
		refused.forEach((r, j) => {
			this.blanksUpTo.push(this.blanksUpTo[j]! + (r.blank ? 1 : 0));
			this.newlinesUpTo.push(this.newlinesUpTo[j]! + r.newlines);
		});
		this.blankItems = refused.filter((r) => r.blank).map((r) => r.item);
	}

	async loadNewlines(conn: DuckDBConnection) {
		const found = (await conn.runAndReadAll('select cast(rowid as bigint) + 1 as g, _nl from stage where _nl > 0 order by rowid')).getRows();
		this.nlRows = new Float64Array(found.length);
		this.nlCumulative = new Float64Array(found.length);
		let sum = 0;
		found.forEach((r, i) => {
			this.nlRows[i] = Number(r[0] as bigint);
			sum += Number(r[1] as bigint);
			this.nlCumulative[i] = sum;
		});
	}

	/** Line breaks inside the good rows before good row g. */
	private newlinesBefore(g: number): number {
		let lo = 0;
		let hi = this.nlRows.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.nlRows[mid]! < g) lo = mid + 1;
			else hi = mid;
		}
		return lo === 0 ? 0 : this.nlCumulative[lo - 1]!;
	}

	/** Refused items before good row g. */
	private refusedBefore(g: number): number {
		let lo = 0;
		let hi = this.goodBefore.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.goodBefore[mid]! < g) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	itemOfGood(g: number): number {
		return g + this.refusedBefore(g);
	}

	private after(refusedCount: number) {
		return { blanks: this.blanksUpTo[refusedCount]!, newlines: this.newlinesUpTo[refusedCount]! };
	}

	ofGood(g: number): { item: number; record: number; line: number } {
		if (!this.csv) return { item: g, record: g, line: 0 };
		const k = this.refusedBefore(g);
		const item = g + k;
		const { blanks, newlines } = this.after(k);
		return { item, record: item - blanks, line: 1 + item + this.newlinesBefore(g) + newlines };
	}

	ofRefused(j: number): { item: number; record: number; line: number } {
		const r = this.refused[j]!;
		const { blanks, newlines } = this.after(j);
		return { item: r.item, record: r.item - blanks, line: 1 + r.item + this.newlinesBefore(this.goodBefore[j]! + 1) + newlines };
	}

	/** The item of a record given to the JavaScript mapping (for the order of skip reasons). */
	itemOf(rec: SourceRecord): number {
		let item = rec.record;
		for (const blank of this.blankItems) if (blank <= item) item++;
		return item;
	}
}

/** JavaScript's whitespace (String.prototype.trim), for RE2: a line of only these is blank. */
const JS_SPACE = '\\t\\n\\x0B\\f\\r \\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

interface JsonSource {
	/** The columns of `src` as the mapping names them (normalized), in order: c0, c1, … */
	columns: string[];
	select: string;
	params: Record<string, DuckDBValue>;
	types: Record<string, DuckDBType>;
}

/**
 * NDJSON through DuckDB: each line read as one text (read_csv with no quoting), parsed with
 * DuckDB's JSON functions, the keys the mapping reads taken out as text the way the
 * JavaScript reader gives them (a string as it is, a whole number as digits, true/false, null).
 * Anything the two parsers might read differently sends the line to JavaScript (`_junsure`):
 * a line DuckDB finds invalid (JavaScript says why), one its lenient parser takes but
 * JSON.parse would not (trailing commas, NaN, control characters), a value that is a fraction,
 * a large number, an object or an array (JavaScript writes those its own way), a key twice, two
 * spellings of one key (JavaScript keeps the last), a line nested deeper than JavaScript allows.
 */
async function ndjsonSource(conn: DuckDBConnection, file: string, mapping: CompiledMapping): Promise<JsonSource> {
	const lines = `select l from read_csv($path, columns = {'l': 'VARCHAR'}, header = false, auto_detect = false, delim = chr(31), quote = '', escape = '', force_not_null = ['l'], strict_mode = false, store_rejects = true, rejects_table = 'native_rejects', rejects_scan = 'native_scans')`;
	// The keys the file uses, to find each column the mapping reads under any spelling normalizeName accepts.
	const keys = (
		await conn.runAndReadAll(`select distinct unnest(json_keys(l)) as k from (${lines}) where json_valid(l) and json_type(l) = 'OBJECT'`, { path: file })
	).getRows().map((r) => r[0] as string);
	await conn.run('drop table if exists native_rejects; drop table if exists native_scans');
	const wanted = [...new Set([...mappingColumns(mapping.spec), ...(mapping.spec.skip ?? []).flatMap((s) => (s.column === undefined ? [] : [normalizeName(s.column)]))])];
	const pointers: string[] = [];
	const perColumn = wanted.map((c) => {
		const spellings = keys.filter((k) => normalizeName(k) === c);
		return spellings.map((k) => {
			pointers.push('/' + k.replace(/~/g, '~0').replace(/\//g, '~1'));
			return pointers.length;
		});
	});
	const at = (i: number) => `_e[${i}]`;
	const text = (i: number) =>
		`case json_type(${at(i)}) when 'VARCHAR' then json_extract_string(${at(i)}, '$') when 'BOOLEAN' then json_extract_string(${at(i)}, '$') when 'UBIGINT' then json_extract_string(${at(i)}, '$') when 'BIGINT' then json_extract_string(${at(i)}, '$') end`;
	const oddValue = (i: number) => `(${at(i)} is not null and (json_type(${at(i)}) not in ('VARCHAR', 'BOOLEAN', 'UBIGINT', 'BIGINT', 'NULL') or (json_type(${at(i)}) in ('UBIGINT', 'BIGINT') and strlen(json_extract_string(${at(i)}, '$')) > 15)))`;
	const columnSql = perColumn.map((idx, n) => `${idx.length === 0 ? 'cast(null as varchar)' : idx.length === 1 ? text(idx[0]!) : `coalesce(${idx.map(text).join(', ')})`} as c${n}`);
	const unsure = [
		'_keys is null',
		'len(_keys) <> len(list_distinct(_keys))',
		// Lenient syntax DuckDB's parser takes (trailing commas, NaN, Infinity) and raw control characters.
		`regexp_matches(l, ${sqlText(',[\\t\\n\\r ]*[\\]}]|NaN|Infinity|[\\x00-\\x1f]')})`,
		// JavaScript refuses lines nested more than 64 deep (reasons.ts): a line with that many brackets goes to it.
		`strlen(l) - strlen(replace(replace(l, '{', ''), '[', '')) > 60`,
		...perColumn.flatMap((idx) => [...idx.map(oddValue), ...(idx.length > 1 ? [`(${idx.map((i) => `(${at(i)} is not null)::int`).join(' + ')}) > 1`] : [])])
	];
	const extract = pointers.length ? `json_extract(l, $pointers)` : 'cast(null as json[])';
	const select =
		`select ${columnSql.length ? columnSql.join(', ') + ', ' : ''}l, _blank, case when _blank then false else (${unsure.join(' or ')}) end as _junsure from (` +
		`select l, regexp_full_match(l, ${sqlText(`[${JS_SPACE}]*`)}) as _blank, ` +
		`case when json_valid(l) then ${extract} end as _e, case when json_valid(l) and json_type(l) = 'OBJECT' then json_keys(l) end as _keys from (${lines}))`;
	return {
		columns: wanted,
		select,
		params: pointers.length ? { pointers: listValue(pointers) } : {},
		types: pointers.length ? { pointers: LIST(VARCHAR) } : {}
	};
}

/** A constant pattern as an SQL literal (quotes doubled): DuckDB needs regexp patterns as constants. */
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
