import { refreshState } from '$lib/server/refresh';
import { openCounts, slaDimensionValues, slaForRequest } from '$lib/server/sla/compliance';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, demo } = locals.runtime;
	const { sla, errors, notes, today, extent } = await slaForRequest(db, locals.locale, url.searchParams);
	const [values, open, refreshed] = await Promise.all([slaDimensionValues(db), openCounts(db), refreshState(db)]);
	return { sla, errors, notes, today, extent, values, open, demo, refreshedAt: refreshed?.refreshedAt ?? null };
};
