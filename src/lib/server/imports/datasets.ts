/**
 * The datasets files can load, and the fields of each: the contract between any source
 * layout (through a mapping) and the tables of queries/migrations/001_initial.sql (and 016).
 *
 * This is the one definition every reading path obeys (the streaming JavaScript path in
 * ./load-file.ts and any SQL path): field types, keys, required fields, allowed values, and
 * the rules across fields of a row (`rules`, plain data, so a SQL path can apply them too).
 */
import type { ProblemKey } from '../../i18n/translate';

/**
 * minutes: a duration in minutes (a number, in the unit the mapping names, or H:MM[:SS]);
 * tags: a list of labels, staged as a JSON array of strings.
 */
export type FieldType = 'text' | 'enum' | 'integer' | 'number' | 'seconds' | 'minutes' | 'boolean' | 'timestamp' | 'date' | 'tags';

export interface FieldDef {
	name: string;
	type: FieldType;
	/** Part of the record's key: loading a record with the same key again updates it. */
	key?: boolean;
	required?: boolean;
	/** Allowed values of an enum, in canonical snake_case. */
	values?: readonly string[];
	/** Other spellings accepted for an enum value (after lower-casing and snake-casing). */
	aliases?: Record<string, string>;
	/** Value used when the file has no column for the field. */
	default?: string;
	min?: number;
	max?: number;
	/** Lower-case free text (channels, segments) so that "Email" and "email" count together. */
	lowercase?: boolean;
}

/** A condition on one field of a parsed row: its canonical value is one of these (null: empty). */
export interface FieldCondition {
	field: string;
	oneOf: readonly (string | null)[];
}

/**
 * A rule across fields of one parsed row, checked after every field parsed:
 * - required: `field` must have a value when `when` holds;
 * - range: `field` (a number) must lie in min…max when `when` holds, else `problem`.
 */
export type RowRule =
	| { kind: 'required'; field: string; when: FieldCondition }
	| { kind: 'range'; field: string; when: FieldCondition; min: number; max: number; problem: ProblemKey };

export interface DatasetDef {
	name: DatasetName;
	table: string;
	fields: FieldDef[];
	/** Has a customer_id that should exist in customers (a stub is created when it does not). */
	hasCustomer: boolean;
	/** Rules across fields, in order; the first broken one rejects the row. */
	rules?: readonly RowRule[];
}

export const DATASET_NAMES = [
	'customers',
	'tickets',
	'ticket_status_changes',
	'calls',
	'survey_answers',
	'product_activity',
	'annotations'
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export function isDatasetName(s: string): s is DatasetName {
	return (DATASET_NAMES as readonly string[]).includes(s);
}

const STATUS = ['new', 'open', 'waiting_customer', 'on_hold', 'resolved', 'closed'] as const;
const STATUS_ALIASES = {
	pending: 'waiting_customer',
	waiting: 'waiting_customer',
	waiting_for_customer: 'waiting_customer',
	awaiting_customer: 'waiting_customer',
	hold: 'on_hold',
	solved: 'resolved',
	in_progress: 'open',
	active: 'open'
};

const text = (name: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, type: 'text', ...extra });

export const DATASETS: Record<DatasetName, DatasetDef> = {
	customers: {
		name: 'customers',
		table: 'customers',
		hasCustomer: false,
		fields: [
			text('id', { key: true, required: true }),
			text('name'),
			text('segment', { lowercase: true }),
			{ name: 'contract_start', type: 'date' },
			{ name: 'renewal_date', type: 'date' },
			text('owner'),
			text('contact_name'),
			text('contact_phone'),
			text('contact_email'),
			// The contract tier SLA policies can depend on (gold, silver …).
			text('tier', { lowercase: true }),
			// When the current contact person took over (a churn signal); optional.
			{ name: 'contact_since', type: 'date' }
		]
	},
	tickets: {
		name: 'tickets',
		table: 'tickets',
		hasCustomer: true,
		fields: [
			text('id', { key: true, required: true }),
			text('customer_id'),
			text('channel', { lowercase: true }),
			{
				name: 'category',
				type: 'enum',
				values: ['bug', 'feature_request', 'how_to', 'user_error', 'customisation'],
				aliases: {
					feature: 'feature_request',
					question: 'how_to',
					training: 'how_to',
					howto: 'how_to',
					customization: 'customisation',
					incident: 'bug',
					problem: 'bug'
				}
			},
			{
				name: 'priority',
				type: 'enum',
				values: ['critical', 'high', 'normal', 'low'],
				aliases: { urgent: 'critical', medium: 'normal', moderate: 'normal' }
			},
			{ name: 'support_level', type: 'enum', values: ['support', 'technical'] },
			{ name: 'status', type: 'enum', values: STATUS, aliases: STATUS_ALIASES },
			text('team'),
			text('assignee'),
			text('subject'),
			{ name: 'created_at', type: 'timestamp', required: true },
			{ name: 'first_response_at', type: 'timestamp' },
			{ name: 'resolved_at', type: 'timestamp' },
			{ name: 'closed_at', type: 'timestamp' },
			// The help desk's own figures, kept beside the product's SLA clocks (never used by them):
			// first reply and (full) resolution time, in calendar and in business minutes.
			{ name: 'source_first_reply_minutes', type: 'minutes', min: 0 },
			{ name: 'source_first_reply_business_minutes', type: 'minutes', min: 0 },
			{ name: 'source_resolution_minutes', type: 'minutes', min: 0 },
			{ name: 'source_resolution_business_minutes', type: 'minutes', min: 0 },
			{ name: 'reopen_count', type: 'integer', min: 0 },
			{ name: 'tags', type: 'tags' }
		]
	},
	ticket_status_changes: {
		name: 'ticket_status_changes',
		table: 'ticket_status_changes',
		hasCustomer: false,
		fields: [
			text('ticket_id', { key: true, required: true }),
			{ name: 'changed_at', type: 'timestamp', key: true, required: true },
			{ name: 'status', type: 'enum', key: true, required: true, values: STATUS, aliases: STATUS_ALIASES }
		]
	},
	calls: {
		name: 'calls',
		table: 'calls',
		hasCustomer: true,
		fields: [
			text('id', { key: true, required: true }),
			text('customer_id'),
			{ name: 'direction', type: 'enum', required: true, values: ['inbound', 'outbound'], default: 'inbound', aliases: { in: 'inbound', out: 'outbound', incoming: 'inbound', outgoing: 'outbound' } },
			text('queue'),
			{ name: 'started_at', type: 'timestamp', required: true },
			{ name: 'answered_at', type: 'timestamp' },
			{ name: 'ended_at', type: 'timestamp' },
			{ name: 'wait_seconds', type: 'seconds' },
			{ name: 'talk_seconds', type: 'seconds' },
			{
				name: 'outcome',
				type: 'enum',
				required: true,
				values: ['answered', 'abandoned'],
				aliases: { agent: 'answered', hang: 'abandoned', missed: 'abandoned', no_answer: 'abandoned', completed: 'answered' }
			},
			text('agent'),
			{ name: 'opened_case', type: 'boolean' },
			text('ticket_id')
		]
	},
	survey_answers: {
		name: 'survey_answers',
		table: 'survey_answers',
		hasCustomer: true,
		fields: [
			text('id', { key: true, required: true }),
			text('customer_id'),
			text('ticket_id'),
			{ name: 'kind', type: 'enum', required: true, values: ['nps', 'csat'] },
			{
				name: 'occasion',
				type: 'enum',
				values: ['happy_call', 'periodic', 'post_ticket', 'other'],
				aliases: { happy: 'happy_call', survey: 'periodic', ticket: 'post_ticket' }
			},
			// Required for an answer (see rules): empty when the survey was offered and not answered.
			{ name: 'score', type: 'integer', min: 0, max: 10 },
			text('comment'),
			{ name: 'answered_at', type: 'timestamp' },
			text('channel', { lowercase: true }),
			// answered | offered (asked, not answered). Empty: an answer from a source that does not
			// record offers; a mapping that gives it a source records every offer (response rate).
			{ name: 'state', type: 'enum', values: ['answered', 'offered'], aliases: { responded: 'answered', rated: 'answered', sent: 'offered', unanswered: 'offered' } },
			// When the survey was offered (for the response rate); empty: when it was answered.
			{ name: 'offered_at', type: 'timestamp' }
		],
		rules: [
			{ kind: 'required', field: 'score', when: { field: 'state', oneOf: [null, 'answered'] } },
			{ kind: 'required', field: 'answered_at', when: { field: 'state', oneOf: [null, 'answered'] } },
			{ kind: 'required', field: 'offered_at', when: { field: 'state', oneOf: ['offered'] } },
			{ kind: 'range', field: 'score', when: { field: 'kind', oneOf: ['csat'] }, min: 1, max: 5, problem: 'problem.csatRange' }
		]
	},
	product_activity: {
		name: 'product_activity',
		table: 'product_activity',
		hasCustomer: true,
		fields: [
			text('customer_id', { key: true, required: true }),
			{ name: 'day', type: 'date', key: true, required: true },
			text('kind', { key: true, required: true, lowercase: true }),
			{ name: 'count', type: 'number', required: true, min: 0 }
		]
	},
	annotations: {
		name: 'annotations',
		table: 'annotations',
		hasCustomer: false,
		fields: [
			text('id', { key: true, required: true }),
			{ name: 'kind', type: 'enum', required: true, values: ['release', 'incident', 'other'], aliases: { outage: 'incident', deploy: 'release', version: 'release' } },
			{ name: 'starts_at', type: 'timestamp', required: true },
			{ name: 'ends_at', type: 'timestamp' },
			text('title', { required: true }),
			text('description')
		]
	}
};

export const keyFields = (d: DatasetDef) => d.fields.filter((f) => f.key).map((f) => f.name);
