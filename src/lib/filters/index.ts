/**
 * The filters a page or an API endpoint takes from its URL: the period (./date-range.ts),
 * the grain, and dimensions (segment, channel, team …). One parser for pages and APIs, so a
 * bad parameter gets the same message everywhere: pages show it and fall back, APIs answer
 * 400 naming the parameter. Values reach SQL only as bound parameters; enumerations are
 * checked against their allow-list here.
 */
import { GRAINS, type Grain } from '../calendar/periods';
import type { Phrase } from '../i18n/translate';
import { parseRange, previousRange, rangeDays, type DataExtent, type DateRange } from './date-range';

export * from './date-range';

export const OCCASIONS = ['happy_call', 'periodic', 'post_ticket', 'other'] as const;
export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export const CATEGORIES = ['bug', 'feature_request', 'how_to', 'user_error', 'customisation'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;

type Spec = { kind: 'text' } | { kind: 'enum'; values: readonly string[] };

/** Every dimension filter the product knows; a page accepts a subset. */
export const DIMENSIONS = {
	segment: { kind: 'text' },
	channel: { kind: 'text' },
	team: { kind: 'text' },
	queue: { kind: 'text' },
	occasion: { kind: 'enum', values: OCCASIONS },
	priority: { kind: 'enum', values: PRIORITIES },
	category: { kind: 'enum', values: CATEGORIES },
	direction: { kind: 'enum', values: DIRECTIONS }
} as const satisfies Record<string, Spec>;

export type Dimension = keyof typeof DIMENSIONS;
export type DimensionValues = Partial<Record<Dimension, string>>;

/** Longest text value accepted (a segment or team name); longer is a mistake or an attack. */
export const MAX_TEXT = 200;

export interface Filters {
	range: DateRange;
	/** The period of the same length just before, for comparisons. */
	previous: DateRange;
	/** Days in the period (never past today). */
	days: number;
	grain: Grain;
	/** True when the URL named no grain and it was chosen from the period's length. */
	grainIsDefault: boolean;
	dims: DimensionValues;
}

export type ParamError = Phrase & { param: string };

export interface FilterResult {
	filters: Filters;
	/** Parameters that were wrong (pages show them and ignore the parameter; APIs answer 400). */
	errors: ParamError[];
	/** Worth telling the reader (the period was cut at today …). */
	notes: Phrase[];
}

export interface FilterOptions {
	today: string;
	extent: DataExtent | null;
	/** The dimension filters this page or endpoint takes. */
	accept: readonly Dimension[];
	/** Other parameters the caller reads itself (page, q, sort …); with `strict`, anything else is an error. */
	known?: readonly string[];
	/** APIs: an unknown parameter is an error rather than ignored. */
	strict?: boolean;
}

/** The grain that suits a period of this many days when none is chosen. */
export function defaultGrain(days: number): Grain {
	return days <= 45 ? 'day' : days <= 200 ? 'week' : days <= 800 ? 'month' : 'quarter';
}

export function parseFilters(params: URLSearchParams, options: FilterOptions): FilterResult {
	const errors: ParamError[] = [];
	const period = parseRange(params, options.today, options.extent);
	if (period.error) errors.push(period.error);
	const dims: DimensionValues = {};
	for (const name of options.accept) {
		const raw = params.get(name);
		if (raw === null || raw === '') continue;
		const spec: Spec = DIMENSIONS[name];
		if (spec.kind === 'enum' && !spec.values.includes(raw)) {
			errors.push({ param: name, key: 'filter.error.notInList', params: { param: name, value: raw.slice(0, 40), allowed: spec.values.join(', ') } });
		} else if (raw.length > MAX_TEXT || /\p{Cc}/u.test(raw)) {
			errors.push({ param: name, key: 'filter.error.badValue', params: { param: name, max: MAX_TEXT } });
		} else dims[name] = raw;
	}
	const days = rangeDays(period.range);
	let grain = defaultGrain(days);
	let grainIsDefault = true;
	const rawGrain = params.get('grain');
	if (rawGrain) {
		if ((GRAINS as readonly string[]).includes(rawGrain)) {
			grain = rawGrain as Grain;
			grainIsDefault = false;
		} else errors.push({ param: 'grain', key: 'filter.error.notInList', params: { param: 'grain', value: rawGrain.slice(0, 40), allowed: GRAINS.join(', ') } });
	}
	if (options.strict) {
		const known = new Set(['from', 'to', 'grain', 'lang', ...options.accept, ...(options.known ?? [])]);
		for (const key of params.keys()) {
			if (!known.has(key)) errors.push({ param: key, key: 'filter.error.unknown', params: { param: key.slice(0, 40), known: [...known].join(', ') } });
		}
	}
	return {
		filters: { range: period.range, previous: previousRange(period.range), days, grain, grainIsDefault, dims },
		errors,
		notes: period.notes
	};
}

/** The bound parameters of a query for these filters: every accepted dimension (null when not set), the period, the grain. */
export function sqlParams(filters: Filters, accept: readonly Dimension[] = Object.keys(DIMENSIONS) as Dimension[]) {
	const out: Record<string, string | null> = { from: filters.range.from, to: filters.range.to, grain: filters.grain };
	for (const name of accept) out[name] = filters.dims[name] ?? null;
	return out;
}

/** The URL query of a set of filters with some changed (undefined or '' removes one); keeps the parameters it does not know. */
export function filterHref(current: URLSearchParams, changes: Record<string, string | null | undefined>): string {
	const next = new URLSearchParams(current);
	for (const [k, v] of Object.entries(changes)) {
		if (v === undefined || v === null || v === '') next.delete(k);
		else next.set(k, v);
	}
	// Changing a filter starts a list again at its first page.
	if (!('page' in changes)) next.delete('page');
	const q = next.toString();
	return q ? `?${q}` : '?';
}
