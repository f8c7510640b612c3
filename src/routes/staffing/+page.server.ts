import { readFilters } from '$lib/server/filters';
import { getStaffing } from '$lib/server/staffing/staffing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: ['queue'] });
	const grid = await getStaffing(db, settings, request.filters.range, locals.locale.weekStart, request.filters.dims.queue ?? null);
	return { today: request.today, range: request.filters.range, errors: request.errors, notes: request.notes, grid };
};
