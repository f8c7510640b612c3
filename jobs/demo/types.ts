/** The in-memory records of the demo generator; times are wall seconds (see tehran-calendar.ts). */
import type { Category, Segment } from './names';

export type Status = 'new' | 'open' | 'waiting_customer' | 'on_hold' | 'resolved' | 'closed';
export type Priority = 'critical' | 'high' | 'normal' | 'low';
export type Level = 'support' | 'technical';
export type Channel = 'phone' | 'email' | 'portal' | 'in_app' | 'letter';
export type StoryKind = 'it_team_replaced' | 'feature_given_up' | 'bug_took_weeks' | 'letter_unanswered' | 'slow_answers';

export interface ChurnPlan {
	story: StoryKind;
	/** First day of the bad experiences. */
	badFrom: number;
	/** First day with no contact at all. */
	quietDay: number;
	/** First day with no product activity; null while the customer is only going quiet. */
	leftDay: number | null;
}

export interface Customer {
	index: number;
	id: string;
	segment: Segment;
	name: string;
	domain: string;
	owner: string;
	contactName: string;
	contactPhone: string;
	contactEmail: string;
	/** Licensed users, which scales product activity and contact volume. */
	users: number;
	/** Share of users active on an ordinary day. */
	usage: number;
	/** Relative rate of calls and tickets. */
	weight: number;
	/** Latent satisfaction (standard normal) behind survey scores. */
	mood: number;
	startDay: number;
	renewalDay: number;
	/** The day the current contact person took over (null: since the contract began). */
	contactSince: number | null;
	/** Spells [from, to) with no inbound contact that are not churn (holidays of their own, a quiet project phase). */
	quietSpells: [number, number][];
	churn: ChurnPlan | null;
}

export interface Ticket {
	id: string;
	customer: Customer;
	channel: Channel;
	category: Category;
	priority: Priority;
	level: Level;
	team: Level;
	assignee: string;
	subject: string;
	created: number;
	/** Every status the ticket entered, in time order (including any after the last data day). */
	changes: [number, Status][];
	firstResponse: number | null;
	resolved: number | null;
	closed: number | null;
}

export interface Call {
	id: string;
	customer: Customer;
	direction: 'inbound' | 'outbound';
	queue: string;
	started: number;
	answered: number | null;
	ended: number;
	wait: number;
	talk: number | null;
	agent: string | null;
	openedCase: boolean;
	ticket: Ticket | null;
}

export interface SurveyAnswer {
	id: string;
	customer: Customer;
	ticket: Ticket | null;
	kind: 'nps' | 'csat';
	occasion: 'happy_call' | 'periodic' | 'post_ticket' | 'other';
	score: number;
	comment: string;
	answered: number;
	channel: 'phone' | 'email' | 'web';
}

export interface Annotation {
	id: string;
	kind: 'release' | 'incident' | 'other';
	starts: number;
	ends: number | null;
	title: string;
	description: string;
}

/** Extra inbound volume on one day, as a fraction of an ordinary day's, between two seconds of the day. */
export interface Flood {
	day: number;
	extra: number;
	from: number;
	to: number;
	kind: 'release' | 'incident';
	release?: string;
	/** The release or incident that caused it (ground truth for peak attribution). */
	annotation: Annotation;
}
