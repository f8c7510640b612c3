import { error } from '@sveltejs/kit';
import { todayIn } from '$lib/calendar';
import { by } from '$lib/server/auth/web';
import { holdoutTable } from '$lib/server/churn/tables';
import { holdoutView } from '$lib/server/churn/track';
import { canWorkFollowUps, viewerOf } from '$lib/server/churn/viewer';
import { answerExport, tableContext } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

/** The hold-out comparison as a file: GET /follow-ups/hold-out/export?format=…. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!canWorkFollowUps(viewerOf(locals)) && viewerOf(locals).role !== 'executive') error(403, { message: 'forbidden' });
	const { db, settings } = locals.runtime;
	const c = tableContext(locals.locale);
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/follow-ups/hold-out' }, {
		arms: { build: async () => holdoutTable(c, await holdoutView(db, settings.churn, todayIn(settings.unit.timeZone))) }
	});
};
