/**
 * One peak in detail: what its excess was about against a normal day (by category, channel
 * and priority for tickets; queue, case and outcome for calls; and the customers most
 * affected), and the tickets opened in its window.
 */
import type { LocaleSettings } from '../../calendar';
import type { Database } from '../db/database';
import type { Settings } from '../settings';
import { listPeaks, type Peak } from './peaks';
import { mayIdentifyCustomers, type Viewer } from './viewer';

export const BREAKDOWN_DIMENSIONS = { tickets: ['category', 'channel', 'priority'], calls: ['case', 'queue', 'outcome'] } as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[keyof typeof BREAKDOWN_DIMENSIONS][number];

export interface BreakdownRow {
	value: string;
	/** Count in the peak's cells. */
	peak: number;
	/** Average count in the same hours of the reference days. */
	usual: number;
	excess: number;
	/** Share of the peak's excess this value carries (null when the peak has no excess). */
	shareOfExcess: number | null;
}

export interface CustomerRow extends BreakdownRow {
	customerId: string | null;
	/** Null when the viewer may not see customer names. */
	name: string | null;
	segment: string | null;
}

export interface PeakDetail {
	peak: Peak;
	dimensions: { dim: BreakdownDimension; rows: BreakdownRow[] }[];
	/** The customers with the largest excess (at most 5). */
	customers: CustomerRow[];
	mayIdentify: boolean;
}

const TOP_CUSTOMERS = 5;

export async function getPeakDetail(
	db: Database,
	settings: Settings,
	locale: Pick<LocaleSettings, 'timeZone'>,
	key: string,
	viewer: Viewer | null
): Promise<PeakDetail | null> {
	const [peak] = await listPeaks(db, settings, { key });
	if (!peak) return null;
	const mayIdentify = mayIdentifyCustomers(viewer);
	const rows = await db.query<{ dim: string; value: string; customer_name: string | null; segment: string | null; peak: number; usual: number }>('peaks/breakdown', {
		key,
		tz: locale.timeZone,
		with_names: mayIdentify
	});
	const excessOf = (r: { peak: number; usual: number }) => r.peak - r.usual;
	const share = (x: number) => (peak.excess > 0 ? x / peak.excess : null);
	const dimensions = BREAKDOWN_DIMENSIONS[peak.metric].map((dim) => ({
		dim,
		rows: rows
			.filter((r) => r.dim === dim)
			.map((r) => ({ value: r.value, peak: r.peak, usual: r.usual, excess: excessOf(r), shareOfExcess: share(excessOf(r)) }))
			.sort((a, b) => b.excess - a.excess || b.peak - a.peak)
	}));
	const customers = rows
		.filter((r) => r.dim === 'customer')
		.map((r) => ({
			value: r.value,
			customerId: mayIdentify ? r.value : null,
			name: mayIdentify ? r.customer_name : null,
			segment: r.segment,
			peak: r.peak,
			usual: r.usual,
			excess: excessOf(r),
			shareOfExcess: share(excessOf(r))
		}))
		.sort((a, b) => b.excess - a.excess || b.peak - a.peak)
		.slice(0, TOP_CUSTOMERS)
		// An executive sees the segments of the customers most affected, never who they are.
		.map((c) => (mayIdentify ? c : { ...c, value: '' }));
	return { peak, dimensions, customers, mayIdentify };
}

export const TICKET_SORTS = { created: 'created', priority: 'priority', category: 'category', channel: 'channel' } as const;
export type TicketSort = keyof typeof TICKET_SORTS;

export interface WindowTicket {
	id: string;
	createdAt: string;
	customerId: string | null;
	customerName: string | null;
	channel: string | null;
	category: string | null;
	priority: string | null;
	status: string | null;
	subject: string | null;
}

/** The tickets opened in a peak's window, a page at a time. Only for viewers who may see single tickets. */
export async function windowTickets(
	db: Database,
	peak: Peak,
	options: { page: number; pageSize: number; sort: TicketSort; dir: 'asc' | 'desc' }
): Promise<{ rows: WindowTicket[]; total: number }> {
	const params = { from_at: peak.windowStart, to_at: peak.windowEnd, sort: options.sort, dir: options.dir, limit: options.pageSize, offset: (options.page - 1) * options.pageSize };
	const [rows, [count]] = await Promise.all([db.query('peaks/window_tickets', params), db.query<{ total: number }>('peaks/window_tickets_count', params)]);
	return {
		total: count?.total ?? 0,
		rows: rows.map((r) => ({
			id: String(r.id),
			createdAt: String(r.created_at),
			customerId: (r.customer_id as string | null) ?? null,
			customerName: (r.customer_name as string | null) ?? null,
			channel: (r.channel as string | null) ?? null,
			category: (r.category as string | null) ?? null,
			priority: (r.priority as string | null) ?? null,
			status: (r.status as string | null) ?? null,
			subject: (r.subject as string | null) ?? null
		}))
	};
}
