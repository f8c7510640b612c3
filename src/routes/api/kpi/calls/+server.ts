import { json } from '@sveltejs/kit';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import { by } from '$lib/server/auth/web';
import { badRequest, readFilters } from '$lib/server/filters';
import { callsJson } from '$lib/server/kpi/api';
import { CALL_DIMENSIONS, callReport } from '$lib/server/kpi/calls';
import type { RequestHandler } from './$types';

/**
 * GET /api/kpi/calls?from&to&segment&queue&grain: incoming call metrics (outbound apart), by weekday and hour, previous period.
 * With ?format=csv|xlsx|parquet|arrow: the calls per period (by_period) as a file.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, withoutExportParams(url.searchParams), { accept: CALL_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	const body = callsJson(request.filters, await callReport(db, request.filters, settings.kpi, locals.locale.weekStart));
	if (format) return sendTable({ db, by: by(locals), locale: locals.locale, page: '/api/kpi/calls' }, recordsTable('calls-by-period', body.by_period), format);
	return json(body);
};
