import { error } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translate';
import { by } from '$lib/server/auth/web';
import { answerExport } from '$lib/server/export/request';
import { rejectsOfImport } from '$lib/server/imports/rejects';
import { rejectsExportTable } from '$lib/server/imports/tables';
import type { RequestHandler } from './$types';

/**
 * One imported file's rejected rows as XLSX, Parquet or Arrow (or CSV): GET /data/files/ID/export?format=….
 * The same round-trip table as rejects.csv. Recorded in the audit log.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const id = Number(params.id);
	const table = Number.isInteger(id) && id > 0 ? await rejectsOfImport(locals.runtime.db, id, translator(locals.locale.language)) : null;
	if (!table) error(404, 'not found');
	return answerExport({ db: locals.runtime.db, by: by(locals), locale: locals.locale, params: url.searchParams, page: `/data/files/${id}` }, {
		rejects: { build: () => rejectsExportTable(id, table), audit: 'export.rejects' }
	});
};
