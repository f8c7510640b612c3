import { error, json } from '@sveltejs/kit';
import path from 'node:path';
import { backupDatabase, backupsDir } from '$lib/server/db/backup';
import { hasServerToken, TOKEN_REQUIRED } from '$lib/server/server-token';
import { StorageError } from '$lib/server/storage';
import { inEnglish } from '$lib/i18n/translate';
import type { RequestHandler } from './$types';

/**
 * POST /api/backup: write a backup while the server runs (`npm run backup` hands its work
 * here when the server holds the database). Body (optional JSON): { "to": "<folder>" }.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const rt = locals.runtime;
	if (!hasServerToken(request, rt.token)) error(401, TOKEN_REQUIRED);
	const body = (await request.json().catch(() => ({}))) as { to?: unknown };
	const into = typeof body.to === 'string' && body.to ? path.resolve(body.to) : backupsDir(rt.config);
	try {
		return json(await backupDatabase(rt.db, into, 'manual'));
	} catch (e) {
		if (e instanceof StorageError) return json({ error: inEnglish(e.problem) }, { status: 507 });
		throw e;
	}
};
