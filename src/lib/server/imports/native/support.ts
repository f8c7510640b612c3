/**
 * Which files the DuckDB path loads (./stage.ts), and why not the others. The answer is
 * computed from the same definitions both paths read (datasets.ts, the mapping), by allow
 * lists: a mapping option, a field type or a dataset rule this module does not know (a new
 * feature of the JavaScript path) sends the file to the JavaScript path, saying so, instead of
 * being ignored by the SQL.
 */
import type { Problem } from '../../../i18n/translate';
import type { DatasetDef } from '../datasets';
import { mappingColumns, type MappingSpec } from '../mapping';
import type { CsvLayout } from '../readers';
import type { FileFormat } from '../sniff';
import { type TextCensus } from './census';
import { isSafeText, SQL_FIELD_TYPES } from './sql';

export type Support = { ok: true } | { ok: false; reason: string };

export interface FileFacts {
	format: FileFormat;
	encoding: string | null;
	notes: Problem[];
	census: TextCensus | null;
	/** Column names as written (CSV, Parquet); null for JSON. */
	headers: string[] | null;
	csv?: CsvLayout;
}

const DATASET_KEYS = new Set(['name', 'table', 'fields', 'hasCustomer', 'rules']);
const FIELD_KEYS = new Set(['name', 'type', 'key', 'required', 'values', 'aliases', 'default', 'min', 'max', 'lowercase']);
const RULE_KEYS = new Set(['kind', 'when', 'field', 'min', 'max', 'problem']);
const RULE_KINDS = new Set(['required', 'range']);
const CONDITION_KEYS = new Set(['field', 'oneOf']);
// Not here, so read by JavaScript: aggregate (rows of a key combined), and the source options pattern (a
// JavaScript regular expression) and add (a time plus a duration in a zone), and skip rules on a record's text (line).
const MAPPING_KEYS = new Set(['id', 'dataset', 'title', 'description', 'detect', 'timeZone', 'nullValues', 'skip', 'fields', 'preset']);
const SOURCE_KEYS = new Set(['column', 'columns', 'join', 'const', 'null', 'map', 'format', 'calendar', 'prefix', 'notBefore', 'when', 'unit', 'split']);
const WHEN_KEYS = new Set(['column', 'equals', 'notEquals']);
const SKIP_KEYS = new Set(['column', 'equals', 'reason']);
const CALENDARS = new Set(['gregory', 'persian']);
/** Separators papaparse detects; DuckDB reads each the same way. */
const DELIMITERS = new Set([',', ';', '\t', '|', '\u001e', '\u001f']);

const unknownKey = (obj: object, known: Set<string>) => Object.keys(obj).find((k) => !known.has(k));

/** Whether the dataset's definition and the mapping compile to SQL. */
export function definitionSupport(dataset: DatasetDef, mapping: MappingSpec): Support {
	const no = (reason: string): Support => ({ ok: false, reason });
	let key = unknownKey(dataset, DATASET_KEYS);
	if (key) return no(`the dataset definition has "${key}", which the DuckDB path does not compile`);
	for (const f of dataset.fields) {
		key = unknownKey(f, FIELD_KEYS);
		if (key) return no(`field ${f.name} has "${key}", which the DuckDB path does not compile`);
		if (!SQL_FIELD_TYPES.has(f.type)) return no(`field ${f.name} has type ${f.type}, which the DuckDB path does not compile`);
		const texts = [...(f.values ?? []), ...Object.entries(f.aliases ?? {}).flat(), ...(f.default === undefined ? [] : [f.default])];
		if (!texts.every(isSafeText)) return no(`field ${f.name} has values with characters the DuckDB path leaves to JavaScript`);
	}
	for (const rule of dataset.rules ?? []) {
		key = unknownKey(rule, RULE_KEYS) ?? unknownKey(rule.when, CONDITION_KEYS);
		if (key) return no(`a row rule has "${key}", which the DuckDB path does not compile`);
		if (!RULE_KINDS.has(rule.kind)) return no(`a row rule of kind ${rule.kind}, which the DuckDB path does not compile`);
		if (!rule.when.oneOf.every((v) => v === null || isSafeText(v))) return no('a row rule has values with characters the DuckDB path leaves to JavaScript');
	}
	key = unknownKey(mapping, MAPPING_KEYS);
	if (key) return no(`the mapping ${mapping.id} has "${key}", which the DuckDB path does not compile`);
	for (const s of mapping.skip ?? []) {
		key = unknownKey(s, SKIP_KEYS);
		if (key) return no(`a skip rule of mapping ${mapping.id} has "${key}", which the DuckDB path does not compile`);
		if (!(s.equals ?? []).every(isSafeText)) return no(`a skip rule of mapping ${mapping.id} has values with characters the DuckDB path leaves to JavaScript`);
	}
	if (!(mapping.nullValues ?? []).every(isSafeText)) return no(`the null values of mapping ${mapping.id} have characters the DuckDB path leaves to JavaScript`);
	for (const [field, src] of Object.entries(mapping.fields)) {
		const list = Array.isArray(src) ? src : src ? [src] : [];
		// One unit (minutes) and one separator (tags) per field: the SQL reads them from its first source.
		if (new Set(list.map((one) => one.unit ?? 'minutes')).size > 1) return no(`field ${field} of mapping ${mapping.id} has sources in different units`);
		if (new Set(list.map((one) => one.split ?? ',')).size > 1) return no(`field ${field} of mapping ${mapping.id} has sources with different separators`);
		for (const one of list) {
			key = unknownKey(one, SOURCE_KEYS) ?? (one.when ? unknownKey(one.when, WHEN_KEYS) : undefined);
			if (key) return no(`field ${field} of mapping ${mapping.id} has "${key}", which the DuckDB path does not compile`);
			if (one.calendar !== undefined && !CALENDARS.has(one.calendar)) return no(`field ${field} of mapping ${mapping.id} has calendar ${one.calendar}`);
			const texts = [
				...(one.null ?? []),
				...Object.entries(one.map ?? {}).flat().filter((v): v is string => typeof v === 'string'),
				...[one.const, one.prefix, one.join, one.split].filter((v): v is string => typeof v === 'string'),
				...(one.when ? [...(one.when.equals ?? []), ...(one.when.notEquals ?? [])] : []),
				...(one.format === undefined ? [] : Array.isArray(one.format) ? one.format : [one.format])
			];
			if (!texts.every(isSafeText)) return no(`field ${field} of mapping ${mapping.id} has constants with characters the DuckDB path leaves to JavaScript`);
		}
	}
	return { ok: true };
}

/**
 * Whether the DuckDB path loads this file with this mapping. A file it cannot take loads
 * through the JavaScript path; `reason` is recorded with the file (import_files.ingest_path_reason).
 */
export function nativeSupport(dataset: DatasetDef, mapping: MappingSpec, file: FileFacts): Support {
	const no = (reason: string): Support => ({ ok: false, reason });
	const definition = definitionSupport(dataset, mapping);
	if (!definition.ok) return definition;
	if (file.format === 'parquet') return { ok: true };
	if (file.format === 'ndjson') {
		// A dotted column is a path into nested objects, which the JavaScript reader walks its own way.
		if (mappingColumns(mapping).some((c) => c.includes('.'))) return no('the mapping reads nested JSON paths');
		if (file.encoding === 'utf-8' && !file.notes.some((n) => n.key === 'problem.mixedEncoding')) return censusSupport(file.census);
		return { ok: true };
	}
	// A JSON array is parsed whole by the JavaScript reader before any path could start (at most 256 MB).
	if (file.format !== 'csv') return no(`${file.format} files are read by the JavaScript path`);
	const layout = file.csv;
	const headers = file.headers;
	if (!layout || !headers) return no('the CSV layout is unknown');
	if (layout.headerIndex > 0) return no('blank lines before the header');
	if (headers.length < 2) return no('a file of one column (its blank lines read differently)');
	if (headers.some((h) => /[\r\n]/.test(h))) return no('a header that spans lines');
	if (!DELIMITERS.has(layout.delimiter)) return no(`the separator ${JSON.stringify(layout.delimiter)}`);
	// Other encodings are transcoded to UTF-8 first; their census is taken then (./stage.ts).
	if (file.encoding === 'utf-8' && !file.notes.some((n) => n.key === 'problem.mixedEncoding')) return censusSupport(file.census);
	return { ok: true };
}

/** Whether DuckDB's CSV reader splits this text into the records papaparse would (see ./census.ts). */
export function censusSupport(census: TextCensus | null): Support {
	if (!census) return { ok: false, reason: 'no census of the file' };
	if (census.loneCr > 0) return { ok: false, reason: 'line ends with a lone carriage return' };
	if (census.crlf > 0 && census.crlf !== census.lf) return { ok: false, reason: 'mixed line ends (\\n and \\r\\n)' };
	if (census.blankBeforeQuote > 0) return { ok: false, reason: 'fields with blanks before a quote' };
	return { ok: true };
}
