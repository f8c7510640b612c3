/**
 * The demo customers: segments, sizes, contact rhythm, contracts and renewals, and the plans
 * of the planted silent churners and of the customers who are quiet without leaving.
 */
import { CARE_STAFF, mobileNumber, orgName, personName, type Segment } from './names';
import type { Rng } from './random';
import { yearsBefore } from './tehran-calendar';
import type { ChurnPlan, Customer, StoryKind } from './types';

const SEGMENT_SHARE: Record<Segment, number> = { government: 0.1, bank: 0.1, enterprise: 0.35, small_business: 0.45 };
/** Churners are spread over the segments, a little more often among larger customers. */
const CHURN_SHARE: Record<Segment, number> = { government: 0.12, bank: 0.12, enterprise: 0.35, small_business: 0.41 };

const USERS: Record<Segment, { median: number; sigma: number; min: number; max: number }> = {
	government: { median: 1500, sigma: 0.9, min: 200, max: 15_000 },
	bank: { median: 1200, sigma: 0.8, min: 150, max: 12_000 },
	enterprise: { median: 300, sigma: 0.9, min: 40, max: 5_000 },
	small_business: { median: 25, sigma: 0.7, min: 3, max: 200 }
};

const STORIES: StoryKind[] = ['it_team_replaced', 'feature_given_up', 'bug_took_weeks', 'letter_unanswered', 'slow_answers'];

/** Split n into parts by shares, rounding so that the parts add up to n. */
function apportion<K extends string>(n: number, shares: Record<K, number>): Record<K, number> {
	const keys = Object.keys(shares) as K[];
	const out = {} as Record<K, number>;
	let given = 0;
	const rests = keys.map((k) => {
		const exact = n * shares[k];
		out[k] = Math.floor(exact);
		given += out[k];
		return { k, rest: exact - out[k] };
	});
	rests.sort((a, b) => b.rest - a.rest);
	for (let i = 0; given < n; i++, given++) out[rests[i % rests.length]!.k]++;
	return out;
}

/** The first anniversary of `start` after `day`. */
function nextAnniversary(start: number, day: number): number {
	for (let k = 1; ; k++) {
		const a = yearsBefore(start, -k);
		if (a > day) return a;
	}
}

export interface Window {
	first: number;
	last: number;
}

export function buildCustomers(rng: Rng, count: number, window: Window): Customer[] {
	const { last } = window;
	const counts = apportion(count, SEGMENT_SHARE);
	const segments: Segment[] = [];
	for (const s of Object.keys(counts) as Segment[]) for (let i = 0; i < counts[s]; i++) segments.push(s);
	rng.shuffle(segments);

	const names = new Set<string>();
	const customers: Customer[] = segments.map((segment, index) => {
		let org = orgName(rng, segment);
		for (let tries = 0; names.has(org.name); tries++) {
			org = orgName(rng, segment);
			if (tries > 200) org = { ...org, name: `${org.name} ${index + 1}`, slug: `${org.slug}-${index + 1}`, domain: `${org.slug}-${index + 1}.example` };
		}
		names.add(org.name);
		const u = USERS[segment];
		const users = Math.round(Math.min(u.max, Math.max(u.min, rng.lognormal(u.median, u.sigma))));
		const contact = personName(rng);
		// Most contracts began before the two years of history; some during them, none in the last month.
		const yearsAgo = rng.chance(0.82) ? rng.uniform(2, 9) : rng.uniform(0.1, 2);
		const startDay = Math.min(last - 30, Math.round(last - yearsAgo * 365.25));
		const quiet = rng.chance(0.12);
		return {
			index,
			id: '',
			segment,
			name: org.name,
			domain: org.domain,
			owner: rng.pick(CARE_STAFF),
			contactName: contact.name,
			contactPhone: mobileNumber(rng),
			contactEmail: `${contact.latin}@${org.domain}`,
			users,
			usage: rng.uniform(0.35, 0.75),
			weight: Math.pow(users, 0.45) * rng.lognormal(1, 0.5) * (quiet ? 0.1 : 1),
			mood: rng.normal(),
			startDay,
			renewalDay: nextAnniversary(startDay, last),
			contactSince: null,
			quietSpells: [],
			churn: null
		};
	});

	// One customer runs 23,000 concurrent users (seed 000).
	const giant = customers.find((c) => c.segment === 'government');
	if (giant) {
		giant.users = 23_000;
		giant.weight = Math.pow(giant.users, 0.45) * 1.3;
		giant.startDay = Math.min(giant.startDay, last - 6 * 365);
		giant.renewalDay = nextAnniversary(giant.startDay, last);
	}

	planChurners(rng.fork('churners'), customers, window, giant);
	planQuietSpells(rng.fork('quiet'), customers, window);
	planContactChanges(rng.fork('contacts'), customers, window);

	// Ids in the order customers signed, as a CRM hands them out.
	const ordered = [...customers].sort((a, b) => a.startDay - b.startDay || a.index - b.index);
	ordered.forEach((c, i) => (c.id = `C${String(i + 1).padStart(4, '0')}`));
	return ordered;
}

function planChurners(rng: Rng, customers: Customer[], window: Window, giant: Customer | undefined): void {
	const { first, last } = window;
	const total = Math.max(2, Math.round(customers.length * 0.057));
	const perSegment = apportion(total, CHURN_SHARE);
	const weights = customers.map((c) => c.weight).sort((a, b) => a - b);
	const median = weights[Math.floor(weights.length / 2)] ?? 0;
	const chosen: Customer[] = [];
	for (const segment of Object.keys(perSegment) as Segment[]) {
		// A churner needs a contact rhythm to break: not one of the naturally quiet customers.
		const pool = rng.shuffle(customers.filter((c) => c.segment === segment && c !== giant && c.weight >= median * 0.6 && c.startDay < first));
		chosen.push(...pool.slice(0, perSegment[segment]));
	}
	rng.shuffle(chosen);
	const goingQuiet = Math.round(chosen.length / 3);
	chosen.forEach((c, i) => {
		const story = STORIES[i % STORIES.length]!;
		let plan: ChurnPlan;
		let renewal: number;
		if (i < goingQuiet) {
			// Going quiet now: silent for five to eleven weeks, renewal still ahead.
			const quietDay = last - rng.int(35, 80);
			plan = { story, badFrom: quietDay - rng.int(40, 80), quietDay, leftDay: null };
			renewal = last + rng.int(20, 110);
		} else {
			// Already gone: left around a renewal in the last nine months, after two to five months of
			// silence (less far back when the history is short, so that the story fits inside it).
			const leftDay = last - rng.int(14, Math.max(14, Math.min(270, last - first - 250)));
			const quietDay = leftDay - rng.int(60, 150);
			plan = { story, badFrom: Math.max(first + 30, quietDay - rng.int(40, 90)), quietDay, leftDay };
			renewal = Math.min(last, leftDay + rng.int(-7, 10));
		}
		c.churn = plan;
		c.renewalDay = renewal;
		c.startDay = yearsBefore(renewal, rng.int(3, 6));
		c.weight *= 1.3;
	});
}

function planQuietSpells(rng: Rng, customers: Customer[], window: Window): void {
	const { first, last } = window;
	const candidates = rng.shuffle(customers.filter((c) => !c.churn && c.startDay < first));
	// Quiet right now but content: silence alone must not be the signal.
	for (const c of candidates.slice(0, Math.max(1, Math.round(customers.length / 50)))) {
		c.quietSpells.push([last - rng.int(45, 90), last + 1]);
		c.mood = Math.abs(c.mood) + 0.5;
	}
	// A quiet phase earlier in the history, after which contact resumed.
	for (const c of candidates.slice(Math.round(customers.length / 50), Math.round(customers.length / 50) + Math.round(customers.length / 30))) {
		const from = rng.int(first + 60, last - 200);
		c.quietSpells.push([from, from + rng.int(60, 120)]);
	}
}

/**
 * New contact persons: at a churner whose IT team was replaced, the new staff took over when
 * the troubles began; at a few content customers a new person simply took over at some point.
 */
function planContactChanges(rng: Rng, customers: Customer[], window: Window): void {
	const { first, last } = window;
	for (const c of customers) {
		if (c.churn) {
			if (c.churn.story === 'it_team_replaced') c.contactSince = c.churn.badFrom;
		} else if (c.startDay < last - 120 && rng.chance(0.06)) {
			c.contactSince = rng.int(Math.max(first, c.startDay + 60), last);
		}
	}
}
