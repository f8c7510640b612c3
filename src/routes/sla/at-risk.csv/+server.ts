import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { badRequest } from '$lib/server/filters';
import { atRiskForRequest, EXPORT_LIMIT } from '$lib/server/sla/compliance';
import { csvWithBom } from '$lib/server/sla/csv';
import { translator } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/translate';
import type { RequestHandler } from './$types';

/**
 * The at-risk list as CSV, with the page's filters (every row, not one page): headers and
 * states in the reader's language, durations in minutes, times as ISO 8601.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const t = translator(locals.locale.language);
	const viewer = (locals as { user?: { role?: string } }).user ?? null;
	const params = new URLSearchParams(url.searchParams);
	params.delete('page');
	const r = await atRiskForRequest(locals.runtime.db, locals.locale, params, viewer, { pageSize: EXPORT_LIMIT });
	if (r.errors.length) return badRequest(r.errors);
	// Customer names leave the system: who took them, with which filters.
	await audit(locals.runtime.db, { ...by(locals), action: 'export.sla_at_risk', target: 'sla-at-risk.csv', detail: { rows: r.rows.length, filters: Object.fromEntries(params) } });
	const minutes = (s: number) => Math.round(s / 60);
	const csv = csvWithBom(
		[
			t('sla.col.ticket'),
			t('sla.col.time'),
			t('sla.col.state'),
			t('sla.col.customer'),
			t('filter.priority'),
			t('filter.team'),
			t('sla.col.assignee'),
			t('filter.channel'),
			t('filter.segment'),
			t('sla.col.created'),
			t('sla.col.targetMinutes'),
			t('sla.col.elapsedMinutes'),
			t('sla.col.leftMinutes'),
			t('sla.col.clock'),
			t('sla.col.subject')
		],
		r.rows.map((x) => [
			x.ticket_id,
			t(x.metric === 'first_response' ? 'sla.firstResponse' : 'sla.resolution'),
			t(`sla.state.${x.state}` as MessageKey),
			x.customer_name ?? x.customer_id,
			x.priority ? t(`sla.priority.${x.priority}` as MessageKey) : '',
			x.team,
			x.assignee,
			x.channel,
			x.segment,
			x.created_at,
			minutes(x.target_s),
			minutes(x.elapsed_s),
			minutes(x.left_s),
			t(x.clock === 'calendar' ? 'sla.clock.calendar' : 'sla.clock.business'),
			x.subject
		])
	);
	return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="sla-at-risk.csv"' } });
};
