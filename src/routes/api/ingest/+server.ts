import { json } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { runIngest } from '$lib/server/imports/ingest';
import { by } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/**
 * POST /api/ingest: run the ingest now and return the run's summary. For `npm run ingest`
 * while the server owns the database (it sends the hand-off token the server wrote to
 * <database>.server.json, readable only by the account that runs the server), and for
 * administrators' API tokens. The guard checks the caller (route policy).
 */
export const POST: RequestHandler = async ({ locals }) => {
	const rt = locals.runtime;
	const run = await runIngest(rt.db, rt.config, 'cli');
	await audit(rt.db, { ...by(locals), action: 'import.run', target: `run #${run.id}`, detail: { status: run.status, inserted: run.inserted, updated: run.updated, rejected: run.rejected } });
	return json(run);
};
