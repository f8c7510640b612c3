import { readFilters } from '$lib/server/filters';
import { filterOptions } from '$lib/server/kpi/common';
import { callsIgnoreFilters, EXECUTIVE_DIMENSIONS, executiveOverview } from '$lib/server/kpi/executive';
import { refreshState } from '$lib/server/refresh';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, demo, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: EXECUTIVE_DIMENSIONS });
	const [overview, options, refreshed] = await Promise.all([
		executiveOverview(db, request.filters, settings.kpi, locals.locale.weekStart),
		filterOptions(db),
		refreshState(db)
	]);
	return {
		today: request.today,
		filters: request.filters,
		errors: request.errors,
		notes: request.notes,
		extent: request.extent,
		overview,
		options,
		callsIgnore: callsIgnoreFilters(request.filters),
		smallSampleMin: settings.kpi.smallSampleMin,
		demo,
		refreshedAt: refreshed?.refreshedAt ?? null
	};
};
