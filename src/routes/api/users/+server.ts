import { json } from '@sveltejs/kit';
import { inEnglishPhrase } from '$lib/i18n/translate';
import { AccountError } from '$lib/server/auth/errors';
import { createUser, listUsers } from '$lib/server/auth/users';
import { by } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/** GET /api/users: every account (no password hashes). Administrators, their tokens, and `npm run user`. */
export const GET: RequestHandler = async ({ locals }) => json({ users: await listUsers(locals.runtime.db) });

/** POST /api/users {login, role, password, name?}: create an account (`npm run user -- add`). */
export const POST: RequestHandler = async ({ locals, request }) => {
	const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
	if (!body || typeof body !== 'object') return json({ error: 'send a JSON object {login, role, password, name}' }, { status: 400 });
	try {
		const user = await createUser(
			locals.runtime.db,
			{ login: String(body.login ?? ''), role: String(body.role ?? ''), password: String(body.password ?? ''), displayName: body.name ? String(body.name) : null },
			by(locals)
		);
		return json({ user }, { status: 201 });
	} catch (e) {
		if (e instanceof AccountError) return json({ error: inEnglishPhrase(e.phrase) }, { status: e.status });
		throw e;
	}
};
