import { fail } from '@sveltejs/kit';
import { AccountError } from '$lib/server/auth/errors';
import { ROLES } from '$lib/server/auth/roles';
import { createToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import { by } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ tokens: await listTokens(locals.runtime.db), roles: ROLES });

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '');
		try {
			// Shown once, in this answer only: the database keeps its hash.
			const created = await createToken(locals.runtime.db, { name, role: String(form.get('role') ?? '') }, by(locals));
			return { created };
		} catch (e) {
			if (e instanceof AccountError) return fail(e.status, { name, problem: e.phrase });
			throw e;
		}
	},
	revoke: async ({ locals, request }) => {
		const form = await request.formData();
		const id = Number(form.get('id'));
		try {
			const token = await revokeToken(locals.runtime.db, Number.isInteger(id) ? id : -1, by(locals));
			return { revoked: token.name };
		} catch (e) {
			if (e instanceof AccountError) return fail(e.status, { problem: e.phrase });
			throw e;
		}
	}
};
