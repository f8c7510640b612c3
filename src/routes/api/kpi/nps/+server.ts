import { json } from '@sveltejs/kit';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import { by } from '$lib/server/auth/web';
import { badRequest, readFilters } from '$lib/server/filters';
import { npsJson } from '$lib/server/kpi/api';
import { npsReport, SURVEY_DIMENSIONS, withSurveyGrain } from '$lib/server/kpi/surveys';
import type { RequestHandler } from './$types';

/**
 * GET /api/kpi/nps?from&to&segment&channel&team&occasion&grain: NPS with n, counts, margin of error, previous period.
 * With ?format=csv|xlsx|parquet|arrow: the NPS per period (by_period) as a file.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, withoutExportParams(url.searchParams), { accept: SURVEY_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	const filters = withSurveyGrain(request.filters);
	const body = npsJson(filters, await npsReport(db, filters, settings.kpi));
	if (format) return sendTable({ db, by: by(locals), locale: locals.locale, page: '/api/kpi/nps' }, recordsTable('nps-by-period', body.by_period), format);
	return json(body);
};
