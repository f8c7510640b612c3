import { by } from '$lib/server/auth/web';
import { atRiskView } from '$lib/server/churn/risk';
import { atRiskCustomersTable, noLongerAtRiskTable } from '$lib/server/churn/tables';
import { viewerOf } from '$lib/server/churn/viewer';
import { answerExport, tableContext } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

/** The At-risk page's lists as files: GET /at-risk/export?table=at-risk|no-longer&format=csv|xlsx|parquet|arrow. Recorded in the audit log. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const c = tableContext(locals.locale);
	const view = () => atRiskView(db, settings.churn, viewerOf(locals));
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/at-risk' }, {
		'at-risk': { build: async () => atRiskCustomersTable(c, await view()), audit: 'export.at_risk' },
		'no-longer': { build: async () => noLongerAtRiskTable(c, await view()), audit: 'export.at_risk' }
	});
};
