import { json } from '@sveltejs/kit';
import { badRequest, readFilters } from '$lib/server/filters';
import { callsJson } from '$lib/server/kpi/api';
import { CALL_DIMENSIONS, callReport } from '$lib/server/kpi/calls';
import type { RequestHandler } from './$types';

/** GET /api/kpi/calls?from&to&segment&queue&grain: incoming call metrics (outbound apart), by weekday and hour, previous period. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: CALL_DIMENSIONS, strict: true });
	if (request.errors.length) return badRequest(request.errors);
	return json(callsJson(request.filters, await callReport(db, request.filters, settings.kpi, locals.locale.weekStart)));
};
