import { json } from '@sveltejs/kit';
import { badRequest, readFilters } from '$lib/server/filters';
import { EXECUTIVE_DIMENSIONS, executiveOverview } from '$lib/server/kpi/executive';
import { overviewKpiRecords } from '$lib/server/kpi/tables';
import { by } from '$lib/server/auth/web';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

/**
 * The executive overview as JSON: GET /api/overview?from&to&segment&channel&team&grain (all optional).
 * With ?format=csv|xlsx|parquet|arrow: one row per headline KPI (value, previous, change, n) as a file.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, withoutExportParams(url.searchParams), { accept: EXECUTIVE_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	const overview = await executiveOverview(db, request.filters, settings.kpi, locals.locale.weekStart);
	if (format) return sendTable({ db, by: by(locals), locale: locals.locale, page: '/api/overview' }, recordsTable('overview', overviewKpiRecords(overview)), format);
	return json({ today: request.today, timeZone: locals.locale.timeZone, weekStart: locals.locale.weekStart, range: request.filters.range, previous: request.filters.previous, days: request.filters.days, grain: request.filters.grain, filters: request.filters.dims, ...overview });
};
