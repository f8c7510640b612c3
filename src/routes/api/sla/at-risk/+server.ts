import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/filters';
import { atRiskForRequest } from '$lib/server/sla/compliance';
import type { RequestHandler } from './$types';

/**
 * The open tickets whose first response or resolution is breached or at risk now, most urgent
 * first: GET /api/sla/at-risk?priority&team&channel&segment&state=at_risk|breached
 * &metric=first_response|resolution&page. Durations in seconds (business or calendar, as the
 * ticket's policy says); left_s < 0 is time over the target. A bad parameter answers 400 naming it.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const viewer = (locals as { user?: { role?: string } }).user ?? null;
	const r = await atRiskForRequest(locals.runtime.db, locals.locale, url.searchParams, viewer, { strict: true });
	if (r.errors.length) return badRequest(r.errors);
	return json({ as_of: r.asOf, total: r.total, page: r.page, page_size: r.pageSize, rows: r.rows });
};
