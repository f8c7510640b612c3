/**
 * The upload page's mapping step, on the server: which dataset a header looks like, which
 * column to read each field from (by the names of ./synonyms.ts, in English and Persian, and by
 * what the preview's values look like), how its dates are written (Jalali or Gregorian, which
 * order), and what the loader would make of the preview rows with a draft mapping.
 *
 * The checks run the loader's own mapping code (compileMapping) on the preview rows, so what
 * the page shows as a problem is exactly what the load would reject.
 *
 * Kept apart from the loader so the detection can follow the ingest core's own (presets,
 * detection from a header) when it has one: suggestForHeader is the one entry point.
 */
import { DATASETS, DATASET_NAMES, type DatasetName, type FieldDef } from './datasets';
import { chooseMapping, compileMapping, DEFAULT_NULLS, MappingError, nativeMapping, normalizeName, validateMappingSpec, type MappingSpec, type SourceRecord } from './mapping';
import { SYNONYMS } from './synonyms';
import { compileFormat, parseDate, parseNumber, parseTimestamp, type SourceCalendar } from './values';
import { problem, type Problem } from '../../i18n/translate';
import { persianLetters } from '../../upload/encoding';

/** A header as compared with names: Persian letters, no ZWNJ, case, punctuation or extra spaces. */
export function headerKey(name: string): string {
	return persianLetters(name.normalize('NFC'))
		.replace(/^\uFEFF/, '')
		.replace(/[\u200c\u200f\u200e]/g, ' ')
		.toLowerCase()
		.replace(/[_\-./#:()[\]"'،]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export interface FieldSuggestion {
	field: string;
	/** The header suggested (as written in the file), or null. */
	column: string | null;
	/** How sure: 1 the field's own name, less for a synonym or a part of the header. */
	score: number;
	calendar?: SourceCalendar;
	format?: string;
}

export interface DatasetCandidate {
	dataset: DatasetName;
	/** 0-1: the share of the dataset's fields found, required ones counting double. */
	score: number;
	/** A mapping already known (the unit's own or built in) that fits this header; null for none. */
	mapping: { id: string; title: string } | null;
	fields: FieldSuggestion[];
	/** Required fields no column was found for. */
	missing: string[];
}

function nameScore(header: string, def: FieldDef, synonyms: string[]): number {
	const h = headerKey(header);
	if (h === headerKey(def.name)) return 1;
	let best = 0;
	for (const s of synonyms) {
		const k = headerKey(s);
		if (!k) continue;
		if (h === k) best = Math.max(best, 0.9);
		// The synonym as whole words inside a longer header ("Ticket created date").
		else if (k.length >= 3 && ` ${h} `.includes(` ${k} `)) best = Math.max(best, 0.4 + 0.3 * (k.length / h.length));
	}
	return best;
}

const JALALI_YEAR = /(^|\D)(1[34]\d\d)[-/.](\d{1,2})[-/.](\d{1,2})/;

/** Date orders tried when values are not ISO 8601 (most specific first). */
const DATE_FORMATS = [
	'D/M/YYYY H:mm:ss',
	'D/M/YYYY H:mm',
	'D/M/YYYY',
	'M/D/YYYY H:mm:ss',
	'M/D/YYYY H:mm',
	'M/D/YYYY',
	'D.M.YYYY H:mm:ss',
	'D.M.YYYY H:mm',
	'D.M.YYYY',
	'D-M-YYYY H:mm',
	'D-M-YYYY'
];

/**
 * How a date column is written: the calendar and the format that read the most of its values
 * (ISO 8601 needs no format). Null when nothing reads a value.
 */
export function guessDateReading(values: string[], kind: 'timestamp' | 'date'): { calendar: SourceCalendar; format?: string; read: number } | null {
	const present = values.map((v) => v.trim()).filter((v) => v !== '' && !DEFAULT_NULLS.includes(v));
	if (!present.length) return null;
	const parse = kind === 'date' ? parseDate : parseTimestamp;
	const jalali = present.filter((v) => JALALI_YEAR.test(v.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)))).length > present.length / 2;
	const calendars: SourceCalendar[] = jalali ? ['persian', 'gregory'] : ['gregory', 'persian'];
	let best: { calendar: SourceCalendar; format?: string; read: number } | null = null;
	for (const calendar of calendars) {
		for (const format of [undefined, ...DATE_FORMATS]) {
			const formats = format ? [compileFormat(format)] : undefined;
			let read = 0;
			for (const v of present) {
				const r = parse(v, { formats, calendar, maxYear: 2100 });
				// A date column read as a timestamp: midnight values only fail "has a time".
				if (r.ok) read++;
			}
			if (read > (best?.read ?? 0)) best = { calendar, format, read };
			if (read === present.length) return best;
		}
	}
	return best;
}

/** How well a column's preview values fit a field's type (0-1; 0.5 when there is nothing to see). */
function valueFit(def: FieldDef, values: string[]): number {
	const present = values.map((v) => v.trim()).filter((v) => v !== '' && !DEFAULT_NULLS.includes(v));
	if (!present.length) return 0.5;
	const share = (ok: (v: string) => boolean) => present.filter(ok).length / present.length;
	switch (def.type) {
		case 'timestamp':
		case 'date':
			return (guessDateReading(present, def.type)?.read ?? 0) / present.length;
		case 'integer':
		case 'number':
		case 'seconds':
		case 'minutes':
			return share((v) => parseNumber(v).ok || /^\d+:\d{2}(:\d{2})?$/.test(v));
		case 'enum': {
			const allowed = new Set([...(def.values ?? []), ...Object.keys(def.aliases ?? {})]);
			return share((v) => allowed.has(v.toLowerCase().replace(/[\s-]+/g, '_')));
		}
		default:
			return 0.5;
	}
}

/** The preview values of one column. */
function columnValues(headers: string[], rows: string[][], column: string): string[] {
	const i = headers.indexOf(column);
	return i < 0 ? [] : rows.map((r) => r[i] ?? '');
}

/** Suggest a column for every field of a dataset: the best-named column first, each column used once. */
function suggestFields(dataset: DatasetName, headers: string[], rows: string[][]): FieldSuggestion[] {
	const def = DATASETS[dataset];
	const synonyms = SYNONYMS[dataset] ?? {};
	const pairs: { field: FieldDef; header: string; score: number }[] = [];
	for (const f of def.fields) {
		for (const h of headers) {
			const s = nameScore(h, f, synonyms[f.name] ?? []);
			if (s <= 0) continue;
			// Values that do not fit the type lower a name match (a "Date" column of text is not a date).
			const fit = valueFit(f, columnValues(headers, rows, h));
			pairs.push({ field: f, header: h, score: s * (0.6 + 0.4 * fit) });
		}
	}
	pairs.sort((a, b) => b.score - a.score);
	const taken = new Set<string>();
	const chosen = new Map<string, { header: string; score: number }>();
	for (const p of pairs) {
		if (chosen.has(p.field.name) || taken.has(p.header) || p.score < 0.3) continue;
		chosen.set(p.field.name, { header: p.header, score: p.score });
		taken.add(p.header);
	}
	return def.fields.map((f) => {
		const c = chosen.get(f.name);
		const s: FieldSuggestion = { field: f.name, column: c?.header ?? null, score: c ? Math.round(c.score * 100) / 100 : 0 };
		if (c && (f.type === 'timestamp' || f.type === 'date')) {
			const reading = guessDateReading(columnValues(headers, rows, c.header), f.type);
			if (reading?.calendar === 'persian') s.calendar = 'persian';
			if (reading?.format) s.format = reading.format;
		}
		return s;
	});
}

/**
 * What a header (and the preview rows under it) most likely is: every dataset ranked, each with
 * a column suggested for each field and the known mapping that fits it, if any.
 */
export function suggestForHeader(headers: string[], rows: string[][], mappings: MappingSpec[]): DatasetCandidate[] {
	const candidates = DATASET_NAMES.map((dataset): DatasetCandidate => {
		const def = DATASETS[dataset];
		const fields = suggestFields(dataset, headers, rows);
		const known = chooseMapping(dataset, headers, mappings.filter((m) => m.dataset === dataset));
		const native = chooseMapping(dataset, headers, [nativeMapping(dataset)]);
		let weight = 0;
		let found = 0;
		for (const f of def.fields) {
			const w = f.required && f.default === undefined ? 2 : 1;
			weight += w;
			found += w * (fields.find((s) => s.field === f.name)?.score ?? 0);
		}
		const missing = def.fields.filter((f) => f.required && f.default === undefined && !fields.find((s) => s.field === f.name)?.column).map((f) => f.name);
		// A file's columns all used by the dataset count as much: a ticket export read as customers
		// (or as status changes, whose three fields a ticket's columns also fill) would leave most
		// of its columns unread.
		const used = fields.filter((s) => s.column).length / Math.max(1, headers.length);
		let score = (found / weight) * 0.5 + used * 0.5;
		if (missing.length) score *= 0.5;
		if (known) score = Math.max(score, 0.95);
		else if (native) score = Math.max(score, 0.9);
		return { dataset, score: Math.round(score * 100) / 100, mapping: known ? { id: known.id, title: known.title } : null, fields, missing };
	});
	return candidates.sort((a, b) => b.score - a.score);
}

/** A mapping made from the page's choices (the id, title and fields as chosen). */
export function draftSpec(dataset: DatasetName, id: string, title: string, fields: FieldSuggestion[], extra: Partial<MappingSpec> = {}): MappingSpec {
	const spec: MappingSpec = { id, dataset, title, ...extra, fields: {} };
	for (const f of fields) {
		if (!f.column) continue;
		spec.fields[f.field] = { column: f.column, ...(f.calendar === 'persian' ? { calendar: 'persian' as const } : {}), ...(f.format ? { format: f.format } : {}) };
	}
	return spec;
}

export interface RowCheck {
	kind: 'row' | 'reject' | 'skip';
	/** For a reject: the column (as the mapping names it), the value and why. */
	column?: string | null;
	value?: string | null;
	problem?: Problem;
}

export interface FieldCheck {
	field: string;
	/** Preview rows with a value for the field (or without one where it is required). */
	checked: number;
	failed: number;
	/** Why the first failing value failed. */
	problem: Problem | null;
	/** Distinct values that failed (at most 5), to map or to mark as missing. */
	badValues: string[];
}

export interface PreviewCheck {
	/** The mapping cannot be used at all (a required field without a column, a bad option). */
	error: Problem | null;
	rows: RowCheck[];
	fields: FieldCheck[];
}

function records(headers: string[], rows: string[][]): SourceRecord[] {
	const index = new Map(headers.map((h, i) => [normalizeName(h), i]));
	return rows.map((fields, k) => ({
		line: k + 2,
		record: k + 1,
		raw: () => fields.join(','),
		get: (column: string) => {
			const i = index.get(column);
			return i === undefined ? undefined : (fields[i] ?? '');
		},
		...(fields.length !== headers.length ? { problem: problem('problem.wrongWidth', { expected: headers.length, found: fields.length }) } : {})
	}));
}

/** A value that passes a field's check, standing in for the other required fields in a one-field check. */
function placeholder(def: FieldDef): string {
	if (def.default !== undefined) return def.default;
	switch (def.type) {
		case 'enum':
			return def.values![0]!;
		case 'integer':
		case 'number':
		case 'seconds':
		case 'minutes':
			return String(def.min ?? 1);
		case 'boolean':
			return 'true';
		case 'date':
			return '2020-01-01';
		case 'timestamp':
			return '2020-01-01 00:00:00';
		default:
			return 'x';
	}
}

/**
 * What the loader would do with the preview rows under a draft mapping: each row loaded,
 * rejected (why) or skipped, and per field how many values fail and why.
 */
export function checkPreview(spec: MappingSpec, headers: string[], rows: string[][], options: { builtIn?: boolean } = {}): PreviewCheck {
	try {
		// A saved or drafted mapping is checked as a mapping file would be; the product's own
		// layout ("native", which no saved mapping may be called) is not one.
		if (!options.builtIn) validateMappingSpec(spec, 'mapping');
	} catch (e) {
		return { error: problem('problem.mappingUnusable', { file: spec.id || '?', detail: (e as Error).message.replace(/^mapping: /, '') }), rows: [], fields: [] };
	}
	let whole;
	try {
		whole = compileMapping(spec, headers);
	} catch (e) {
		if (e instanceof MappingError) return { error: e.problem, rows: [], fields: [] };
		throw e;
	}
	const recs = records(headers, rows);
	const rowChecks: RowCheck[] = recs.map((r) => {
		const m = whole.map(r);
		return m.kind === 'reject' ? { kind: 'reject', column: m.problem.column, value: m.problem.value, problem: m.problem.problem } : { kind: m.kind };
	});
	const def = DATASETS[spec.dataset];
	const fields: FieldCheck[] = [];
	for (const f of def.fields) {
		const source = spec.fields[f.name];
		if (!source) continue;
		// The field alone: the other required fields stand in with values that pass.
		const alone: MappingSpec = { ...spec, skip: [], fields: { [f.name]: source } };
		for (const other of def.fields) if (other.name !== f.name && other.required) alone.fields[other.name] = { const: placeholder(other) };
		let compiled;
		try {
			compiled = compileMapping(alone, headers);
		} catch {
			continue;
		}
		const check: FieldCheck = { field: f.name, checked: 0, failed: 0, problem: null, badValues: [] };
		const sources = Array.isArray(source) ? source : [source];
		const nulls = new Set([...(spec.nullValues ?? DEFAULT_NULLS), ...sources.flatMap((s) => s.null ?? [])].map((v) => v.trim()));
		const present = (r: SourceRecord) =>
			sources.some((s) => s.const !== undefined || (s.columns ?? (s.column !== undefined ? [s.column] : [])).some((c) => !nulls.has((r.get(normalizeName(c)) ?? '').trim())));
		for (const r of recs) {
			if (r.problem) continue;
			const m = compiled.map(r);
			if (m.kind !== 'reject' && !present(r)) continue;
			check.checked++;
			if (m.kind !== 'reject') continue;
			check.failed++;
			check.problem ??= m.problem.problem;
			const v = m.problem.value;
			if (v !== null && check.badValues.length < 5 && !check.badValues.includes(v)) check.badValues.push(v);
		}
		fields.push(check);
	}
	return { error: null, rows: rowChecks, fields };
}
