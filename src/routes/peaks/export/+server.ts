import { json } from '@sveltejs/kit';
import { by } from '$lib/server/auth/web';
import { withoutExportParams } from '$lib/server/export';
import { answerExport, tableContext } from '$lib/server/export/request';
import { peaksForRequest } from '$lib/server/peaks/peaks';
import { peakBreakdownTable, peaksTable } from '$lib/server/peaks/tables';
import { viewerOf } from '$lib/server/peaks/viewer';
import type { RequestHandler } from './$types';

/**
 * The Peaks page's tables as files: GET /peaks/export?table=peaks|breakdown&format=…&from&to&metric&peak.
 * The breakdown is the selected peak's (?peak=).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const c = tableContext(locals.locale);
	const result = () => peaksForRequest(db, settings, locals.locale, withoutExportParams(url.searchParams), viewerOf(locals));
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/peaks' }, {
		peaks: { build: async () => peaksTable(c, (await result()).page.peaks) },
		breakdown: {
			build: async () => {
				const selected = (await result()).page.selected;
				if (!selected) return json({ error: 'choose a peak with ?peak=', param: 'peak' }, { status: 400 });
				return peakBreakdownTable(c, selected);
			}
		}
	});
};
