import { error } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translate';
import { TICKET_SORTS, windowTickets, type TicketSort } from '$lib/server/peaks/detail';
import { listPeaks } from '$lib/server/peaks/peaks';
import { mayIdentifyCustomers, viewerOf } from '$lib/server/peaks/viewer';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** The tickets opened in a peak's window: single tickets with customers, so not for executives. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const t = translator(locals.locale.language);
	if (!mayIdentifyCustomers(viewerOf(locals))) error(403, { message: t('peaks.tickets.forbidden') });
	const { db, settings } = locals.runtime;
	const [peak] = await listPeaks(db, settings, { key: params.key });
	if (!peak) error(404, { message: t('error.notFound') });
	const rawSort = url.searchParams.get('sort') ?? 'created';
	const sort: TicketSort = rawSort in TICKET_SORTS ? (rawSort as TicketSort) : 'created';
	const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc';
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const { rows, total } = await windowTickets(db, peak, { page, pageSize: PAGE_SIZE, sort, dir });
	return { peak, rows, paging: { page, pageSize: PAGE_SIZE, total }, sort: { key: sort, dir } as const };
};
