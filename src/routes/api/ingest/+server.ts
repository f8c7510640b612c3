import { error, json } from '@sveltejs/kit';
import crypto from 'node:crypto';
import { runIngest } from '$lib/server/imports/ingest';
import type { RequestHandler } from './$types';

/**
 * POST /api/ingest: run the ingest now and return the run's summary. For `npm run ingest`
 * while the server owns the database: it sends the token the server wrote to
 * <db>.server.json (readable only by the account that runs the server).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const rt = locals.runtime;
	const given = Buffer.from((request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
	const expected = Buffer.from(rt.token);
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) error(401, 'a valid token is required (see <database>.server.json)');
	return json(await runIngest(rt.db, rt.config, 'cli'));
};
