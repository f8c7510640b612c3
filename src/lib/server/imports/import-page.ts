/**
 * The upload page's server side (/data/import): what the page needs to know (the datasets and
 * their fields, the mappings there are), the suggestions and checks for a preview (./suggest.ts).
 * A mapping the page makes is saved through POST /api/mappings (saveMapping in
 * ./mappings/index.ts), the one way a mapping is saved.
 */
import type { Config } from '../config';
import { DATASETS, DATASET_NAMES, isDatasetName, type DatasetName, type FieldType } from './datasets';
import { DEFAULT_NULLS, nativeMapping, type MappingSpec } from './mapping';
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
	const native = req.use?.id === 'native' ? nativeMapping(req.use.dataset) : undefined;
	const known = req.use ? (native ?? mappings.find((m) => m.dataset === req.use!.dataset && m.id === req.use!.id)) : undefined;
	const spec = req.spec ?? known ?? null;
	return {
		candidates: suggestForHeader(req.headers, req.rows, mappings),
		check: spec ? checkPreview(spec, req.headers, req.rows, { builtIn: !req.spec && spec === native }) : null
	};
}
