import { error, fail } from '@sveltejs/kit';
import { todayIn } from '$lib/calendar';
import type { ParamError } from '$lib/filters';
import { dayList, listDays, recordOutcome, snoozeCustomer } from '$lib/server/churn/followups';
import { dayParam } from '$lib/server/churn/params';
import { canWorkFollowUps, viewerOf } from '$lib/server/churn/viewer';
import type { RawInput } from '$lib/server/churn/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const viewer = viewerOf(locals);
	if (!canWorkFollowUps(viewer)) error(403, { message: 'forbidden' });
	const errors: ParamError[] = [];
	const today = todayIn(settings.unit.timeZone);
	let day = dayParam(url.searchParams, 'date', errors) ?? today;
	if (day > today) {
		errors.push({ param: 'date', key: 'followups.error.futureList' });
		day = today;
	}
	const agent = url.searchParams.get('agent') || null;
	const list = await dayList(db, settings, viewer, day, { assignee: agent });
	return {
		list,
		agent: agent && list.agents.includes(agent) ? agent : null,
		errors,
		days: await listDays(db, 14),
		atRisk: settings.churn.atRiskScore,
		coolDownDays: settings.churn.followUps.coolDownDays,
		holdoutShare: settings.churn.holdout.share
	};
};

const values = (form: FormData): RawInput => Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));

export const actions: Actions = {
	outcome: async ({ locals, request }) => {
		const raw = values(await request.formData());
		const result = await recordOutcome(locals.runtime.db, locals.runtime.settings, viewerOf(locals), raw);
		if (result.ok) return { id: result.id, saved: { id: result.id, version: result.version, answers: result.answers } };
		const id = Number(raw.id);
		if (result.status === 400) return fail(400, { id, values: raw, errors: result.errors });
		if (result.status === 409) return fail(409, { id, values: raw, conflict: { error: result.error, current: result.current } });
		return fail(result.status, { id, values: raw, problem: result.error });
	},
	snooze: async ({ locals, request }) => {
		const raw = values(await request.formData());
		const result = await snoozeCustomer(locals.runtime.db, locals.runtime.settings, viewerOf(locals), raw);
		const form = String(raw.form ?? '');
		if (result.ok) return { snoozeForm: form, snoozed: { customerId: String(raw.customer_id), until: String(raw.until) } };
		if (result.status === 400) return fail(400, { snoozeForm: form, values: raw, errors: result.errors });
		return fail(result.status, { snoozeForm: form, values: raw, problem: result.error });
	}
};
