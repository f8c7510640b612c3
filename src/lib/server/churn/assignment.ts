/**
 * Making a day's follow-up list, as pure functions (the database work is in followups.ts):
 * which candidates go on it within the capacity left after the items carried over, who is kept
 * in the hold-out, and which care agent calls whom.
 */
import { customerValue, type ChurnSettings } from './settings';

export interface Candidate {
	customerId: string;
	score: number;
	segment: string | null;
	owner: string | null;
	/** Already drawn into an arm of the experiment that is still running (no new draw). */
	arm: 'list' | 'holdout' | null;
}

export interface Picked extends Candidate {
	priority: number;
	rank: number;
	assignee: string | null;
}

export interface ListPlan {
	/** Customers put on the list, in rank order, with their agent. */
	picked: Picked[];
	/** Customers drawn into an arm now (both arms), to record. */
	drawn: { customerId: string; arm: 'list' | 'holdout'; score: number }[];
	/** Customers kept off because they are in the hold-out. */
	heldOut: string[];
}

/**
 * A number in [0, 1) from a customer and a day, the same every time (FNV-1a, then a
 * multiply-xorshift finish): the hold-out draw is random across customers but reproducible, so
 * a list made twice draws the same customers.
 */
export function drawNumber(customerId: string, day: string): number {
	let h = 0x811c9dc5;
	const s = `${customerId}\u0000${day}`;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x7feb352d);
	h ^= h >>> 15;
	h = Math.imul(h, 0x846ca68b);
	h ^= h >>> 16;
	return (h >>> 0) / 4294967296;
}

/** Priority on the list: risk score × the customer's value weight (settings.value). */
export function priorityOf(settings: ChurnSettings, c: { score: number; segment: string | null }): number {
	return Math.round(c.score * customerValue(settings, c.segment) * 10) / 10;
}

/**
 * Assign items in rank order to agents. Each agent has room for `perAgent` calls a day minus
 * the open items it already carries. round_robin: the agent with the most room left (ties in
 * the agents' order), which takes turns when all start equal; owner: the customer's account
 * owner when it is one of the agents and has room, else as round_robin. With no room anywhere
 * the item stays unassigned (the list is sized so that this does not happen).
 */
export function assign<T extends { owner: string | null }>(
	items: T[],
	agents: readonly string[],
	carried: ReadonlyMap<string, number>,
	perAgent: number,
	mode: 'round_robin' | 'owner'
): (T & { assignee: string | null })[] {
	const load = new Map(agents.map((a) => [a, carried.get(a) ?? 0]));
	const roomiest = (): string | null => {
		let best: string | null = null;
		for (const a of agents) if (load.get(a)! < perAgent && (best === null || load.get(a)! < load.get(best)!)) best = a;
		return best;
	};
	return items.map((item) => {
		let agent: string | null = null;
		if (mode === 'owner' && item.owner !== null && load.has(item.owner) && load.get(item.owner)! < perAgent) agent = item.owner;
		agent ??= roomiest();
		if (agent !== null) load.set(agent, load.get(agent)! + 1);
		return { ...item, assignee: agent };
	});
}

/**
 * Plan the new items of a day's list: at-risk candidates before the others, each group by
 * priority (score × value, then score, then id); each one not yet in a running arm of the experiment is drawn (hold-out with probability
 * `holdout.share`); hold-out customers are kept off; the rest fill the free slots.
 */
export function planList(
	candidates: Candidate[],
	settings: ChurnSettings,
	day: string,
	slots: number,
	agents: readonly string[],
	carried: ReadonlyMap<string, number>
): ListPlan {
	// At-risk customers first; customers below the at-risk score only fill spare capacity.
	const atRisk = (c: Candidate) => (c.score >= settings.atRiskScore ? 1 : 0);
	const ranked = candidates
		.map((c) => ({ ...c, priority: priorityOf(settings, c) }))
		.sort((a, b) => atRisk(b) - atRisk(a) || b.priority - a.priority || b.score - a.score || a.customerId.localeCompare(b.customerId));
	const chosen: (Candidate & { priority: number })[] = [];
	const drawn: ListPlan['drawn'] = [];
	const heldOut: string[] = [];
	for (const c of ranked) {
		if (chosen.length >= slots) break;
		let arm = c.arm;
		if (arm === null) {
			arm = drawNumber(c.customerId, day) < settings.holdout.share ? 'holdout' : 'list';
			drawn.push({ customerId: c.customerId, arm, score: c.score });
		}
		if (arm === 'holdout') heldOut.push(c.customerId);
		else chosen.push(c);
	}
	const assigned = assign(chosen, agents, carried, settings.followUps.callsPerAgentPerDay, settings.followUps.assignment);
	return { picked: assigned.map((c, i) => ({ ...c, rank: i + 1 })), drawn, heldOut };
}
