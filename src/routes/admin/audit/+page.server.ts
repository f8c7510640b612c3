import { auditActions, listAudit } from '$lib/server/audit';
import type { PageServerLoad } from './$types';

/** The audit log, newest first, filtered by ?action= (an action or its kind) and ?actor=, ?page=N. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const db = locals.runtime.db;
	const action = url.searchParams.get('action')?.trim() || null;
	const actor = url.searchParams.get('actor')?.trim() || null;
	const page = Number(url.searchParams.get('page') ?? 1);
	const log = await listAudit(db, { action, actor, page: Number.isFinite(page) ? page : 1 });
	const actions = await auditActions(db);
	// The filter offers each kind of dotted actions ('login': login, login.failed, login.locked), then each other action.
	const names = actions.map((a) => a.action);
	const kinds = [...new Set(names.filter((n) => n.includes('.')).map((n) => n.split('.')[0]!))].sort();
	return { ...log, filter: { action, actor }, kinds, actions: names.filter((n) => !kinds.includes(n)) };
};
