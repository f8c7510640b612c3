import { by } from '$lib/server/auth/web';
import { withoutExportParams } from '$lib/server/export';
import { answerExport, tableContext } from '$lib/server/export/request';
import { slaForRequest } from '$lib/server/sla/compliance';
import { slaGroupTable } from '$lib/server/sla/tables';
import type { RequestHandler } from './$types';

/** The SLA page's tables as files: GET /sla/export?table=by-priority|by-team|by-channel|by-segment|by-period&format=…&<the page's filters>. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db } = locals.runtime;
	const c = tableContext(locals.locale);
	const sla = async () => (await slaForRequest(db, locals.locale, withoutExportParams(url.searchParams))).sla;
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/sla' }, {
		'by-priority': { build: async () => { const s = await sla(); return slaGroupTable(c, 'priority', s.byPriority, s.grain); } },
		'by-team': { build: async () => { const s = await sla(); return slaGroupTable(c, 'team', s.byTeam, s.grain); } },
		'by-channel': { build: async () => { const s = await sla(); return slaGroupTable(c, 'channel', s.byChannel, s.grain); } },
		'by-segment': { build: async () => { const s = await sla(); return slaGroupTable(c, 'segment', s.bySegment, s.grain); } },
		'by-period': { build: async () => { const s = await sla(); return slaGroupTable(c, 'trend', s.trend, s.grain); } }
	});
};
