import { fail, redirect } from '@sveltejs/kit';
import { demoAccountsShown } from '$lib/server/auth/demo';
import { signIn } from '$lib/server/auth/login';
import { loginLimits } from '$lib/server/auth/rate-limit';
import { sessionPolicy } from '$lib/server/auth/sessions';
import { userCounts } from '$lib/server/auth/users';
import { localPath, setSessionCookie } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = localPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	const { db } = locals.runtime;
	const counts = await userCounts(db);
	return {
		next,
		demoAccounts: await demoAccountsShown(db),
		noAccounts: counts.realUsers === 0 && counts.demoUsers === 0,
		signedOut: url.searchParams.has('signed-out')
	};
};

export const actions: Actions = {
	default: async ({ locals, request, cookies }) => {
		const form = await request.formData();
		const login = String(form.get('login') ?? '');
		const rt = locals.runtime;
		const result = await signIn(rt.db, loginLimits(), {
			login,
			password: String(form.get('password') ?? ''),
			ip: locals.ip,
			userAgent: request.headers.get('user-agent'),
			policy: sessionPolicy(rt.settings, rt.config)
		});
		if (!result.ok) return fail(result.status, { login, problem: result.problem });
		setSessionCookie(cookies, result.session, locals.secure);
		redirect(303, localPath(form.get('next')));
	}
};
