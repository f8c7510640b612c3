import { json } from '@sveltejs/kit';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import { by } from '$lib/server/auth/web';
import { badRequest, readFilters } from '$lib/server/filters';
import { csatJson } from '$lib/server/kpi/api';
import { csatReport, SURVEY_DIMENSIONS, withSurveyGrain } from '$lib/server/kpi/surveys';
import type { RequestHandler } from './$types';

/**
 * GET /api/kpi/csat?from&to&segment&channel&team&occasion&grain: CSAT with n, satisfied, Wilson interval, previous period.
 * With ?format=csv|xlsx|parquet|arrow: the CSAT per period (by_period) as a file.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, withoutExportParams(url.searchParams), { accept: SURVEY_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	const filters = withSurveyGrain(request.filters);
	const body = csatJson(filters, await csatReport(db, filters, settings.kpi));
	if (format) return sendTable({ db, by: by(locals), locale: locals.locale, page: '/api/kpi/csat' }, recordsTable('csat-by-period', body.by_period), format);
	return json(body);
};
