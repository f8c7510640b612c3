import { error, fail } from '@sveltejs/kit';
import { by } from '$lib/server/auth/web';
import { loadAgainAs, LoadAgainError } from '$lib/server/imports/ingest';
import { fileParts, getFileWithRejects, layoutChoices } from '$lib/server/imports/status';
import { StorageError } from '$lib/server/storage';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = 500;

function importId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'not found');
	return id;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = importId(params.id);
	const found = await getFileWithRejects(locals.runtime, id, SHOWN);
	if (!found) error(404, 'not found');
	const parts = await fileParts(locals.runtime, id);
	return { ...found, parts, layouts: layoutChoices(locals.runtime, found.file.dataset), shown: SHOWN };
};

export const actions: Actions = {
	/** Load the kept file again (after a mapping was fixed), optionally through another layout. */
	loadAgain: async ({ locals, params, request }) => {
		const id = importId(params.id);
		const form = await request.formData();
		const layout = String(form.get('layout') ?? '').trim() || null;
		try {
			const run = await loadAgainAs(locals.runtime.db, locals.runtime.config, { importId: id, layoutId: layout }, by(locals));
			return {
				loadedAgain: {
					run: run.id,
					status: run.status,
					files: run.files.map((f) => ({ id: f.id, dataset: f.dataset, mapping: f.mapping, status: f.status, inserted: f.inserted, updated: f.updated, rejected: f.rejected, error: f.error }))
				}
			};
		} catch (e) {
			if (e instanceof LoadAgainError) return fail(409, { problem: e.problem });
			if (e instanceof StorageError) return fail(507, { problem: e.problem });
			throw e;
		}
	}
};
