import { by } from '$lib/server/auth/web';
import { answerExport, tableContext } from '$lib/server/export/request';
import { withoutExportParams } from '$lib/server/export';
import { readFilters } from '$lib/server/filters';
import { EXECUTIVE_DIMENSIONS, executiveOverview } from '$lib/server/kpi/executive';
import { mixTable } from '$lib/server/kpi/tables';
import type { RequestHandler } from './$types';

/** The Overview's tables as files: GET /export?table=tickets-by-channel|tickets-by-category&format=csv|xlsx|parquet|arrow&<the page's filters>. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const params = withoutExportParams(url.searchParams);
	const request = await readFilters(db, locals.locale, params, { accept: EXECUTIVE_DIMENSIONS });
	const c = tableContext(locals.locale);
	const overview = () => executiveOverview(db, request.filters, settings.kpi, locals.locale.weekStart);
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/' }, {
		'tickets-by-channel': { build: async () => mixTable(c, 'channel', (await overview()).tickets.byChannel) },
		'tickets-by-category': { build: async () => mixTable(c, 'category', (await overview()).tickets.byCategory) }
	});
};
