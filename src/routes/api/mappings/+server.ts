import { json } from '@sveltejs/kit';
import { inEnglish } from '$lib/i18n/translate';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { DATASETS, DATASET_NAMES } from '$lib/server/imports/datasets';
import { BUILT_IN_MAPPINGS, loadMappings, MappingSaveError, saveMapping } from '$lib/server/imports/mappings/index';
import type { RequestHandler } from './$types';

/**
 * GET /api/mappings: what a mapping editor needs: every dataset's fields (type, key, required,
 * allowed values) and rules across fields, the presets with their parts, the mappings in
 * effect (built-in or the unit's) and the unit's mapping files that cannot be used, with why.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const available = loadMappings(locals.runtime.config.mappingsDir);
	const builtIn = new Set(BUILT_IN_MAPPINGS);
	return json({
		datasets: DATASET_NAMES.map((name) => ({
			name,
			fields: DATASETS[name].fields.map((f) => ({ name: f.name, type: f.type, key: !!f.key, required: !!f.required, values: f.values ?? null, default: f.default ?? null })),
			rules: DATASETS[name].rules ?? []
		})),
		presets: available.presets.map((p) => ({ id: p.id, title: p.title, dataset: p.dataset, timeZone: p.timeZone ?? null, parts: p.mappings.map((m) => ({ id: m.id, dataset: m.dataset })) })),
		mappings: available.mappings.map((m) => ({ ...m, builtIn: builtIn.has(m) })),
		broken: available.broken.map((b) => ({ file: b.file, id: b.id, dataset: b.dataset, problem: b.problem, error: inEnglish(b.problem) }))
	});
};

/**
 * POST /api/mappings { …a mapping or a preset… }: check it and save it into the mappings folder
 * (docs/mappings.md); 201 with where it went, or 400 with why it was refused. The next load
 * uses it; files loaded with its earlier version can be loaded again (/api/import/[id]/load-again).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ error: 'expected a mapping or a preset as JSON (see docs/mappings.md)' }, { status: 400 });
	}
	try {
		const saved = saveMapping(locals.runtime.config.mappingsDir, body);
		await audit(locals.runtime.db, { ...by(locals), action: 'import.mapping_save', target: saved.file, detail: { id: saved.id, dataset: saved.dataset, preset: saved.preset, replaced: saved.replaced } });
		return json({ saved }, { status: 201 });
	} catch (e) {
		if (!(e instanceof MappingSaveError)) throw e;
		return json({ error: inEnglish(e.problem), problem: e.problem }, { status: 400 });
	}
};
