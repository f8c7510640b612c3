/**
 * The model behind the demo data: day by day over the years of history, calls and tickets
 * shaped by the unit's week, hours, holidays and floods; follow-up calls about open tickets;
 * surveys and the care unit's calls; the planted churners' bad experiences; product activity.
 *
 * The volumes follow the mission's sources: 30-40 calls a day open a case and 40-50 more are
 * follow-ups, Saturday is the busiest day (seed 000); floods after releases and national
 * network incidents (seed 004); customers who stop complaining and quietly leave (seed 001).
 */
import { buildCustomers } from './customers';
import { planFloods } from './floods';
import { SUPPORT_AGENTS, comment, type Category } from './names';
import { Rng } from './random';
import { DAY, FRIDAY, HOUR, SATURDAY, THURSDAY, UNIT_TIME_ZONE, UnitCalendar, dayNumber, dayString, demoBusinessCalendar, weekday, yearsBefore, type DayKind } from './tehran-calendar';
import { agentOf, draftTicket, live, writtenChannel } from './tickets';
import type { Annotation, Call, Channel, Customer, Flood, Level, SurveyAnswer, Ticket } from './types';

export interface SimulationOptions {
	/** Last day of data (YYYY-MM-DD), a day in Asia/Tehran. */
	asOf: string;
	/** The moment the data is generated: nothing happens after it (default: now). */
	now?: Date;
	years?: number;
	seed?: number;
	customers?: number;
}

/** Ordinary-day volumes (seed 000): calls that open a case, answered follow-up calls, written tickets. */
const CASE_CALLS = 35;
const FOLLOW_UP_CALLS = 41;
const WRITTEN_TICKETS = 19;
/** Answered calls per hour the unit absorbs without queueing much. */
const HOURLY_CAPACITY = 11;

/** Saturday carries the weekend's backlog; Thursday is a half day, Friday is off. Saturday-Wednesday average 1. */
const WEEKDAY_FACTOR = [1.0, 0.95, 0.9, 0.83, 0.3, 0, 1.32];

/** Share of a day's calls in each hour from 08:00: ramp, morning peak, lunch dip, afternoon peak. */
const HOURS_FULL = [0.55, 1.2, 1.4, 1.3, 0.5, 1.15, 1.25, 0.65];
const HOURS_HALF = [0.7, 1.3, 1.4, 1.1];

/**
 * Work piles up over a holiday as over a weekend (seed 000): the day after a holiday, or a
 * Saturday after a holiday Thursday, brings 20% more calls and tickets. These backlogs are
 * real overloads with no annotation behind them.
 */
export function isBacklogDay(cal: UnitCalendar, day: number): boolean {
	return cal.holiday(day - 1) !== null || (weekday(day) === SATURDAY && cal.holiday(day - 2) !== null);
}

export interface DemoData {
	customers: Customer[];
	tickets: Ticket[];
	calls: Call[];
	surveys: SurveyAnswer[];
	annotations: Annotation[];
	/** The planted floods by day number: the ground truth of the peaks an annotation explains. */
	floods: Map<number, Flood[]>;
	activity: [Customer, number, number][];
	first: number;
	last: number;
	/** Wall time (unit's clock) at which the data ends: the end of the last day, or the moment of generation when that is sooner. */
	end: number;
	calendar: UnitCalendar;
}

type EventKind = 'case' | 'follow' | 'written';
interface DayEvent {
	at: number;
	kind: EventKind;
	flood: Flood | null;
}

class Simulation {
	readonly cal: UnitCalendar;
	readonly tickets: Ticket[] = [];
	readonly calls: Call[] = [];
	readonly surveys: SurveyAnswer[] = [];
	readonly customers: Customer[];
	readonly annotations: Annotation[];
	readonly floods: Map<number, Flood[]>;
	private readonly plantedTickets = new Map<number, Ticket[]>();
	/** Tickets customers may still call about: open, or resolved in the last few days. */
	private pool: Ticket[] = [];
	readonly end: number;
	private readonly rng: Rng;
	private readonly rngTickets: Rng;
	private readonly rngCalls: Rng;
	private readonly rngSurveys: Rng;

	constructor(
		readonly first: number,
		readonly last: number,
		seed: number,
		customerCount: number,
		now: Date
	) {
		// The product's business calendar over the demo's days (and a year either side, for
		// tickets that stay open past the last day).
		this.cal = new UnitCalendar(UNIT_TIME_ZONE, demoBusinessCalendar(dayString(first - 366), dayString(last + 366)));
		this.rng = new Rng(seed, 'days');
		this.rngTickets = new Rng(seed, 'tickets');
		this.rngCalls = new Rng(seed, 'calls');
		this.rngSurveys = new Rng(seed, 'surveys');
		// Nothing after the end of the last day, nor after the moment of generation.
		this.end = Math.min((last + 1) * DAY, this.cal.wallOf(now));
		const window = { first, last };
		this.customers = buildCustomers(new Rng(seed, 'customers'), customerCount, window);
		const plan = planFloods(new Rng(seed, 'floods'), this.cal, window);
		this.annotations = plan.annotations;
		this.floods = plan.floods;
	}

	run(): void {
		const planting = new Rng(this.rng.seed, 'planted');
		for (const c of this.customers) if (c.churn) this.plant(planting, c);
		const campaigns = this.campaignDays();
		for (let day = this.first; day <= this.last; day++) {
			this.prunePool(day);
			for (const t of this.plantedTickets.get(day) ?? []) this.pool.push(t);
			const cumulative = this.contactWeights(day);
			const kind = this.cal.kind(day);
			if (kind === 'off') this.offDay(day, cumulative);
			else this.workingDay(day, kind, cumulative);
			if (kind === 'full') this.happyCalls(day);
			if (campaigns.has(day)) this.periodicSurvey(day);
		}
	}

	// ---- who is around -------------------------------------------------------------------

	private contactable(c: Customer, day: number): boolean {
		if (day < c.startDay) return false;
		if (c.churn && day >= c.churn.quietDay) return false;
		for (const [from, to] of c.quietSpells) if (day >= from && day < to) return false;
		return true;
	}

	/** Still a customer and still answering surveys (customers in a quiet spell do answer). */
	private surveyable(c: Customer, day: number): boolean {
		return day >= c.startDay && !(c.churn && day >= c.churn.quietDay);
	}

	private inBadTimes(c: Customer, day: number): boolean {
		return !!c.churn && day >= c.churn.badFrom && day < c.churn.quietDay;
	}

	private contactWeights(day: number): Float64Array {
		const cumulative = new Float64Array(this.customers.length);
		let total = 0;
		this.customers.forEach((c, i) => {
			if (this.contactable(c, day)) total += c.weight * (this.inBadTimes(c, day) ? 1.4 : 1);
			cumulative[i] = total;
		});
		return cumulative;
	}

	private pickCustomer(rng: Rng, cumulative: Float64Array): Customer {
		const x = rng.float() * cumulative[cumulative.length - 1]!;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! > x) hi = mid;
			else lo = mid + 1;
		}
		return this.customers[lo]!;
	}

	private prunePool(day: number): void {
		const recent = day * DAY - 3 * DAY;
		const oldest = day * DAY - 60 * DAY;
		this.pool = this.pool.filter((t) => t.created >= oldest && (t.resolved === null || t.resolved >= recent));
	}

	private followUpTicket(rng: Rng, at: number, day: number): Ticket | null {
		if (this.pool.length === 0) return null;
		for (let tries = 0; tries < 8; tries++) {
			const t = rng.pick(this.pool);
			if (t.created >= at || !this.contactable(t.customer, day)) continue;
			if (t.resolved !== null && t.resolved < at && !rng.chance(0.25)) continue;
			return t;
		}
		return null;
	}

	// ---- the shape of a day --------------------------------------------------------------

	private dayFactor(day: number, kind: DayKind): number {
		let f = WEEKDAY_FACTOR[weekday(day)]!;
		if (kind === 'half') f = WEEKDAY_FACTOR[THURSDAY]!;
		// Slow growth of the customer base over the years of history.
		f *= 0.92 + (0.16 * (day - this.first)) / Math.max(1, this.last - this.first);
		if (isBacklogDay(this.cal, day)) f *= 1.2;
		const j = this.cal.jalali(day);
		if (j.month === 1 && j.day <= 15) f *= 0.55;
		else if (j.month === 12 && j.day >= 25) f *= 0.8;
		return f;
	}

	/** A second of the day drawn from the hourly shape, within [from, to). */
	private timeOfDay(rng: Rng, kind: DayKind, from = 0, to = DAY): number {
		const shape = kind === 'half' ? HOURS_HALF : HOURS_FULL;
		const parts: [number, number, number][] = [];
		let total = 0;
		shape.forEach((w, i) => {
			const a = Math.max(from, (8 + i) * HOUR);
			const b = Math.min(to, (9 + i) * HOUR);
			if (b > a) {
				const weight = (w * (b - a)) / HOUR;
				total += weight;
				parts.push([a, b, total]);
			}
		});
		if (parts.length === 0) return Math.max(from, 8 * HOUR);
		const x = rng.float() * total;
		const part = parts.find((p) => p[2] > x) ?? parts[parts.length - 1]!;
		return part[0] + Math.floor(rng.float() * (part[1] - part[0]));
	}

	private workingDay(day: number, kind: DayKind, cumulative: Float64Array): void {
		const rng = this.rng;
		const f = this.dayFactor(day, kind) * rng.lognormal(1, 0.1);
		const floods = this.floods.get(day) ?? [];
		const events: DayEvent[] = [];
		const add = (count: number, kindOf: EventKind, flood: Flood | null) => {
			for (let i = 0; i < count; i++) {
				let at: number;
				if (kindOf === 'written' && !flood && rng.chance(0.25)) {
					// E-mail, portal and in-app tickets also arrive before and after hours.
					at = rng.chance(0.15) ? 7 * HOUR + rng.int(0, HOUR - 1) : 16 * HOUR + rng.int(0, 7 * HOUR - 1);
				} else at = this.timeOfDay(rng, kind, flood?.from, flood?.to);
				events.push({ at: day * DAY + at, kind: kindOf, flood });
			}
		};
		add(rng.poisson(CASE_CALLS * f), 'case', null);
		add(rng.poisson(FOLLOW_UP_CALLS * f), 'follow', null);
		add(rng.poisson(WRITTEN_TICKETS * (kind === 'half' ? 0.4 : f)), 'written', null);
		let extra = 0;
		for (const flood of floods) {
			const g = this.dayFactor(day, kind) * flood.extra;
			extra += flood.extra;
			add(rng.poisson(CASE_CALLS * g), 'case', flood);
			add(rng.poisson(FOLLOW_UP_CALLS * g * 0.8), 'follow', flood);
			add(rng.poisson(WRITTEN_TICKETS * g), 'written', flood);
		}
		events.sort((a, b) => a.at - b.at);

		// Congestion per hour: more calls than the agents absorb means longer queues and more hang-ups.
		const perHour = new Array<number>(24).fill(0);
		for (const e of events) if (e.kind !== 'written') perHour[Math.floor((e.at - day * DAY) / HOUR)]!++;
		const congestion = perHour.map((n) => n / HOURLY_CAPACITY);
		const slow = 1 + 0.6 * extra;

		for (const e of events) {
			const load = congestion[Math.floor((e.at - day * DAY) / HOUR)]!;
			if (e.kind === 'case') this.caseCall(e, day, load, slow, cumulative);
			else if (e.kind === 'follow') this.followUpCall(e.at, day, load, cumulative);
			else this.writtenTicket(e, day, slow, cumulative);
		}

		// Callers who hung up in the queue.
		congestion.forEach((load, hour) => {
			const n = perHour[hour]!;
			if (n === 0) return;
			const p = Math.min(0.4, 0.035 + 0.06 * Math.pow(Math.max(0, load - 0.8), 1.3));
			const count = this.rngCalls.poisson((n * p) / (1 - p));
			for (let i = 0; i < count; i++) {
				const at = day * DAY + hour * HOUR + this.rngCalls.int(0, HOUR - 1);
				this.abandoned(this.pickCustomer(this.rngCalls, cumulative), at, load);
			}
		});
	}

	private offDay(day: number, cumulative: Float64Array): void {
		const rng = this.rng;
		// A few calls reach the closed unit (most hang up; the on-call engineer takes some).
		const calls = rng.poisson(1.0);
		for (let i = 0; i < calls; i++) {
			const at = day * DAY + 9 * HOUR + rng.int(0, 11 * HOUR - 1);
			if (rng.chance(0.75)) this.abandoned(this.pickCustomer(rng, cumulative), at, 1.5);
			else this.followUpCall(at, day, 0.3, cumulative, 'technical');
		}
		// Some mail and portal requests arrive anyway (at least one on the last day, so that it has data).
		const written = Math.max(day === this.last ? 1 : 0, rng.poisson(weekday(day) === FRIDAY ? 2 : 2.5));
		for (let i = 0; i < written; i++) this.writtenTicket({ at: day * DAY + 8 * HOUR + rng.int(0, 15 * HOUR - 1), kind: 'written', flood: null }, day, 1, cumulative, i === 0 ? 'email' : undefined);
	}

	// ---- calls and tickets ---------------------------------------------------------------

	private waitSeconds(load: number): number {
		return Math.min(1500, Math.max(3, Math.round(this.rngCalls.lognormal(20 * Math.pow(Math.max(0.3, load), 1.8), 0.55))));
	}

	private caseCall(e: DayEvent, day: number, load: number, slow: number, cumulative: Float64Array): void {
		const rng = this.rngCalls;
		const customer = this.pickCustomer(rng, cumulative);
		const t = draftTicket(this.rngTickets, { customer, channel: 'phone', created: e.at, flood: e.flood });
		const queue = t.level;
		const agent = t.team === queue ? t.assignee : agentOf(rng, queue);
		const wait = this.waitSeconds(load);
		const answered = e.at + wait;
		const talk = Math.round(Math.min(2400, Math.max(60, rng.lognormal(queue === 'technical' ? 420 : 320, 0.5))));
		const ended = answered + talk;
		t.created = answered + Math.round(talk * rng.uniform(0.3, 0.8));
		this.addTicket(t, day, { slow: this.slowFor(customer, day, slow), callEnd: ended });
		this.calls.push({ id: '', customer, direction: 'inbound', queue, started: e.at, answered, ended, wait, talk, agent, openedCase: true, ticket: t });
	}

	private followUpCall(at: number, day: number, load: number, cumulative: Float64Array, queueOverride?: Level): void {
		const rng = this.rngCalls;
		const ticket = this.followUpTicket(rng, at, day);
		const customer = ticket?.customer ?? this.pickCustomer(rng, cumulative);
		const queue: Level = queueOverride ?? ticket?.team ?? (rng.chance(0.25) ? 'technical' : 'support');
		const agent = ticket && ticket.team === queue && rng.chance(0.5) ? ticket.assignee : agentOf(rng, queue);
		const wait = this.waitSeconds(load);
		const talk = Math.round(Math.min(1800, Math.max(30, rng.lognormal(170, 0.55))));
		this.calls.push({ id: '', customer, direction: 'inbound', queue, started: at, answered: at + wait, ended: at + wait + talk, wait, talk, agent, openedCase: false, ticket });
	}

	private abandoned(customer: Customer, at: number, load: number): void {
		const rng = this.rngCalls;
		const wait = Math.min(1200, Math.max(5, Math.round(rng.lognormal(35 * Math.pow(Math.max(0.3, load), 1.3), 0.6))));
		const queue = rng.chance(0.25) ? 'technical' : 'support';
		this.calls.push({ id: '', customer, direction: 'inbound', queue, started: at, answered: null, ended: at + wait, wait, talk: null, agent: null, openedCase: false, ticket: null });
	}

	private writtenTicket(e: DayEvent, day: number, slow: number, cumulative: Float64Array, channelOverride?: Channel): void {
		const customer = this.pickCustomer(this.rngTickets, cumulative);
		const channel = channelOverride ?? writtenChannel(this.rngTickets, customer);
		// Letters are registered when the secretariat opens the mail, in working hours.
		const created = channel === 'letter' ? this.cal.nextOpen(e.at) : e.at;
		const t = draftTicket(this.rngTickets, { customer, channel, created, flood: e.flood });
		this.addTicket(t, day, { slow: this.slowFor(customer, day, slow) });
	}

	private slowFor(c: Customer, day: number, slow: number): number {
		return this.inBadTimes(c, day) ? slow * 2.5 : slow;
	}

	private addTicket(t: Ticket, day: number, o: { slow: number; callEnd?: number }): void {
		const { inCall } = live(this.rngTickets, this.cal, t, o);
		this.tickets.push(t);
		this.pool.push(t);
		this.maybeCsat(t, day, inCall);
	}

	// ---- surveys and the care unit's calls -----------------------------------------------

	private outbound(c: Customer, start: number, ticket: Ticket | null): Call {
		const rng = this.rngSurveys;
		const reached = rng.chance(0.85);
		const wait = rng.int(8, reached ? 30 : 45);
		const talk = reached ? Math.round(Math.min(900, Math.max(60, rng.lognormal(200, 0.5)))) : null;
		const call: Call = {
			id: '',
			customer: c,
			direction: 'outbound',
			queue: 'care',
			started: start,
			answered: reached ? start + wait : null,
			ended: start + wait + (talk ?? 0),
			wait,
			talk,
			agent: c.owner,
			openedCase: false,
			ticket
		};
		if (start < this.end) this.calls.push(call);
		return call;
	}

	private answer(a: Omit<SurveyAnswer, 'id' | 'comment'>, withComment?: string): void {
		if (a.answered >= this.end) return;
		const rng = this.rngSurveys;
		const wantsComment = withComment !== undefined || rng.chance((a.kind === 'nps' ? a.score <= 6 : a.score <= 2) ? 0.5 : 0.2);
		this.surveys.push({ ...a, id: '', comment: withComment ?? (wantsComment ? comment(rng, a.kind, a.score) : '') });
	}

	private csatScore(t: Ticket, inCall: boolean): number {
		const rng = this.rngSurveys;
		const c = t.customer;
		let penalty = 0;
		const took = this.cal.businessBetween(t.created, t.resolved ?? t.created);
		if (took > 3 * 8 * HOUR) penalty += 0.5;
		if (took > 10 * 8 * HOUR) penalty += 0.8;
		if (t.firstResponse !== null && this.cal.businessBetween(t.created, t.firstResponse) > 8 * HOUR) penalty += 0.4;
		if (t.category === 'bug') penalty += 0.2;
		if (inCall) penalty -= 0.3;
		if (this.inBadTimes(c, Math.floor(t.created / DAY))) penalty += 1.6;
		return Math.min(5, Math.max(1, Math.round(4.7 + 0.5 * c.mood + 0.8 * rng.normal() - penalty)));
	}

	private npsScore(c: Customer, day: number): number {
		const rng = this.rngSurveys;
		if (this.inBadTimes(c, day)) return Math.min(7, Math.max(0, Math.round(5 + 1.5 * rng.normal())));
		return Math.min(10, Math.max(0, Math.round(8.25 + 1.1 * c.mood + 1.3 * rng.normal())));
	}

	/** A CSAT answer after about a third of the resolved tickets: by e-mail or web, or on a care-unit call. */
	private maybeCsat(t: Ticket, day: number, inCall: boolean): void {
		const rng = this.rngSurveys;
		if (t.resolved === null) return;
		if (!rng.chance(this.inBadTimes(t.customer, day) ? 0.55 : 0.3)) return;
		const score = this.csatScore(t, inCall);
		if (rng.chance(0.2)) {
			const start = this.cal.addBusiness(t.resolved, rng.lognormal(6 * HOUR, 0.8));
			if (!this.surveyable(t.customer, Math.floor(start / DAY))) return;
			const call = this.outbound(t.customer, start, t);
			if (call.answered === null) return;
			this.answer({ customer: t.customer, ticket: t, kind: 'csat', occasion: 'happy_call', score, answered: call.ended, channel: 'phone' });
			return;
		}
		const answered = t.resolved + Math.round(Math.min(5 * DAY, rng.lognormal(5 * HOUR, 1.2)));
		if (!this.surveyable(t.customer, Math.floor(answered / DAY))) return;
		this.answer({ customer: t.customer, ticket: t, kind: 'csat', occasion: 'post_ticket', score, answered, channel: rng.chance(0.5) ? 'email' : 'web' });
	}

	/** The care unit's happy calls: a few customers a day asked how likely they are to recommend us. */
	private happyCalls(day: number): void {
		const rng = this.rngSurveys;
		const n = rng.poisson(2.2);
		for (let i = 0; i < n; i++) {
			let c: Customer | null = null;
			for (let tries = 0; tries < 10 && !c; tries++) {
				const x = rng.pick(this.customers);
				if (this.surveyable(x, day)) c = x;
			}
			if (!c) continue;
			const call = this.outbound(c, day * DAY + this.timeOfDay(rng, 'full', 9 * HOUR, 15 * HOUR), null);
			if (call.answered !== null) this.answer({ customer: c, ticket: null, kind: 'nps', occasion: 'happy_call', score: this.npsScore(c, day), answered: call.ended, channel: 'phone' });
		}
	}

	/** First working day of each Jalali quarter (after the Nowruz holidays for the first). */
	private campaignDays(): Set<number> {
		const days = new Set<number>();
		for (let d = this.first; d <= this.last; d++) {
			const j = this.cal.jalali(d);
			if ((j.month === 1 && j.day === 15) || ([4, 7, 10].includes(j.month) && j.day === 1)) {
				days.add(this.cal.isWorkingDay(d) ? d : this.cal.nextWorkingDay(d));
			}
		}
		return days;
	}

	/** The periodic NPS survey: a sample of customers over the first three weeks of the quarter. */
	private periodicSurvey(start: number): void {
		const rng = this.rngSurveys;
		for (const c of this.customers) {
			if (!rng.chance(0.3)) continue;
			let day = start;
			for (let k = rng.int(0, 14); k > 0; k--) day = this.cal.nextWorkingDay(day);
			if (!this.surveyable(c, day)) continue;
			const how = rng.weighted({ phone: 0.2, email: 0.45, web: 0.35 });
			if (how === 'phone') {
				const call = this.outbound(c, day * DAY + this.timeOfDay(rng, this.cal.kind(day)), null);
				if (call.answered !== null) this.answer({ customer: c, ticket: null, kind: 'nps', occasion: 'periodic', score: this.npsScore(c, day), answered: call.ended, channel: 'phone' });
			} else {
				const at = day * DAY + 8 * HOUR + rng.int(0, 14 * HOUR - 1);
				this.answer({ customer: c, ticket: null, kind: 'nps', occasion: 'periodic', score: this.npsScore(c, day), answered: at, channel: how });
			}
		}
	}

	// ---- planted churn -------------------------------------------------------------------

	/**
	 * The bad experiences of a planted churner, placed between badFrom and the start of its
	 * silence. Everything a customer does here happens before quietDay.
	 */
	private plant(rng: Rng, c: Customer): void {
		const plan = c.churn!;
		const span = plan.quietDay - plan.badFrom;
		const cal = this.cal;
		const moment = (fraction: number): number => {
			let day = plan.badFrom + Math.round(fraction * (span - 2));
			while (!cal.isWorkingDay(day) || day < c.startDay) day++;
			while (day >= plan.quietDay || !cal.isWorkingDay(day)) day--;
			const w = cal.window(day)!;
			return day * DAY + rng.int(w[0] + HOUR, w[1] - HOUR);
		};
		const before = (at: number) => at < plan.quietDay * DAY;
		const ticket = (at: number, channel: Channel, category: Category, priority: Ticket['priority'], firstResponseBusiness: number | undefined, resolveBusiness: number | null): Ticket => {
			const t = draftTicket(rng, { customer: c, channel, created: at, flood: null, category, priority });
			let callEnd: number | undefined;
			if (channel === 'phone') {
				const wait = rng.int(40, 240);
				const talk = rng.int(240, 600);
				callEnd = at + wait + talk;
				t.created = at + wait + Math.round(talk / 2);
				const agent = t.team === t.level ? t.assignee : agentOf(rng, t.level);
				this.calls.push({ id: '', customer: c, direction: 'inbound', queue: t.level, started: at, answered: at + wait, ended: callEnd, wait, talk, agent, openedCase: true, ticket: t });
			}
			live(rng, cal, t, { slow: 2.5, callEnd, firstResponseBusiness, resolveBusiness });
			this.tickets.push(t);
			const day = Math.floor(t.created / DAY);
			this.plantedTickets.set(day, [...(this.plantedTickets.get(day) ?? []), t]);
			return t;
		};
		const followUp = (at: number, t: Ticket | null, longWait = false) => {
			if (!before(at)) return;
			const wait = longWait ? rng.int(300, 900) : rng.int(30, 200);
			if (longWait) {
				this.calls.push({ id: '', customer: c, direction: 'inbound', queue: t?.team ?? 'support', started: at, answered: null, ended: at + wait, wait, talk: null, agent: null, openedCase: false, ticket: null });
				return;
			}
			const talk = rng.int(120, 480);
			const queue: Level = t?.team ?? 'support';
			this.calls.push({ id: '', customer: c, direction: 'inbound', queue, started: at, answered: at + wait, ended: at + wait + talk, wait, talk, agent: t?.assignee ?? rng.pick(SUPPORT_AGENTS), openedCase: false, ticket: t });
		};
		const lowNps = (at: number, text: string) => {
			if (!before(at)) return;
			const score = rng.int(1, 5);
			if (rng.chance(0.5)) {
				const call = this.outbound(c, at, null);
				if (call.answered === null) return this.answer({ customer: c, ticket: null, kind: 'nps', occasion: 'periodic', score, answered: at + HOUR, channel: 'email' }, text);
				this.answer({ customer: c, ticket: null, kind: 'nps', occasion: 'happy_call', score, answered: call.ended, channel: 'phone' }, text);
			} else this.answer({ customer: c, ticket: null, kind: 'nps', occasion: 'periodic', score, answered: at, channel: 'web' }, text);
		};
		const lowCsat = (t: Ticket, score: number, text: string) => {
			if (t.resolved === null) return false;
			const at = t.resolved + rng.int(2 * HOUR, 2 * DAY);
			if (!before(at)) return false;
			this.answer({ customer: c, ticket: t, kind: 'csat', occasion: 'post_ticket', score, answered: at, channel: 'email' }, text);
			return true;
		};
		const B = 8 * HOUR;

		switch (plan.story) {
			case 'it_team_replaced': {
				const a = ticket(moment(0.1), 'email', 'how_to', 'normal', rng.int(2, 3) * B, rng.int(3, 6) * B);
				const b = ticket(moment(0.3), 'portal', 'user_error', 'normal', rng.int(2, 4) * B, rng.int(4, 7) * B);
				ticket(moment(0.5), 'phone', 'how_to', 'normal', undefined, rng.int(2, 4) * B);
				followUp(moment(0.4), a);
				lowCsat(b, 2, 'پاسخ‌ها خیلی دیر می‌رسد و همکاران جدید ما با سامانه آشنا نیستند.');
				lowNps(moment(0.85), 'تیم فناوری ما عوض شده و کسی از طرف شما برای آموزش پیگیری نکرد.');
				break;
			}
			case 'feature_given_up': {
				const fr = ticket(moment(0.05), rng.chance(0.5) ? 'letter' : 'email', 'feature_request', 'normal', rng.int(1, 2) * B, null);
				followUp(moment(0.3), fr);
				followUp(moment(0.55), fr);
				followUp(moment(0.8), fr);
				lowNps(moment(0.9), 'امکانی که درخواست داده بودیم هنوز اضافه نشده؛ شاید سراغ راهکار دیگری برویم.');
				break;
			}
			case 'bug_took_weeks': {
				const bug = ticket(moment(0.05), 'phone', 'bug', rng.chance(0.5) ? 'critical' : 'high', undefined, rng.int(15, 22) * B);
				followUp(moment(0.25), bug);
				followUp(moment(0.45), bug, true);
				followUp(moment(0.6), bug);
				if (!lowCsat(bug, 1, 'خطای اصلی سامانه چند هفته طول کشید تا حل شود.')) lowNps(moment(0.9), 'خطای اصلی سامانه هفته‌ها حل نشد.');
				break;
			}
			case 'letter_unanswered': {
				const letter = ticket(moment(0.02), 'letter', rng.chance(0.5) ? 'customisation' : 'how_to', 'normal', rng.int(23, 28) * B, rng.int(3, 5) * B);
				followUp(moment(0.35), null, true);
				followUp(moment(0.5), letter);
				if (!lowCsat(letter, 1, 'درخواست ما بیش از یک ماه بی‌پاسخ ماند.')) lowNps(moment(0.92), 'درخواست ما بیش از یک ماه بی‌پاسخ ماند.');
				break;
			}
			case 'slow_answers': {
				const a = ticket(moment(0.15), 'email', 'bug', 'normal', rng.int(2, 3) * B, rng.int(5, 8) * B);
				ticket(moment(0.5), 'portal', 'how_to', 'normal', rng.int(2, 3) * B, rng.int(3, 5) * B);
				followUp(moment(0.3), null, true);
				followUp(moment(0.6), null, true);
				followUp(moment(0.75), a, true);
				lowNps(moment(0.85), 'زمان انتظار در صف تماس خیلی طولانی است و پاسخ‌ها دیر می‌رسد.');
				break;
			}
		}
	}

	// ---- product activity ----------------------------------------------------------------

	activity(): [Customer, number, number][] {
		const rng = new Rng(this.rng.seed, 'activity');
		const trend = this.customers.map(() => rng.uniform(-0.05, 0.15));
		const rows: [Customer, number, number][] = [];
		for (let day = this.first; day <= this.last; day++) {
			const kind = this.cal.kind(day);
			if (kind === 'off') continue;
			const j = this.cal.jalali(day);
			const season = j.month === 1 && j.day <= 15 ? 0.5 : 1;
			const week = kind === 'half' ? 0.45 : weekday(day) === SATURDAY ? 1.05 : 1;
			this.customers.forEach((c, i) => {
				if (day < c.startDay) return;
				const years = (day - this.last) / 365;
				let count = c.users * c.usage * week * season * (1 + trend[i]! * years) * rng.lognormal(1, 0.06);
				const plan = c.churn;
				if (plan) {
					// Use falls from a few weeks before the silence, and stops when the customer leaves.
					const from = plan.quietDay - 20;
					const to = plan.leftDay ?? this.last + 1;
					const floor = plan.leftDay === null ? 0.4 : 0.2;
					if (plan.leftDay !== null && day >= plan.leftDay) count = 0;
					else if (day >= from) count *= 1 - ((1 - floor) * (day - from)) / Math.max(1, to - from);
				}
				rows.push([c, day, Math.max(0, Math.round(count))]);
			});
		}
		return rows;
	}
}

export function simulate(options: SimulationOptions): DemoData {
	const last = dayNumber(options.asOf);
	const years = options.years ?? 2;
	if (!(years > 0)) throw new Error(`years must be positive; got ${years}`);
	const first = yearsBefore(last, years) + 1;
	const sim = new Simulation(first, last, (options.seed ?? 1405) >>> 0, options.customers ?? 300, options.now ?? new Date());
	sim.run();
	// A letter that arrives on the last day after hours is registered only after it; a call still
	// going on at the end is not logged yet.
	const end = sim.end;
	const tickets = sim.tickets.filter((t) => t.created < end).sort((a, b) => a.created - b.created);
	tickets.forEach((t, i) => (t.id = `T${String(i + 1).padStart(6, '0')}`));
	const calls = sim.calls.filter((c) => c.ended < end).sort((a, b) => a.started - b.started);
	calls.forEach((c, i) => (c.id = `CL${String(i + 1).padStart(6, '0')}`));
	const surveys = [...sim.surveys].sort((a, b) => a.answered - b.answered);
	surveys.forEach((s, i) => (s.id = `S${String(i + 1).padStart(6, '0')}`));
	const annotations = sim.annotations.filter((a) => a.starts < end);
	return { customers: sim.customers, tickets, calls, surveys, annotations, floods: sim.floods, activity: sim.activity(), first, last, end, calendar: sim.cal };
}
