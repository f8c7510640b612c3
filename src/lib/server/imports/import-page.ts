/**
 * The upload page's server side (/data/import): what the page needs to know (the datasets and
 * their fields, the mappings there are), the suggestions and checks for a preview (./suggest.ts),
 * and saving a mapping the page made as data/mappings/<id>.json, which the loader reads at
 * every run (./mappings/index.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Phrase } from '../../i18n/translate';
import type { Config } from '../config';
import { DATASETS, DATASET_NAMES, isDatasetName, type DatasetName, type FieldType } from './datasets';
import { DEFAULT_NULLS, nativeMapping, validateMappingSpec, type FieldSource, type MappingSpec } from './mapping';
import { BUILT_IN_MAPPINGS, loadMappings } from './mappings/index';
import { checkPreview, suggestForHeader, type DatasetCandidate, type PreviewCheck } from './suggest';

export interface FieldInfo {
	name: string;
	type: FieldType;
	required: boolean;
	/** Allowed values of an enum. */
	values: string[] | null;
}

export interface MappingInfo {
	id: string;
	dataset: DatasetName;
	title: string;
	builtIn: boolean;
}

/** The datasets and their fields, and the mappings known now, for the page. */
export function importPageData(config: Config) {
	const { mappings } = loadMappings(config.mappingsDir);
	const builtIn = new Set(BUILT_IN_MAPPINGS.map((m) => `${m.dataset}/${m.id}`));
	return {
		datasets: DATASET_NAMES.map((name) => ({
			name,
			fields: DATASETS[name].fields.map(
				(f): FieldInfo => ({ name: f.name, type: f.type, required: !!f.required && f.default === undefined, values: f.values ? [...f.values] : null })
			)
		})),
		mappings: mappings.map((m): MappingInfo => ({ id: m.id, dataset: m.dataset, title: m.title, builtIn: builtIn.has(`${m.dataset}/${m.id}`) })),
		defaultNulls: DEFAULT_NULLS
	};
}

const MAX_PREVIEW_ROWS = 200;
const MAX_COLUMNS = 500;
const MAX_CELL = 2000;

export interface InspectRequest {
	headers: string[];
	rows: string[][];
	/** A draft mapping to check, or a known one by dataset and id. */
	spec: MappingSpec | null;
	use: { dataset: DatasetName; id: string } | null;
}

/** The body of a preview check, or null when it is not one (wrong shapes, too big). */
export function readInspectRequest(body: unknown): InspectRequest | null {
	if (!body || typeof body !== 'object') return null;
	const b = body as Record<string, unknown>;
	const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_CELL;
	if (!Array.isArray(b.headers) || b.headers.length > MAX_COLUMNS || !b.headers.every(isText)) return null;
	if (!Array.isArray(b.rows) || b.rows.length > MAX_PREVIEW_ROWS) return null;
	if (!b.rows.every((r) => Array.isArray(r) && r.length <= MAX_COLUMNS && r.every(isText))) return null;
	const spec = b.spec === undefined || b.spec === null ? null : (b.spec as MappingSpec);
	if (spec !== null && (typeof spec !== 'object' || !isDatasetName(String(spec.dataset)))) return null;
	const use = b.use as { dataset?: unknown; id?: unknown } | null | undefined;
	if (use && (!isDatasetName(String(use.dataset)) || typeof use.id !== 'string')) return null;
	return { headers: b.headers as string[], rows: b.rows as string[][], spec, use: use ? { dataset: use.dataset as DatasetName, id: use.id as string } : null };
}

/** Suggestions for a header and, for a draft mapping, what the loader would make of the rows. */
export function inspectPreview(config: Config, req: InspectRequest): { candidates: DatasetCandidate[]; check: PreviewCheck | null } {
	const { mappings } = loadMappings(config.mappingsDir);
	const known = req.use ? [...mappings, nativeMapping(req.use.dataset)].find((m) => m.dataset === req.use!.dataset && m.id === req.use!.id) : undefined;
	const spec = req.spec ?? known ?? null;
	return {
		candidates: suggestForHeader(req.headers, req.rows, mappings),
		check: spec ? checkPreview(spec, req.headers, req.rows) : null
	};
}

export type SaveResult = { ok: true; id: string; path: string; folder: string } | { ok: false; errors: Record<string, Phrase> };

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Only the keys the format knows, so a page (or a script) cannot write anything else into the file. */
function cleanSpec(spec: MappingSpec): MappingSpec {
	const fields: MappingSpec['fields'] = {};
	for (const [name, src] of Object.entries(spec.fields ?? {})) {
		const one = (s: FieldSource): FieldSource => {
			const out: FieldSource = {};
			if (typeof s.column === 'string') out.column = s.column;
			if (typeof s.const === 'string') out.const = s.const;
			if (s.calendar === 'persian') out.calendar = 'persian';
			if (typeof s.format === 'string' && s.format.trim()) out.format = s.format.trim();
			if (s.map && typeof s.map === 'object') out.map = Object.fromEntries(Object.entries(s.map).filter(([k, v]) => typeof k === 'string' && (v === null || typeof v === 'string')));
			if (Array.isArray(s.null)) out.null = s.null.filter((v) => typeof v === 'string');
			return out;
		};
		if (src) fields[name] = Array.isArray(src) ? src.map(one) : one(src);
	}
	const out: Omit<MappingSpec, 'fields'> = { id: String(spec.id ?? ''), dataset: spec.dataset, title: String(spec.title ?? '').trim() };
	if (typeof spec.description === 'string' && spec.description.trim()) out.description = spec.description.trim();
	if (Array.isArray(spec.detect)) out.detect = spec.detect.filter((c) => typeof c === 'string');
	if (typeof spec.timeZone === 'string' && spec.timeZone) out.timeZone = spec.timeZone;
	if (Array.isArray(spec.nullValues)) out.nullValues = spec.nullValues.filter((v) => typeof v === 'string');
	return { ...out, fields };
}

/**
 * Save a mapping made on the page as <mappings>/<id>.json (written whole under a temporary name
 * first). Refuses, with a reason per field, a bad id, a missing name, a mapping the loader would
 * not accept, or one that exists already unless `replace`.
 */
export function saveMapping(config: Config, raw: MappingSpec, options: { replace: boolean; readOnly: boolean }): SaveResult {
	const errors: Record<string, Phrase> = {};
	if (options.readOnly) return { ok: false, errors: { id: { key: 'import.mappingReadOnly' } } };
	const spec = cleanSpec(raw);
	if (!ID.test(spec.id)) errors.id = { key: 'import.mappingBadId' };
	if (!spec.title) errors.title = { key: 'import.mappingNoTitle' };
	if (!errors.id) {
		const file = path.join(config.mappingsDir, `${spec.id}.json`);
		const taken = fs.existsSync(file) || BUILT_IN_MAPPINGS.some((m) => m.id === spec.id);
		if (taken && !options.replace) errors.id = { key: 'import.mappingExists', params: { id: spec.id } };
	}
	try {
		validateMappingSpec(spec, spec.id || 'mapping');
	} catch (e) {
		errors.fields = { key: 'import.mappingInvalid', params: { detail: (e as Error).message.replace(/^[^:]*: /, '') } };
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	fs.mkdirSync(config.mappingsDir, { recursive: true });
	const file = path.join(config.mappingsDir, `${spec.id}.json`);
	const part = `${file}.part`;
	fs.writeFileSync(part, JSON.stringify(spec, null, '\t') + '\n');
	fs.renameSync(part, file);
	return { ok: true, id: spec.id, path: displayPath(config, file), folder: `inbox/${spec.dataset}/${spec.id}/` };
}

/** A path relative to the data folder's parent when inside it (what an administrator recognises). */
function displayPath(config: Config, file: string): string {
	const rel = path.relative(path.dirname(config.dataDir), file);
	return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}
