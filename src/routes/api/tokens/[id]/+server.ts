import { json } from '@sveltejs/kit';
import { inEnglishPhrase } from '$lib/i18n/translate';
import { AccountError } from '$lib/server/auth/errors';
import { revokeToken } from '$lib/server/auth/tokens';
import { by } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/** DELETE /api/tokens/ID: revoke a token; it is refused from the next request on. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const id = Number(params.id);
	try {
		return json({ token: await revokeToken(locals.runtime.db, Number.isInteger(id) ? id : -1, by(locals)) });
	} catch (e) {
		if (e instanceof AccountError) return json({ error: inEnglishPhrase(e.phrase) }, { status: e.status });
		throw e;
	}
};
