import { badRequest } from '$lib/server/filters';
import { by } from '$lib/server/auth/web';
import { parseCustomerFilters } from '$lib/server/churn/params';
import { customerList, EXPORT_ROWS } from '$lib/server/churn/risk';
import { customersTable } from '$lib/server/churn/tables';
import { viewerOf } from '$lib/server/churn/viewer';
import { withoutExportParams } from '$lib/server/export';
import { answerExport, tableContext } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

/**
 * The customer list as a file, with the page's filters and sort (every row, not one page):
 * GET /customers/export?format=csv|xlsx|parquet|arrow&q&segment&owner&risk&status&silent&renewal&sort&dir.
 * Names only for the roles that may see them; recorded in the audit log.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const params = withoutExportParams(url.searchParams);
	params.delete('page');
	const { value: filters, errors } = parseCustomerFilters(params);
	if (errors.length) return badRequest(errors);
	const { db, settings } = locals.runtime;
	const c = tableContext(locals.locale);
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/customers' }, {
		customers: {
			build: async () => customersTable(c, (await customerList(db, settings.churn, viewerOf(locals), { ...filters, page: 1 }, EXPORT_ROWS)).rows),
			audit: 'export.customers'
		}
	});
};
