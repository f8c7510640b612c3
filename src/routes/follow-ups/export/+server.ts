import { error, json, type RequestEvent } from '@sveltejs/kit';
import { isIsoDay, todayIn } from '$lib/calendar';
import { by } from '$lib/server/auth/web';
import { exportTable } from '$lib/server/churn/export';
import { dayList } from '$lib/server/churn/followups';
import { canWorkFollowUps, viewerOf } from '$lib/server/churn/viewer';
import { isExportFormat, type ExportFormat } from '$lib/server/export';
import { sendTable } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

/**
 * The day's follow-up list as a file, in the reader's language (an XLSX sheet right to left in
 * Persian): GET /follow-ups/export?date=YYYY-MM-DD&agent=…&format=csv|xlsx|parquet|arrow.
 * Recorded in the audit log (names and phone numbers).
 */
export async function _followUpExport(event: Pick<RequestEvent, 'locals' | 'url'>, format: ExportFormat): Promise<Response> {
	const { locals, url } = event;
	const viewer = viewerOf(locals);
	if (!canWorkFollowUps(viewer)) error(403, { message: 'forbidden' });
	const { db, settings } = locals.runtime;
	const day = url.searchParams.get('date') ?? todayIn(settings.unit.timeZone);
	if (!isIsoDay(day)) error(400, { message: `date=${day.slice(0, 40)} is not a day like 2026-01-31` });
	const agent = url.searchParams.get('agent') || null;
	const list = await dayList(db, settings, viewer, day, { assignee: agent });
	// Customer names and phones leave the system: who took them, for which day.
	return sendTable({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/follow-ups', detail: { day, agent } }, exportTable(list, locals.locale.language), format, 'export.followups');
}

export const GET: RequestHandler = async (event) => {
	const format = event.url.searchParams.get('format') || 'csv';
	if (!isExportFormat(format)) return json({ error: `format=${format.slice(0, 20)} is not one of csv, xlsx, parquet, arrow`, param: 'format' }, { status: 400 });
	return _followUpExport(event, format);
};
