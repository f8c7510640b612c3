import { json } from '@sveltejs/kit';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import { by } from '$lib/server/auth/web';
import { badRequest } from '$lib/server/filters';
import { slaForRequest, type SlaFigure, type SlaGroup } from '$lib/server/sla/compliance';
import type { RequestHandler } from './$types';

const figure = (f: SlaFigure) => ({ met: f.met, breached: f.breached, pending: f.pending, at_risk: f.atRisk, not_measured: f.notMeasured, n: f.n, compliance: f.compliance });
const groups = (gs: SlaGroup[]) => gs.map((g) => ({ key: g.key, tickets: g.tickets, first_response: figure(g.firstResponse), resolution: figure(g.resolution) }));

/**
 * SLA compliance as JSON: GET /api/kpi/sla?from&to&grain&priority&team&channel&segment.
 * compliance = met / (met + breached) × 100 (null when none is met or breached), for first
 * response and resolution, by priority, team, channel, segment and period (trend). A bad or
 * unknown parameter answers 400 naming it. With ?format=csv|xlsx|parquet|arrow: every group (a
 * `breakdown` column: priority, team, channel, segment, period) as a file.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const { sla, errors, notes } = await slaForRequest(locals.runtime.db, locals.locale, withoutExportParams(url.searchParams), true);
	if (errors.length) return badRequest(errors);
	if (format) {
		const rows = (['priority', 'team', 'channel', 'segment', 'period'] as const).flatMap((b) =>
			groups(b === 'priority' ? sla.byPriority : b === 'team' ? sla.byTeam : b === 'channel' ? sla.byChannel : b === 'segment' ? sla.bySegment : sla.trend).map((g) => ({ breakdown: b, ...g }))
		);
		return sendTable({ db: locals.runtime.db, by: by(locals), locale: locals.locale, page: '/api/kpi/sla' }, recordsTable('sla-compliance', rows), format);
	}
	return json({
		from: sla.range.from,
		to: sla.range.to,
		grain: sla.grain,
		as_of: sla.asOf,
		time_zone: locals.locale.timeZone,
		tickets: sla.tickets,
		first_response: figure(sla.firstResponse),
		resolution: figure(sla.resolution),
		by_priority: groups(sla.byPriority),
		by_team: groups(sla.byTeam),
		by_channel: groups(sla.byChannel),
		by_segment: groups(sla.bySegment),
		trend: groups(sla.trend),
		notes: notes.map((n) => n.key)
	});
};
