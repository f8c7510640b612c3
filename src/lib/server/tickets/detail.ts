/**
 * One ticket as the survey answers and call lists link to it: its fields, the statuses it went
 * through, its calls and the answers about it. What the viewer may not see (the subject and the
 * comments, which quote customers; the customer's name) never leaves the database.
 *
 * Read through db.cachedQuery: tickets, calls, answers and status changes are written only in
 * committed transactions (loads, a follow-up's answers), which forget the cached results. The
 * lookups by ticket_id scan the calls (no index: an ART index on calls.ticket_id made a 3M-call
 * load ~1.3-1.9x slower), so a ticket's first view after a load costs that scan.
 */
import type { Database } from '../db/database';
import type { AnswerViewer } from '../kpi/answers';

export interface TicketDetail {
	ticket: {
		id: string;
		customer_id: string | null;
		customer_name: string | null;
		segment: string | null;
		channel: string | null;
		category: string | null;
		priority: string | null;
		support_level: string | null;
		status: string | null;
		team: string | null;
		assignee: string | null;
		subject: string | null;
		created_at: string;
		first_response_at: string | null;
		resolved_at: string | null;
		closed_at: string | null;
	};
	statuses: { changed_at: string; status: string }[];
	calls: { id: string; direction: string; queue: string | null; started_at: string; outcome: string; wait_seconds: number | null; talk_seconds: number | null; opened_case: boolean | null }[];
	answers: { id: string; kind: 'nps' | 'csat'; score: number; occasion: string | null; answered_at: string; comment: string | null }[];
}

/** The ticket, or null when there is none with this id. */
export async function ticketDetail(db: Database, id: string, viewer: AnswerViewer): Promise<TicketDetail | null> {
	const [ticket] = await db.cachedQuery<TicketDetail['ticket']>('tickets/ticket', { id, show_text: viewer.comments, show_names: viewer.customerNames });
	if (!ticket) return null;
	const [statuses, calls, answers] = await Promise.all([
		db.cachedQuery<TicketDetail['statuses'][number]>('tickets/status_changes', { id }),
		db.cachedQuery<TicketDetail['calls'][number]>('tickets/calls', { id }),
		db.cachedQuery<TicketDetail['answers'][number]>('tickets/answers', { id, show_text: viewer.comments })
	]);
	return { ticket, statuses, calls, answers };
}
