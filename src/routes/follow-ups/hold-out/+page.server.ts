import { error } from '@sveltejs/kit';
import { todayIn } from '$lib/calendar';
import { holdoutView } from '$lib/server/churn/track';
import { canWorkFollowUps, viewerOf } from '$lib/server/churn/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!canWorkFollowUps(viewerOf(locals)) && viewerOf(locals).role !== 'executive') error(403, { message: 'forbidden' });
	const { db, settings } = locals.runtime;
	return { view: await holdoutView(db, settings.churn, todayIn(settings.unit.timeZone)), atRisk: settings.churn.atRiskScore };
};
