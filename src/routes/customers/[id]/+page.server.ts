import { error } from '@sveltejs/kit';
import { customerPage } from '$lib/server/churn/risk';
import { viewerOf } from '$lib/server/churn/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const viewer = viewerOf(locals);
	const { settings, db } = locals.runtime;
	const customer = await customerPage(db, settings.churn, viewer, params.id);
	if (!customer) error(404, { message: 'not found' });
	// Care agents see the customers on the follow-up lists, not the whole customer base.
	if (viewer.role === 'care_agent' && !customer.profile.onFollowUps) error(403, { message: 'forbidden' });
	return { customer, atRisk: settings.churn.atRiskScore, weights: settings.churn.model.weights };
};
