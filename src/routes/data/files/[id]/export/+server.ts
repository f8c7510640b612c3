import { error } from '@sveltejs/kit';
import { by } from '$lib/server/auth/web';
import { answerExport, tableContext } from '$lib/server/export/request';
import { getFileWithRejects } from '$lib/server/imports/status';
import { rejectsTable } from '$lib/server/imports/tables';
import type { RequestHandler } from './$types';

/** One imported file's rejected rows as XLSX, Parquet or Arrow (or CSV): GET /data/files/ID/export?format=…. Recorded in the audit log. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const found = Number.isInteger(id) && id > 0 ? await getFileWithRejects(locals.runtime, id, 2_147_483_647) : null;
	if (!found) error(404, 'not found');
	const c = tableContext(locals.locale);
	return answerExport({ db: locals.runtime.db, by: by(locals), locale: locals.locale, params: url.searchParams, page: `/data/files/${id}` }, {
		rejects: { build: () => rejectsTable(c, found.file, found.rejects), audit: 'export.rejects' }
	});
};
