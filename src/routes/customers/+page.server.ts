import { parseCustomerFilters, RENEWAL_CHOICES, SILENT_CHOICES } from '$lib/server/churn/params';
import { customerList, PAGE_SIZE } from '$lib/server/churn/risk';
import { canSeeCustomerPii, viewerOf } from '$lib/server/churn/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerOf(locals);
	const { value: filters, errors } = parseCustomerFilters(url.searchParams);
	const list = await customerList(locals.runtime.db, locals.runtime.settings.churn, viewer, filters);
	return {
		filters,
		errors,
		...list,
		pageSize: PAGE_SIZE,
		atRisk: locals.runtime.settings.churn.atRiskScore,
		names: canSeeCustomerPii(viewer),
		choices: { silent: SILENT_CHOICES, renewal: RENEWAL_CHOICES }
	};
};
