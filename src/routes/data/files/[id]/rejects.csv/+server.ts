import { error } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translate';
import { csvResponse, toCsv } from '$lib/server/export/csv';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { rejectsOfImport } from '$lib/server/imports/rejects';
import type { RequestHandler } from './$types';

/**
 * All rejected rows of one imported file as CSV for a spreadsheet (see $lib/server/export/csv:
 * BOM, formula injection neutralised), in the file's own columns after the reason, the column
 * at fault and the line ($lib/server/imports/rejects.ts): fixed, it uploads back as it is into
 * the same dataset and loads. Reasons in the reader's language.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const t = translator(locals.locale.language);
	const id = Number(params.id);
	const table = Number.isInteger(id) && id > 0 ? await rejectsOfImport(locals.runtime.db, id, t) : null;
	if (!table) error(404, 'not found');
	const csv = toCsv(table.header, table.rows);
	await audit(locals.runtime.db, { ...by(locals), action: 'export.rejects', target: table.fileName, detail: { file: id, rows: table.rows.length } });
	return csvResponse(`rejects-${id}-${table.fileName.replace(/\.[^.]*$/, '')}.csv`, csv);
};
