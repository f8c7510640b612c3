import { error, fail, redirect } from '@sveltejs/kit';
import { AccountError } from '$lib/server/auth/errors';
import { createSession, sessionPolicy } from '$lib/server/auth/sessions';
import { needsSetup } from '$lib/server/auth/setup';
import { createUser } from '$lib/server/auth/users';
import { setSessionCookie } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

/** The one-time link the server printed at start: it works while no real administrator exists. */
async function usable(locals: App.Locals, token: string): Promise<boolean> {
	return locals.runtime.setup.matches(token) && (await needsSetup(locals.runtime.db));
}

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!(await usable(locals, params.token))) error(404, 'not found');
	return {};
};

export const actions: Actions = {
	default: async ({ locals, params, request, cookies }) => {
		if (!(await usable(locals, params.token))) error(404, 'not found');
		const form = await request.formData();
		const login = String(form.get('login') ?? '');
		const displayName = String(form.get('name') ?? '');
		const password = String(form.get('password') ?? '');
		if (password !== String(form.get('confirm') ?? '')) return fail(400, { login, displayName, problem: { key: 'auth.password.mismatch' as const } });
		const rt = locals.runtime;
		let user;
		try {
			user = await createUser(rt.db, { login, displayName, role: 'admin', password }, { actor: 'setup link', ip: locals.ip });
		} catch (e) {
			if (e instanceof AccountError) return fail(e.status, { login, displayName, problem: e.phrase });
			throw e;
		}
		rt.setup.consume();
		const session = await createSession(rt.db, user.id, { policy: sessionPolicy(rt.settings, rt.config), ip: locals.ip, userAgent: request.headers.get('user-agent') });
		setSessionCookie(cookies, session, locals.secure);
		redirect(303, '/admin/users');
	}
};
