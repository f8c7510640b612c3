/**
 * Reading the churn risk the refresh job computed (never computing it in a request; the derived
 * tables are read through db.cachedQuery, valid until the next committed transaction): the
 * ranked at-risk customers, the customer list with its filters, and one customer's page
 * (risk and reasons, what changed since last week, score history, contact rhythm, timeline,
 * open tickets, contacts, follow-ups). Names, contact details and comments are left out for
 * viewers who may not see them (viewer.ts).
 */
import { addDays } from '../../calendar';
import type { Phrase } from '../../i18n/translate';
import type { Database } from '../db/database';
import { customerFollowUps, type CustomerFollowUp } from './followups';
import { changeSince, contributions, reasons, type Change, type Contribution, type RiskRow } from './reasons';
import type { ChurnSettings } from './settings';
import { canSeeComments, canSeeCustomerPii, type ChurnViewer } from './viewer';

export interface RiskDays {
	/** The day of the current risk (null: never computed). */
	current: string | null;
	/** The day it is compared with: the newest at least a week earlier. */
	previous: string | null;
}

export async function riskDays(db: Database): Promise<RiskDays> {
	const [row] = await db.cachedQuery<{ current: string | null; previous: string | null }>('churn/days');
	return { current: row?.current ?? null, previous: row?.previous ?? null };
}

/** The newest computed day on or before `day`. */
export async function riskDayAt(db: Database, day: string): Promise<string | null> {
	const [row] = await db.cachedQuery<{ as_of: string | null }>('churn/day_at', { day });
	return row?.as_of ?? null;
}

export interface RankedCustomer {
	customerId: string;
	name: string | null;
	segment: string | null;
	owner: string | null;
	rank: number;
	score: number;
	previousScore: number | null;
	change: Change;
	factors: Contribution[];
	reasons: Phrase[];
	silenceDays: number | null;
	renewalDays: number | null;
	rhythmBasis: 'own' | 'segment';
}

type RankedRow = RiskRow & { name: string | null; segment: string | null; owner: string | null; previous_score: number | null; previous_status: string | null; total: number };

function ranked(row: RankedRow, viewer: ChurnViewer): RankedCustomer {
	return {
		customerId: row.customer_id,
		name: canSeeCustomerPii(viewer) ? row.name : null,
		segment: row.segment,
		owner: row.owner,
		rank: row.rank ?? 0,
		score: row.score,
		previousScore: row.previous_score,
		change: changeSince(row.score, row.previous_score, row.previous_status),
		factors: contributions(row),
		reasons: reasons(row),
		silenceDays: row.silence_days,
		renewalDays: row.renewal_days,
		rhythmBasis: row.rhythm_basis
	};
}

export interface RankedList {
	asOf: string | null;
	previous: string | null;
	total: number;
	rows: RankedCustomer[];
}

/**
 * Active customers by risk on a computed day (the newest on or before `asOf`; the current
 * day when absent), from `minScore` on, paged.
 */
export async function rankedRisk(
	db: Database,
	viewer: ChurnViewer,
	options: { asOf?: string | null; minScore?: number; limit: number; offset?: number }
): Promise<RankedList> {
	const days = await riskDays(db);
	const asOf = options.asOf ? await riskDayAt(db, options.asOf) : days.current;
	if (!asOf) return { asOf: null, previous: null, total: 0, rows: [] };
	const previous = asOf === days.current ? days.previous : await riskDayAt(db, addDays(asOf, -7));
	const rows = await db.cachedQuery<RankedRow & Record<string, unknown>>('churn/risk_ranked', {
		as_of: asOf,
		previous,
		min_score: options.minScore ?? 0,
		limit: options.limit,
		offset: options.offset ?? 0
	});
	return { asOf, previous, total: rows[0]?.total ?? 0, rows: rows.map((r) => ranked(r, viewer)) };
}

// ---- the customer list ----------------------------------------------------------------------

export const CUSTOMER_SORTS = ['score', 'name', 'id', 'segment', 'owner', 'silence', 'renewal', 'change'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const RISK_BANDS = ['at_risk', 'watch', 'low'] as const;
export const CUSTOMER_STATUSES = ['active', 'lapsed', 'lost', 'not_started'] as const;

export interface CustomerFilters {
	q: string | null;
	segment: string | null;
	owner: string | null;
	risk: (typeof RISK_BANDS)[number] | null;
	status: (typeof CUSTOMER_STATUSES)[number] | null;
	silentDays: number | null;
	renewalDays: number | null;
	sort: CustomerSort;
	dir: 'asc' | 'desc';
	page: number;
}

export interface CustomerListRow {
	customerId: string;
	name: string | null;
	segment: string | null;
	owner: string | null;
	status: string | null;
	score: number | null;
	rank: number | null;
	silenceDays: number | null;
	lastContactDay: string | null;
	renewalDay: string | null;
	renewalDays: number | null;
	change: Change;
}

export const PAGE_SIZE = 50;
/** The most rows a download of a list holds. */
export const EXPORT_ROWS = 100_000;

/** One page of the customer list (a download asks for one page of up to EXPORT_ROWS). */
export async function customerList(db: Database, settings: ChurnSettings, viewer: ChurnViewer, f: CustomerFilters, pageSize = PAGE_SIZE) {
	const days = await riskDays(db);
	const pii = canSeeCustomerPii(viewer);
	// Sorting by name would reveal the order of names to a viewer who may not see them.
	const sort = !pii && f.sort === 'name' ? 'id' : f.sort;
	const rows = await db.query<Record<string, unknown>>('churn/customers_list', {
		as_of: days.current,
		previous: days.previous,
		at_risk: settings.atRiskScore,
		names: pii,
		q: f.q,
		segment: f.segment,
		owner: f.owner,
		risk: f.risk,
		status: f.status,
		silent_days: f.silentDays,
		renewal_days: f.renewalDays,
		sort,
		dir: f.dir,
		limit: pageSize,
		offset: (f.page - 1) * pageSize
	});
	const [options] = await db.query<{ segments: string[]; owners: string[] }>('churn/filter_options');
	return {
		days,
		total: (rows[0]?.total as number | undefined) ?? 0,
		options: { segments: options?.segments ?? [], owners: options?.owners ?? [] },
		rows: rows.map(
			(r): CustomerListRow => ({
				customerId: r.customer_id as string,
				name: pii ? (r.name as string | null) : null,
				segment: r.segment as string | null,
				owner: r.owner as string | null,
				status: r.status as string | null,
				score: r.score as number | null,
				rank: r.rank as number | null,
				silenceDays: r.silence_days as number | null,
				lastContactDay: r.last_contact_day as string | null,
				renewalDay: r.renewal_day as string | null,
				renewalDays: r.renewal_days as number | null,
				change: r.score === null || r.status !== 'active' ? { kind: 'none' } : changeSince(r.score as number, r.previous_score as number | null, r.previous_status as string | null)
			})
		)
	};
}

// ---- one customer ---------------------------------------------------------------------------

export interface CustomerProfile {
	id: string;
	name: string | null;
	segment: string | null;
	owner: string | null;
	contractStart: string | null;
	renewalDate: string | null;
	contact: { name: string | null; phone: string | null; email: string | null; since: string | null } | null;
	isStub: boolean;
	onFollowUps: boolean;
	lostOn: string | null;
}

export interface TimelineEvent {
	kind: 'ticket' | 'call' | 'survey' | 'follow_up';
	at: string;
	ref: string;
	text: string | null;
	channel: string | null;
	category: string | null;
	priority: string | null;
	status: string | null;
	direction: string | null;
	outcome: string | null;
	surveyKind: string | null;
	score: number | null;
}

export interface ContactDay {
	day: string;
	gap: number | null;
	tickets: number;
	calls: number;
	answers: number;
}

export interface CustomerPage {
	profile: CustomerProfile;
	risk: {
		row: RiskRow;
		factors: Contribution[];
		reasons: Phrase[];
		previous: { asOf: string; score: number; factors: Contribution[] } | null;
		change: Change;
	} | null;
	history: { asOf: string; score: number; reconstructed: boolean }[];
	rhythm: { from: string; to: string; days: ContactDay[] };
	timeline: TimelineEvent[];
	openTickets: { id: string; subject: string | null; category: string | null; priority: string | null; status: string; channel: string | null; created_at: string; open_days: number }[];
	contactPeople: { name: string; seenAt: string; initial: boolean }[];
	followUps: CustomerFollowUp[];
}

export const TIMELINE_LIMIT = 80;

/** Timeline order: event_at descending (sort_us, microseconds), then ref descending (byte order, as DuckDB compares VARCHAR). */
function newestFirst(a: Record<string, unknown>, b: Record<string, unknown>): number {
	const ta = BigInt(a.sort_us as string | number);
	const tb = BigInt(b.sort_us as string | number);
	if (ta !== tb) return ta > tb ? -1 : 1;
	const ra = Buffer.from(String(a.ref));
	const rb = Buffer.from(String(b.ref));
	return -Buffer.compare(ra, rb);
}

/** One customer's page, or null when it does not exist. */
export async function customerPage(db: Database, settings: ChurnSettings, viewer: ChurnViewer, id: string): Promise<CustomerPage | null> {
	const [c] = await db.query<Record<string, unknown>>('churn/customer', { id });
	if (!c) return null;
	const pii = canSeeCustomerPii(viewer);
	const profile: CustomerProfile = {
		id: c.id as string,
		name: pii ? (c.name as string | null) : null,
		segment: c.segment as string | null,
		owner: c.owner as string | null,
		contractStart: c.contract_start as string | null,
		renewalDate: c.renewal_date as string | null,
		contact: pii ? { name: c.contact_name as string | null, phone: c.contact_phone as string | null, email: c.contact_email as string | null, since: c.contact_since as string | null } : null,
		isStub: c.is_stub as boolean,
		onFollowUps: c.on_follow_ups as boolean,
		lostOn: c.lost_on as string | null
	};
	const rows = await db.cachedQuery<RiskRow & Record<string, unknown>>('churn/customer_risk', { id });
	const latest = rows[0] ?? null;
	let risk: CustomerPage['risk'] = null;
	if (latest) {
		const weekAgo = addDays(latest.as_of, -7);
		const prev = rows.find((r) => r.as_of <= weekAgo) ?? null;
		risk = {
			row: latest,
			factors: contributions(latest),
			reasons: reasons(latest),
			previous: prev ? { asOf: prev.as_of, score: prev.score, factors: contributions(prev) } : null,
			change: changeSince(latest.score, prev?.score, prev?.status)
		};
	}
	const to = latest?.as_of ?? new Date().toISOString().slice(0, 10);
	const from = addDays(to, -settings.model.rhythm.lookbackDays + 1);
	const days = await db.cachedQuery<ContactDay & Record<string, unknown>>('churn/customer_contact_days', { id, from, to });
	// Loaded events (cached until the next load) and the care unit's follow-ups (written any
	// time), merged newest first as one query's `order by event_at desc, ref desc` would.
	const [loaded, followed] = await Promise.all([
		db.cachedQuery<Record<string, unknown>>('churn/customer_timeline', { id, limit: TIMELINE_LIMIT }),
		db.query<Record<string, unknown>>('churn/customer_timeline_follow_ups', { id, limit: TIMELINE_LIMIT })
	]);
	const timeline = [...loaded, ...followed].sort(newestFirst).slice(0, TIMELINE_LIMIT);
	const openRows = await db.cachedQuery<Omit<CustomerPage['openTickets'][number], 'open_days'> & Record<string, unknown>>('churn/customer_open_tickets', { id });
	const openDays = openRows.length ? await db.query<{ open_days: number }>('churn/open_days', { moments: JSON.stringify(openRows.map((t) => t.created_at)) }) : [];
	const open = openRows.map((t, i) => ({ ...t, open_days: openDays[i]!.open_days }));
	const people = pii ? await db.query<{ contact_name: string; seen_at: string; initial: boolean }>('churn/customer_contact_people', { id }) : [];
	const comments = canSeeComments(viewer);
	return {
		profile,
		risk,
		history: rows.map((r) => ({ asOf: r.as_of, score: r.score, reconstructed: r.reconstructed })).reverse(),
		rhythm: { from, to, days },
		timeline: timeline.map((e) => ({
			kind: e.kind as TimelineEvent['kind'],
			at: e.event_at as string,
			ref: e.ref as string,
			// Ticket subjects, survey comments and notes are customers' words: not for every role.
			text: comments ? (e.text as string | null) : null,
			channel: e.channel as string | null,
			category: e.category as string | null,
			priority: e.priority as string | null,
			status: e.status as string | null,
			direction: e.direction as string | null,
			outcome: e.outcome as string | null,
			surveyKind: e.survey_kind as string | null,
			score: e.score as number | null
		})),
		openTickets: open.map((t) => ({ ...t, subject: comments ? t.subject : null })),
		contactPeople: people.map((p) => ({ name: p.contact_name, seenAt: p.seen_at, initial: p.initial })),
		followUps: await customerFollowUps(db, viewer, id)
	};
}

// ---- the at-risk page ------------------------------------------------------------------------

export interface AtRiskView {
	asOf: string | null;
	previous: string | null;
	rows: (RankedCustomer & { isNew: boolean })[];
	/** At risk on the day compared with, and not any more. */
	noLonger: { customerId: string; name: string | null; previousScore: number; score: number | null; status: string | null }[];
	/** Active customers on the current day (the denominator of the share at risk). */
	active: number;
}

/** The customers at risk now, which of them are new since last week, and who left the list. */
export async function atRiskView(db: Database, settings: ChurnSettings, viewer: ChurnViewer, limit = 500): Promise<AtRiskView> {
	const now = await rankedRisk(db, viewer, { minScore: settings.atRiskScore, limit });
	const all = await rankedRisk(db, viewer, { limit: 1 });
	const before = now.previous ? await rankedRisk(db, viewer, { asOf: now.previous, minScore: settings.atRiskScore, limit }) : null;
	const wasAtRisk = new Set(before?.rows.map((r) => r.customerId) ?? []);
	const isAtRisk = new Set(now.rows.map((r) => r.customerId));
	const currentScores = new Map<string, { score: number; status: string }>();
	if (before) {
		const gone = before.rows.filter((r) => !isAtRisk.has(r.customerId)).map((r) => r.customerId);
		for (const id of gone) {
			const [row] = await db.cachedQuery<{ score: number; status: string }>('churn/customer_risk_on', { id, as_of: now.asOf });
			if (row) currentScores.set(id, row);
		}
	}
	return {
		asOf: now.asOf,
		previous: now.previous,
		rows: now.rows.map((r) => ({ ...r, isNew: before !== null && !wasAtRisk.has(r.customerId) })),
		noLonger: (before?.rows ?? [])
			.filter((r) => !isAtRisk.has(r.customerId))
			.map((r) => ({ customerId: r.customerId, name: r.name, previousScore: r.score, score: currentScores.get(r.customerId)?.score ?? null, status: currentScores.get(r.customerId)?.status ?? null })),
		active: all.total
	};
}
