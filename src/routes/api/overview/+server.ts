import { json } from '@sveltejs/kit';
import { inEnglishPhrase } from '$lib/i18n/translate';
import { overviewForRequest } from '$lib/server/overview/overview';
import type { RequestHandler } from './$types';

/** The overview's data as JSON: GET /api/overview?from=YYYY-MM-DD&to=YYYY-MM-DD (both optional). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { today, overview, rangeError } = await overviewForRequest(locals.runtime.db, locals.locale, url.searchParams);
	if (rangeError) return json({ error: inEnglishPhrase(rangeError) }, { status: 400 });
	return json({ today, timeZone: locals.locale.timeZone, weekStart: locals.locale.weekStart, ...overview });
};
