import { json } from '@sveltejs/kit';
import path from 'node:path';
import { backupsDir, resolveBackup } from '$lib/server/db/backup';
import { restoreDatabase } from '$lib/server/maintenance';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/**
 * POST /api/restore: put a backup in place of the database while the server runs (between
 * ingest runs; requests wait a moment during the swap). Body: { "backup": "<folder or name or latest>" }.
 * Only the command line's hand-off token may (route policy).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const rt = locals.runtime;
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
		// Into the restored database: the log of the one replaced stays in its backup.
		await audit(rt.db, { ...by(locals), action: 'backup.restore', target: path.basename(result.backup), detail: { previous: path.basename(result.previous) } });
		return json({ backup: result.backup, previous: result.previous, schemaVersion: result.schemaVersion, tables: result.manifest.tables });
	} catch (e) {
		return json({ error: (e as Error).message }, { status: 500 });
	}
};
