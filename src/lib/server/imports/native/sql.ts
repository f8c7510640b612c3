/**
 * The mapping, typing and validation of ../mapping.ts and ../values.ts as one DuckDB SELECT,
 * generated from the same compiled mapping (and so from the same dataset definitions).
 *
 * The SELECT reads a relation `src` whose columns hold the file's values as text, and gives,
 * per row, one column per dataset field as text the merge (queries/ingest/insert_*.sql, upsert_*.sql) turns
 * into the same value as the JavaScript path's canonical text (`2026-11-21 08:15:00+03:30`,
 * `12.5`, `true`, `waiting_customer`): that text itself, or, where it is cheaper and the upsert
 * casts both alike, the value as written (`2026-11-21T08:15:00Z`, `1e3`), and:
 * - `_ok`: the row loads with exactly these values: the JavaScript path would accept it and
 *   stage the same text;
 * - `_skip`: the 1-based index of the mapping's skip rule the row meets, if any;
 * - `_route`: the row is not surely good: it is handed to the JavaScript mapping, which
 *   rejects it with its reason (or, when this SQL was only unsure, loads it).
 *
 * The SQL only has to be right about what it accepts; whatever it is unsure of goes to the
 * JavaScript mapping, so a reject's column, value and reason are always the JavaScript path's
 * own. Values with characters whose trimming or lower-casing DuckDB might do differently from
 * JavaScript (unusual spaces, Greek, Turkish dotted I …) make their row `_route` as a whole.
 *
 * Values from a mapping file (null tokens, map keys and values, constants, prefixes, skip
 * values) are bound as parameters. Date format patterns are the exception: DuckDB needs
 * regexp_extract's pattern as a constant, so they are written as SQL string literals (quotes
 * doubled), built from the format's tokens and its escaped literal text.
 */
import { LIST, DOUBLE, INTEGER, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { FieldDef, RowRule } from '../datasets';
import type { CompiledField, CompiledMapping, CompiledSource } from '../mapping';
import type { CompiledFormat } from '../values';
import { jalaliMonths } from './jalali';

/** JavaScript's String.prototype.trim() on the characters a routed-free row can hold. */
export const ASCII_SPACE = ' \t\n\u000b\f\r';
/** The same set in a regular expression (RE2 has no \v in \s). */
const SPACE_CLASS = '[\\t\\n\\x0B\\f\\r ]';

/**
 * Characters whose trimming, lower-casing and matching DuckDB does as JavaScript does: ASCII,
 * Latin-1 letters and signs (no space), Hebrew, Arabic and Persian letters and digits, zero-width
 * joiners and marks, general punctuation (no space), currency signs, kana, CJK ideographs,
 * Hangul. A value with anything else sends its row to the JavaScript mapping.
 */
export const SAFE_CHARS =
	'\\x{0000}-\\x{007F}\\x{00A1}-\\x{00AC}\\x{00AE}-\\x{00FF}\\x{0590}-\\x{05FF}\\x{0600}-\\x{06FF}\\x{0750}-\\x{077F}\\x{08A0}-\\x{08FF}' +
	'\\x{FB50}-\\x{FDFF}\\x{FE70}-\\x{FEFE}\\x{200B}-\\x{200F}\\x{2010}-\\x{2027}\\x{2030}-\\x{205E}\\x{20A0}-\\x{20CF}\\x{3040}-\\x{30FF}' +
	'\\x{4E00}-\\x{9FFF}\\x{AC00}-\\x{D7A3}';
const SAFE_RE = new RegExp(`^[${SAFE_CHARS.replace(/\\x\{([0-9A-F]+)\}/g, '\\u$1')}]*$`);

/** Whether a string (a constant of a mapping) holds only characters the SQL treats as JavaScript does. */
export function isSafeText(s: string): boolean {
	return SAFE_RE.test(s);
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬';
const ASCII_DIGITS = '01234567890123456789.';

/** The ISO 8601 pattern of values.ts, for RE2: 8 groups y mo d h mi s f z. */
const ISO_RE =
	'^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?' + SPACE_CLASS + '*(Z|z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?$';
/** The ISO shape most exports write, whose parts stand at fixed places. */
const FAST_ISO = '\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})?';
const FAST_DAY = '\\d{4}-\\d{2}-\\d{2}';
const PARTS = ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'z', 'h12', 'ap'] as const;
type Part = (typeof PARTS)[number];
const PART_OF: Record<string, Part> = { year: 'y', month: 'mo', day: 'd', hour: 'h', minute: 'mi', second: 's', fraction: 'f', offset: 'z', hour12: 'h12', meridiem: 'ap' };
/** values.ts parseMinutes: a clock duration H:MM[:SS] (two-digit minutes and seconds). */
const MINUTES_CLOCK_RE = '^(\\d+):([0-5]\\d)(?::([0-5]\\d))?$';
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600 };
const NUMBER_RE = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$';
const CLOCK_RE = '^(\\d+):([0-5]?\\d)(?::([0-5]?\\d))?$';
const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'بله', 'آری'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'خیر'];
/** Years a timestamp may have (values.ts: 1980 to next year); dates up to 2100. */
const MIN_YEAR = 1980;
const DATE_MAX_YEAR = 2100;

export interface GeneratedSql {
	/** A SELECT over `src`; see the module's comment for its columns. */
	select: string;
	params: Record<string, DuckDBValue>;
	types: Record<string, DuckDBType>;
	/** The columns of `src` the SELECT reads. */
	reads: string[];
}

export interface SqlOptions {
	/** The SQL name of a source column in `src` (normalized name in), or undefined when the file has no such column. */
	column: (normalized: string) => string | undefined;
	/** The last year a timestamp may have (values.ts: next year). */
	maxYear: number;
	/** More output columns: SQL expressions over `src` and `_route` ("case when _route then c0 end as c0"). */
	keep?: string[];
	/**
	 * What the whole file is known to hold (from its bytes, ./census.ts), to leave out checks
	 * that cannot matter: `ascii`: no character outside ASCII (nothing to route for its
	 * characters, no Persian digits); `spacesOnly`: no tab, vertical tab, form feed or line
	 * break inside a value, so JavaScript's trim() removes only " ".
	 */
	known?: { ascii?: boolean; spacesOnly?: boolean };
	/** A boolean over `src`: the reader is not sure of this row's values (it goes to JavaScript). */
	srcUnsure?: string;
	/** A boolean over `src`: the row is no record at all (a blank line): neither loaded, routed nor skipped. */
	srcIgnore?: string;
}

const sqlString = (s: string) => {
	if (s.includes('\u0000')) throw new Error('a pattern with a NUL character');
	return `'${s.replace(/'/g, "''")}'`;
};

/** A values.ts date format as an RE2 pattern with 8 groups in PARTS order (missing ones empty). */
function formatPattern(f: CompiledFormat): string {
	if (!f.regex) return ISO_RE + '()()'; // "ISO" in a list of formats: ISO 8601, no 12-hour parts
	// The JavaScript regex source: literal text escaped, spaces as \s+, tokens as digit groups.
	let source = f.regex.source.replace(/\\s\+/g, `${SPACE_CLASS}+`);
	if (!source.startsWith('^') || !source.endsWith('$')) throw new Error(`unexpected format pattern ${source}`);
	// RE2 names groups by position; reorder by giving every part a group, empty when absent.
	const named = f.parts.map((p) => PART_OF[p]!);
	const missing = PARTS.filter((p) => !named.includes(p));
	source = source.slice(0, -1) + '$' + missing.map(() => '()').join('');
	return source;
}

function namesOf(f: CompiledFormat): Part[] {
	if (!f.regex) return [...PARTS];
	const named = f.parts.map((p) => PART_OF[p]!);
	return [...named, ...PARTS.filter((p) => !named.includes(p))];
}

class Builder {
	params: Record<string, DuckDBValue> = {};
	types: Record<string, DuckDBType> = {};
	private n = 0;
	text(v: string): string {
		const name = `p${++this.n}`;
		this.params[name] = v;
		this.types[name] = VARCHAR;
		return `$${name}`;
	}
	texts(vs: (string | null)[]): string {
		const name = `p${++this.n}`;
		this.params[name] = listValue(vs);
		this.types[name] = LIST(VARCHAR);
		return `$${name}`;
	}
	ints(vs: number[]): string {
		const name = `p${++this.n}`;
		this.params[name] = listValue(vs);
		this.types[name] = LIST(INTEGER);
		return `$${name}`;
	}
	number(v: number): string {
		const name = `p${++this.n}`;
		this.params[name] = v;
		this.types[name] = DOUBLE;
		return `$${name}`;
	}
	int(v: number): string {
		const name = `p${++this.n}`;
		this.params[name] = v;
		this.types[name] = INTEGER;
		return `$${name}`;
	}
}

/** JavaScript's trim() on safe text; the full trim only when the first or last character may be a space. */
const fullTrim = (e: string) => `case when ascii(${e}) > 32 and ascii(right(${e}, 1)) > 32 then ${e} else trim(${e}, ${sqlString(ASCII_SPACE)}) end`;
/** The same when no value holds a tab or line break: only " " to remove. */
const spaceTrim = (e: string) => `case when ascii(${e}) = 32 or ends_with(${e}, ' ') then trim(${e}) else ${e} end`;
/** The text functions of one generation (see SqlOptions.known). */
interface TextFns {
	trim: (e: string) => string;
	digits: (e: string) => string;
}
// list_contains, not IN (…): DuckDB plans a long IN list as a join, which stops column pruning.
const inList = (e: string, list: readonly string[]) => `list_contains([${list.map(sqlString).join(', ')}], ${e})`;
/** Persian and Arabic-Indic digits to ASCII (values.ts normalizeDigits); translate() only on non-ASCII text, where it is slow. */
const allDigits = (e: string) => `case when strlen(${e}) = length(${e}) then ${e} else translate(${e}, ${sqlString(PERSIAN_DIGITS)}, ${sqlString(ASCII_DIGITS)}) end`;


/** Fields the SQL can type: every FieldType of datasets.ts. */
export const SQL_FIELD_TYPES = new Set(['text', 'enum', 'integer', 'number', 'seconds', 'minutes', 'boolean', 'timestamp', 'date', 'tags']);

/**
 * One field's parse: `value` (canonical text or null) and `bad` (true when not surely good),
 * over an expression `raw` (the source value, never null here) and the source used.
 */
interface FieldSql {
	/** Helper columns computed before value/bad, each in a layer after those it reads. */
	helpers: Helpers;
	value: string;
	bad: string;
	/** The number, for min/max and row rules (number types only). */
	number?: string;
}

/** Named intermediate columns; each lands in the first layer after the columns it reads. */
class Helpers {
	readonly list: { name: string; expr: string; depth: number }[] = [];
	private depths = new Map<string, number>();
	add(name: string, expr: string, reads: string[] = []): string {
		const depth = 1 + Math.max(0, ...reads.map((r) => this.depths.get(r) ?? 0));
		this.depths.set(name, depth);
		this.list.push({ name, expr, depth });
		return name;
	}
}

export function generateSql(mapping: CompiledMapping, options: SqlOptions): GeneratedSql {
	const b = new Builder();
	const fx: TextFns = { trim: options.known?.spacesOnly ? spaceTrim : fullTrim, digits: options.known?.ascii ? (e: string) => e : allDigits };
	const { trim } = fx;
	const { fields } = mapping;
	const reads = new Set<string>();
	const col = (name: string) => {
		const c = options.column(name);
		if (c === undefined) throw new Error(`no column ${name} in the source`);
		reads.add(name);
		return c;
	};

	// Layer a: each source column trimmed (t_<i>), the skip rules, and whether the row holds a character the SQL may treat differently.
	const trimmed = new Map<string, string>();
	const tcol = (name: string) => {
		// A column the file lacks (a dotted JSON path kept by compileMapping): no value.
		if (options.column(name) === undefined) return 'cast(null as varchar)';
		let t = trimmed.get(name);
		if (!t) {
			t = `t${trimmed.size}`;
			trimmed.set(name, t);
		}
		return t;
	};
	const layerA: string[] = [];
	// Layer b: each field's source value (raw_f) and which source gave it (used_f).
	const layerB: string[] = [];
	for (const f of fields) {
		const sources = f.sources.map((s) => sourceValue(s, b, tcol));
		if (sources.length === 0) {
			layerB.push(`${f.def.default !== undefined ? b.text(f.def.default) : 'cast(null as varchar)'} as raw_${f.index}`, `0 as used_${f.index}`);
		} else {
			layerB.push(`coalesce(${sources.join(', ')}) as raw_${f.index}`);
			layerB.push(`case ${sources.map((s, i) => `when ${s} is not null then ${i + 1}`).join(' ')} else 0 end as used_${f.index}`);
		}
	}
	const skips = (mapping.spec.skip ?? []).map((s, i) => {
		const name = normalize(s.column!);
		if (options.column(name) === undefined) return null;
		const values = (s.equals ?? []).map((v) => v.trim().toLowerCase());
		return `when list_contains(${b.texts(values)}, lower(${tcol(name)})) then ${i + 1}`;
	});
	const skipCases = skips.filter((s): s is string => s !== null);
	for (const [name, t] of trimmed) layerA.push(`${trim(col(name))} as ${t}`);
	const checked = [...trimmed.keys()].map(col);
	const unsafe =
		checked.length && !options.known?.ascii
			? // CASE, not AND: DuckDB evaluates both sides of AND in a projection; CASE only where needed.
			checked.map((c) => `(case when strlen(${c}) = length(${c}) then false else regexp_matches(${c}, ${sqlString(`[^${SAFE_CHARS}]`)}) end)`).join(' or ')
		: 'false';
	layerA.push(`(${unsafe}${options.srcUnsure ? ` or coalesce(${options.srcUnsure}, true)` : ''}) as _unsafe`);
	layerA.push(`${options.srcIgnore ? `coalesce(${options.srcIgnore}, false)` : 'false'} as _ignore`);
	layerA.push(skipCases.length ? `case when ${options.srcIgnore ? `coalesce(${options.srcIgnore}, false)` : 'false'} then null ${skipCases.join(' ')} end as _skip` : 'cast(null as integer) as _skip');

	// Fields whose texts are compared (notBefore) keep the canonical form of values.ts.
	const compared = new Set(fields.flatMap((f) => f.sources.filter((s) => s.notBefore !== undefined).flatMap((s) => [f.def.name, s.notBefore!])));
	// Layers c…: each field parsed.
	const helperLayers: string[][] = [];
	const valueLayer: string[] = [];
	const numbers = new Map<number, string>();
	for (const f of fields) {
		const p = parseField(f, `raw_${f.index}`, `used_${f.index}`, b, options, fx, compared.has(f.def.name));
		for (const h of p.helpers.list) (helperLayers[h.depth - 1] ??= []).push(`${h.expr} as ${h.name}`);
		const missing = f.def.required ? `raw_${f.index} is null` : 'false';
		valueLayer.push(`case when raw_${f.index} is null then null else ${p.value} end as v_${f.index}`);
		valueLayer.push(`(${missing} or (raw_${f.index} is not null and coalesce(${p.bad}, true))) as bad_${f.index}`);
		if (p.number) {
			valueLayer.push(`${p.number} as n_${f.index}`);
			numbers.set(f.index, `n_${f.index}`);
		}
	}

	// Layer e: clock times that passed midnight (notBefore), in field order as mapping.ts does.
	const finalValue = new Map<number, string>();
	const shiftLayer: string[] = [];
	const byName = new Map(fields.map((f) => [f.def.name, f]));
	for (const f of fields) {
		const shifts = f.sources
			.map((s, i) => ({ s, i }))
			.filter(({ s }) => s.notBefore !== undefined && byName.has(s.notBefore))
			.map(({ s, i }) => {
				const ref = byName.get(s.notBefore!)!;
				const refValue = ref.index < f.index ? (finalValue.get(ref.index) ?? `v_${ref.index}`) : `v_${ref.index}`;
				return `when used_${f.index} = ${i + 1} and v_${f.index} is not null and ${refValue} is not null and v_${f.index} < ${refValue} then strftime(cast(left(v_${f.index}, 10) as date) + 1, '%Y-%m-%d') || substr(v_${f.index}, 11)`;
			});
		if (shifts.length) {
			shiftLayer.push(`case ${shifts.join(' ')} else v_${f.index} end as w_${f.index}`);
			finalValue.set(f.index, `w_${f.index}`);
		}
	}
	const value = (i: number) => finalValue.get(i) ?? `v_${i}`;

	// The dataset's rules across fields (datasets.ts), on the final values as mapping.ts checks them.
	const rules = (mapping.dataset.rules ?? []).map((rule: RowRule) => {
		const w = value(byName.get(rule.when.field)!.index);
		const checkedField = byName.get(rule.field)!;
		const v = value(checkedField.index);
		const named = rule.when.oneOf.filter((x): x is string => x !== null);
		const holds = [...(rule.when.oneOf.includes(null) ? [`${w} is null`] : []), ...(named.length ? [`coalesce(list_contains(${b.texts(named)}, ${w}), false)`] : [])].join(' or ') || 'false';
		if (rule.kind === 'required') return `coalesce((${holds}) and ${v} is null, false)`;
		const n = numbers.get(checkedField.index) ?? `try_cast(${v} as double)`;
		return `coalesce((${holds}) and ${v} is not null and (${n} is null or ${n} < ${b.number(rule.min)} or ${n} > ${b.number(rule.max)}), false)`;
	});
	const anyBad = [...fields.map((f) => `bad_${f.index}`), ...rules].join(' or ') || 'false';

	const out = [...fields.map((f) => `${value(f.index)} as ${quoteIdent(f.def.name)}`), '_ok', '_skip', '_route', ...(options.keep ?? [])];
	const ctes = [`a as (select *, ${layerA.join(', ')} from src)`, `b as (select *, ${layerB.join(', ')} from a)`];
	let last = 'b';
	helperLayers.forEach((layer, k) => {
		ctes.push(`c${k} as (select *, ${layer.join(', ')} from ${last})`);
		last = `c${k}`;
	});
	ctes.push(`d as (select *, ${valueLayer.join(', ')} from ${last})`);
	ctes.push(shiftLayer.length ? `e as (select *, ${shiftLayer.join(', ')} from d)` : `e as (select * from d)`);
	ctes.push(
		`f as (select *, coalesce(not _ignore and not _unsafe and _skip is null and not (${anyBad}), false) as _ok, coalesce(not _ignore and (_unsafe or (_skip is null and (${anyBad}))), true) as _route from e)`
	);
	const select = `with ${ctes.join(',\n')}\nselect ${out.join(', ')} from f`;
	return { select, params: b.params, types: b.types, reads: [...reads] };
}

export const quoteIdent = (id: string) => `"${id.replace(/"/g, '""')}"`;

function normalize(name: string): string {
	return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, '_');
}

/** One source's value (mapping.ts readSource): text, or null. */
function sourceValue(s: CompiledSource, b: Builder, tcol: (name: string) => string): string {
	if (s.constValue !== undefined) return b.text(s.constValue);
	const nulls = b.texts([...s.nulls]);
	const parts = s.columns.map(tcol);
	const prefixes = s.nullPrefixes.length ? b.texts(s.nullPrefixes) : null;
	const missing = parts
		.map((t: string) => `${t} is null or list_contains(${nulls}, ${t})${prefixes ? ` or len(list_filter(${prefixes}, p -> starts_with(${t}, p))) > 0` : ''}`)
		.join(' or ');
	let value = parts.length === 1 ? parts[0]! : parts.join(` || ${b.text(s.join)} || `);
	if (s.map) {
		const keys = [...s.map.keys()];
		const values = keys.map((k) => s.map!.get(k) ?? null);
		const idx = `list_position(${b.texts(keys)}, lower(${value}))`;
		const other = s.hasMapOther ? (s.mapOther === null || s.mapOther === undefined ? 'cast(null as varchar)' : b.text(s.mapOther)) : value;
		value = `case when ${idx} > 0 then ${b.texts(values)}[${idx}] else ${other} end`;
	}
	if (s.prefix) value = `${b.text(s.prefix)} || (${value})`;
	// Only on rows where another column has (or, negated, has not) one of the values (mapping.ts `when`).
	const off = s.when ? `coalesce(list_contains(${b.texts([...s.when.values])}, lower(${tcol(s.when.column)})), false) = ${s.when.negate ? 'true' : 'false'}` : 'false';
	return `(case when ${off} then null when ${missing || 'false'} then null else ${value} end)`;
}

/** The per-source options that change how a field parses (formats, calendar), grouped. */
function optionGroups(f: CompiledField): { key: string; sources: number[]; formats?: CompiledFormat[]; calendar?: string }[] {
	// Sources numbered from 1 as used_f counts them; 0 when the field has none (its default).
	const groups = new Map<string, { key: string; sources: number[]; formats?: CompiledFormat[]; calendar?: string }>();
	f.sources.forEach((s, i) => {
		const key = JSON.stringify([s.formats?.map((x) => x.format) ?? null, s.calendar ?? null]);
		const g = groups.get(key) ?? { key, sources: [], formats: s.formats, calendar: s.calendar };
		g.sources.push(i + 1);
		groups.set(key, g);
	});
	if (groups.size === 0) groups.set('default', { key: 'default', sources: [0] });
	return [...groups.values()];
}

function parseField(f: CompiledField, raw: string, used: string, b: Builder, options: SqlOptions, fx: TextFns, canonical: boolean): FieldSql {
	const { trim, digits } = fx;
	const def: FieldDef = f.def;
	const i = f.index;
	const h = new Helpers();
	// A value read from one column as it is was trimmed already (layer a); a constant, a map's
	// value, a prefix or a join may bring spaces back, and values.ts trims again.
	const plain = f.sources.length > 0 && f.sources.every((s) => s.constValue === undefined && s.columns.length === 1 && !s.map && !s.prefix);
	const t = (e: string) => (plain ? e : trim(e));
	switch (def.type) {
		case 'text': {
			const v = t(raw);
			return { helpers: h, value: def.lowercase ? lower(v) : v, bad: 'false' };
		}
		case 'enum': {
			// Spaces and dashes to "_" (values.ts); a value already among the names needs no replacing.
			const known = [...def.values!, ...Object.keys(def.aliases ?? {})];
			const lowered = h.add(`y_${i}`, lower(t(raw)));
			const e = h.add(`x_${i}`, `case when ${inList(lowered, known)} then ${lowered} else regexp_replace(${lowered}, ${sqlString('[\\t\\n\\x0B\\f\\r -]+')}, '_', 'g') end`, [lowered]);
			const aliases = Object.entries(def.aliases ?? {});
			const value = aliases.length ? h.add(`a_${i}`, `case ${e} ${aliases.map(([k, v]) => `when ${sqlString(k)} then ${sqlString(v)}`).join(' ')} else ${e} end`, [e]) : e;
			return { helpers: h, value, bad: `not ${inList(value, def.values!)}` };
		}
		case 'minutes': {
			// values.ts parseMinutes: H:MM[:SS], or a number in the source's unit (support.ts: one unit per field).
			const s = h.add(`x_${i}`, digits(h.add(`y_${i}`, t(raw))), [`y_${i}`]);
			const c = h.add(`k_${i}`, `case when contains(${s}, ':') then regexp_extract(${s}, ${sqlString(MINUTES_CLOCK_RE)}, ['a', 'b', 'c']) end`, [s]);
			const unit = UNIT_SECONDS[f.sources[0]?.unit ?? 'minutes']!;
			const clock = `try_cast(${c}.a as double) * 60 + try_cast(${c}.b as double) + (case when ${c}.c = '' then 0 else try_cast(${c}.c as double) / 60 end)`;
			const num = h.add(
				`m_${i}`,
				`case when coalesce(${c}.a, '') <> '' then ${clock} when regexp_full_match(${s}, ${sqlString(NUMBER_RE)}) then (try_cast(${s} as double) * ${unit}) / 60 end`,
				[s, c]
			);
			const checks = [`${num} is null`, `not isfinite(${num})`, `${num} < 0`];
			if (def.min !== undefined) checks.push(`${num} < ${b.number(def.min)}`);
			if (def.max !== undefined) checks.push(`${num} > ${b.number(def.max)}`);
			const bad = checks.join(' or ');
			// The double as DuckDB prints it (shortest text that reads back as the same double); -0 as 0.
			return { helpers: h, value: `case when not (${bad}) then (case when ${num} = 0 then '0' else cast(${num} as varchar) end) end`, bad, number: `case when not (${bad}) then ${num} end` };
		}
		case 'tags': {
			// values.ts: split on the source's separator (default ","; a blank one: runs of spaces), each
			// label trimmed, empty ones dropped, repeats dropped (first kept), as a JSON list. Labels
			// with a quote, a backslash or a control character (JSON escapes) go to JavaScript.
			const sep = f.sources[0]?.split ?? ',';
			const v = h.add(`x_${i}`, t(raw));
			const pieces = sep.trim() === '' ? `regexp_split_to_array(${v}, ${sqlString(SPACE_CLASS + '+')})` : `string_split(${v}, ${b.text(sep)})`;
			const labels = h.add(`l_${i}`, `list_filter(list_transform(${pieces}, x -> ${trim('x')}), x -> x <> '')`, [v]);
			const unique = h.add(`u_${i}`, `list_filter(${labels}, (x, k) -> list_position(${labels}, x) = k)`, [labels]);
			return {
				helpers: h,
				value: `'[' || array_to_string(list_transform(${unique}, x -> '"' || x || '"'), ',') || ']'`,
				bad: `regexp_matches(${v}, '["\\\\\\x00-\\x1f]')`
			};
		}
		case 'integer':
		case 'number':
		case 'seconds': {
			const s = h.add(`x_${i}`, digits(h.add(`y_${i}`, t(raw))), [`y_${i}`]);
			let n: string;
			const reads = [s];
			if (def.type === 'seconds') {
				const c = h.add(`k_${i}`, `case when contains(${s}, ':') then regexp_extract(${s}, ${sqlString(CLOCK_RE)}, ['a', 'b', 'c']) end`, [s]);
				reads.push(c);
				const clock = `case when ${c}.c = '' then try_cast(${c}.a as double) * 60 + try_cast(${c}.b as double) else try_cast(${c}.a as double) * 3600 + try_cast(${c}.b as double) * 60 + try_cast(${c}.c as double) end`;
				n = `case when coalesce(${c}.a, '') <> '' then ${clock} when regexp_full_match(${s}, ${sqlString(NUMBER_RE)}) then try_cast(${s} as double) end`;
			} else n = `case when regexp_full_match(${s}, ${sqlString(NUMBER_RE)}) then try_cast(${s} as double) end`;
			const num = h.add(`m_${i}`, n, reads);
			const checks = [`${num} is null`, `not isfinite(${num})`];
			if (def.type === 'integer') checks.push(`${num} <> trunc(${num})`, `abs(${num}) >= 9007199254740992`);
			if (def.type === 'seconds') checks.push(`${num} < 0`);
			if (def.min !== undefined) checks.push(`${num} < ${b.number(def.min)}`);
			if (def.max !== undefined) checks.push(`${num} > ${b.number(def.max)}`);
			const bad = checks.join(' or ');
			// Canonical text: integers without a fraction; other numbers as DuckDB prints a double
			// (the upsert casts it back to the same double); -0 as 0, as JavaScript's String(-0).
			// The number as written when the upsert's cast gives the same double (not a clock
			// duration, not -0, which JavaScript stages as 0); integers without a fraction.
			const clock = def.type === 'seconds' ? `coalesce(k_${i}.a, '') <> ''` : 'false';
			const value =
				def.type === 'integer'
					? `case when not (${bad}) then cast(cast(${num} as bigint) as varchar) end`
					: `case when not (${bad}) then (case when ${num} = 0 then '0' when ${clock} then cast(${num} as varchar) else ${s} end) end`;
			return { helpers: h, value, bad, number: `case when not (${bad}) then ${num} end` };
		}
		case 'boolean': {
			const s = h.add(`x_${i}`, digits(h.add(`y_${i}`, lower(t(raw)))), [`y_${i}`]);
			return {
				helpers: h,
				value: `case when ${inList(s, TRUE_WORDS)} then 'true' when ${inList(s, FALSE_WORDS)} then 'false' end`,
				bad: `not (${inList(s, TRUE_WORDS)} or ${inList(s, FALSE_WORDS)})`
			};
		}
		case 'timestamp':
		case 'date': {
			const s = h.add(`x_${i}`, digits(h.add(`y_${i}`, t(raw))), [`y_${i}`]);
			const maxYear = def.type === 'date' ? DATE_MAX_YEAR : options.maxYear;
			const perGroup = optionGroups(f).map((g, gi) => {
				const pre = `g${gi}_${i}`;
				// The common ISO shapes (2026-11-21T08:15:30[Z|+03:30], and a bare day for a date
				// field), checked and written by position: the parts the pattern below would give,
				// without the cost of extracting groups.
				const fastShape = g.formats?.length || g.calendar === 'persian' ? null : def.type === 'date' ? FAST_DAY : FAST_ISO;
				const fast = fastShape ? h.add(`${pre}fast`, `regexp_full_match(${s}, ${sqlString(fastShape)})`, [s]) : null;
				let fastOk = 'false';
				let fastText = 'null';
				if (fast) {
					// The year by comparing text: the shape starts with four digits.
					const yearOk = `${s} >= '${MIN_YEAR}' and ${s} < ${b.text(String(maxYear + 1))}`;
					if (def.type === 'date') {
						fastOk = h.add(`${pre}fok`, `case when ${fast} then ${yearOk} and try_cast(${s} as date) is not null else false end`, [fast]);
						fastText = s;
					} else {
						// DuckDB's cast checks month, day, minutes and seconds (not 60) as values.ts
						// does, but takes 24:00:00 for midnight, which values.ts refuses. (A null from
						// the cast only sends the row to JavaScript.)
						const valid = `${s} not like '___________24%' and try_cast(${s} as timestamptz) is not null`;
						fastOk = h.add(`${pre}fok`, `case when ${fast} then ${yearOk} and ${valid} else false end`, [fast]);
						// The text as written when only the upsert reads it (to_instant takes "T" and "Z");
						// the canonical form when it is compared with another time (notBefore).
						fastText = canonical ? `case when ends_with(${s}, 'Z') then replace(left(${s}, 19), 'T', ' ') || '+00:00' else replace(${s}, 'T', ' ') end` : s;
					}
				}
				// Anything else: the first format that matches (or ISO 8601), as values.ts tries them.
				const patterns = g.formats?.length ? g.formats.map((fmt) => ({ re: formatPattern(fmt), names: namesOf(fmt) })) : [{ re: ISO_RE + '()()', names: [...PARTS] }];
				const extracts: string[] = [];
				patterns.forEach((p, k) => {
					const extract = `regexp_extract(${s}, ${sqlString(p.re)}, [${p.names.map(sqlString).join(', ')}])`;
					const guard = [...(fast ? [`not ${fast}`] : []), ...extracts.map((e) => `${e}.y = ''`)].join(' and ');
					extracts.push(h.add(`${pre}e${k}`, guard ? `case when ${guard} then ${extract} end` : extract, [s, ...extracts, ...(fast ? [fast] : [])]));
				});
				// The parts as one struct, made only for rows a pattern matched.
				const part = (name: Part) => `case ${extracts.map((e) => `when ${e}.y <> '' then ${e}.${name}`).join(' ')} end`;
				const num = (name: Part) => `coalesce(try_cast(nullif(${part(name)}, '') as integer), 0)`;
				const matched = extracts.map((e) => `coalesce(${e}.y, '') <> ''`).join(' or ');
				const st = h.add(
					`${pre}p`,
					`case when ${matched} then {'y': try_cast(${part('y')} as integer), ${(['mo', 'd', 'h', 'mi', 's'] as const).map((p) => `'${p}': ${num(p)}`).join(', ')}, 'f': coalesce(${part('f')}, ''), 'z': coalesce(${part('z')}, ''), 'h12': ${num('h12')}, 'ap': coalesce(${part('ap')}, '')} end`,
					extracts
				);
				const [yy, mm, dd, h24, mi, ss, ff, zz, h12, ap] = PARTS.map((p) => `${st}.${p}`) as [string, string, string, string, string, string, string, string, string, string];
				// A 12-hour clock (h/hh with A): 12 AM is midnight, 12 PM noon, any other hour no time (99), as values.ts.
				const hh = `(case when ${ap} = '' then ${h24} when ${h12} between 1 and 12 then ${h12} % 12 + (case when lower(left(${ap}, 1)) = 'p' then 12 else 0 end) else 99 end)`;
				const partNames = [st];
				let y = yy;
				let mo = mm;
				let d = dd;
				let found = `${yy} is not null`;
				let reads = partNames;
				if (g.calendar === 'persian') {
					// Jalali to Gregorian by a table of month starts built with the JavaScript calendar (./jalali.ts).
					const table = jalaliMonths();
					const idx = `((${yy} - ${table.firstYear}) * 12 + ${mm})`;
					const inTable = `${yy} between ${table.firstYear} and ${table.lastYear} and ${mm} between 1 and 12`;
					const jok = h.add(`${pre}jok`, `case when ${inTable} then ${dd} between 1 and ${b.ints(table.lengths)}[${idx}] else false end`, partNames);
					const gd = h.add(`${pre}g`, `case when ${jok} then date '1970-01-01' + cast(${b.ints(table.firstDays)}[${idx}] + ${dd} - 1 as integer) end`, [jok]);
					found = jok;
					y = `year(${gd})`;
					mo = `month(${gd})`;
					d = `day(${gd})`;
					reads = [...partNames, gd];
				}
				const leap = `(${y} % 4 = 0 and (${y} % 100 <> 0 or ${y} % 400 = 0))`;
				const monthDays = `case when ${mo} = 2 then (case when ${leap} then 29 else 28 end) when ${mo} in (4, 6, 9, 11) then 30 else 31 end`;
				let checks = `${y} between ${MIN_YEAR} and ${b.int(maxYear)} and ${mo} between 1 and 12 and ${d} between 1 and ${monthDays} and ${hh} <= 23 and ${mi} <= 59 and ${ss} <= 59`;
				// A day: the time must be midnight (a fraction of zeros allowed); the offset is dropped.
				if (def.type === 'date') checks = `${checks} and ${hh} = 0 and ${mi} = 0 and ${ss} = 0 and (${ff} = '' or regexp_full_match(left(${ff}, 6), '0+'))`;
				const slowOk = h.add(`${pre}sok`, `case when ${found} then coalesce(${checks}, false) else false end`, reads);
				const offset = `case when ${zz} = '' then '' when ${zz} in ('Z', 'z', 'UTC', 'GMT') then '+00:00' else left(${zz}, 3) || ':' || case when length(${zz}) > 3 then right(${zz}, 2) else '00' end end`;
				const slowText =
					def.type === 'date'
						? `strftime(make_date(${y}, ${mo}, ${d}), '%Y-%m-%d')`
						: `strftime(make_timestamp(${y}, ${mo}, ${d}, ${hh}, ${mi}, ${ss}), '%Y-%m-%d %H:%M:%S') || case when ${ff} <> '' then '.' || left(${ff}, 6) else '' end || ${offset}`;
				const ok = h.add(`${pre}ok`, fast ? `${fastOk} or ${slowOk}` : slowOk, [slowOk, ...(fast ? [fastOk] : [])]);
				const value = fast ? `case when ${fastOk} then ${fastText} when ${slowOk} then ${slowText} end` : `case when ${slowOk} then ${slowText} end`;
				return { sources: g.sources, ok, value };
			});
			if (perGroup.length === 1) {
				const { ok, value } = perGroup[0]!;
				return { helpers: h, value, bad: `not ${ok}` };
			}
			const value = `case ${perGroup.map((p) => `when ${used} in (${p.sources.join(', ')}) then ${p.value}`).join(' ')} end`;
			const ok = `case ${perGroup.map((p) => `when ${used} in (${p.sources.join(', ')}) then ${p.ok}`).join(' ')} else false end`;
			return { helpers: h, value, bad: `not (${ok})` };
		}
	}
}

const lower = (e: string) => `lower(${e})`;
