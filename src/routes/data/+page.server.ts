import { fail } from '@sveltejs/kit';
import { runIngest } from '$lib/server/imports/ingest';
import { getDataStatus } from '$lib/server/imports/status';
import { uploadAndIngest, UploadError } from '$lib/server/imports/upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => getDataStatus(locals.runtime);

export const actions: Actions = {
	run: async ({ locals }) => {
		try {
			const run = await runIngest(locals.runtime.db, locals.runtime.config, 'manual');
			return { run: { id: run.id, status: run.status } };
		} catch (e) {
			return fail(500, { message: (e as Error).message });
		}
	},
	upload: async ({ locals, request }) => {
		const form = await request.formData();
		const file = form.get('file');
		const dataset = String(form.get('dataset') ?? '');
		if (!(file instanceof File) || (file.size === 0 && file.name === '') || !dataset) return fail(400, { uploadMissing: true });
		try {
			const { run, fileName } = await uploadAndIngest(locals.runtime, dataset, file.name, new Uint8Array(await file.arrayBuffer()));
			const outcome = run.files.find((f) => f.fileName === fileName) ?? null;
			return {
				upload: outcome && {
					id: outcome.id,
					fileName,
					status: outcome.status,
					inserted: outcome.inserted,
					updated: outcome.updated,
					rejected: outcome.rejected,
					error: outcome.error
				}
			};
		} catch (e) {
			if (e instanceof UploadError) return fail(400, { refused: e.phrase });
			return fail(500, { message: (e as Error).message });
		}
	}
};
