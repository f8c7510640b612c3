/**
 * Random source values for the tests that compare the DuckDB path with the JavaScript path:
 * good values in the shapes exports write (cleanValue), and awkward ones, good and bad
 * (fieldValue): spaces, Persian digits, odd offsets, impossible dates, Greek and Turkish
 * letters, non-breaking spaces, replacement characters …
 */
import fc from 'fast-check';
import { DATASETS, type FieldDef } from '../../src/lib/server/imports/datasets';
import { normalizeName, type MappingSpec } from '../../src/lib/server/imports/mapping';

export const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
export const AWKWARD_TEXT = ['', ' ', '  x  ', '\tx\t', 'x\n', '\u00a0x', 'x\u00a0', 'ΣΑΣ', 'İstanbul', 'شرکت نمونه', 'کارشناس\u200cها', 'Café Crème', '\ufffd', 'a,b', 'a"b', '😀', 'NA', 'null', '?', 'None', 'N/A', ' NA ', 'nan'];

export function textValue(): fc.Arbitrary<string> {
	return fc.oneof(fc.string({ maxLength: 8 }), pick(AWKWARD_TEXT), fc.stringMatching(/^[A-Za-z0-9_ -]{0,10}$/));
}

export const DATES = ['2026-11-21', '2024-02-29', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '1979-12-31', '1980-01-01', '2099-12-31', '2101-01-01', '1403-08-15', '1900-01-01', '2026/1/5', '2026-1-5', '۱۴۰۵-۰۱-۰۱', '٢٠٢٦-٠٣-٢١', '0026-03-21'];
export const TIMES = ['', ' 08:15', 'T08:15:30', ' 08:15:30', 'T23:59:59', 'T24:00:00', ' 24:00', 'T00:00:00', ' 00:60', 'T12:00:60', 'T08:15:30.25', 'T08:15:30,5', 'T00:00:00.000', 'T08:15:30.1234567', ' 8:05', 'T۰۸:۱۵:۳۰'];
export const ZONES = ['', 'Z', 'z', '+03:30', '-05:00', '+0330', '+03', ' Z', '+3:30', 'UTC'];

export function timestampValue(): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 4, arbitrary: fc.tuple(pick(DATES), pick(TIMES), pick(ZONES), pick(['', ' ', '\t'])).map(([d, t, z, pad]) => pad + d + t + z + pad) },
		{ weight: 1, arbitrary: pick(['yesterday', '21/11/2026', '1/2/2026 08:05', '2026-11-21T08:15:30+03:30', '2026-11-21 08:15:30', '', 'NA']) },
		{ weight: 1, arbitrary: fc.date({ min: new Date('1975-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19) + 'Z') }
	);
}

export function numberValue(): fc.Arbitrary<string> {
	return fc.oneof(
		fc.integer({ min: -5, max: 100_000 }).map(String),
		fc.double({ noNaN: false }).map(String),
		pick(['0', '-0', '5.', '.5', '+5', '1e3', '1E-2', '1e400', '1e-400', '1,234', ' 12 ', '۱۲٫۵', '٣٤', '0x10', '1_000', 'Infinity', '12 min', '1:05', '2:30:15', '1:60', '0:00:00', '١:٠٥', '', 'NA', '10', '11', '1', '5', '6', '3.0', '2.5'])
	);
}

/** Durations in minutes (numbers in the source's unit, or H:MM[:SS]). */
export function minutesValue(): fc.Arbitrary<string> {
	return fc.oneof(numberValue(), pick(['0:05', '1:05:30', '12:5', '1:60', '۱:۰۵', '90', '1.5', '-3', '0.1', '1e2', ' 2:00 ']));
}

/** Tag lists: separators, spaces, repeats, empty labels, quotes. */
export function tagsValue(): fc.Arbitrary<string> {
	const label = fc.oneof(fc.stringMatching(/^[a-z0-9_-]{1,6}$/), pick(['vip', 'VIP', ' vip ', '', 'a"b', 'a\\b', 'شرکت', 'ΣΑΣ', 'x\ty', '😀']));
	return fc.tuple(fc.array(label, { maxLength: 5 }), pick([',', ', ', ';', ' ', '  ', '|'])).map(([ls, sep]) => ls.join(sep));
}

export function booleanValue(): fc.Arbitrary<string> {
	return pick(['true', 'false', 'TRUE', ' yes ', 'no', '1', '0', 't', 'f', 'y', 'n', 'بله', 'خیر', 'آری', '۱', '٠', 'maybe', '', 'NA', 'True\t']);
}

export function enumValue(def: FieldDef): fc.Arbitrary<string> {
	const names = [...def.values!, ...Object.keys(def.aliases ?? {})];
	return fc.oneof(
		pick(names),
		pick(names).map((n) => n.toUpperCase().replace(/_/g, ' ')),
		pick(names).map((n) => ` ${n.replace(/_/g, '-')} `),
		pick(['hung up', 'other', '', 'NA', 'ΣΑΣ', 'In\u00a0bound'])
	);
}

export function fieldValue(def: FieldDef | undefined): fc.Arbitrary<string> {
	if (!def) return textValue();
	switch (def.type) {
		case 'timestamp':
		case 'date':
			return timestampValue();
		case 'integer':
		case 'number':
		case 'seconds':
			return numberValue();
		case 'minutes':
			return minutesValue();
		case 'tags':
			return tagsValue();
		case 'boolean':
			return booleanValue();
		case 'enum':
			return enumValue(def);
		default:
			return textValue();
	}
}

/** Which dataset field a source column feeds (for choosing plausible values). */
export function fieldOfColumn(spec: MappingSpec, column: string): FieldDef | undefined {
	const def = DATASETS[spec.dataset];
	for (const [name, src] of Object.entries(spec.fields)) {
		for (const one of Array.isArray(src) ? src : src ? [src] : []) {
			const cols = one.columns ?? (one.column ? [one.column] : []);
			if (cols.map(normalizeName).includes(column)) return def.fields.find((f) => f.name === name);
		}
	}
	return undefined;
}

/** Values every path accepts, in the shapes exports write: none of them should need JavaScript. */
export function cleanValue(def: FieldDef): fc.Arbitrary<string> {
	switch (def.type) {
		case 'timestamp':
			return fc
				.tuple(fc.date({ min: new Date('1981-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }), pick(['Z', '', '+03:30', '-05:00']), pick(['T', ' ']))
				.map(([d, z, t]) => d.toISOString().slice(0, 19).replace('T', t) + z);
		case 'date':
			return fc.date({ min: new Date('1981-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
		case 'integer':
			return fc.integer({ min: def.min ?? 0, max: Math.min(def.max ?? 1000, def.name === 'score' ? 5 : 1000) }).map((n) => (def.name === 'score' ? String(Math.max(1, n)) : String(n)));
		case 'number':
		case 'seconds':
			return fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.double({ min: 0, max: 1e6, noNaN: true }).map(String));
		case 'minutes':
			return fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.double({ min: 0, max: 1e6, noNaN: true }).map(String), pick(['0:05', '1:05:30', '12:00']));
		case 'tags':
			return fc.array(fc.stringMatching(/^[a-z0-9_-]{1,6}$/), { maxLength: 4 }).map((ls) => ls.join(','));
		case 'boolean':
			return pick(['true', 'false', 'yes', 'no', '1', '0', 'بله', 'خیر']);
		case 'enum':
			return pick(def.values!);
		default:
			return fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,10}[A-Za-z0-9]$/), pick(['شرکت نمونه', 'کارشناس\u200cها', 'Café Crème', 'a,b', 'a "b"']));
	}
}

