import { json } from '@sveltejs/kit';
import { inEnglishPhrase } from '$lib/i18n/translate';
import { AccountError } from '$lib/server/auth/errors';
import { createToken, listTokens } from '$lib/server/auth/tokens';
import { by } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/** GET /api/tokens: every API token (names, roles, prefixes; never the tokens). */
export const GET: RequestHandler = async ({ locals }) => json({ tokens: await listTokens(locals.runtime.db) });

/** POST /api/tokens {name, role}: a new token, returned this once (`npm run user -- token`). */
export const POST: RequestHandler = async ({ locals, request }) => {
	const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
	if (!body || typeof body !== 'object') return json({ error: 'send a JSON object {name, role}' }, { status: 400 });
	try {
		return json(await createToken(locals.runtime.db, { name: String(body.name ?? ''), role: String(body.role ?? '') }, by(locals)), { status: 201 });
	} catch (e) {
		if (e instanceof AccountError) return json({ error: inEnglishPhrase(e.phrase) }, { status: e.status });
		throw e;
	}
};
