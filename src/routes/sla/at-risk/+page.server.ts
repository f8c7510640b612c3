import { atRiskForRequest, slaDimensionValues } from '$lib/server/sla/compliance';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = locals.runtime;
	const viewer = (locals as { user?: { role?: string } }).user ?? null;
	const [list, values] = await Promise.all([atRiskForRequest(db, locals.locale, url.searchParams, viewer), slaDimensionValues(db)]);
	return { list, values };
};
