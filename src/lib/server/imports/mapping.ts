/**
 * The mapping layer: how one source layout (a help desk's export, a telephone system's log,
 * the product's own CSV layout) becomes rows of a dataset.
 *
 * A mapping is plain JSON, so the built-in ones (./mappings/*.json) and a user's own
 * (data/mappings/*.json) are written the same way; docs/mappings.md describes the format.
 */
import { DATASETS, isDatasetName, type DatasetDef, type DatasetName, type FieldDef } from './datasets';
import { inEnglish, problem, type Problem } from '../../i18n/translate';
import {
	addDaysToTimestamp,
	compileFormat,
	parseBoolean,
	parseDate,
	parseInteger,
	parseNumber,
	parseSeconds,
	parseTimestamp,
	SOURCE_CALENDARS,
	type CompiledFormat,
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
}

export interface MappingSpec {
	id: string;
	dataset: DatasetName;
	title: string;
	description?: string;
	/** Columns whose presence identifies the layout; default: the columns of the required fields. */
	detect?: string[];
	/** Zone of times written without an offset; default: the unit's time zone. */
	timeZone?: string;
	/** Source values that mean "missing" in every column. */
	nullValues?: string[];
	/** Rows to leave out on purpose (counted and reported as skipped, never silently). */
	skip?: { column: string; equals: string[]; reason: string }[];
	fields: Partial<Record<string, FieldSource | FieldSource[]>>;
}

export const DEFAULT_NULLS = ['', 'NA', 'N/A', 'NULL', 'null', '?', 'None', 'nan', 'NaN'];

/** Header and key names compare without case, surrounding space, or space-vs-underscore differences. */
export function normalizeName(name: string): string {
	return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, '_');
}

/** The product's own layout for a dataset: one column per field, named as the field. */
export function nativeMapping(dataset: DatasetName): MappingSpec {
	const def = DATASETS[dataset];
	return {
		id: `native`,
		dataset,
		title: `Product layout (${dataset})`,
		description: `One column per field, named as the field: ${def.fields.map((f) => f.name).join(', ')}.`,
		detect: def.fields.filter((f) => f.required && f.default === undefined).map((f) => f.name),
		fields: Object.fromEntries(def.fields.map((f) => [f.name, { column: f.name }]))
	};
}

/** Reject a mapping file that would fail later in a confusing way. */
export function validateMappingSpec(spec: unknown, origin: string): MappingSpec {
	const s = spec as MappingSpec;
	const problems: string[] = [];
	if (!s || typeof s !== 'object') throw new Error(`${origin}: a mapping must be a JSON object`);
	if (typeof s.id !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(s.id)) problems.push('"id" must be lower-case letters, digits, - or _');
	if (!isDatasetName(String(s.dataset))) problems.push(`"dataset" must be one of ${Object.keys(DATASETS).join(', ')}`);
	if (!s.fields || typeof s.fields !== 'object') problems.push('"fields" must be an object');
	if (isDatasetName(String(s.dataset)) && s.fields && typeof s.fields === 'object') {
		const def = DATASETS[s.dataset];
		for (const [name, src] of Object.entries(s.fields)) {
			if (!def.fields.some((f) => f.name === name)) problems.push(`field "${name}" is not a field of ${s.dataset}`);
			for (const one of Array.isArray(src) ? src : [src]) {
				if (!one || (one.column === undefined && one.columns === undefined && one.const === undefined)) {
					problems.push(`field "${name}" needs "column", "columns" or "const"`);
				}
				if (one?.calendar !== undefined && !(SOURCE_CALENDARS as readonly string[]).includes(one.calendar)) {
					problems.push(`field "${name}": "calendar" must be one of ${SOURCE_CALENDARS.join(', ')}`);
				}
				for (const f of one?.format === undefined ? [] : Array.isArray(one.format) ? one.format : [one.format]) {
					try {
						compileFormat(f);
					} catch (e) {
						problems.push(`field "${name}": ${(e as Error).message}`);
					}
				}
			}
		}
		for (const f of def.fields) {
			if (f.required && f.default === undefined && !(f.name in s.fields)) problems.push(`required field "${f.name}" has no source`);
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
		}
	}
	return [...cols];
}

export function detectColumns(spec: MappingSpec): string[] {
	return (spec.detect ?? nativeMapping(spec.dataset).detect ?? []).map(normalizeName);
}

/** Pick the mapping for a header: the one whose detection columns are all present, most specific first. */
export function chooseMapping(dataset: DatasetName, headers: string[], candidates: MappingSpec[]): MappingSpec | null {
	const have = new Set(headers.map(normalizeName));
	const fitting = candidates
		.filter((m) => m.dataset === dataset)
		.filter((m) => detectColumns(m).every((c) => have.has(c)))
		.sort((a, b) => detectColumns(b).length - detectColumns(a).length);
	return fitting[0] ?? null;
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
	map?: Map<string, string | null>;
	mapOther?: string | null;
	hasMapOther: boolean;
	formats?: CompiledFormat[];
	calendar?: SourceCalendar;
	prefix: string;
	notBefore?: string;
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

/**
 * Prepare a mapping for one file's header. Throws MappingError when a required field's
 * columns are all missing: then the file cannot be read at all.
 */
export function compileMapping(spec: MappingSpec, headers: string[] | null): CompiledMapping {
	const dataset = DATASETS[spec.dataset];
	const have = headers ? new Set(headers.map(normalizeName)) : null;
	const globalNulls = spec.nullValues ?? DEFAULT_NULLS;
	const missing = new Set<string>();
	const fields: CompiledField[] = dataset.fields.map((def, index) => {
		const raw = spec.fields[def.name];
		const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
		const sources: CompiledSource[] = [];
		for (const src of list) {
			const columns = src.const !== undefined ? [] : (src.columns ?? (src.column !== undefined ? [src.column] : [])).map(normalizeName);
			const absent = have ? columns.filter((c) => !have.has(c) && !c.includes('.')) : [];
			if (absent.length) {
				absent.forEach((c) => missing.add(c));
				continue;
			}
			const map = src.map ? new Map(Object.entries(src.map).filter(([k]) => k !== '*').map(([k, v]) => [k.trim().toLowerCase(), v])) : undefined;
			sources.push({
				columns,
				constValue: src.const,
				join: src.join ?? ' ',
				nulls: new Set([...globalNulls, ...(src.null ?? [])].map((v) => v.trim())),
				map,
				hasMapOther: src.map !== undefined && '*' in src.map,
				mapOther: src.map?.['*'],
				formats: src.format === undefined ? undefined : (Array.isArray(src.format) ? src.format : [src.format]).map(compileFormat),
				calendar: src.calendar,
				prefix: src.prefix ?? '',
				notBefore: src.notBefore
			});
		}
		if (sources.length === 0 && def.required && def.default === undefined) {
			const wanted = list.flatMap((s) => s.columns ?? (s.column ? [s.column] : []));
			throw new MappingError(problem('problem.missingColumn', { field: def.name, wanted: wanted.join(', ') || def.name }));
		}
		const label = list.flatMap((s) => s.columns ?? (s.column ? [s.column] : [])).join('+') || def.name;
		return { def, index, sources, label };
	});
	const read = new Set(mappingColumns(spec));
	const ignored = headers ? headers.filter((h) => !read.has(normalizeName(h)) && normalizeName(h) !== '') : [];
	const byName = new Map(fields.map((f) => [f.def.name, f]));

	function readSource(src: CompiledSource, rec: SourceRecord): string | null {
		if (src.constValue !== undefined) return src.constValue;
		const parts: string[] = [];
		for (const c of src.columns) {
			const v = rec.get(c);
			if (v === undefined || v === null) return null;
			const t = v.trim();
			if (src.nulls.has(t)) return null;
			parts.push(t);
		}
		let value = parts.join(src.join);
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
			case 'seconds': {
				const n = def.type === 'integer' ? parseInteger(raw) : def.type === 'seconds' ? parseSeconds(raw) : parseNumber(raw);
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
		}
	}

	const skips = (spec.skip ?? []).map((s) => ({
		column: normalizeName(s.column),
		values: new Set(s.equals.map((v) => v.trim().toLowerCase())),
		reason: s.reason
	}));

	return {
		spec,
		dataset,
		fields,
		missingColumns: [...missing],
		ignoredColumns: ignored,
		map(rec: SourceRecord): MappedRow {
			if (rec.problem) return { kind: 'reject', problem: { column: null, value: null, problem: rec.problem } };
			for (const s of skips) {
				const v = rec.get(s.column);
				if (v !== undefined && v !== null && s.values.has(v.trim().toLowerCase())) return { kind: 'skip', reason: s.reason };
			}
			const values: (string | null)[] = new Array(fields.length).fill(null);
			const usedSource: (CompiledSource | undefined)[] = new Array(fields.length);
			for (const f of fields) {
				let raw: string | null = null;
				let used: CompiledSource | undefined;
				for (const src of f.sources) {
					raw = readSource(src, rec);
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
				values[f.index] = parsed.value;
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
			for (const rule of dataset.rowRules ?? []) {
				const when = byName.get(rule.when.field)!;
				const checked = byName.get(rule.field)!;
				const value = values[checked.index] ?? null;
				if (values[when.index] !== rule.when.equals) continue;
				const n = Number(value);
				if (n < rule.min || n > rule.max) return { kind: 'reject', problem: { column: checked.label, value, problem: problem(rule.problem, { value: String(value) }) } };
			}
			return { kind: 'row', values };
		}
	};
}
