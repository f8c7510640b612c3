import { refreshState } from '$lib/server/refresh';
import { openCounts, slaDimensionValues, slaForRequest, sourceFigures } from '$lib/server/sla/compliance';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, demo } = locals.runtime;
	const { sla, filters, errors, notes, today, extent } = await slaForRequest(db, locals.locale, url.searchParams);
	const [values, open, refreshed, source] = await Promise.all([slaDimensionValues(db), openCounts(db), refreshState(db), sourceFigures(db, filters)]);
	return { sla, errors, notes, today, extent, values, open, demo, refreshedAt: refreshed?.refreshedAt ?? null, source };
};
