import { error, json } from '@sveltejs/kit';
import { runIngest } from '$lib/server/imports/ingest';
import { hasServerToken, TOKEN_REQUIRED } from '$lib/server/server-token';
import type { RequestHandler } from './$types';

/**
 * POST /api/ingest: run the ingest now and return the run's summary. For `npm run ingest`
 * while the server owns the database (token from <db>.server.json).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const rt = locals.runtime;
	if (!hasServerToken(request, rt.token)) error(401, TOKEN_REQUIRED);
	return json(await runIngest(rt.db, rt.config, 'cli'));
};
