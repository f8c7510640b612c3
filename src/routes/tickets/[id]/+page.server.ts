import { error } from '@sveltejs/kit';
import { answerViewerFor } from '$lib/server/kpi/answers';
import { ticketDetail } from '$lib/server/tickets/detail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (params.id.length > 200) error(404, 'not found');
	const viewer = answerViewerFor(locals.user?.role);
	const detail = await ticketDetail(locals.runtime.db, params.id, viewer);
	if (!detail) error(404, 'not found');
	return { ...detail, viewer };
};
