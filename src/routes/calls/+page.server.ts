import { readFilters } from '$lib/server/filters';
import { CALL_DIMENSIONS, callReport } from '$lib/server/kpi/calls';
import { filterOptions } from '$lib/server/kpi/common';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: CALL_DIMENSIONS });
	const [report, options] = await Promise.all([callReport(db, request.filters, settings.kpi, locals.locale.weekStart), filterOptions(db)]);
	return { today: request.today, filters: request.filters, errors: request.errors, notes: request.notes, report, options };
};
