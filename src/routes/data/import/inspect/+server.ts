import { json } from '@sveltejs/kit';
import { inspectPreview, readInspectRequest } from '$lib/server/imports/import-page';
import type { RequestHandler } from './$types';

/**
 * POST /data/import/inspect { headers, rows, spec? }: the upload page's preview (read in the
 * browser) → the datasets it may be, with a column suggested per field, and, for a draft
 * mapping, what the loader would make of each row. Nothing is written.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const body = readInspectRequest(await request.json().catch(() => null));
	if (!body) return json({ error: 'send { headers: string[], rows: string[][] (200 at most), spec?: mapping }' }, { status: 400 });
	return json(inspectPreview(locals.runtime.config, body));
};
