/**
 * The URL parameters of the churn pages and APIs, checked against their allow-lists: a wrong
 * one is reported with the same messages as the shared filters (src/lib/filters), pages show it
 * and ignore it, APIs answer 400 naming it.
 */
import { isIsoDay } from '../../calendar';
import { MAX_TEXT, type ParamError } from '../../filters';
import { CUSTOMER_SORTS, CUSTOMER_STATUSES, RISK_BANDS, type CustomerFilters, type CustomerSort } from './risk';

/** Choices of the "silent for at least" and "renewal within" filters, in days. */
export const SILENT_CHOICES = [14, 30, 60, 90] as const;
export const RENEWAL_CHOICES = [30, 60, 90, 180] as const;

export interface Parsed<T> {
	value: T;
	errors: ParamError[];
}

function textParam(params: URLSearchParams, name: string, errors: ParamError[]): string | null {
	const raw = params.get(name);
	if (raw === null || raw.trim() === '') return null;
	if (raw.length > MAX_TEXT || /\p{Cc}/u.test(raw)) {
		errors.push({ param: name, key: 'filter.error.badValue', params: { param: name, max: MAX_TEXT } });
		return null;
	}
	return raw.trim();
}

function choiceParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], errors: ParamError[]): T | null {
	const raw = params.get(name);
	if (raw === null || raw === '') return null;
	if ((allowed as readonly string[]).includes(raw)) return raw as T;
	errors.push({ param: name, key: 'filter.error.notInList', params: { param: name, value: raw.slice(0, 40), allowed: allowed.join(', ') } });
	return null;
}

/** A whole number from min to max (null when absent). */
export function intParam(params: URLSearchParams, name: string, min: number, max: number, errors: ParamError[]): number | null {
	const raw = params.get(name);
	if (raw === null || raw === '') return null;
	if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
		errors.push({ param: name, key: 'filter.error.notNumber', params: { param: name, value: raw.slice(0, 40), min, max } });
		return null;
	}
	return Number(raw);
}

/** A day YYYY-MM-DD (null when absent). */
export function dayParam(params: URLSearchParams, name: string, errors: ParamError[]): string | null {
	const raw = params.get(name);
	if (raw === null || raw === '') return null;
	if (!isIsoDay(raw)) {
		errors.push({ param: name, key: 'range.error.notDay', params: { param: name, value: raw.slice(0, 40) } });
		return null;
	}
	return raw;
}

/** Parameters the API knows; with `strict` anything else is an error. */
export function unknownParams(params: URLSearchParams, known: readonly string[], errors: ParamError[]): void {
	const all = new Set([...known, 'lang']);
	for (const key of params.keys()) {
		if (!all.has(key)) errors.push({ param: key, key: 'filter.error.unknown', params: { param: key.slice(0, 40), known: known.join(', ') } });
	}
}

export const CUSTOMER_PARAMS = ['q', 'segment', 'owner', 'risk', 'status', 'silent', 'renewal', 'sort', 'dir', 'page'] as const;

export function parseCustomerFilters(params: URLSearchParams): Parsed<CustomerFilters> {
	const errors: ParamError[] = [];
	const silent = intParam(params, 'silent', 1, 3650, errors);
	const renewal = intParam(params, 'renewal', 0, 3650, errors);
	const sort = choiceParam<CustomerSort>(params, 'sort', CUSTOMER_SORTS, errors) ?? 'score';
	const dir = choiceParam(params, 'dir', ['asc', 'desc'] as const, errors) ?? (sort === 'score' || sort === 'silence' || sort === 'change' ? 'desc' : 'asc');
	return {
		value: {
			q: textParam(params, 'q', errors),
			segment: textParam(params, 'segment', errors),
			owner: textParam(params, 'owner', errors),
			risk: choiceParam(params, 'risk', RISK_BANDS, errors),
			status: choiceParam(params, 'status', CUSTOMER_STATUSES, errors),
			silentDays: silent,
			renewalDays: renewal,
			sort,
			dir,
			page: intParam(params, 'page', 1, 100_000, errors) ?? 1
		},
		errors
	};
}
