import { by } from '$lib/server/auth/web';
import { withoutExportParams } from '$lib/server/export';
import { answerExport, tableContext } from '$lib/server/export/request';
import { readFilters } from '$lib/server/filters';
import { getStaffing } from '$lib/server/staffing/staffing';
import { staffingTable } from '$lib/server/staffing/tables';
import type { RequestHandler } from './$types';

/** The Staffing page's cells as a file: GET /staffing/export?format=…&from&to&queue. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, withoutExportParams(url.searchParams), { accept: ['queue'] });
	const c = tableContext(locals.locale);
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/staffing' }, {
		cells: { build: async () => staffingTable(c, (await getStaffing(db, settings, request.filters.range, locals.locale.weekStart, request.filters.dims.queue ?? null)).cells) }
	});
};
