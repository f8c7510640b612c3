import { json } from '@sveltejs/kit';
import { badRequest, readFilters } from '$lib/server/filters';
import { csatJson } from '$lib/server/kpi/api';
import { csatReport, SURVEY_DIMENSIONS, withSurveyGrain } from '$lib/server/kpi/surveys';
import type { RequestHandler } from './$types';

/** GET /api/kpi/csat?from&to&segment&channel&team&occasion&grain: CSAT with n, satisfied, Wilson interval, previous period. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: SURVEY_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	const filters = withSurveyGrain(request.filters);
	return json(csatJson(filters, await csatReport(db, filters, settings.kpi)));
};
