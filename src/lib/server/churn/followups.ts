/**
 * The care unit's daily follow-up list: made once a day from the risk computed by the refresh
 * job (sized to the unit's capacity, ranked by risk × customer value, assigned to care agents,
 * leaving out customers reached within the cool-down, snoozed ones and the hold-out), then
 * worked through: each call's outcome is recorded with the happy-call answers, which are
 * written as survey answers (occasion happy_call) and refreshed into the survey rollups (so the
 * KPIs) at once.
 *
 * Writes are guarded: bad input changes nothing (validation.ts), and two agents saving the same
 * follow-up cannot overwrite each other unnoticed (the version column; the second gets a
 * conflict with what the first saved). Outcomes and snoozes are written to the audit log with
 * who recorded them, in the same transaction.
 */
import { todayIn } from '../../calendar';
import type { Phrase } from '../../i18n/translate';
import { auditOn } from '../audit';
import { execOn, queryOn, type Database } from '../db/database';
import { refreshSurveyRollups } from '../refresh/index';
import type { Settings } from '../settings';
import { planList, type Candidate } from './assignment';
import { reasons, type RiskRow } from './reasons';
import type { ChurnSettings } from './settings';
import { validateOutcome, validateSnooze, type FieldErrors, type FollowUpStatus, type RawInput } from './validation';
import { canSeeComments, canSeeCustomerPii, canWorkFollowUps, type ChurnViewer } from './viewer';

/** The care agents: the setting, or the account owners named in the customers data. */
export async function careAgents(db: Database, settings: ChurnSettings): Promise<string[]> {
	const set = settings.followUps.agents.map((a) => a.trim()).filter(Boolean);
	if (set.length) return [...new Set(set)];
	return (await db.cachedQuery<{ owner: string }>('followups/owners')).map((r) => r.owner);
}

export interface DayInfo {
	day: string;
	capacity: number;
	agents: string[];
}

async function readDay(db: Database, day: string): Promise<DayInfo | null> {
	const [row] = await db.query<{ day: string; capacity: number; agents: string }>('followups/day', { day });
	return row ? { day: row.day, capacity: row.capacity, agents: JSON.parse(row.agents) as string[] } : null;
}

/**
 * Make the list of `day` unless it exists: the open items carried over count against the
 * capacity (agents × calls a day), and the free slots go to the candidates with the highest
 * priority. Making the list twice at once is harmless: the day's row is claimed first, and the
 * loser of that race reads the winner's list.
 */
export async function ensureDayList(db: Database, settings: Settings, day: string): Promise<DayInfo> {
	const existing = await readDay(db, day);
	if (existing) return existing;
	const churn = settings.churn;
	const agents = await careAgents(db, churn);
	const capacity = agents.length * Math.max(0, Math.round(churn.followUps.callsPerAgentPerDay));
	const [days] = await db.query<{ current: string | null }>('churn/days');
	const [risk] = days?.current ? await db.query<{ as_of: string | null }>('churn/day_at', { day }) : [];
	try {
		await db.transaction(async (conn) => {
			await execOn(conn, 'followups/insert_day', { day, capacity, agents: JSON.stringify(agents) });
			const carriedRows = await queryOn<{ assignee: string | null; items: number }>(conn, 'followups/open_load', { day });
			const carried = new Map(carriedRows.filter((r) => r.assignee !== null).map((r) => [r.assignee!, r.items]));
			const carriedTotal = carriedRows.reduce((n, r) => n + r.items, 0);
			const slots = Math.max(0, capacity - carriedTotal);
			if (!risk?.as_of || slots === 0) return;
			const rows = await queryOn<{ customer_id: string; score: number; segment: string | null; owner: string | null; arm: 'list' | 'holdout' | null }>(
				conn,
				'followups/candidates',
				{ day, as_of: risk.as_of, min_score: Math.min(churn.followUps.minScore, churn.atRiskScore), cool_down: Math.round(churn.followUps.coolDownDays), holdout_days: Math.round(churn.holdout.days), tz: settings.unit.timeZone }
			);
			const candidates: Candidate[] = rows.map((r) => ({ customerId: r.customer_id, score: r.score, segment: r.segment, owner: r.owner, arm: r.arm }));
			const plan = planList(candidates, churn, day, slots, agents, carried);
			if (plan.drawn.length) {
				await execOn(conn, 'followups/insert_experiment', {
					day,
					rows: JSON.stringify(plan.drawn.map((d) => ({ customer_id: d.customerId, arm: d.arm, score: d.score })))
				});
			}
			if (plan.picked.length) {
				await execOn(conn, 'followups/insert_items', {
					day,
					as_of: risk.as_of,
					rows: JSON.stringify(plan.picked.map((p) => ({ customer_id: p.customerId, rank: p.rank, score: p.score, priority: p.priority, assignee: p.assignee })))
				});
			}
		});
	} catch (e) {
		const made = await readDay(db, day);
		if (made) return made;
		throw e;
	}
	return (await readDay(db, day))!;
}

export interface FollowUpItem {
	id: number;
	customerId: string;
	/** Null when the viewer may not see customer names. */
	name: string | null;
	segment: string | null;
	owner: string | null;
	contact: { name: string | null; phone: string | null; email: string | null } | null;
	listDay: string;
	carried: boolean;
	rank: number;
	score: number;
	currentScore: number | null;
	priority: number;
	reasons: Phrase[];
	assignee: string | null;
	status: FollowUpStatus;
	callBackOn: string | null;
	notes: string | null;
	attempts: number;
	reachedAt: string | null;
	updatedAt: string | null;
	updatedBy: string | null;
	version: number;
	npsAnswerId: string | null;
	csatAnswerId: string | null;
	lastContactDay: string | null;
	openTickets: number;
	openSubjects: string[];
	pastFollowUps: number;
	lastReachedAt: string | null;
}

interface ItemRow {
	id: number;
	customer_id: string;
	list_day: string;
	rank: number;
	score: number;
	priority: number;
	reasons: string | null;
	assignee: string | null;
	status: FollowUpStatus;
	call_back_on: string | null;
	notes: string | null;
	attempts: number;
	reached_at: string | null;
	updated_at: string | null;
	updated_by: string | null;
	version: number;
	nps_answer_id: string | null;
	csat_answer_id: string | null;
	carried: boolean;
	name: string | null;
	segment: string | null;
	owner: string | null;
	contact_name: string | null;
	contact_phone: string | null;
	contact_email: string | null;
	current_score: number | null;
}

interface ContextRow {
	customer_id: string;
	last_contact_day: string | null;
	open_tickets: number;
	open_subjects: string[] | null;
	past_follow_ups: number;
	last_reached_at: string | null;
}

function toItem(r: ItemRow, ctx: ContextRow | undefined, viewer: ChurnViewer): FollowUpItem {
	const pii = canSeeCustomerPii(viewer);
	const facts = r.reasons ? (JSON.parse(r.reasons) as RiskRow) : null;
	return {
		id: r.id,
		customerId: r.customer_id,
		name: pii ? r.name : null,
		segment: r.segment,
		owner: r.owner,
		contact: pii ? { name: r.contact_name, phone: r.contact_phone, email: r.contact_email } : null,
		listDay: r.list_day,
		carried: r.carried,
		rank: r.rank,
		score: r.score,
		currentScore: r.current_score,
		priority: r.priority,
		reasons: facts ? reasons(facts) : [],
		assignee: r.assignee,
		status: r.status,
		callBackOn: r.call_back_on,
		notes: canSeeComments(viewer) ? r.notes : null,
		attempts: r.attempts,
		reachedAt: r.reached_at,
		updatedAt: r.updated_at,
		updatedBy: r.updated_by,
		version: r.version,
		npsAnswerId: r.nps_answer_id,
		csatAnswerId: r.csat_answer_id,
		lastContactDay: ctx?.last_contact_day ?? null,
		openTickets: ctx?.open_tickets ?? 0,
		openSubjects: pii ? (ctx?.open_subjects ?? []) : [],
		pastFollowUps: ctx?.past_follow_ups ?? 0,
		lastReachedAt: ctx?.last_reached_at ?? null
	};
}

export interface DayList {
	day: string;
	today: string;
	/** Null for a past day without a list. */
	info: DayInfo | null;
	items: FollowUpItem[];
	agents: string[];
}

/**
 * The list of a day: today's is made when first asked for; a past day shows what was put on
 * it (with where each item stands now); a future day has no list yet.
 */
export async function dayList(db: Database, settings: Settings, viewer: ChurnViewer, day: string, options: { assignee?: string | null } = {}): Promise<DayList> {
	const today = todayIn(settings.unit.timeZone);
	const info = day === today ? await ensureDayList(db, settings, day) : day < today ? await readDay(db, day) : null;
	const rows = info ? await db.query<ItemRow & Record<string, unknown>>('followups/day_list', { day, carry: day === today, assignee: options.assignee ?? null }) : [];
	const ids = JSON.stringify([...new Set(rows.map((r) => r.customer_id))].sort());
	const [contacts, past] = rows.length
		? await Promise.all([
				db.cachedQuery<Pick<ContextRow, 'customer_id' | 'last_contact_day' | 'open_tickets' | 'open_subjects'> & Record<string, unknown>>('followups/items_contacts', { ids }),
				db.query<Pick<ContextRow, 'customer_id' | 'past_follow_ups' | 'last_reached_at'> & Record<string, unknown>>('followups/items_context', { ids })
			])
		: [[], []];
	const pastOf = new Map(past.map((p) => [p.customer_id, p]));
	const byCustomer = new Map(contacts.map((c): [string, ContextRow] => [c.customer_id, { ...c, past_follow_ups: pastOf.get(c.customer_id)?.past_follow_ups ?? 0, last_reached_at: pastOf.get(c.customer_id)?.last_reached_at ?? null }]));
	return { day, today, info, items: rows.map((r) => toItem(r, byCustomer.get(r.customer_id), viewer)), agents: await careAgents(db, settings.churn) };
}

export async function followUpById(db: Database, viewer: ChurnViewer, id: number): Promise<FollowUpItem | null> {
	const [row] = await db.query<ItemRow & Record<string, unknown>>('followups/by_id', { id });
	return row ? toItem({ ...row, carried: false, owner: null, contact_name: null, contact_phone: null, contact_email: null, current_score: null }, undefined, viewer) : null;
}

export type OutcomeResult =
	| { ok: true; id: number; version: number; answers: { nps: string | null; csat: string | null }; refreshed: boolean }
	| { ok: false; status: 400; errors: FieldErrors }
	| { ok: false; status: 403 | 404; error: Phrase }
	| { ok: false; status: 409; error: Phrase; current: FollowUpItem };

/**
 * Record a call's outcome. Bad input writes nothing; a follow-up saved by someone else since
 * the form was opened (its version moved on) is not overwritten: the caller gets 409 with
 * what is stored now. Happy-call answers become survey answers, and the survey rollups are
 * rebuilt at once so NPS and CSAT include them.
 */
export async function recordOutcome(db: Database, settings: Settings, viewer: ChurnViewer, raw: RawInput): Promise<OutcomeResult> {
	if (!canWorkFollowUps(viewer)) return { ok: false, status: 403, error: { key: 'followups.error.forbidden' } };
	const today = todayIn(settings.unit.timeZone);
	const agents = await careAgents(db, settings.churn);
	const checked = validateOutcome(raw, today, agents);
	if (!checked.ok) return { ok: false, status: 400, errors: checked.errors };
	const input = checked.value;
	const current = await followUpById(db, viewer, input.id);
	if (!current) return { ok: false, status: 404, error: { key: 'followups.error.notFound', params: { id: input.id } } };

	const npsId = input.nps !== null ? `FU${input.id}-nps` : null;
	const csatId = input.csat !== null ? `FU${input.id}-csat` : null;
	const saved = await db.transaction(async (conn) => {
		const [row] = await queryOn<{ id: number; version: number }>(conn, 'followups/update_outcome', {
			id: input.id,
			version: input.version,
			status: input.status,
			call_back_on: input.callBackOn,
			notes: input.notes,
			assignee: input.assignee ?? current.assignee,
			by: viewer.login,
			// Each call result is an attempt; "to call" and "done" are not calls.
			attempt: input.status === 'no_answer' || input.status === 'call_back' || input.status === 'reached',
			nps_answer_id: npsId,
			csat_answer_id: csatId
		});
		if (!row) return null;
		if (npsId) await execOn(conn, 'followups/upsert_answer', { id: npsId, customer_id: current.customerId, kind: 'nps', score: input.nps, comment: input.comment });
		if (csatId) await execOn(conn, 'followups/upsert_answer', { id: csatId, customer_id: current.customerId, kind: 'csat', score: input.csat, comment: npsId ? null : input.comment });
		if (input.lost) await execOn(conn, 'followups/mark_lost', { customer_id: current.customerId, lost_on: today, note: input.notes, by: viewer.login });
		// Free text (notes, the comment) stays out of the log: it quotes the customer.
		await auditOn(conn, {
			actor: viewer,
			action: 'followup.outcome',
			target: current.customerId,
			ip: viewer.ip ?? null,
			detail: { followUp: row.id, version: row.version, status: input.status, callBackOn: input.callBackOn, nps: input.nps, csat: input.csat, lost: input.lost }
		});
		return row;
	});
	if (!saved) {
		const now = (await followUpById(db, viewer, input.id))!;
		return { ok: false, status: 409, error: { key: 'followups.error.conflict', params: { by: now.updatedBy ?? '?', version: now.version } }, current: now };
	}
	// The answers change NPS and CSAT: rebuild the survey rollups now (a whole refresh, with the
	// churn risk, takes seconds at a large scale; the risk catches up at the next refresh).
	const refreshed = npsId !== null || csatId !== null;
	if (refreshed) await refreshSurveyRollups(db, settings);
	return { ok: true, id: saved.id, version: saved.version, answers: { nps: npsId, csat: csatId }, refreshed };
}

export type SnoozeResult = { ok: true; id: number } | { ok: false; status: 400; errors: FieldErrors } | { ok: false; status: 403; error: Phrase };

/** Keep a customer off the list until a day (after it, the customer can come back). */
export async function snoozeCustomer(db: Database, settings: Settings, viewer: ChurnViewer, raw: RawInput): Promise<SnoozeResult> {
	if (!canWorkFollowUps(viewer)) return { ok: false, status: 403, error: { key: 'followups.error.forbidden' } };
	const checked = validateSnooze(raw, todayIn(settings.unit.timeZone));
	if (!checked.ok) return { ok: false, status: 400, errors: checked.errors };
	const { customerId, until, note } = checked.value;
	const [exists] = await db.query<{ found: boolean }>('followups/customer_exists', { id: customerId });
	if (!exists?.found) return { ok: false, status: 400, errors: { customer_id: { key: 'followups.error.customerUnknown', params: { value: customerId.slice(0, 40) } } } };
	const id = await db.transaction(async (conn) => {
		const [row] = await queryOn<{ id: number }>(conn, 'followups/insert_snooze', { customer_id: customerId, until, note, by: viewer.login });
		await auditOn(conn, { actor: viewer, action: 'followup.snooze', target: customerId, ip: viewer.ip ?? null, detail: { snooze: row!.id, until } });
		return row!.id;
	});
	return { ok: true, id };
}

export interface CustomerFollowUp {
	id: number;
	listDay: string;
	score: number;
	assignee: string | null;
	status: FollowUpStatus;
	callBackOn: string | null;
	notes: string | null;
	attempts: number;
	reachedAt: string | null;
	updatedAt: string | null;
	updatedBy: string | null;
}

export async function customerFollowUps(db: Database, viewer: ChurnViewer, customerId: string): Promise<CustomerFollowUp[]> {
	const rows = await db.query<Record<string, unknown>>('followups/customer_follow_ups', { id: customerId });
	return rows.map((r) => ({
		id: r.id as number,
		listDay: r.list_day as string,
		score: r.score as number,
		assignee: r.assignee as string | null,
		status: r.status as FollowUpStatus,
		callBackOn: r.call_back_on as string | null,
		notes: canSeeComments(viewer) ? (r.notes as string | null) : null,
		attempts: r.attempts as number,
		reachedAt: r.reached_at as string | null,
		updatedAt: r.updated_at as string | null,
		updatedBy: r.updated_by as string | null
	}));
}

export async function listDays(db: Database, limit = 30): Promise<{ day: string; capacity: number; items: number; closed: number }[]> {
	return db.query('followups/list_days', { limit });
}
