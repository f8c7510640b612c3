import { by } from '$lib/server/auth/web';
import { answerExport, tableContext } from '$lib/server/export/request';
import { withoutExportParams } from '$lib/server/export';
import { readFilters } from '$lib/server/filters';
import { CALL_DIMENSIONS, callReport } from '$lib/server/kpi/calls';
import { callPeriodTable, callQueueTable, callWeekdayTable } from '$lib/server/kpi/tables';
import type { RequestHandler } from './$types';

/** The Calls page's tables as files: GET /calls/export?table=by-period|by-weekday|by-queue&format=…&<the page's filters>. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, withoutExportParams(url.searchParams), { accept: CALL_DIMENSIONS });
	const c = tableContext(locals.locale);
	const report = () => callReport(db, request.filters, settings.kpi, locals.locale.weekStart);
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/calls' }, {
		'by-period': { build: async () => callPeriodTable(c, request.filters.grain, (await report()).byPeriod) },
		'by-weekday': { build: async () => callWeekdayTable(c, (await report()).byWeekday) },
		'by-queue': { build: async () => callQueueTable(c, (await report()).byQueue) }
	});
};
