/**
 * Derived tables kept per local day, rebuilt only for the days a load touched (./changes.ts).
 *
 * A day table is defined by one named query: a SELECT of its rows for the local days $from to
 * $to, whose source instants lie in [$lo, $hi) (a margin around those days, so that DuckDB
 * skips the row groups of other days). Every queries/refresh/rollup_*.sql that uses $from is
 * one; a domain step can use the same mechanism for its own table (staffing_hourly). The
 * refresh runs the query either over all days, replacing the table (`create or replace table
 * … as`), or, for each run of touched days, deletes those days' rows and inserts the query's
 * rows for them: the same SQL both ways, so an incremental refresh cannot drift from a full one
 * (test/integration/incremental-refresh.test.ts checks they are equal, row for row).
 *
 * A table is rebuilt whole when it was never built, when its SQL or the settings it depends
 * on changed (its signature, in refresh_signatures), when a table it reads was rebuilt whole
 * in this refresh, when the changes say everything is to be rebuilt, or when it must follow
 * changes whose runs cover most days (`wide`). It is left alone when none of the datasets it
 * reads changed (changes.ts, untouchedBy). The statements that
 * wrap the query name only the table, taken from the query's own name (never from input).
 */
import crypto from 'node:crypto';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { addDays } from '../../calendar';
import { execOn, queryOn, type Params } from '../db/database';
import { paramNames, queryNames, sql } from '../db/queries';
import { ALL_DAYS, allChanged, detectChanges, untouchedBy, type ChangeDataset, type Changes, type DayRun } from './changes';

export interface DayTable {
	/** The named query: a SELECT of the table's rows for the local days $from … $to. */
	query: string;
	/** The table it fills. */
	table: string;
	/** The local-day column of the table (whose rows a run deletes). */
	dayColumn?: string;
	/** Values of the query's other parameters ($tz, a threshold …). */
	params: Params;
	/** What the rows depend on besides the SQL (settings): a change rebuilds the table whole. */
	depends: unknown;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** The instants that bound a run of local days, with a margin no time zone exceeds (offsets lie within ±14 hours). */
export function runBounds(run: DayRun): { from: string; to: string; lo: string; hi: string } {
	return {
		from: run.from,
		to: run.to,
		lo: run.from === ALL_DAYS.from ? '-infinity' : `${addDays(run.from, -1)} 00:00:00+00`,
		hi: run.to === ALL_DAYS.to ? 'infinity' : `${addDays(run.to, 2)} 00:00:00+00`
	};
}

/** The values a statement uses: those of the named query, or those named in a composed text. */
function bindFor(query: string | null, values: Params, composed?: string): Record<string, DuckDBValue> {
	const used = composed !== undefined ? new Set([...composed.replace(/--[^\n]*/g, '').matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)) : paramNames(query!);
	return Object.fromEntries(Object.entries(values).filter(([k]) => used.has(k)).map(([k, v]) => [k, v ?? null]));
}

async function run(conn: DuckDBConnection, text: string, query: string | null, values: Params, composed?: string) {
	try {
		await conn.run(text, bindFor(query, values, composed));
	} catch (e) {
		if (e instanceof Error) e.message = `${e.message} [${query ?? 'composed rollup statement'}]`;
		throw e;
	}
}

export function signatureOf(query: string, depends: unknown): string {
	return crypto.createHash('sha256').update(JSON.stringify({ sql: sql(query), depends })).digest('hex').slice(0, 16);
}

export async function storedSignature(conn: DuckDBConnection, name: string): Promise<string | null> {
	const [row] = await queryOn<{ signature: string }>(conn, 'refresh/signature', { name });
	return row?.signature ?? null;
}

export type DayRebuild = 'whole' | 'days' | 'none';

/**
 * Bring one day table up to date with the changes: rebuilt whole, or the touched days only.
 * `rebuiltWhole` lists tables rebuilt whole earlier in this refresh; a table whose query reads
 * one of them is rebuilt whole too (its rows may have changed on any day). The table is added
 * to it when it is rebuilt whole.
 */
export async function refreshDayTable(conn: DuckDBConnection, changes: Changes, t: DayTable, rebuiltWhole: Set<string>): Promise<DayRebuild> {
	const text = sql(t.query);
	const signature = signatureOf(t.query, t.depends);
	const readsRebuilt = [...rebuiltWhole].some((table) => new RegExp(`\\b${table}\\b`).test(text));
	const untouched = !changes.all && (!changes.runs.length || untouchedBy(changes, text));
	if (changes.all || readsRebuilt || (!untouched && changes.wide) || (await storedSignature(conn, t.table)) !== signature) {
		await run(conn, `create or replace table ${quote(t.table)} as\n${text}`, t.query, { ...t.params, ...runBounds(ALL_DAYS) });
		await execOn(conn, 'refresh/save_signature', { name: t.table, signature });
		rebuiltWhole.add(t.table);
		return 'whole';
	}
	if (untouched) return 'none';
	const day = quote(t.dayColumn ?? 'local_day');
	for (let i = 0; i < changes.runs.length; i += RUNS_PER_STATEMENT) {
		const batch = changes.runs.slice(i, i + RUNS_PER_STATEMENT);
		const values: Params = { ...t.params };
		batch.forEach((r, k) => {
			for (const [name, value] of Object.entries(runBounds(r))) values[`${name}_${k}`] = value;
		});
		const deletes = batch.map((_, k) => `${day} between cast($from_${k} as date) and cast($to_${k} as date)`).join(' or ');
		await conn.run(`delete from ${quote(t.table)} where ${deletes}`, bindFor(null, values, deletes));
		// One SELECT per run, each with its own bounds (so each reads only its own row groups),
		// the runs' rows together: the runs are disjoint sets of days, and every rollup is per day.
		const selects = batch.map((_, k) => `(${text.replace(RUN_PARAMS, (_m, name: string) => `$${name}_${k}`)}\n)`).join('\nunion all\n');
		await run(conn, `insert into ${quote(t.table)}\n${selects}`, t.query, values, selects);
	}
	return 'days';
}

/** Runs of days handled by one statement (a UNION ALL of one SELECT per run). */
const RUNS_PER_STATEMENT = 12;
/** The parameters that bound a run, renamed per run when several share a statement. */
const RUN_PARAMS = /\$(from|to|lo|hi)\b/g;

/** Day rollups (they use $from), in the order of their names; then the others, read from them. */
export const DAY_ROLLUPS = queryNames('refresh').filter((n) => n.startsWith('refresh/rollup_') && paramNames(n).has('from'));
export const WHOLE_ROLLUPS = queryNames('refresh').filter((n) => n.startsWith('refresh/rollup_') && !paramNames(n).has('from'));

const tableOf = (query: string) => query.slice(query.lastIndexOf('/') + 1);

/** What the change ledger's shape depends on: its SQL (a new version of it is rebuilt whole). */
const LEDGER = 'refresh/changes/keys_rebuild';

export interface RollupsResult {
	changes: Changes;
	/** Per rollup: rebuilt whole, for the touched days, or untouched. */
	tables: Record<string, DayRebuild>;
	/** Day tables rebuilt whole in this refresh (later steps reading them follow). */
	rebuiltWhole: Set<string>;
	/** Milliseconds: finding what changed, and each table. */
	ms: Record<string, number>;
}

export interface RollupScope {
	/** Only these datasets' rows written outside files (a follow-up's answers) … */
	datasets: readonly ChangeDataset[];
	/** … and only the rollups whose names contain this. */
	only: string;
}

/**
 * The rollups step: find what changed, then bring every rollup up to date. With a scope (the
 * survey rollups after a follow-up's answers), only that part: the files and the other
 * datasets wait for the next whole refresh, which also hands the days touched here to the
 * domain steps.
 */
export async function refreshRollups(conn: DuckDBConnection, timeZone: string, scope?: RollupScope): Promise<RollupsResult> {
	const ledgerSignature = signatureOf(LEDGER, null);
	const firstBuild = (await storedSignature(conn, 'refresh_keys')) !== ledgerSignature;
	const ms: Record<string, number> = {};
	let t0 = performance.now();
	let changes: Changes;
	if (scope && firstBuild) changes = allChanged('first');
	else {
		changes = await detectChanges(conn, timeZone, scope ? { datasets: scope.datasets, files: false, customers: false, firstBuild } : { firstBuild });
		if (firstBuild) await execOn(conn, 'refresh/save_signature', { name: 'refresh_keys', signature: ledgerSignature });
	}
	ms.changes = Math.round(performance.now() - t0);
	const tables: Record<string, DayRebuild> = {};
	const rebuiltWhole = new Set<string>();
	for (const query of DAY_ROLLUPS) {
		if (scope && !query.includes(scope.only)) continue;
		t0 = performance.now();
		tables[tableOf(query)] = await refreshDayTable(conn, changes, { query, table: tableOf(query), params: { tz: timeZone }, depends: { timeZone } }, rebuiltWhole);
		ms[tableOf(query)] = Math.round(performance.now() - t0);
	}
	for (const query of WHOLE_ROLLUPS) {
		t0 = performance.now();
		await execOn(conn, query, { tz: timeZone });
		tables[tableOf(query)] = 'whole';
		ms[tableOf(query)] = Math.round(performance.now() - t0);
	}
	return { changes, tables, rebuiltWhole, ms };
}
