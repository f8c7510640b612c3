/**
 * What a demo ticket is about and how it lives: category, priority, support level and team,
 * then its statuses in time: new, open at the first response, sometimes waiting for the
 * customer (partial information, seed 003) or on hold (a bug at the production unit, a
 * feature request before the committee, seed 000), resolved, and closed a few days later.
 */
import { SUPPORT_AGENTS, TECHNICAL_AGENTS, subject, type Category } from './names';
import type { Rng } from './random';
import { HOUR, MINUTE, type UnitCalendar } from './tehran-calendar';
import type { Channel, Customer, Flood, Level, Priority, Status, Ticket } from './types';

const WORKDAY = 8 * HOUR;

const CATEGORY_MIX: Record<'phone' | 'written' | 'release' | 'incident', Record<Category, number>> = {
	phone: { how_to: 0.42, user_error: 0.32, bug: 0.13, feature_request: 0.05, customisation: 0.08 },
	written: { how_to: 0.34, user_error: 0.18, bug: 0.13, feature_request: 0.19, customisation: 0.16 },
	release: { bug: 0.45, how_to: 0.4, user_error: 0.12, feature_request: 0.03, customisation: 0 },
	incident: { user_error: 0.35, bug: 0.3, how_to: 0.35, feature_request: 0, customisation: 0 }
};

const TECHNICAL_SHARE: Record<Category, number> = { bug: 0.6, customisation: 0.5, how_to: 0.12, user_error: 0.1, feature_request: 0.15 };

const PRIORITY_MIX: Record<Category, Record<Priority, number>> = {
	bug: { critical: 0.07, high: 0.33, normal: 0.52, low: 0.08 },
	feature_request: { critical: 0, high: 0.03, normal: 0.6, low: 0.37 },
	customisation: { critical: 0, high: 0.1, normal: 0.75, low: 0.15 },
	how_to: { critical: 0.003, high: 0.06, normal: 0.84, low: 0.097 },
	user_error: { critical: 0.005, high: 0.08, normal: 0.82, low: 0.095 }
};

const WRITTEN_CHANNELS: Record<Exclude<Channel, 'phone'>, number> = { email: 0.35, portal: 0.33, in_app: 0.22, letter: 0.1 };
const GOVERNMENT_CHANNELS: Record<Exclude<Channel, 'phone'>, number> = { email: 0.3, portal: 0.3, in_app: 0.1, letter: 0.3 };

/** Median first response in business minutes, by priority (written channels). */
const FIRST_RESPONSE_MINUTES: Record<Priority, number> = { critical: 15, high: 45, normal: 100, low: 200 };
/** Median work to resolve in business hours, by category, then scaled by priority. */
const RESOLUTION_HOURS: Record<Category, number> = { how_to: 5, user_error: 4, bug: 24, customisation: 120, feature_request: 24 };
const PRIORITY_SPEED: Record<Priority, number> = { critical: 0.15, high: 0.5, normal: 1, low: 1.5 };
/** Chance that the customer must be asked for more information. */
const WAITING_SHARE: Record<Category, number> = { how_to: 0.22, user_error: 0.28, bug: 0.2, feature_request: 0.1, customisation: 0.25 };

export function writtenChannel(rng: Rng, customer: Customer): Exclude<Channel, 'phone'> {
	return rng.weighted(customer.segment === 'government' ? GOVERNMENT_CHANNELS : WRITTEN_CHANNELS);
}

export interface TicketDraft {
	customer: Customer;
	channel: Channel;
	created: number;
	flood: Flood | null;
	category?: Category;
	priority?: Priority;
}

export function agentOf(rng: Rng, team: Level): string {
	return rng.pick(team === 'technical' ? TECHNICAL_AGENTS : SUPPORT_AGENTS);
}

/** A ticket's attributes; its statuses come from `live`. */
export function draftTicket(rng: Rng, d: TicketDraft): Ticket {
	const mix = d.flood ? CATEGORY_MIX[d.flood.kind] : CATEGORY_MIX[d.channel === 'phone' ? 'phone' : 'written'];
	const category = d.category ?? rng.weighted(mix);
	let priority = d.priority ?? rng.weighted(PRIORITY_MIX[category]);
	if (!d.priority && priority === 'normal' && (d.customer.segment === 'government' || d.customer.segment === 'bank') && rng.chance(0.1)) priority = 'high';
	if (!d.priority && d.flood?.kind === 'incident' && priority === 'normal' && rng.chance(0.3)) priority = 'high';
	const level: Level = rng.chance(d.flood?.kind === 'incident' ? 0.55 : TECHNICAL_SHARE[category]) ? 'technical' : 'support';
	// A few support-level tickets are escalated to the technical team.
	const team: Level = level === 'support' && rng.chance(0.04) ? 'technical' : level;
	const assignee = agentOf(rng, team);
	return {
		id: '',
		customer: d.customer,
		channel: d.channel,
		category,
		priority,
		level,
		team,
		assignee,
		subject: subject(rng, category, { release: d.flood?.release, incident: d.flood?.kind === 'incident' }),
		created: d.created,
		changes: [],
		firstResponse: null,
		resolved: null,
		closed: null
	};
}

export interface LifeOptions {
	/** Slow-down of the support team (floods, a neglected customer): multiplies response and work times. */
	slow: number;
	/** End of the call that opened the ticket; the call itself was the first contact. */
	callEnd?: number;
	/** Planted experiences: fixed business seconds to the first response and to resolution (null: never resolved). */
	firstResponseBusiness?: number;
	resolveBusiness?: number | null;
}

/** Fill in the ticket's statuses and timestamps; returns whether it was solved during the call. */
export function live(rng: Rng, cal: UnitCalendar, t: Ticket, o: LifeOptions): { inCall: boolean } {
	const changes: [number, Status][] = [];
	const push = (at: number, status: Status): number => {
		const prev = changes.length ? changes[changes.length - 1]![0] : -Infinity;
		const time = Math.round(Math.max(at, prev + MINUTE));
		changes.push([time, status]);
		return time;
	};
	push(t.created, 'new');
	let first: number;
	if (o.firstResponseBusiness !== undefined) first = cal.addBusiness(t.created, o.firstResponseBusiness);
	else if (t.channel === 'phone') first = (o.callEnd ?? t.created) + rng.int(60, 600);
	else {
		const median = FIRST_RESPONSE_MINUTES[t.priority] * MINUTE * o.slow * (t.channel === 'letter' ? 4 : 1);
		first = cal.addBusiness(t.created, Math.max(2 * MINUTE, rng.lognormal(median, 0.9)));
	}
	let cursor = push(first, 'open');
	t.firstResponse = cursor;

	const planted = o.resolveBusiness !== undefined;
	const inCall = !planted && t.channel === 'phone' && ((t.category === 'how_to' && rng.chance(0.45)) || (t.category === 'user_error' && rng.chance(0.5)));
	let resolved: number | null;
	if (inCall) resolved = cursor + rng.int(60, 600);
	else {
		const pWait = WAITING_SHARE[t.category];
		let unanswered = false;
		for (let round = 0; round < 2 && rng.chance(round === 0 ? pWait : pWait * 0.3); round++) {
			const asked = push(cal.addBusiness(cursor, rng.lognormal(90 * MINUTE, 0.8)), 'waiting_customer');
			// Some customers never send the missing information; the ticket is resolved after ten working days.
			unanswered = !planted && rng.chance(0.15);
			cursor = unanswered ? asked : push(cal.addBusiness(asked, rng.lognormal(WORKDAY, 0.9)), 'open');
			if (unanswered) break;
		}
		let work: number;
		if (unanswered) work = 10 * WORKDAY;
		else if (o.resolveBusiness === null) {
			// A feature request parked before the committee and never answered.
			push(cal.addBusiness(cursor, rng.lognormal(6 * HOUR, 0.6)), 'on_hold');
			work = -1;
		} else if (o.resolveBusiness !== undefined) work = o.resolveBusiness;
		else if (t.category === 'feature_request' && rng.chance(0.7)) {
			// Before the committee that decides on feature requests.
			const held = push(cal.addBusiness(cursor, rng.lognormal(WORKDAY, 0.6)), 'on_hold');
			cursor = push(cal.addBusiness(held, rng.lognormal(65 * WORKDAY, 0.6)), 'open');
			work = rng.lognormal(4 * HOUR, 0.8);
		} else if (t.category === 'bug' && t.priority !== 'critical' && rng.chance(0.3)) {
			// At the production unit for a fix.
			const held = push(cal.addBusiness(cursor, rng.lognormal(2 * HOUR, 0.7)), 'on_hold');
			cursor = push(cal.addBusiness(held, rng.lognormal(6 * WORKDAY * o.slow, 0.7)), 'open');
			work = rng.lognormal(3 * HOUR, 0.8);
		} else work = rng.lognormal(RESOLUTION_HOURS[t.category] * HOUR * PRIORITY_SPEED[t.priority] * o.slow, 0.9);
		// A few tickets fall through the cracks for weeks (seed 001: a customer waited over a month).
		if (work > 0 && !unanswered && rng.chance(0.05)) work += rng.lognormal(25 * WORKDAY, 0.6);
		resolved = work < 0 ? null : cal.addBusiness(cursor, Math.max(5 * MINUTE, work));
	}
	if (resolved !== null) {
		t.resolved = push(resolved, 'resolved');
		if (rng.chance(0.85)) {
			// Closed when the customer confirms, or automatically three working days later.
			const closed = rng.chance(0.4) ? cal.addBusiness(t.resolved, rng.lognormal(3 * HOUR, 0.8)) : cal.addBusiness(t.resolved, 3 * WORKDAY + rng.int(0, 30) * MINUTE);
			t.closed = push(closed, 'closed');
		}
	}
	t.changes = changes;
	return { inCall };
}
