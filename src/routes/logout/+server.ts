import { redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { endSession } from '$lib/server/auth/sessions';
import { by, clearSessionCookie } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/** POST /logout (the header's sign-out button): end this session, forget the cookie, go to the login page. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.sessionHash) {
		await endSession(locals.runtime.db, locals.sessionHash);
		await audit(locals.runtime.db, { ...by(locals), action: 'logout', target: locals.user?.login ?? null });
	}
	clearSessionCookie(cookies, locals.secure);
	redirect(303, '/login?signed-out');
};
