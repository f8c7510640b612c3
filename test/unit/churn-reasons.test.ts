/** Reasons in words from the model's facts, in English and Persian (src/lib/server/churn/reasons.ts). */
import { describe, expect, it } from 'vitest';
import { changeSince, contributions, reasons, type RiskRow } from '../../src/lib/server/churn/reasons';
import { translator } from '../../src/lib/i18n/translate';

const row = (over: Partial<RiskRow>): RiskRow =>
	({
		as_of: '2026-06-30',
		customer_id: 'C1',
		status: 'active',
		score: 0,
		rank: 1,
		silence_days: null,
		last_contact_day: null,
		contact_days: 0,
		gaps: 0,
		usual_gap: null,
		rhythm_basis: 'own',
		silence_ratio: null,
		last_nps: null,
		last_nps_day: null,
		last_csat: null,
		last_csat_day: null,
		sla_breaches: null,
		long_open_days: null,
		long_open_ticket: null,
		reopened: 0,
		feature_age_days: null,
		feature_ticket: null,
		feature_chased: null,
		activity_recent: null,
		activity_before: null,
		activity_drop: null,
		contacts_recent: null,
		contacts_before: null,
		contact_drop: null,
		renewal_day: null,
		renewal_days: null,
		contact_since: null,
		c_silence: 0,
		c_low_score: 0,
		c_sla: 0,
		c_long_open: 0,
		c_reopened: 0,
		c_feature: 0,
		c_trend: 0,
		c_renewal: 0,
		c_new_contact: 0,
		reconstructed: false,
		...over
	}) as RiskRow;

// The example: silent 74 days, usually every 12, last CSAT 2/5, renewal in 41 days (docs/churn-model.md works out 46.0).
const example = row({
	silence_days: 74,
	last_contact_day: '2026-04-17',
	usual_gap: 12.2,
	last_csat: 2,
	renewal_days: 41,
	c_silence: 27.7,
	c_low_score: 15,
	c_renewal: 3.3,
	score: 46
});

describe('reasons', () => {
	it('reads in plain English, factor by factor', () => {
		const t = translator('en');
		expect(reasons(example).map((p) => t(p.key, p.params)).join(t('churn.reason.separator'))).toBe(
			'silent for 74 days; usually in touch every 12 days; last CSAT 2/5; renewal in 41 days'
		);
	});
	it('reads in Persian with Persian digits', () => {
		const t = translator('fa');
		expect(reasons(example).map((p) => t(p.key, p.params)).join(t('churn.reason.separator'))).toBe(
			'۷۴ روز است که خبری از او نیست؛ معمولاً هر ۱۲ روز یک‌بار در تماس است؛ آخرین CSAT ۲ از ۵؛ ۴۱ روز تا تمدید قرارداد'
		);
	});
	it('leaves out factors that gave no points, and lists every factor with its points', () => {
		const quiet = row({ silence_days: 5, usual_gap: 7, last_nps: 9 });
		expect(reasons(quiet)).toEqual([]);
		expect(contributions(example).map((c) => c.contribution)).toEqual([27.7, 15, 0, 0, 0, 0, 0, 3.3, 0]);
	});
	it('says when the segment stands in for too little history', () => {
		const t = translator('en');
		const r = reasons(row({ silence_days: 30, last_contact_day: '2026-05-31', usual_gap: 7, rhythm_basis: 'segment', c_silence: 22.1 }));
		expect(r.map((p) => t(p.key, p.params))).toEqual(['silent for 30 days', 'its segment is usually in touch every 7 days (too little history of its own)']);
	});
});

describe('changeSince', () => {
	it('in whole points, new when it was not active before', () => {
		expect(changeSince(46, 40)).toEqual({ kind: 'up', points: 6 });
		expect(changeSince(40, 46.4)).toEqual({ kind: 'down', points: 6 });
		expect(changeSince(40, 40.3)).toEqual({ kind: 'same', points: 0 });
		expect(changeSince(40, 10, 'not_started')).toEqual({ kind: 'new' });
		expect(changeSince(40, null)).toEqual({ kind: 'none' });
	});
});
