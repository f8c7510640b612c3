/**
 * The churn settings (key `churn` of the settings table) and their documented defaults: the
 * weights and thresholds of the risk model (docs/churn-model.md explains each one with a worked
 * example), who counts as at risk, the follow-up list's capacity, assignment and cool-down, the
 * hold-out experiment, and the value of a customer used to rank the list.
 */

/** The factors of the risk score, in the order they are shown. */
export const FACTORS = ['silence', 'lowScore', 'slaBreach', 'longOpen', 'reopened', 'featureRequest', 'fallingTrend', 'renewal', 'newContact'] as const;
export type Factor = (typeof FACTORS)[number];

export interface ChurnModel {
	/** Points each factor gives at full strength; the defaults add up to 100, so the score is 0-100. */
	weights: Record<Factor, number>;
	rhythm: {
		/** Days of history the usual gap between contacts is taken from. */
		lookbackDays: number;
		/** Fewer gaps than this in the look-back: the customer is judged against its segment. */
		minGaps: number;
		/** A silence shorter than this gives no points, however regular the customer. */
		minSilenceDays: number;
		/** A silence this many times the usual gap gives the full silence weight. */
		fullRatio: number;
	};
	/** Only the latest NPS and CSAT answers of this many days count. */
	lowScore: { windowDays: number };
	tickets: {
		/** Tickets opened in this many days before the day are looked at. */
		windowDays: number;
		/** A ticket open this long (calendar days) starts to count; twice as long counts fully. */
		longOpenDays: number;
		/** A feature request without an answer for this long starts to count … */
		featureMinDays: number;
		/** … and counts fully at this age (half when the customer never called about it). */
		featureFullDays: number;
	};
	trend: {
		/** Product activity (or contact days) of the last recentDays against the beforeDays before them. */
		recentDays: number;
		beforeDays: number;
		/** A fall (beyond all customers' own fall) up to dropFloor counts nothing; dropFull counts fully. */
		dropFloor: number;
		dropFull: number;
	};
	renewal: {
		/** A renewal within this many days counts, more as it comes closer. */
		windowDays: number;
		/** A stored renewal date this many days past with no newer one: the customer did not renew (lapsed). */
		lapseGraceDays: number;
	};
	/** A new contact person within this many days counts, more the newer. */
	newContact: { windowDays: number };
}

export interface ChurnSettings {
	model: ChurnModel;
	/** Score from which a customer is at risk (flagged, and a candidate for the follow-up list). */
	atRiskScore: number;
	followUps: {
		/** The care agents who call; empty: the account owners named in the customers data. */
		agents: string[];
		/** Customers from this score may go on the list (below the at-risk score they fill spare capacity, after the at-risk ones). */
		minScore: number;
		/** Calls one agent makes in a day; the list holds agents × this many customers. */
		callsPerAgentPerDay: number;
		/** round_robin: in turn over the agents; owner: the customer's account owner while that agent has room. */
		assignment: 'round_robin' | 'owner';
		/** A customer reached this many days ago or less is not put on the list again. */
		coolDownDays: number;
	};
	holdout: {
		/** Share (0-1) of customers newly at risk kept off the list, at random, to compare with those called. */
		share: number;
		/** Days a customer stays in its group (list or hold-out) before it can be drawn again. */
		days: number;
	};
	/** A customer's value weight by segment (the list ranks by score × value); `other` for the rest. */
	value: { segments: Record<string, number>; other: number };
	history: {
		/** On the first refresh (or after a change of the model) the risk is reconstructed this far back … */
		backfillDays: number;
		/** … one day in this many (plus the day a week ago). */
		backfillEveryDays: number;
	};
}

export function defaultChurnSettings(): ChurnSettings {
	return {
		model: {
			weights: {
				silence: 35,
				lowScore: 20,
				slaBreach: 8,
				longOpen: 7,
				reopened: 4,
				featureRequest: 6,
				fallingTrend: 10,
				renewal: 6,
				newContact: 4
			},
			rhythm: { lookbackDays: 1095, minGaps: 4, minSilenceDays: 14, fullRatio: 10 },
			lowScore: { windowDays: 120 },
			tickets: { windowDays: 120, longOpenDays: 14, featureMinDays: 30, featureFullDays: 180 },
			trend: { recentDays: 28, beforeDays: 84, dropFloor: 0.15, dropFull: 0.6 },
			renewal: { windowDays: 90, lapseGraceDays: 30 },
			newContact: { windowDays: 120 }
		},
		atRiskScore: 40,
		followUps: { agents: [], minScore: 25, callsPerAgentPerDay: 6, assignment: 'round_robin', coolDownDays: 30 },
		holdout: { share: 0.1, days: 90 },
		value: { segments: { government: 1.5, bank: 1.5, enterprise: 1.2, small_business: 1 }, other: 1 },
		history: { backfillDays: 364, backfillEveryDays: 14 }
	};
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored value merged over the defaults, object by object (so a stored weight does not drop the others). */
function deepMerge<T>(base: T, over: unknown): T {
	if (!isPlain(base) || !isPlain(over)) return (over === undefined ? base : (over as T));
	const out: Plain = { ...base };
	for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge((base as Plain)[k], v) : v;
	return out as T;
}

export function mergeChurnSettings(stored: unknown): ChurnSettings {
	return deepMerge(defaultChurnSettings(), stored);
}

/** A customer's value weight (settings.value). */
export function customerValue(settings: ChurnSettings, segment: string | null): number {
	return (segment !== null && settings.value.segments[segment]) || settings.value.other;
}
