/**
 * The mapping the upload page is making: one choice per field (a column, how its dates are
 * written, values to translate), turned into the mapping JSON the loader reads
 * (docs/mappings.md). Pure, shared by the page and its tests.
 */

export interface DraftField {
	column: string | null;
	calendar: 'gregory' | 'persian';
	/** Date format ('' for ISO 8601 or year first). */
	format: string;
	/** Source values read as an allowed value (or as missing: null). */
	map: Record<string, string | null>;
}

export type Draft = Record<string, DraftField>;

/** What the server suggests for one field (suggest.ts FieldSuggestion). */
export interface SuggestedField {
	field: string;
	column: string | null;
	score: number;
	calendar?: 'gregory' | 'persian';
	format?: string;
}

export function draftFrom(fields: SuggestedField[]): Draft {
	return Object.fromEntries(fields.map((f) => [f.field, { column: f.column, calendar: f.calendar === 'persian' ? 'persian' : 'gregory', format: f.format ?? '', map: {} }]));
}

export interface DraftSpec {
	id: string;
	dataset: string;
	title: string;
	detect?: string[];
	timeZone?: string;
	nullValues?: string[];
	fields: Record<string, { column: string; calendar?: 'persian'; format?: string; map?: Record<string, string | null> }>;
}

/** Values meaning "missing", from the page's comma-separated text (the empty cell always is). */
export function parseNulls(text: string): string[] {
	return ['', ...text.split(',').map((v) => v.trim()).filter((v) => v !== '')].filter((v, i, all) => all.indexOf(v) === i);
}

/**
 * The mapping JSON of a draft. Its detection columns are every column it reads: a file
 * dropped later into inbox/<dataset>/ with the same header is read with it too.
 */
export function specFromDraft(d: { id: string; dataset: string; title: string; draft: Draft; nulls: string | null; timeZone: string | null }): DraftSpec {
	const fields: DraftSpec['fields'] = {};
	for (const [name, f] of Object.entries(d.draft)) {
		if (!f.column) continue;
		const map = Object.fromEntries(Object.entries(f.map).filter(([k]) => k.trim() !== ''));
		fields[name] = {
			column: f.column,
			...(f.calendar === 'persian' ? { calendar: 'persian' as const } : {}),
			...(f.format.trim() ? { format: f.format.trim() } : {}),
			...(Object.keys(map).length ? { map } : {})
		};
	}
	const spec: DraftSpec = { id: d.id, dataset: d.dataset, title: d.title, fields };
	const columns = [...new Set(Object.values(fields).map((f) => f.column))];
	if (columns.length) spec.detect = columns;
	if (d.timeZone) spec.timeZone = d.timeZone;
	if (d.nulls !== null) spec.nullValues = parseNulls(d.nulls);
	return spec;
}

/** A mapping id from a file name: lower-case ASCII letters, digits and dashes (or a fallback). */
export function idFromName(name: string, fallback: string): string {
	const base = name
		.replace(/\.[^.]+$/, '')
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48);
	return /^[a-z0-9]/.test(base) ? base : fallback;
}
