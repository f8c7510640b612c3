import { error, json } from '@sveltejs/kit';
import { backupsDir, resolveBackup } from '$lib/server/db/backup';
import { restoreDatabase } from '$lib/server/maintenance';
import { hasServerToken, TOKEN_REQUIRED } from '$lib/server/server-token';
import type { RequestHandler } from './$types';

/**
 * POST /api/restore: put a backup in place of the database while the server runs (between
 * ingest runs; requests wait a moment during the swap). Body: { "backup": "<folder or name or latest>" }.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const rt = locals.runtime;
	if (!hasServerToken(request, rt.token)) error(401, TOKEN_REQUIRED);
	const body = (await request.json().catch(() => ({}))) as { backup?: unknown };
	let backup: string;
	try {
		backup = resolveBackup(typeof body.backup === 'string' && body.backup ? body.backup : 'latest', backupsDir(rt.config));
	} catch (e) {
		return json({ error: (e as Error).message }, { status: 404 });
	}
	try {
		const result = await restoreDatabase(rt.config, backup, rt.db);
		rt.settings = result.settings;
		rt.schemaVersion = result.schemaVersion;
		return json({ backup: result.backup, previous: result.previous, schemaVersion: result.schemaVersion, tables: result.manifest.tables });
	} catch (e) {
		return json({ error: (e as Error).message }, { status: 500 });
	}
};
