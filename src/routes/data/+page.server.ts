import { fail } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { runIngest } from '$lib/server/imports/ingest';
import { getDataStatus, uploadResult } from '$lib/server/imports/status';
import { StorageError } from '$lib/server/storage';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	...(await getDataStatus(locals.runtime)),
	// The outcome of an upload made without JavaScript (/data/upload redirects here).
	uploadResult: await uploadResult(locals.runtime, url.searchParams)
});

export const actions: Actions = {
	run: async ({ locals }) => {
		try {
			const run = await runIngest(locals.runtime.db, locals.runtime.config, 'manual');
			await audit(locals.runtime.db, { ...by(locals), action: 'import.run', target: `run #${run.id}`, detail: { status: run.status, inserted: run.inserted, updated: run.updated, rejected: run.rejected } });
			return { run: { id: run.id, status: run.status } };
		} catch (e) {
			if (e instanceof StorageError) return fail(507, { storage: e.problem });
			return fail(500, { message: (e as Error).message });
		}
	}
};
