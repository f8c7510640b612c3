import { fail, redirect } from '@sveltejs/kit';
import { AccountError } from '$lib/server/auth/errors';
import { ROLES } from '$lib/server/auth/roles';
import { createUser, listUsers, resetPassword, setDisabled, setRole, signOutEverywhere } from '$lib/server/auth/users';
import { by } from '$lib/server/auth/web';
import type { Phrase } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	users: await listUsers(locals.runtime.db),
	roles: ROLES,
	me: locals.user?.kind === 'user' ? locals.user.id : null
});

type Outcome = { action: string; id?: number; done?: Phrase; problem?: Phrase };

/** Run one change; an AccountError becomes a message beside the form it came from. */
async function change(action: string, id: number | undefined, run: () => Promise<Phrase>) {
	try {
		return { action, id, done: await run() } satisfies Outcome;
	} catch (e) {
		if (e instanceof AccountError) return fail(e.status, { action, id, problem: e.phrase } satisfies Outcome);
		throw e;
	}
}

async function read(request: Request) {
	const form = await request.formData();
	const raw = Number(form.get('id'));
	return { form, id: Number.isInteger(raw) && raw > 0 ? raw : -1 };
}

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const { form } = await read(request);
		const login = String(form.get('login') ?? '');
		const role = String(form.get('role') ?? '');
		const result = await change('create', undefined, async () => {
			const user = await createUser(locals.runtime.db, { login, displayName: String(form.get('name') ?? ''), role, password: String(form.get('password') ?? '') }, by(locals));
			return { key: 'admin.users.created', params: { login: user.login } };
		});
		// A demo administrator who creates the first real one has just lost the demo accounts, this session included.
		if (!('status' in result) && locals.user?.demo && role === 'admin') redirect(303, '/login?signed-out');
		return result;
	},
	role: async ({ locals, request }) => {
		const { form, id } = await read(request);
		return change('role', id, async () => {
			const user = await setRole(locals.runtime.db, id, String(form.get('role') ?? ''), by(locals));
			return { key: 'admin.users.roleChanged', params: { login: user.login } };
		});
	},
	password: async ({ locals, request }) => {
		const { form, id } = await read(request);
		return change('password', id, async () => {
			await resetPassword(locals.runtime.db, id, String(form.get('password') ?? ''), by(locals));
			return { key: 'admin.users.passwordSet' };
		});
	},
	disable: async ({ locals, request }) => {
		const { id } = await read(request);
		return change('disable', id, async () => {
			const user = await setDisabled(locals.runtime.db, id, true, by(locals));
			return { key: 'admin.users.disabled', params: { login: user.login } };
		});
	},
	enable: async ({ locals, request }) => {
		const { id } = await read(request);
		return change('enable', id, async () => {
			const user = await setDisabled(locals.runtime.db, id, false, by(locals));
			return { key: 'admin.users.enabled', params: { login: user.login } };
		});
	},
	signOut: async ({ locals, request }) => {
		const { id } = await read(request);
		return change('signOut', id, async () => {
			await signOutEverywhere(locals.runtime.db, id, by(locals));
			return { key: 'admin.users.signedOut' };
		});
	}
};
