import { json } from '@sveltejs/kit';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import { by } from '$lib/server/auth/web';
import { badRequest } from '$lib/server/filters';
import { atRiskForRequest, EXPORT_LIMIT } from '$lib/server/sla/compliance';
import type { RequestHandler } from './$types';

/**
 * The open tickets whose first response or resolution is breached or at risk now, most urgent
 * first: GET /api/sla/at-risk?priority&team&channel&segment&state=at_risk|breached
 * &metric=first_response|resolution&page. Durations in seconds (business or calendar, as the
 * ticket's policy says); left_s < 0 is time over the target. A bad parameter answers 400 naming it.
 * With ?format=csv|xlsx|parquet|arrow: every row of the filters (not one page) as a file, audited.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const viewer = (locals as { user?: { role?: string } }).user ?? null;
	const params = withoutExportParams(url.searchParams);
	if (format) params.delete('page');
	const r = await atRiskForRequest(locals.runtime.db, locals.locale, params, viewer, { strict: true, ...(format ? { pageSize: EXPORT_LIMIT } : {}) });
	if (r.errors.length) return badRequest(r.errors);
	if (format) return sendTable({ db: locals.runtime.db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/api/sla/at-risk' }, recordsTable('sla-at-risk', r.rows), format, 'export.sla_at_risk');
	return json({ as_of: r.asOf, total: r.total, page: r.page, page_size: r.pageSize, rows: r.rows });
};
