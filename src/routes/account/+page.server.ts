import { fail, redirect } from '@sveltejs/kit';
import { AccountError } from '$lib/server/auth/errors';
import { changeOwnPassword, findUser, signOutEverywhere } from '$lib/server/auth/users';
import { by, clearSessionCookie } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user;
	// An API token opens the page too (same policy); it has no account to change.
	const account = user?.kind === 'user' && user.id !== null ? await findUser(locals.runtime.db, user.id) : null;
	return { account };
};

export const actions: Actions = {
	password: async ({ locals, request }) => {
		const user = locals.user;
		if (user?.kind !== 'user' || user.id === null) return fail(400, { password: { key: 'auth.account.notAUser' as const } });
		const form = await request.formData();
		const next = String(form.get('next') ?? '');
		if (next !== String(form.get('confirm') ?? '')) return fail(400, { password: { key: 'auth.password.mismatch' as const } });
		try {
			await changeOwnPassword(locals.runtime.db, user.id, String(form.get('current') ?? ''), next, locals.sessionHash, by(locals));
		} catch (e) {
			if (e instanceof AccountError) return fail(e.status, { password: e.phrase });
			throw e;
		}
		return { passwordChanged: true };
	},
	logoutEverywhere: async ({ locals, cookies }) => {
		const user = locals.user;
		if (user?.kind !== 'user' || user.id === null) return fail(400, { everywhere: { key: 'auth.account.notAUser' as const } });
		await signOutEverywhere(locals.runtime.db, user.id, by(locals));
		clearSessionCookie(cookies, locals.secure);
		redirect(303, '/login?signed-out');
	}
};
