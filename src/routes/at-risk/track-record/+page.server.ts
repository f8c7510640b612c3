import { dayParam } from '$lib/server/churn/params';
import { trackRecord } from '$lib/server/churn/track';
import { viewerOf } from '$lib/server/churn/viewer';
import type { ParamError } from '$lib/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const errors: ParamError[] = [];
	const landmark = dayParam(url.searchParams, 'landmark', errors);
	return { record: await trackRecord(db, settings.churn, viewerOf(locals), landmark), errors };
};
