import { badRequest } from '$lib/server/filters';
import { by } from '$lib/server/auth/web';
import { withoutExportParams } from '$lib/server/export';
import { answerExport, tableContext } from '$lib/server/export/request';
import { atRiskForRequest, EXPORT_LIMIT } from '$lib/server/sla/compliance';
import { atRiskTable } from '$lib/server/sla/tables';
import type { RequestHandler } from './$types';

/**
 * The open tickets at risk as a file, with the page's filters (every row, not one page):
 * GET /sla/at-risk/export?format=csv|xlsx|parquet|arrow&state&metric&priority&team&channel&segment.
 * Recorded in the audit log (ticket lists name customers).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const viewer = (locals as { user?: { role?: string } }).user ?? null;
	const params = withoutExportParams(url.searchParams);
	params.delete('page');
	const r = await atRiskForRequest(locals.runtime.db, locals.locale, params, viewer, { pageSize: EXPORT_LIMIT });
	if (r.errors.length) return badRequest(r.errors);
	const c = tableContext(locals.locale);
	return answerExport({ db: locals.runtime.db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/sla/at-risk' }, {
		'at-risk': { build: () => atRiskTable(c, r.rows), audit: 'export.sla_at_risk' }
	});
};
