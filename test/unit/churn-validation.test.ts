/** Bad input on the follow-up forms: each problem at its field, nothing accepted (src/lib/server/churn/validation.ts). */
import { describe, expect, it } from 'vitest';
import { validateOutcome, validateSnooze } from '../../src/lib/server/churn/validation';

const TODAY = '2026-06-10';
const AGENTS = ['Ali', 'Sara'];
const ok = { id: '7', version: '3', status: 'reached' };
const errors = (raw: Record<string, string>) => {
	const r = validateOutcome({ ...ok, ...raw }, TODAY, AGENTS);
	return r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, p]) => [k, p.key]));
};

describe('validateOutcome', () => {
	it('accepts a complete outcome and reads its values', () => {
		const r = validateOutcome({ ...ok, nps: '9', csat: '5', comment: ' Very good ', notes: 'ok', assignee: 'Sara', lost: '' }, TODAY, AGENTS);
		expect(r).toEqual({ ok: true, value: { id: 7, version: 3, status: 'reached', callBackOn: null, notes: 'ok', assignee: 'Sara', nps: 9, csat: 5, comment: 'Very good', lost: false } });
	});

	it('an outcome without a status', () => expect(errors({ status: '' })).toEqual({ status: 'followups.error.statusMissing' }));
	it('an unknown status', () => expect(errors({ status: 'maybe' })).toEqual({ status: 'followups.error.statusUnknown' }));
	it('scores out of range or not whole numbers', () => {
		expect(errors({ nps: '11' })).toEqual({ nps: 'followups.error.score' });
		expect(errors({ nps: '-1' })).toEqual({ nps: 'followups.error.score' });
		expect(errors({ nps: '7.5' })).toEqual({ nps: 'followups.error.score' });
		expect(errors({ csat: '0' })).toEqual({ csat: 'followups.error.score' });
		expect(errors({ csat: '6' })).toEqual({ csat: 'followups.error.score' });
		expect(errors({ csat: 'five' })).toEqual({ csat: 'followups.error.score' });
	});
	it('a call-back day in the past, missing, malformed or too far', () => {
		expect(errors({ status: 'call_back', call_back_on: '2026-06-09' })).toEqual({ call_back_on: 'followups.error.callBackPast' });
		expect(errors({ status: 'call_back' })).toEqual({ call_back_on: 'followups.error.callBackMissing' });
		expect(errors({ status: 'call_back', call_back_on: '10/06/2026' })).toEqual({ call_back_on: 'followups.error.notDay' });
		expect(errors({ status: 'call_back', call_back_on: '2027-12-01' })).toEqual({ call_back_on: 'followups.error.tooFar' });
		expect(errors({ status: 'call_back', call_back_on: TODAY })).toEqual({});
	});
	it('a call-back day with another status', () => expect(errors({ status: 'done', call_back_on: '2026-06-20' })).toEqual({ call_back_on: 'followups.error.callBackOnlyWithStatus' }));
	it('answers without reaching the customer', () => {
		expect(errors({ status: 'no_answer', nps: '8', comment: 'x' })).toEqual({ nps: 'followups.error.answersNeedReached', comment: 'followups.error.answersNeedReached' });
		expect(errors({ status: 'no_answer', lost: 'on' })).toEqual({ lost: 'followups.error.answersNeedReached' });
	});
	it('a comment without a score', () => expect(errors({ comment: 'hello' })).toEqual({ comment: 'followups.error.commentNeedsScore' }));
	it('an unknown agent, too long notes, a missing id or version', () => {
		expect(errors({ assignee: 'Mallory' })).toEqual({ assignee: 'followups.error.assignee' });
		expect(errors({ notes: 'x'.repeat(2001) })).toEqual({ notes: 'followups.error.tooLong' });
		expect(errors({ id: 'abc', version: '' })).toEqual({ id: 'followups.error.id', version: 'followups.error.version' });
	});
	it('reports every bad field at once', () => {
		expect(Object.keys(errors({ status: '', nps: '12', csat: '9', assignee: 'X' })).sort()).toEqual(['assignee', 'csat', 'nps', 'status']);
	});
});

describe('validateSnooze', () => {
	it('needs a customer and a day after today, not too far', () => {
		expect(validateSnooze({ customer_id: 'C1', until: '2026-06-11', note: '' }, TODAY)).toEqual({ ok: true, value: { customerId: 'C1', until: '2026-06-11', note: null } });
		const bad = validateSnooze({ customer_id: '', until: '2026-06-10' }, TODAY);
		expect(bad.ok ? {} : Object.fromEntries(Object.entries(bad.errors).map(([k, p]) => [k, p.key]))).toEqual({
			customer_id: 'followups.error.customerMissing',
			until: 'followups.error.untilPast'
		});
		const far = validateSnooze({ customer_id: 'C1', until: '2030-01-01' }, TODAY);
		expect(far.ok).toBe(false);
	});
});
