import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { isIsoDay, todayIn } from '$lib/calendar';
import { exportName, exportTable, exportXlsx, xlsxResponse } from '$lib/server/churn/export';
import { dayList } from '$lib/server/churn/followups';
import { canWorkFollowUps, viewerOf } from '$lib/server/churn/viewer';
import type { RequestHandler } from './$types';

/** The day's follow-up list as XLSX, in the reader's language (right to left in Persian): GET /follow-ups/export.xlsx?date=YYYY-MM-DD */
export const GET: RequestHandler = async ({ locals, url }) => {
	const viewer = viewerOf(locals);
	if (!canWorkFollowUps(viewer)) error(403, { message: 'forbidden' });
	const { db, settings } = locals.runtime;
	const day = url.searchParams.get('date') ?? todayIn(settings.unit.timeZone);
	if (!isIsoDay(day)) error(400, { message: `date=${day.slice(0, 40)} is not a day like 2026-01-31` });
	const agent = url.searchParams.get('agent') || null;
	const list = await dayList(db, settings, viewer, day, { assignee: agent });
	const language = locals.locale.language;
	const name = exportName(day, 'xlsx');
	// Customer names and phones leave the system: who took them.
	await audit(db, { ...by(locals), action: 'export.followups', target: name, detail: { day, agent, rows: list.items.length } });
	return xlsxResponse(name, await exportXlsx(exportTable(list, language), language));
};
