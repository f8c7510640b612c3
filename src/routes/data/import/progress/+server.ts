import { json } from '@sveltejs/kit';
import { jobProgress } from '$lib/server/imports/progress';
import type { RequestHandler } from './$types';

/**
 * GET /data/import/progress?job=ID: how a followed upload's load goes (state, files done,
 * rows read and rejected, and at the end the file's outcome). 404 for a job the server does
 * not know (never made, or long finished).
 */
export const GET: RequestHandler = async ({ url }) => {
	const progress = jobProgress(url.searchParams.get('job') ?? '');
	if (!progress) return json({ error: 'no such upload' }, { status: 404 });
	return json(progress, { headers: { 'cache-control': 'no-store' } });
};
