import { error } from '@sveltejs/kit';
import { UNRESTRICTED } from '$lib/server/kpi/answers';
import { ticketDetail } from '$lib/server/tickets/detail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (params.id.length > 200) error(404, 'not found');
	const detail = await ticketDetail(locals.runtime.db, params.id, UNRESTRICTED);
	if (!detail) error(404, 'not found');
	return { ...detail, viewer: UNRESTRICTED };
};
