/**
 * The mapping layer: how one source layout (a help desk's export, a telephone system's log,
 * the product's own CSV layout) becomes rows of a dataset.
 *
 * A mapping is plain JSON, so the built-in ones (./mappings/*.json) and a user's own
 * (data/mappings/*.json) are written the same way; docs/mappings.md describes the format.
 */
import crypto from 'node:crypto';
import { parseDateTime, toZoned } from '@internationalized/date';
import { DATASETS, isDatasetName, type DatasetDef, type DatasetName, type FieldDef } from './datasets';
import { inEnglish, problem, type Problem } from '../../i18n/translate';
import {
	addDaysToTimestamp,
	compileFormat,
	DURATION_UNITS,
	parseBoolean,
	parseDate,
	parseInteger,
	parseMinutes,
	parseNumber,
	parseSeconds,
	parseTimestamp,
	SOURCE_CALENDARS,
	type CompiledFormat,
	type DurationUnit,
	type Parsed,
	type SourceCalendar
} from './values';

/** Where one field's value comes from. */
export interface FieldSource {
	/** A source column (for JSON, a dotted path such as "via.channel"). */
	column?: string;
	/** Several columns joined (a date column and a clock-time column, or parts of a key). */
	columns?: string[];
	/** Text put between joined columns; default one space. */
	join?: string;
	/** A fixed value. */
	const?: string;
	/** Values that mean "missing" in these columns, besides the mapping's nullValues. */
	null?: string[];
	/** Translation of source values (case-insensitive); "*" catches every other value. */
	map?: Record<string, string | null>;
	/** Date formats for this field, e.g. "D/M/YYYY HH:mm"; default ISO 8601. */
	format?: string | string[];
	/** The calendar dates in these columns are written in: "persian" (Jalali, 1403/08/15) or "gregory" (the default). */
	calendar?: SourceCalendar;
	/** Text put before the value (to keep ids of two sources apart). */
	prefix?: string;
	/** Clock times without a date: when the result is earlier than this field, it passed midnight. */
	notBefore?: string;
	/** Use the value only on rows where another column has (or has not) one of these values. */
	when?: { column: string; equals?: string[]; notEquals?: string[] };
	/** The unit a duration column is written in (minutes fields): seconds, minutes (default) or hours. */
	unit?: DurationUnit;
	/** Tags: the separator between labels (default ","; " " splits on any run of spaces). */
	split?: string;
	/** A regular expression; the value is its first group (or the whole match); no match rejects the row. */
	pattern?: string;
	/** A time plus a duration read from another column (created + "first reply time in minutes"). */
	add?: { column: string; unit?: DurationUnit };
}

/** How the rows of one key combine in a file (an event log: one row per change of a ticket). */
export const AGGREGATIONS = ['first', 'last', 'min', 'max', 'count'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface SkipRule {
	/** Leave out rows whose `column` has one of `equals` (case-insensitive) … */
	column?: string;
	equals?: string[];
	/** … or records whose text (as read) matches this regular expression: a report's footer line. */
	line?: string;
	reason: string;
}

export interface MappingSpec {
	id: string;
	dataset: DatasetName;
	title: string;
	description?: string;
	/**
	 * Columns whose presence identifies the layout (an entry may list alternative names);
	 * default: the columns of the required fields.
	 */
	detect?: (string | string[])[];
	/** Zone of times written without an offset; default: the preset's, else the unit's time zone. */
	timeZone?: string;
	/** Source values that mean "missing" in every column ("1900-01-01*": any value starting so). */
	nullValues?: string[];
	/** Rows to leave out on purpose (counted and reported as skipped, never silently). */
	skip?: SkipRule[];
	/**
	 * Combine the rows of one key (default: the last row wins whole): per field, its first or
	 * last row's value, the min or max value, or the count of rows with a value. Fields not
	 * named take the last row's value.
	 */
	aggregate?: Partial<Record<string, Aggregation>>;
	/** Set by the loader: the preset this mapping is a part of. */
	preset?: string;
	fields: Partial<Record<string, FieldSource | FieldSource[]>>;
}

export const DEFAULT_NULLS = ['', 'NA', 'N/A', 'NULL', 'null', '?', 'None', 'nan', 'NaN'];

/** Columns a rejects download adds before the file's own (see ./rejects.ts): never data, never a layout's. */
export const REJECT_COLUMN_PREFIX = '_reject_';

/**
 * A short fingerprint of what a mapping does (its JSON, keys in order): a file loaded through
 * a mapping that changed since is not "the same load" again.
 */
export function mappingHash(spec: MappingSpec): string {
	const stable = (v: unknown): unknown =>
		Array.isArray(v) ? v.map(stable) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])])) : v;
	return crypto.createHash('sha256').update(JSON.stringify(stable(spec))).digest('hex').slice(0, 16);
}

/** Header and key names compare without case, surrounding space, or space-vs-underscore differences. */
export function normalizeName(name: string): string {
	return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, '_');
}

/** Fields a row of the dataset needs in its ordinary case: required ones, and those rules require when the condition fields are empty. */
export function neededFields(def: DatasetDef): string[] {
	const needed = def.fields.filter((f) => f.required && f.default === undefined).map((f) => f.name);
	for (const r of def.rules ?? []) if (r.kind === 'required' && r.when.oneOf.includes(null) && !needed.includes(r.field)) needed.push(r.field);
	return needed;
}

/** The product's own layout for a dataset: one column per field, named as the field. */
export function nativeMapping(dataset: DatasetName): MappingSpec {
	const def = DATASETS[dataset];
	return {
		id: `native`,
		dataset,
		title: `Product layout (${dataset})`,
		description: `One column per field, named as the field: ${def.fields.map((f) => f.name).join(', ')}.`,
		detect: neededFields(def),
		fields: Object.fromEntries(def.fields.map((f) => [f.name, { column: f.name }]))
	};
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Reject a mapping file that would fail later in a confusing way. */
export function validateMappingSpec(spec: unknown, origin: string): MappingSpec {
	const s = spec as MappingSpec;
	const problems: string[] = [];
	if (!s || typeof s !== 'object' || Array.isArray(s)) throw new Error(`${origin}: a mapping must be a JSON object`);
	if (typeof s.id !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(s.id)) problems.push('"id" must be lower-case letters, digits, - or _');
	if (s.id === 'native') problems.push('"id" native is the product\'s own layout; choose another');
	if (!isDatasetName(String(s.dataset))) problems.push(`"dataset" must be one of ${Object.keys(DATASETS).join(', ')}`);
	if (!s.fields || typeof s.fields !== 'object') problems.push('"fields" must be an object');
	if (s.detect !== undefined && !(Array.isArray(s.detect) && s.detect.every((d) => typeof d === 'string' || isStringList(d)))) problems.push('"detect" must be a list of column names (or of lists of alternative names)');
	if (s.nullValues !== undefined && !isStringList(s.nullValues)) problems.push('"nullValues" must be a list of texts');
	for (const rule of s.skip ?? []) {
		if (!rule || typeof rule.reason !== 'string' || !rule.reason) problems.push('every "skip" rule needs a "reason"');
		else if (rule.line !== undefined) {
			try {
				new RegExp(rule.line);
			} catch (e) {
				problems.push(`skip "${rule.reason}": "line" is not a regular expression (${(e as Error).message})`);
			}
		} else if (typeof rule.column !== 'string' || !isStringList(rule.equals)) problems.push(`skip "${rule.reason}" needs "column" and "equals" (a list), or "line"`);
	}
	if (isDatasetName(String(s.dataset)) && s.fields && typeof s.fields === 'object') {
		const def = DATASETS[s.dataset];
		for (const [name, src] of Object.entries(s.fields)) {
			const field = def.fields.find((f) => f.name === name);
			if (!field) problems.push(`field "${name}" is not a field of ${s.dataset}`);
			for (const one of Array.isArray(src) ? src : [src]) {
				if (!one || (one.column === undefined && one.columns === undefined && one.const === undefined)) {
					problems.push(`field "${name}" needs "column", "columns" or "const"`);
					continue;
				}
				if (one.columns !== undefined && !isStringList(one.columns)) problems.push(`field "${name}": "columns" must be a list of column names`);
				if (one.null !== undefined && !isStringList(one.null)) problems.push(`field "${name}": "null" must be a list of texts`);
				if (one.calendar !== undefined && !(SOURCE_CALENDARS as readonly string[]).includes(one.calendar)) {
					problems.push(`field "${name}": "calendar" must be one of ${SOURCE_CALENDARS.join(', ')}`);
				}
				for (const f of one.format === undefined ? [] : Array.isArray(one.format) ? one.format : [one.format]) {
					try {
						compileFormat(f);
					} catch (e) {
						problems.push(`field "${name}": ${(e as Error).message}`);
					}
				}
				if (one.unit !== undefined && !(DURATION_UNITS as readonly string[]).includes(one.unit)) problems.push(`field "${name}": "unit" must be one of ${DURATION_UNITS.join(', ')}`);
				if (one.pattern !== undefined) {
					try {
						new RegExp(one.pattern);
					} catch (e) {
						problems.push(`field "${name}": "pattern" is not a regular expression (${(e as Error).message})`);
					}
				}
				if (one.when !== undefined && (typeof one.when.column !== 'string' || (one.when.equals === undefined) === (one.when.notEquals === undefined))) {
					problems.push(`field "${name}": "when" needs "column" and one of "equals" or "notEquals"`);
				}
				if (one.add !== undefined) {
					if (field && field.type !== 'timestamp') problems.push(`field "${name}": "add" is for date-and-time fields`);
					if (typeof one.add.column !== 'string') problems.push(`field "${name}": "add" needs "column"`);
					if (one.add.unit !== undefined && !(DURATION_UNITS as readonly string[]).includes(one.add.unit)) problems.push(`field "${name}": "add.unit" must be one of ${DURATION_UNITS.join(', ')}`);
				}
				if (one.split !== undefined && field && field.type !== 'tags') problems.push(`field "${name}": "split" is for tag fields`);
			}
		}
		for (const name of neededFields(def)) {
			if (!(name in s.fields) && !def.fields.find((f) => f.name === name)?.default) problems.push(`required field "${name}" has no source`);
		}
		for (const [name, how] of Object.entries(s.aggregate ?? {})) {
			const field = def.fields.find((f) => f.name === name);
			if (!field) problems.push(`"aggregate": "${name}" is not a field of ${s.dataset}`);
			else if (field.key) problems.push(`"aggregate": "${name}" is part of the key; rows are combined per key`);
			else if (!(AGGREGATIONS as readonly string[]).includes(String(how))) problems.push(`"aggregate": "${name}" must be one of ${AGGREGATIONS.join(', ')}`);
			else if (how === 'count' && field.type !== 'integer' && field.type !== 'number') problems.push(`"aggregate": "${name}" counts rows, so it must be a number field`);
		}
		if (s.timeZone !== undefined) {
			try {
				new Intl.DateTimeFormat('en', { timeZone: s.timeZone });
			} catch {
				problems.push(`"timeZone" ${s.timeZone} is not a known time zone`);
			}
		}
	}
	if (problems.length) throw new Error(`${origin}: ${problems.join('; ')}`);
	return s;
}

/** Columns a mapping reads (normalized). */
export function mappingColumns(spec: MappingSpec): string[] {
	const cols = new Set<string>();
	for (const src of Object.values(spec.fields)) {
		for (const one of Array.isArray(src) ? src : src ? [src] : []) {
			if (one.column) cols.add(normalizeName(one.column));
			for (const c of one.columns ?? []) cols.add(normalizeName(c));
			if (one.when) cols.add(normalizeName(one.when.column));
			if (one.add) cols.add(normalizeName(one.add.column));
		}
	}
	for (const s of spec.skip ?? []) if (s.column) cols.add(normalizeName(s.column));
	return [...cols];
}

/** The detection columns of a mapping, each a list of acceptable (normalized) names. */
export function detectColumns(spec: MappingSpec): string[][] {
	return (spec.detect ?? nativeMapping(spec.dataset).detect ?? []).map((d) => (Array.isArray(d) ? d : [d]).map(normalizeName));
}

/** A header's columns that carry data (not a rejects download's own columns), normalized. */
export function dataColumns(headers: readonly string[]): string[] {
	return headers.map(normalizeName).filter((h) => h !== '' && !h.startsWith(REJECT_COLUMN_PREFIX));
}

/** One way a header could be read: a mapping of a dataset, how well it fits, and what is missing. */
export interface LayoutCandidate {
	dataset: DatasetName;
	/** The mapping's id ('native' for the product's own layout). */
	mapping: string;
	/** The preset the mapping belongs to, if any. */
	preset: string | null;
	title: string;
	/** Every detection column is there and every required field has a column: the file can load through it. */
	fits: boolean;
	/** The file's columns this mapping reads (as written in the file). */
	matched: string[];
	/** Detection columns the file lacks (for each, the names looked for, joined with " / "). */
	missingDetect: string[];
	/** Required fields no column of the file gives. */
	missingRequired: string[];
	/** Share of the file's columns the mapping reads, 0-1. */
	coverage: number;
}

/** The columns a mapping reads a field from (for messages: "id (Organization, Requester id)"). */
export function fieldColumns(spec: MappingSpec, field: string): string[] {
	const raw = spec.fields[field];
	return (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).flatMap((src) => src.columns ?? (src.column !== undefined ? [src.column] : []));
}

/** Required fields the header gives no column for, through this mapping. */
function requiredWithoutColumn(spec: MappingSpec, have: Set<string>): string[] {
	const def = DATASETS[spec.dataset];
	const missing: string[] = [];
	for (const name of neededFields(def)) {
		const raw = spec.fields[name];
		const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
		const given = list.some((src) => src.const !== undefined || (src.columns ?? (src.column !== undefined ? [src.column] : [])).every((c) => have.has(normalizeName(c)) || c.includes('.')));
		if (!given && def.fields.find((f) => f.name === name)?.default === undefined) missing.push(name);
	}
	return missing;
}

/**
 * How well each mapping reads a header: every candidate of the given datasets with the
 * columns it matched and what it misses, best first (those that fit, then by columns
 * matched). The product's own layout fits only when its columns are at least half of the
 * file's: a help desk's export that happens to have an "Id" and a "Created at" column is not
 * a file in the product's layout.
 */
export function rankLayouts(headers: readonly string[], candidates: readonly MappingSpec[]): LayoutCandidate[] {
	const cols = dataColumns(headers);
	const have = new Set(cols);
	const original = new Map(headers.map((h) => [normalizeName(h), h.replace(/^\uFEFF/, '').trim()]));
	const out: LayoutCandidate[] = [];
	for (const spec of candidates) {
		const read = new Set(mappingColumns(spec));
		const matched = cols.filter((c) => read.has(c));
		const missingDetect = detectColumns(spec)
			.filter((alternatives) => !alternatives.some((c) => have.has(c)))
			.map((alternatives) => alternatives.join(' / '));
		const missingRequired = requiredWithoutColumn(spec, have);
		const coverage = cols.length ? matched.length / cols.length : 0;
		const nativeTooThin = spec.id === 'native' && coverage < 0.5;
		out.push({
			dataset: spec.dataset,
			mapping: spec.id,
			preset: spec.preset ?? null,
			title: spec.title,
			fits: missingDetect.length === 0 && missingRequired.length === 0 && !nativeTooThin && matched.length > 0,
			matched: matched.map((c) => original.get(c) ?? c),
			missingDetect,
			missingRequired,
			coverage
		});
	}
	// Among fitting layouts the most specific first: more detection columns, then more columns read.
	const detectCount = (c: LayoutCandidate) => detectColumns(candidates.find((m) => m.id === c.mapping && m.dataset === c.dataset)!).length;
	return out.sort(
		(a, b) =>
			Number(b.fits) - Number(a.fits) ||
			(a.fits && b.fits ? detectCount(b) - detectCount(a) : 0) ||
			b.matched.length - a.matched.length ||
			b.coverage - a.coverage ||
			Number(a.mapping === 'native') - Number(b.mapping === 'native')
	);
}

/** Pick the mapping for a header: the most specific one that fits (see rankLayouts), or null. */
export function chooseMapping(dataset: DatasetName, headers: string[], candidates: MappingSpec[]): MappingSpec | null {
	const own = candidates.filter((m) => m.dataset === dataset);
	const best = rankLayouts(headers, own)[0];
	return best?.fits ? (own.find((m) => m.id === best.mapping) ?? null) : null;
}

/** One record as read from a file, before mapping. */
export interface SourceRecord {
	/** Line where the record starts (CSV, NDJSON); null where lines mean nothing (JSON array, Parquet). */
	line: number | null;
	/** 1-based position among the file's records. */
	record: number;
	/** Value of a (normalized) column or dotted path; undefined when the file has no such column. */
	get(column: string): string | null | undefined;
	/** The record as read, kept with a reject (built only when needed). */
	raw(): string;
	/** Set when the reader could not split the record into fields (wrong width, bad JSON line). */
	problem?: Problem;
}

export interface RowProblem {
	column: string | null;
	value: string | null;
	problem: Problem;
}

export type MappedRow =
	| { kind: 'row'; values: (string | null)[] }
	| { kind: 'reject'; problem: RowProblem }
	| { kind: 'skip'; reason: string };

export interface CompiledSource {
	columns: string[];
	constValue?: string;
	join: string;
	nulls: Set<string>;
	/** Null tokens written "prefix*": any value starting with the prefix is missing. */
	nullPrefixes: string[];
	map?: Map<string, string | null>;
	mapOther?: string | null;
	hasMapOther: boolean;
	formats?: CompiledFormat[];
	calendar?: SourceCalendar;
	prefix: string;
	notBefore?: string;
	when?: { column: string; values: Set<string>; negate: boolean };
	unit?: DurationUnit;
	split?: string;
	pattern?: RegExp;
	add?: { column: string; unit: DurationUnit };
}

export interface CompiledField {
	def: FieldDef;
	index: number;
	sources: CompiledSource[];
	/** Source columns named in errors. */
	label: string;
}

export interface CompiledMapping {
	spec: MappingSpec;
	dataset: DatasetDef;
	fields: CompiledField[];
	/** Columns the mapping would read that the file lacks (optional fields only). */
	missingColumns: string[];
	/** Columns of the file the mapping does not read. */
	ignoredColumns: string[];
	map(rec: SourceRecord): MappedRow;
}

/** The file cannot be read with this mapping at all. */
export class MappingError extends Error {
	constructor(readonly problem: Problem) {
		super(inEnglish(problem));
	}
}

export interface CompileOptions {
	/** Zone of times without an offset, for `add` (time plus a duration); default UTC. */
	timeZone?: string;
	/**
	 * The file is a rejects download loaded back: undo the apostrophe its spreadsheet cells got
	 * against formula injection ("'-5" → "-5", see ../export/csv.ts).
	 */
	fromRejects?: boolean;
}

const FORMULA_GUARD = /^'(?=[\t\r\n\0]|[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** The minutes of a duration or null (a missing or unreadable duration leaves the sum missing). */
function addDuration(canonical: string, minutes: number, timeZone: string): string {
	const ms = Math.round(minutes * 60_000);
	const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}:\d{2})?$/.exec(canonical)!;
	if (m[3]) return new Date(Date.parse(`${m[1]}T${m[2]}${m[3]}`) + ms).toISOString().replace('T', ' ').replace('Z', '+00:00');
	// Wall-clock time in the source's zone: placed in the zone, then the elapsed time added (DST-safe).
	return toZoned(parseDateTime(`${m[1]}T${m[2]}`), timeZone).add({ milliseconds: ms }).toAbsoluteString().replace('T', ' ').replace('Z', '+00:00');
}

/**
 * Prepare a mapping for one file's header. Throws MappingError when a required field's
 * columns are all missing: then the file cannot be read at all.
 */
export function compileMapping(spec: MappingSpec, headers: string[] | null, options: CompileOptions = {}): CompiledMapping {
	const dataset = DATASETS[spec.dataset];
	const have = headers ? new Set(headers.map(normalizeName)) : null;
	const globalNulls = spec.nullValues ?? DEFAULT_NULLS;
	const missing = new Set<string>();
	const timeZone = options.timeZone ?? 'UTC';
	const needed = new Set(neededFields(dataset));
	const fields: CompiledField[] = dataset.fields.map((def, index) => {
		const raw = spec.fields[def.name];
		const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
		const sources: CompiledSource[] = [];
		for (const src of list) {
			const columns = src.const !== undefined ? [] : (src.columns ?? (src.column !== undefined ? [src.column] : [])).map(normalizeName);
			const extra = [...(src.when ? [normalizeName(src.when.column)] : []), ...(src.add ? [normalizeName(src.add.column)] : [])];
			const absent = have ? [...columns, ...extra].filter((c) => !have.has(c) && !c.includes('.')) : [];
			if (absent.length) {
				absent.forEach((c) => missing.add(c));
				continue;
			}
			const map = src.map ? new Map(Object.entries(src.map).filter(([k]) => k !== '*').map(([k, v]) => [k.trim().toLowerCase(), v])) : undefined;
			const tokens = [...globalNulls, ...(src.null ?? [])].map((v) => v.trim());
			sources.push({
				columns,
				constValue: src.const,
				join: src.join ?? ' ',
				nulls: new Set(tokens.filter((t) => !t.endsWith('*'))),
				nullPrefixes: tokens.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1)),
				map,
				hasMapOther: src.map !== undefined && '*' in src.map,
				mapOther: src.map?.['*'],
				formats: src.format === undefined ? undefined : (Array.isArray(src.format) ? src.format : [src.format]).map(compileFormat),
				calendar: src.calendar,
				prefix: src.prefix ?? '',
				notBefore: src.notBefore,
				when: src.when
					? { column: normalizeName(src.when.column), values: new Set((src.when.equals ?? src.when.notEquals ?? []).map((v) => v.trim().toLowerCase())), negate: src.when.equals === undefined }
					: undefined,
				unit: src.unit,
				split: src.split,
				pattern: src.pattern === undefined ? undefined : new RegExp(src.pattern),
				add: src.add ? { column: normalizeName(src.add.column), unit: src.add.unit ?? 'minutes' } : undefined
			});
		}
		if (sources.length === 0 && needed.has(def.name) && def.default === undefined) {
			const wanted = list.flatMap((s) => s.columns ?? (s.column ? [s.column] : []));
			throw new MappingError(problem('problem.missingColumn', { field: def.name, wanted: wanted.join(', ') || def.name }));
		}
		const label = list.flatMap((s) => s.columns ?? (s.column ? [s.column] : [])).join('+') || def.name;
		return { def, index, sources, label };
	});
	const read = new Set(mappingColumns(spec));
	const ignored = headers ? headers.filter((h) => !read.has(normalizeName(h)) && normalizeName(h) !== '' && !normalizeName(h).startsWith(REJECT_COLUMN_PREFIX)) : [];
	const byName = new Map(fields.map((f) => [f.def.name, f]));
	const fromRejects = !!options.fromRejects;
	const unguard = (v: string) => v.replace(FORMULA_GUARD, '');

	function isNull(src: CompiledSource, t: string): boolean {
		if (src.nulls.has(t)) return true;
		if (src.nullPrefixes.length === 0) return false;
		for (const p of src.nullPrefixes) if (t.startsWith(p)) return true;
		return false;
	}

	/** The text of a source on this record, null when missing; a Problem when a pattern does not match. */
	function readSource(src: CompiledSource, rec: SourceRecord): string | null | Problem {
		if (src.constValue !== undefined) return src.constValue;
		if (src.when) {
			const v = rec.get(src.when.column);
			const hit = v !== undefined && v !== null && src.when.values.has((fromRejects ? unguard(v) : v).trim().toLowerCase());
			if (hit === src.when.negate) return null;
		}
		let value: string;
		if (src.columns.length === 1) {
			// One column (nearly always): no list to build.
			const v = rec.get(src.columns[0]!);
			if (v === undefined || v === null) return null;
			value = (fromRejects ? unguard(v) : v).trim();
			if (isNull(src, value)) return null;
		} else {
			const parts: string[] = [];
			for (const c of src.columns) {
				const v = rec.get(c);
				if (v === undefined || v === null) return null;
				const t = (fromRejects ? unguard(v) : v).trim();
				if (isNull(src, t)) return null;
				parts.push(t);
			}
			value = parts.join(src.join);
		}
		if (src.pattern) {
			const m = src.pattern.exec(value);
			if (!m) return problem('problem.patternMismatch', { value, pattern: src.pattern.source });
			value = m[1] ?? m[0];
		}
		if (src.map) {
			const hit = src.map.get(value.toLowerCase());
			if (hit !== undefined) value = hit as string;
			else if (src.hasMapOther) value = src.mapOther as string;
			if (value === null) return null;
		}
		return src.prefix + value;
	}

	function parseField(f: CompiledField, raw: string, src: CompiledSource | undefined): Parsed<string> {
		const def = f.def;
		switch (def.type) {
			case 'text': {
				const v = raw.trim();
				return { ok: true, value: def.lowercase ? v.toLowerCase() : v };
			}
			case 'enum': {
				let v = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
				v = def.aliases?.[v] ?? v;
				if (!def.values!.includes(v)) return { ok: false, problem: problem('problem.notInList', { value: raw, allowed: def.values!.join(', ') }) };
				return { ok: true, value: v };
			}
			case 'integer':
			case 'number':
			case 'seconds':
			case 'minutes': {
				const n =
					def.type === 'integer' ? parseInteger(raw) : def.type === 'seconds' ? parseSeconds(raw) : def.type === 'minutes' ? parseMinutes(raw, src?.unit) : parseNumber(raw);
				if (!n.ok) return n;
				if (def.min !== undefined && n.value < def.min) return { ok: false, problem: problem('problem.belowMin', { value: raw, min: String(def.min) }) };
				if (def.max !== undefined && n.value > def.max) return { ok: false, problem: problem('problem.aboveMax', { value: raw, max: String(def.max) }) };
				return { ok: true, value: String(n.value) };
			}
			case 'boolean': {
				const b = parseBoolean(raw);
				return b.ok ? { ok: true, value: String(b.value) } : b;
			}
			case 'timestamp':
				return parseTimestamp(raw, { formats: src?.formats, calendar: src?.calendar });
			case 'date':
				return parseDate(raw, { formats: src?.formats, calendar: src?.calendar });
			case 'tags': {
				const sep = src?.split ?? ',';
				const parts = sep.trim() === '' ? raw.split(/\s+/) : raw.split(sep);
				const tags = [...new Set(parts.map((t) => t.trim()).filter((t) => t !== ''))];
				return { ok: true, value: JSON.stringify(tags) };
			}
		}
	}

	const skips = (spec.skip ?? []).map((s) => ({
		column: s.column === undefined ? null : normalizeName(s.column),
		values: new Set((s.equals ?? []).map((v) => v.trim().toLowerCase())),
		line: s.line === undefined ? null : new RegExp(s.line),
		reason: s.reason
	}));
	const lineSkips = skips.filter((s) => s.line);
	// The dataset's rules across fields, by field position (checked on every row).
	const rules = (dataset.rules ?? []).map((rule) => {
		const f = byName.get(rule.field)!;
		return {
			...rule,
			index: f.index,
			label: f.label,
			whenIndex: byName.get(rule.when.field)!.index,
			oneOf: rule.when.oneOf,
			min: rule.kind === 'range' ? rule.min : 0,
			max: rule.kind === 'range' ? rule.max : 0,
			problem: rule.kind === 'range' ? rule.problem : ('problem.missing' as const)
		};
	});
	const valueSkips = skips.filter((s) => s.column !== null);

	return {
		spec,
		dataset,
		fields,
		missingColumns: [...missing],
		ignoredColumns: ignored,
		map(rec: SourceRecord): MappedRow {
			if (lineSkips.length) {
				const text = rec.raw();
				for (const s of lineSkips) if (s.line!.test(text)) return { kind: 'skip', reason: s.reason };
			}
			if (rec.problem) return { kind: 'reject', problem: { column: null, value: null, problem: rec.problem } };
			for (const s of valueSkips) {
				const v = rec.get(s.column!);
				if (v !== undefined && v !== null && s.values.has((fromRejects ? unguard(v) : v).trim().toLowerCase())) return { kind: 'skip', reason: s.reason };
			}
			const values: (string | null)[] = new Array(fields.length).fill(null);
			const usedSource: (CompiledSource | undefined)[] = new Array(fields.length);
			for (const f of fields) {
				let raw: string | null = null;
				let used: CompiledSource | undefined;
				for (const src of f.sources) {
					const got = readSource(src, rec);
					if (got !== null && typeof got === 'object') return { kind: 'reject', problem: { column: f.label, value: null, problem: got } };
					raw = got;
					if (raw !== null) {
						used = src;
						break;
					}
				}
				if (raw !== null && raw.includes('\uFFFD')) {
					return { kind: 'reject', problem: { column: f.label, value: raw, problem: problem('problem.badEncoding') } };
				}
				if (raw === null && f.sources.length === 0 && f.def.default !== undefined) raw = f.def.default;
				if (raw === null) {
					if (f.def.required) return { kind: 'reject', problem: { column: f.label, value: null, problem: problem('problem.missing', { field: f.def.name }) } };
					continue;
				}
				const parsed = parseField(f, raw, used);
				if (!parsed.ok) return { kind: 'reject', problem: { column: f.label, value: raw, problem: parsed.problem } };
				let value = parsed.value;
				if (used?.add) {
					const d = rec.get(used.add.column);
					const text = d === undefined || d === null ? '' : (fromRejects ? unguard(d) : d).trim();
					if (text === '' || isNull(used, text)) continue;
					const minutes = parseMinutes(text, used.add.unit);
					if (!minutes.ok) return { kind: 'reject', problem: { column: used.add.column, value: text, problem: minutes.problem } };
					value = addDuration(value, minutes.value, timeZone);
				}
				values[f.index] = value;
				usedSource[f.index] = used;
			}
			// Clock times logged without their date: a time earlier than the one it follows passed midnight.
			for (const f of fields) {
				const src = usedSource[f.index];
				const v = values[f.index];
				if (!src?.notBefore || v === null) continue;
				const ref = byName.get(src.notBefore);
				const refValue = ref ? values[ref.index] : null;
				if (v !== undefined && refValue && v < refValue) values[f.index] = addDaysToTimestamp(v, 1);
			}
			for (const rule of rules) {
				const cond = values[rule.whenIndex] ?? null;
				if (!rule.oneOf.includes(cond)) continue;
				const v = values[rule.index] ?? null;
				if (rule.kind === 'required' && v === null) return { kind: 'reject', problem: { column: rule.label, value: null, problem: problem('problem.missing', { field: rule.field }) } };
				if (rule.kind === 'range' && v !== null && (Number(v) < rule.min || Number(v) > rule.max)) {
					return { kind: 'reject', problem: { column: rule.label, value: v, problem: problem(rule.problem, { value: v }) } };
				}
			}
			return { kind: 'row', values };
		}
	};
}
