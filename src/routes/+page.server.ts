import { overviewForRequest } from '$lib/server/overview/overview';
import { refreshState } from '$lib/server/refresh';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, demo } = locals.runtime;
	const result = await overviewForRequest(db, locals.locale, url.searchParams);
	const refreshed = await refreshState(db);
	return { ...result, demo, refreshedAt: refreshed?.refreshedAt ?? null };
};
