import { json } from '@sveltejs/kit';
import { inEnglishPhrase } from '$lib/i18n/translate';
import { AccountError } from '$lib/server/auth/errors';
import { findUser, findUserByLogin, resetPassword, setDisabled, setRole } from '$lib/server/auth/users';
import { by } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/**
 * PATCH /api/users/LOGIN {role?, password?, disabled?}: change an account (`npm run user --
 * password LOGIN`, `npm run user -- role LOGIN ROLE`, `disable`, `enable`).
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const db = locals.runtime.db;
	const user = await findUserByLogin(db, params.login);
	if (!user) return json({ error: `no account "${params.login}"` }, { status: 404 });
	const body = (await request.json().catch(() => null)) as { role?: unknown; password?: unknown; disabled?: unknown } | null;
	if (!body || typeof body !== 'object') return json({ error: 'send a JSON object {role?, password?, disabled?}' }, { status: 400 });
	try {
		if (body.role !== undefined) await setRole(db, user.id, String(body.role), by(locals));
		if (body.password !== undefined) await resetPassword(db, user.id, String(body.password), by(locals));
		if (body.disabled !== undefined) await setDisabled(db, user.id, body.disabled === true, by(locals));
		return json({ user: await findUser(db, user.id) });
	} catch (e) {
		if (e instanceof AccountError) return json({ error: inEnglishPhrase(e.phrase) }, { status: e.status });
		throw e;
	}
};
