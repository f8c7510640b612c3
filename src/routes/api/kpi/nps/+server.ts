import { json } from '@sveltejs/kit';
import { badRequest, readFilters } from '$lib/server/filters';
import { npsJson } from '$lib/server/kpi/api';
import { npsReport, SURVEY_DIMENSIONS, withSurveyGrain } from '$lib/server/kpi/surveys';
import type { RequestHandler } from './$types';

/** GET /api/kpi/nps?from&to&segment&channel&team&occasion&grain: NPS with n, counts, margin of error, previous period. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: SURVEY_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	const filters = withSurveyGrain(request.filters);
	return json(npsJson(filters, await npsReport(db, filters, settings.kpi)));
};
