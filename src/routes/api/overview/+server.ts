import { json } from '@sveltejs/kit';
import { badRequest, readFilters } from '$lib/server/filters';
import { EXECUTIVE_DIMENSIONS, executiveOverview } from '$lib/server/kpi/executive';
import type { RequestHandler } from './$types';

/** The executive overview as JSON: GET /api/overview?from&to&segment&channel&team&grain (all optional). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: EXECUTIVE_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	const overview = await executiveOverview(db, request.filters, settings.kpi, locals.locale.weekStart);
	return json({ today: request.today, timeZone: locals.locale.timeZone, weekStart: locals.locale.weekStart, range: request.filters.range, previous: request.filters.previous, days: request.filters.days, grain: request.filters.grain, filters: request.filters.dims, ...overview });
};
