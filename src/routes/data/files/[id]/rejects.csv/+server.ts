import { error } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translate';
import { csvResponse, toCsv } from '$lib/server/export/csv';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { getFileWithRejects } from '$lib/server/imports/status';
import type { RequestHandler } from './$types';

/**
 * All rejected rows of one imported file as CSV for a spreadsheet (see $lib/server/export/csv:
 * BOM, formula injection neutralised). Reasons in the reader's language; the raw row as read,
 * to fix and load again.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const t = translator(locals.locale.language);
	const id = Number(params.id);
	const found = Number.isInteger(id) && id > 0 ? await getFileWithRejects(locals.runtime, id, 2_147_483_647) : null;
	if (!found) error(404, 'not found');
	const csv = toCsv(
		['line', 'record', 'column', 'value', 'reason', 'row'],
		found.rejects.map((r) => [r.line || '', r.record, r.column_name ?? '', r.value ?? '', t(r.problem.key, r.problem.params), r.raw])
	);
	await audit(locals.runtime.db, { ...by(locals), action: 'export.rejects', target: found.file.file_name, detail: { file: id, rows: found.rejects.length } });
	return csvResponse(`rejects-${id}-${found.file.file_name}.csv`, csv);
};
