import { json } from '@sveltejs/kit';
import path from 'node:path';
import { backupDatabase, backupsDir } from '$lib/server/db/backup';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { StorageError } from '$lib/server/storage';
import { inEnglish } from '$lib/i18n/translate';
import type { RequestHandler } from './$types';

/**
 * POST /api/backup: write a backup while the server runs (`npm run backup` hands its work
 * here when the server holds the database). Body (optional JSON): { "to": "<folder>" }.
 * Who may: the route policy (an administrator's token, or the command line's).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const rt = locals.runtime;
	const body = (await request.json().catch(() => ({}))) as { to?: unknown };
	// A folder of one's choice on the server only from its own command line, not over the network.
	if (body.to !== undefined && locals.user?.kind !== 'cli') return json({ error: '"to" is for `npm run backup` on the server only' }, { status: 400 });
	const into = typeof body.to === 'string' && body.to ? path.resolve(body.to) : backupsDir(rt.config);
	try {
		const result = await backupDatabase(rt.db, into, 'manual');
		await audit(rt.db, { ...by(locals), action: 'backup.create', target: path.basename(result.path), detail: { bytes: result.bytes } });
		return json(result);
	} catch (e) {
		if (e instanceof StorageError) return json({ error: inEnglish(e.problem) }, { status: 507 });
		throw e;
	}
};
