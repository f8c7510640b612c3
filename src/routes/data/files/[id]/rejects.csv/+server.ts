import { error } from '@sveltejs/kit';
import Papa from 'papaparse';
import { translator } from '$lib/i18n/translate';
import { getFileWithRejects } from '$lib/server/imports/status';
import type { RequestHandler } from './$types';

/**
 * All rejected rows of one imported file as CSV (UTF-8 with BOM, so spreadsheets read Persian
 * text right). Reasons in the reader's language; the raw row as read, to fix and load again.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const t = translator(locals.locale.language);
	const id = Number(params.id);
	const found = Number.isInteger(id) && id > 0 ? await getFileWithRejects(locals.runtime, id, 2_147_483_647) : null;
	if (!found) error(404, 'not found');
	const csv = Papa.unparse(
		found.rejects.map((r) => ({ line: r.line || '', record: r.record, column: r.column_name ?? '', value: r.value ?? '', reason: t(r.problem.key, r.problem.params), row: r.raw })),
		{ newline: '\r\n' }
	);
	const name = found.file.file_name.replace(/[^\w.-]+/g, '_');
	return new Response('\uFEFF' + csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="rejects-${id}-${name}.csv"` }
	});
};
