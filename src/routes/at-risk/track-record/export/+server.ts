import { by } from '$lib/server/auth/web';
import { dayParam } from '$lib/server/churn/params';
import { leftCustomersTable } from '$lib/server/churn/tables';
import { trackRecord } from '$lib/server/churn/track';
import { viewerOf } from '$lib/server/churn/viewer';
import { answerExport, tableContext } from '$lib/server/export/request';
import type { ParamError } from '$lib/filters';
import type { RequestHandler } from './$types';

/** The track record's customers who left, as a file: GET /at-risk/track-record/export?format=…. Recorded in the audit log. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const errors: ParamError[] = [];
	const landmark = dayParam(url.searchParams, 'landmark', errors);
	const c = tableContext(locals.locale);
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/at-risk/track-record' }, {
		left: { build: async () => leftCustomersTable(c, (await trackRecord(db, settings.churn, viewerOf(locals), landmark)).left), audit: 'export.customers' }
	});
};
