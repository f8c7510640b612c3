import { error } from '@sveltejs/kit';
import { by } from '$lib/server/auth/web';
import { answerExport, tableContext } from '$lib/server/export/request';
import { TICKET_SORTS, windowTickets, type TicketSort } from '$lib/server/peaks/detail';
import { listPeaks } from '$lib/server/peaks/peaks';
import { windowTicketsTable } from '$lib/server/peaks/tables';
import { mayIdentifyCustomers, viewerOf } from '$lib/server/peaks/viewer';
import type { RequestHandler } from './$types';

const EXPORT_ROWS = 100_000;

/** The tickets opened in a peak's window as a file (every one, in the page's order): GET /peaks/KEY/tickets/export?format=…&sort&dir. Recorded in the audit log. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!mayIdentifyCustomers(viewerOf(locals))) error(403, { message: 'forbidden' });
	const { db, settings } = locals.runtime;
	const [peak] = await listPeaks(db, settings, { key: params.key });
	if (!peak) error(404, { message: 'not found' });
	const rawSort = url.searchParams.get('sort') ?? 'created';
	const sort: TicketSort = rawSort in TICKET_SORTS ? (rawSort as TicketSort) : 'created';
	const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc';
	const c = tableContext(locals.locale);
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: `/peaks/${params.key}/tickets` }, {
		tickets: { build: async () => windowTicketsTable(c, peak, (await windowTickets(db, peak, { page: 1, pageSize: EXPORT_ROWS, sort, dir })).rows), audit: 'export.peak_tickets' }
	});
};
