/**
 * The risk of one customer in words: the facts the model computed (a row of
 * churn_risk_history) turned into each factor's contribution and plain reasons, as Phrases
 * (message keys of src/lib/i18n/messages/churn.ts with parameters), so every reader gets them in
 * their own language and the API in English: "silent for 74 days; usually in touch every 12
 * days; last CSAT 2/5; renewal in 41 days".
 */
import type { Phrase } from '../../i18n/translate';
import { FACTORS, type Factor } from './settings';

/** A row of churn_risk_history as the queries return it (days as YYYY-MM-DD). */
export interface RiskRow {
	as_of: string;
	customer_id: string;
	status: 'active' | 'lapsed' | 'lost' | 'not_started';
	score: number;
	rank: number | null;
	silence_days: number | null;
	last_contact_day: string | null;
	contact_days: number;
	gaps: number;
	usual_gap: number | null;
	rhythm_basis: 'own' | 'segment';
	silence_ratio: number | null;
	last_nps: number | null;
	last_nps_day: string | null;
	last_csat: number | null;
	last_csat_day: string | null;
	sla_breaches: number | null;
	long_open_days: number | null;
	long_open_ticket: string | null;
	reopened: number;
	feature_age_days: number | null;
	feature_ticket: string | null;
	feature_chased: number | null;
	activity_recent: number | null;
	activity_before: number | null;
	activity_drop: number | null;
	contacts_recent: number | null;
	contacts_before: number | null;
	contact_drop: number | null;
	renewal_day: string | null;
	renewal_days: number | null;
	contact_since: string | null;
	c_silence: number;
	c_low_score: number;
	c_sla: number;
	c_long_open: number;
	c_reopened: number;
	c_feature: number;
	c_trend: number;
	c_renewal: number;
	c_new_contact: number;
	reconstructed: boolean;
}

export interface Contribution {
	factor: Factor;
	/** Points out of 100. */
	contribution: number;
}

const COLUMN: Record<Factor, keyof RiskRow> = {
	silence: 'c_silence',
	lowScore: 'c_low_score',
	slaBreach: 'c_sla',
	longOpen: 'c_long_open',
	reopened: 'c_reopened',
	featureRequest: 'c_feature',
	fallingTrend: 'c_trend',
	renewal: 'c_renewal',
	newContact: 'c_new_contact'
};

/** Every factor with its points, in the model's order (zeros included, so a reader sees what did not count). */
export function contributions(row: RiskRow): Contribution[] {
	return FACTORS.map((factor) => ({ factor, contribution: Number(row[COLUMN[factor]] ?? 0) }));
}

/** Whole days for "usually every N days" (at least 1). */
const everyDays = (gap: number) => Math.max(1, Math.round(gap));
/** A share 0-1 as a whole percentage. */
const pct = (share: number) => Math.round(share * 100);

/** The phrases of one factor that counted, from the facts. */
function factorReasons(row: RiskRow, factor: Factor, asOf: string): Phrase[] {
	switch (factor) {
		case 'silence': {
			if (row.silence_days === null) return [];
			const out: Phrase[] = [
				row.last_contact_day === null
					? { key: 'churn.reason.neverInTouch', params: { days: row.silence_days } }
					: { key: 'churn.reason.silent', params: { days: row.silence_days } }
			];
			if (row.usual_gap !== null) {
				out.push(
					row.rhythm_basis === 'own'
						? { key: 'churn.reason.usualGap', params: { days: everyDays(row.usual_gap) } }
						: { key: 'churn.reason.usualGapSegment', params: { days: everyDays(row.usual_gap) } }
				);
			}
			return out;
		}
		case 'lowScore': {
			const out: Phrase[] = [];
			if (row.last_nps !== null && row.last_nps <= 6) out.push({ key: 'churn.reason.nps', params: { score: row.last_nps } });
			if (row.last_csat !== null && row.last_csat <= 3) out.push({ key: 'churn.reason.csat', params: { score: row.last_csat } });
			return out;
		}
		case 'slaBreach':
			return row.sla_breaches ? [{ key: 'churn.reason.slaBreaches', params: { count: row.sla_breaches } }] : [];
		case 'longOpen':
			return row.long_open_days !== null ? [{ key: 'churn.reason.longOpen', params: { days: Math.floor(row.long_open_days) } }] : [];
		case 'reopened':
			return row.reopened > 0 ? [{ key: 'churn.reason.reopened', params: { count: row.reopened } }] : [];
		case 'featureRequest':
			return row.feature_age_days !== null
				? [{ key: 'churn.reason.feature', params: { days: row.feature_age_days, chased: row.feature_chased ?? 0 } }]
				: [];
		case 'fallingTrend':
			if (row.activity_drop !== null) return [{ key: 'churn.reason.activityDown', params: { percent: pct(row.activity_drop) } }];
			return row.contact_drop !== null ? [{ key: 'churn.reason.contactsDown', params: { percent: pct(row.contact_drop) } }] : [];
		case 'renewal':
			return row.renewal_days !== null ? [{ key: 'churn.reason.renewal', params: { days: row.renewal_days } }] : [];
		case 'newContact': {
			if (row.contact_since === null) return [];
			const days = Math.round((Date.parse(asOf) - Date.parse(row.contact_since)) / 86_400_000);
			return [{ key: 'churn.reason.newContact', params: { days } }];
		}
	}
}

/**
 * The reasons of a score in plain words: one or more phrases for each factor that gave points,
 * in the model's order (silence first). A factor that gave nothing is not a reason.
 */
export function reasons(row: RiskRow): Phrase[] {
	return contributions(row)
		.filter((c) => c.contribution > 0)
		.flatMap((c) => factorReasons(row, c.factor, row.as_of));
}

/** What changed since the day compared with, for a list ("new", "up 12", "down 5"), in whole points. */
export type Change = { kind: 'new' } | { kind: 'up' | 'down' | 'same'; points: number } | { kind: 'none' };

export function changeSince(score: number, previousScore: number | null | undefined, previousStatus?: string | null): Change {
	if (previousScore === null || previousScore === undefined) return { kind: 'none' };
	if (previousStatus && previousStatus !== 'active') return { kind: 'new' };
	const d = Math.round(score - previousScore);
	return { kind: d > 0 ? 'up' : d < 0 ? 'down' : 'same', points: Math.abs(d) };
}
