import { badRequest } from '$lib/server/filters';
import { by } from '$lib/server/auth/web';
import { sendTable, tableContext } from '$lib/server/export/request';
import { atRiskForRequest, EXPORT_LIMIT } from '$lib/server/sla/compliance';
import { atRiskTable } from '$lib/server/sla/tables';
import type { RequestHandler } from './$types';

/**
 * The at-risk list as CSV, with the page's filters (every row, not one page): headers and
 * states in the reader's language, durations in minutes, times as ISO 8601. The same table as
 * /sla/at-risk/export, which also writes XLSX, Parquet and Arrow. Customer names leave the
 * system: the download is recorded (export.sla_at_risk) with who took it and its filters.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const viewer = (locals as { user?: { role?: string } }).user ?? null;
	const params = new URLSearchParams(url.searchParams);
	params.delete('page');
	const r = await atRiskForRequest(locals.runtime.db, locals.locale, params, viewer, { pageSize: EXPORT_LIMIT });
	if (r.errors.length) return badRequest(r.errors);
	return sendTable({ db: locals.runtime.db, by: by(locals), locale: locals.locale, params, page: '/sla/at-risk' }, atRiskTable(tableContext(locals.locale), r.rows), 'csv', 'export.sla_at_risk');
};
