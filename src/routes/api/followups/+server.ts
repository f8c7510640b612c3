import { json } from '@sveltejs/kit';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import { by } from '$lib/server/auth/web';
import { todayIn } from '$lib/calendar';
import type { ParamError } from '$lib/filters';
import { inEnglishPhrase, translator } from '$lib/i18n/translate';
import { badRequest } from '$lib/server/filters';
import { dayList, recordOutcome } from '$lib/server/churn/followups';
import { dayParam, unknownParams } from '$lib/server/churn/params';
import type { RawInput } from '$lib/server/churn/validation';
import { canWorkFollowUps, viewerOf } from '$lib/server/churn/viewer';
import type { RequestHandler } from './$types';

/**
 * The day's follow-up list: GET /api/followups?date=YYYY-MM-DD (default today; today's list is
 * made when first asked for; a future day has none: 400). With ?format=csv|xlsx|parquet|arrow:
 * the items as a file (contact and reasons flattened), audited.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const viewer = viewerOf(locals);
	if (!canWorkFollowUps(viewer)) return json({ error: 'your role cannot see the follow-up list' }, { status: 403 });
	const { db, settings } = locals.runtime;
	const errors: ParamError[] = [];
	const params = withoutExportParams(url.searchParams);
	unknownParams(params, ['date', 'agent'], errors);
	const today = todayIn(settings.unit.timeZone);
	const day = dayParam(params, 'date', errors) ?? today;
	if (day > today) errors.push({ param: 'date', key: 'followups.error.futureList' });
	if (errors.length) return badRequest(errors);
	const list = await dayList(db, settings, viewer, day, { assignee: url.searchParams.get('agent') || null });
	const t = translator(locals.locale.language);
	const items = list.items.map((i) => ({
		id: i.id,
		version: i.version,
		customer_id: i.customerId,
		name: i.name,
		segment: i.segment,
		contact: i.contact,
		list_day: i.listDay,
		carried: i.carried,
		rank: i.rank,
		score: i.score,
		current_score: i.currentScore,
		priority: i.priority,
		reasons: i.reasons.map((p) => t(p.key, p.params)),
		assignee: i.assignee,
		status: i.status,
		call_back_on: i.callBackOn,
		notes: i.notes,
		attempts: i.attempts,
		last_contact_day: i.lastContactDay,
		open_tickets: i.openTickets,
		past_follow_ups: i.pastFollowUps,
		updated_at: i.updatedAt,
		updated_by: i.updatedBy
	}));
	if (format) return sendTable({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/api/followups' }, recordsTable(`follow-ups-${list.day}`, items), format, 'export.followups');
	return json({
		date: list.day,
		today: list.today,
		made: list.info !== null,
		capacity: list.info?.capacity ?? null,
		agents: list.info?.agents ?? list.agents,
		items
	});
};

/**
 * Record a call's outcome: POST /api/followups with JSON
 * { id, version, status, call_back_on?, notes?, assignee?, nps?, csat?, comment?, lost? }
 * → 200 { id, version, answers }; 400 { errors: { field: message } } and nothing written;
 * 404 for an unknown follow-up; 409 { error, current } when it was saved by someone else since
 * `version` (read it again and retry).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ error: 'the body must be a JSON object' }, { status: 400 });
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return json({ error: 'the body must be a JSON object' }, { status: 400 });
	const raw: RawInput = {};
	for (const [k, v] of Object.entries(body)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) raw[k] = v as RawInput[string];
	const result = await recordOutcome(locals.runtime.db, locals.runtime.settings, viewerOf(locals), raw);
	if (result.ok) return json({ id: result.id, version: result.version, answers: result.answers, refreshed: result.refreshed });
	if (result.status === 400) {
		const errors = Object.fromEntries(Object.entries(result.errors).map(([field, p]) => [field, inEnglishPhrase(p)]));
		return json({ error: Object.values(errors)[0], errors }, { status: 400 });
	}
	if (result.status === 409) return json({ error: inEnglishPhrase(result.error), current: { version: result.current.version, status: result.current.status, notes: result.current.notes, updated_by: result.current.updatedBy, updated_at: result.current.updatedAt } }, { status: 409 });
	return json({ error: inEnglishPhrase(result.error) }, { status: result.status });
};
