import { json } from '@sveltejs/kit';
import { isDatasetName } from '$lib/server/imports/datasets';
import { detectLayouts } from '$lib/server/imports/detect';
import { loadMappings } from '$lib/server/imports/mappings/index';
import type { RequestHandler } from './$types';

/**
 * POST /api/import/detect { header: string[], dataset?: string }: the layouts the file's header
 * row could be read with, best first (candidates[0].fits: it can load), each with its dataset,
 * mapping, preset, the columns it matched, the detection columns and required fields it
 * misses, and the other datasets its preset loads from the same file. For the upload page,
 * before it uploads; the same rules decide the load.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	let body: { header?: unknown; dataset?: unknown };
	try {
		body = await request.json();
	} catch {
		return json({ error: 'expected JSON: { "header": ["column", …], "dataset": "tickets" }' }, { status: 400 });
	}
	const header = body?.header;
	if (!Array.isArray(header) || header.length === 0 || header.length > 2000 || !header.every((h) => typeof h === 'string' && h.length <= 500)) {
		return json({ error: '"header" must be the file\'s column names, a non-empty list of texts' }, { status: 400 });
	}
	const dataset = body.dataset === undefined || body.dataset === null || body.dataset === '' ? null : String(body.dataset);
	if (dataset !== null && !isDatasetName(dataset)) return json({ error: `there is no dataset "${dataset}"` }, { status: 400 });
	const available = loadMappings(locals.runtime.config.mappingsDir);
	const candidates = detectLayouts(header as string[], available, dataset);
	return json({ dataset, candidates: candidates.slice(0, 20), problems: available.problems });
};
