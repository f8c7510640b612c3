import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/filters';
import { overviewForRequest } from '$lib/server/overview/overview';
import type { RequestHandler } from './$types';

/** The overview's data as JSON: GET /api/overview?from=YYYY-MM-DD&to=YYYY-MM-DD (both optional). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { today, overview, errors } = await overviewForRequest(locals.runtime.db, locals.locale, url.searchParams, true);
	if (errors.length) return badRequest(errors);
	return json({ today, timeZone: locals.locale.timeZone, weekStart: locals.locale.weekStart, ...overview });
};
