import { atRiskView } from '$lib/server/churn/risk';
import { viewerOf } from '$lib/server/churn/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { db, settings } = locals.runtime;
	return { view: await atRiskView(db, settings.churn, viewerOf(locals)), atRisk: settings.churn.atRiskScore, weights: settings.churn.model.weights };
};
