/**
 * Validation of the follow-up forms and their API twins: the outcome of a call and a snooze.
 * Every problem is a Phrase keyed by the field it belongs to, so the form shows it at the
 * field (in the reader's language) and the API names the field (in English). Nothing is
 * written unless the whole input is valid.
 */
import { addDays, isIsoDay } from '../../calendar';
import type { Phrase } from '../../i18n/translate';

export const STATUSES = ['to_call', 'no_answer', 'call_back', 'reached', 'done'] as const;
export type FollowUpStatus = (typeof STATUSES)[number];
/** Statuses that keep a follow-up on the list (it carries over to the next days). */
export const OPEN_STATUSES: readonly FollowUpStatus[] = ['to_call', 'no_answer', 'call_back'];

export const MAX_TEXT = 2000;
/** A call-back or snooze further out than this is a typo more often than a plan. */
export const MAX_DAYS_AHEAD = 366;

export type FieldErrors = Record<string, Phrase>;

/** What a form or a JSON body gives: every value as text (or absent). */
export type RawInput = Record<string, string | number | boolean | null | undefined>;

export interface OutcomeInput {
	id: number;
	version: number;
	status: FollowUpStatus;
	callBackOn: string | null;
	notes: string | null;
	assignee: string | null;
	nps: number | null;
	csat: number | null;
	comment: string | null;
	/** The customer says it is leaving: mark it lost. */
	lost: boolean;
}

const text = (v: RawInput[string]): string => (v === null || v === undefined ? '' : String(v)).trim();

function wholeNumber(raw: string): number | null {
	return /^-?\d+$/.test(raw) ? Number(raw) : null;
}

function score(raw: string, field: string, min: number, max: number, errors: FieldErrors): number | null {
	if (raw === '') return null;
	const n = wholeNumber(raw);
	if (n === null || n < min || n > max) {
		errors[field] = { key: 'followups.error.score', params: { min, max } };
		return null;
	}
	return n;
}

function longText(raw: string, field: string, errors: FieldErrors): string | null {
	if (raw.length > MAX_TEXT) errors[field] = { key: 'followups.error.tooLong', params: { max: MAX_TEXT } };
	return raw === '' ? null : raw;
}

/**
 * Check an outcome. `today` is the unit's local day; `agents` the care agents an item may be
 * given to (an empty assignee keeps it unassigned).
 */
export function validateOutcome(raw: RawInput, today: string, agents: readonly string[]): { ok: true; value: OutcomeInput } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const id = wholeNumber(text(raw.id));
	if (id === null || id <= 0) errors.id = { key: 'followups.error.id' };
	const version = wholeNumber(text(raw.version));
	if (version === null || version <= 0) errors.version = { key: 'followups.error.version' };

	const statusText = text(raw.status);
	let status: FollowUpStatus | null = null;
	if (statusText === '') errors.status = { key: 'followups.error.statusMissing' };
	else if (!(STATUSES as readonly string[]).includes(statusText)) errors.status = { key: 'followups.error.statusUnknown', params: { value: statusText.slice(0, 40) } };
	else status = statusText as FollowUpStatus;

	const callBackText = text(raw.call_back_on);
	let callBackOn: string | null = null;
	if (status === 'call_back') {
		if (callBackText === '') errors.call_back_on = { key: 'followups.error.callBackMissing' };
		else if (!isIsoDay(callBackText)) errors.call_back_on = { key: 'followups.error.notDay', params: { value: callBackText.slice(0, 40) } };
		else if (callBackText < today) errors.call_back_on = { key: 'followups.error.callBackPast' };
		else if (callBackText > addDays(today, MAX_DAYS_AHEAD)) errors.call_back_on = { key: 'followups.error.tooFar', params: { days: MAX_DAYS_AHEAD } };
		else callBackOn = callBackText;
	} else if (callBackText !== '' && status !== null) {
		errors.call_back_on = { key: 'followups.error.callBackOnlyWithStatus' };
	}

	const nps = score(text(raw.nps), 'nps', 0, 10, errors);
	const csat = score(text(raw.csat), 'csat', 1, 5, errors);
	const comment = longText(text(raw.comment), 'comment', errors);
	const notes = longText(text(raw.notes), 'notes', errors);
	// Answers need a conversation: a call that was not answered has no scores.
	if (status !== null && status !== 'reached' && status !== 'done') {
		if (nps !== null) errors.nps = { key: 'followups.error.answersNeedReached' };
		if (csat !== null) errors.csat = { key: 'followups.error.answersNeedReached' };
		if (comment !== null && !errors.comment) errors.comment = { key: 'followups.error.answersNeedReached' };
	}
	if (comment !== null && nps === null && csat === null && !errors.comment) errors.comment = { key: 'followups.error.commentNeedsScore' };

	const assigneeText = text(raw.assignee);
	if (assigneeText !== '' && !agents.includes(assigneeText)) errors.assignee = { key: 'followups.error.assignee', params: { value: assigneeText.slice(0, 80) } };

	const lostText = text(raw.lost);
	const lost = lostText === 'on' || lostText === 'true' || lostText === '1';
	if (lost && status !== null && status !== 'reached' && status !== 'done') errors.lost = { key: 'followups.error.answersNeedReached' };

	if (Object.keys(errors).length > 0 || id === null || version === null || status === null) return { ok: false, errors };
	return { ok: true, value: { id, version, status, callBackOn, notes, assignee: assigneeText || null, nps, csat, comment, lost } };
}

export interface SnoozeInput {
	customerId: string;
	until: string;
	note: string | null;
}

/** Check a snooze (whether the customer exists is checked against the database by the caller). */
export function validateSnooze(raw: RawInput, today: string): { ok: true; value: SnoozeInput } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const customerId = text(raw.customer_id);
	if (customerId === '') errors.customer_id = { key: 'followups.error.customerMissing' };
	else if (customerId.length > 200) errors.customer_id = { key: 'followups.error.customerUnknown', params: { value: customerId.slice(0, 40) } };
	const until = text(raw.until);
	if (until === '') errors.until = { key: 'followups.error.untilMissing' };
	else if (!isIsoDay(until)) errors.until = { key: 'followups.error.notDay', params: { value: until.slice(0, 40) } };
	else if (until <= today) errors.until = { key: 'followups.error.untilPast' };
	else if (until > addDays(today, MAX_DAYS_AHEAD)) errors.until = { key: 'followups.error.tooFar', params: { days: MAX_DAYS_AHEAD } };
	const note = longText(text(raw.note), 'note', errors);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: { customerId, until, note } };
}
