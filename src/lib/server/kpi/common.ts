/**
 * What every KPI module shares: the bound parameters of a KPI query (the filters, the grain and
 * the previous period), the periods of a range in the unit's calendar, and the split of a KPI
 * query's rows into current total, previous total, per period and per dimension.
 */
import { sqlParams, type Dimension, type Filters } from '../../filters';
import type { Database, Row } from '../db/database';

/** A KPI query's parameters: every accepted dimension (null when not set), the period, the grain, the previous period's start. */
export function kpiParams(filters: Filters, accept: readonly Dimension[]): Record<string, string | number | null> {
	return { ...sqlParams(filters, accept), prev_from: filters.previous.from };
}

export interface Period {
	/** First day of the period (ISO), the key the KPI queries return. */
	period: string;
	/** The range's first and last day inside it, and how many: a period the range cuts is partial. */
	firstDay: string;
	lastDay: string;
	days: number;
}

/** The periods of the filters' grain that its range touches, in the unit's calendar. */
export async function periodsOf(db: Database, filters: Filters): Promise<Period[]> {
	const rows = await db.cachedQuery<{ period: string; first_day: string; last_day: string; days: number }>('calendar/periods', {
		from: filters.range.from,
		to: filters.range.to,
		grain: filters.grain
	});
	return rows.map((r) => ({ period: r.period, firstDay: r.first_day, lastDay: r.last_day, days: r.days }));
}

/** A KPI query's rows: cohort (current|previous), scope (total|period|<dimension>), key. */
export interface KpiRow extends Row {
	cohort: 'current' | 'previous';
	scope: string;
	key: string | null;
}

export interface Split<R> {
	current: R | undefined;
	previous: R | undefined;
	/** Rows of a scope in the current period, by key. */
	scope(name: string): R[];
}

export function splitRows<R extends KpiRow>(rows: R[]): Split<R> {
	return {
		current: rows.find((r) => r.cohort === 'current' && r.scope === 'total'),
		previous: rows.find((r) => r.cohort === 'previous' && r.scope === 'total'),
		scope: (name) => rows.filter((r) => r.cohort === 'current' && r.scope === name)
	};
}

/** One point per period of the range, in order, with `empty` where a period has no row. */
export function fillPeriods<R extends KpiRow, T>(periods: Period[], rows: R[], build: (row: R | undefined) => T): (Period & T)[] {
	const byKey = new Map(rows.map((r) => [r.key, r]));
	return periods.map((p) => ({ ...p, ...build(byKey.get(p.period)) }));
}

/** Average per day of the period, one decimal (null when the period has no days). */
export function perDay(total: number, days: number): number | null {
	return days > 0 ? Math.round((total / days) * 10) / 10 : null;
}

/** Relative change of a count, in percent (null when there was nothing before). */
export function relativeChange(current: number, previous: number): number | null {
	return previous > 0 ? (100 * (current - previous)) / previous : null;
}

export interface FilterOptions {
	segment: string[];
	channel: string[];
	team: string[];
	queue: string[];
}

/** The values each filter list offers: those with data in the rollups. */
export async function filterOptions(db: Database): Promise<FilterOptions> {
	const rows = await db.cachedQuery<{ dimension: keyof FilterOptions; value: string }>('kpi/dimension_values');
	const out: FilterOptions = { segment: [], channel: [], team: [], queue: [] };
	for (const r of rows) out[r.dimension]?.push(r.value);
	return out;
}
