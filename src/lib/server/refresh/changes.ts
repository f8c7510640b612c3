/**
 * What changed since the derived tables were built: the local days whose rows a refresh must
 * rebuild, found from the import files not refreshed yet and a ledger of what was counted.
 *
 * Every import file writes its rows and its import_files row in one transaction, and each row
 * carries the file that last wrote it (source_file_id). The files not yet in refresh_files are
 * therefore exactly the loads the derived tables miss, whatever else ran in between. An update
 * by key overwrites the row in place, so the day it was counted in before is read from
 * refresh_keys (hash of the id → the instant counted), which the refresh keeps up to date.
 * Rows written outside any file (a follow-up's happy-call answers) are compared with
 * refresh_keys directly. A customer's segment or name is copied onto its rows' rollup rows, so
 * a change of either rebuilds the days of that customer's rows (refresh_customer_dims).
 *
 * The result is a set of local days in the unit's time zone. Everything is rebuilt instead
 * (`all`) on the first refresh, when the row counts and refresh_keys disagree (rows written or
 * removed behind the product's back), and when so many days changed that a whole rebuild is
 * cheaper. The time zone and each table's definition are checked by the tables' signatures
 * (./rollups.ts): a change of either rebuilds what depends on it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { addDays, daysBetween } from '../../calendar';
import { execOn, queryOn } from '../db/database';

export const DATASETS = ['tickets', 'calls', 'survey_answers'] as const;
export type ChangeDataset = (typeof DATASETS)[number];

/** Consecutive local days, both ends included. */
export interface DayRun {
	from: string;
	to: string;
}

export interface Changes {
	/** Rebuild every derived table from all rows. */
	all: boolean;
	/** Why everything is rebuilt (for the logs and the benchmark), when it is. */
	reason: 'first' | 'out_of_step' | 'many_days' | null;
	/** The touched local days, oldest first (empty when all). */
	days: string[];
	/** The days as runs of consecutive days (runs a few days apart joined), at most MAX_RUNS. */
	runs: DayRun[];
	/** Changed rows per dataset, and customers whose segment or name changed. */
	rows: Partial<Record<ChangeDataset, number>>;
	customers: number;
	/** Days left by survey-only refreshes, taken in here (their source is not recorded). */
	pending: number;
	/**
	 * The runs cover more than FULL_SHARE of the days with data (a few changed rows on days spread
	 * over years, joined into runs): a day table that must follow is rebuilt whole instead (one
	 * CREATE … AS, which takes less memory and time than deleting and inserting nearly all its
	 * rows in one transaction: at 10M tickets the latter ran out of a 512 MB memory_limit).
	 */
	wide: boolean;
	/** Import files whose rows this refresh takes in. */
	files: number;
}

/** Runs this close (untouched days between them) are rebuilt as one: a few days more, one scan fewer. */
export const MERGE_GAP_DAYS = 7;
/**
 * Above this many runs (after merging), everything is rebuilt: each run reads at least one row
 * group of every table, so rows changed on many scattered days (a re-export of old tickets) cost
 * about what a whole rebuild does, which reads each row group once.
 */
export const MAX_RUNS = 24;
/** When the touched days cover more than this share of the days with data, rebuild everything. */
export const FULL_SHARE = 0.3;

/** Group sorted days into runs of consecutive days, joining runs at most `gap` days apart. */
export function dayRuns(days: string[], gap = MERGE_GAP_DAYS): DayRun[] {
	const runs: DayRun[] = [];
	for (const day of days) {
		const last = runs[runs.length - 1];
		if (last && daysBetween(last.to, day) <= gap + 1) last.to = day;
		else runs.push({ from: day, to: day });
	}
	return runs;
}

/** Tables whose changed rows are tracked (DATASETS), and the customers (segment, name) and the rest, untracked. */
const TRACKED = new Set<string>([...DATASETS, 'customers']);
const RAW_TABLES = /\b(tickets|calls|survey_answers|customers|ticket_status_changes|survey_offers|product_activity)\b/g;

/**
 * Whether a day table made by `text` (SQL) can be left as it is for these changes: none of the
 * datasets it reads changed, no customer's segment or name did, no days of unrecorded source
 * are pending, and it reads no raw table whose changes are not tracked (status changes, survey
 * offers, product activity). A table name anywhere in the text counts as read (comments aside):
 * a column called `calls` only makes it rebuilt when it need not be. So a file of tickets
 * updated on old days does not rebuild the call rollups for those days.
 */
export function untouchedBy(changes: Changes, text: string): boolean {
	if (changes.all || changes.customers > 0 || changes.pending > 0) return false;
	const read = new Set([...text.replace(/--[^\n]*/g, '').matchAll(RAW_TABLES)].map((m) => m[1]!));
	if (!read.size || [...read].some((t) => !TRACKED.has(t))) return false;
	return DATASETS.every((d) => !read.has(d) || !changes.rows[d]);
}

/** Everything, as one run over all days (bounds the rollup SQL reads as "no bound"). */
export const ALL_DAYS: DayRun = { from: '-infinity', to: 'infinity' };

export function allChanged(reason: Changes['reason'], files = 0): Changes {
	return { all: true, reason, days: [], runs: [ALL_DAYS], rows: {}, customers: 0, pending: 0, wide: true, files };
}

export interface DetectOptions {
	/** Datasets to look at (a partial refresh: survey answers only). */
	datasets?: readonly ChangeDataset[];
	/** Take in the new import files (false: leave them to the next whole refresh). */
	files?: boolean;
	/** Look at customers' segments and names. */
	customers?: boolean;
	/** refresh_keys was never built: rebuild everything. */
	firstBuild: boolean;
}

/**
 * Find what changed, bring refresh_keys, refresh_customer_dims and refresh_files up to date
 * with it (inside the caller's transaction), and leave the touched days in the temp table
 * refresh_touched for the steps that read them in SQL.
 */
export async function detectChanges(conn: DuckDBConnection, timeZone: string, options: DetectOptions): Promise<Changes> {
	const datasets = options.datasets ?? DATASETS;
	const files = options.files ?? true;
	const customers = options.customers ?? true;
	await execOn(conn, 'refresh/changes/new_files');
	const [{ n: fileCount }] = (await queryOn<{ n: number }>(conn, 'refresh/changes/new_file_count')) as [{ n: number }];
	await execOn(conn, 'refresh/changes/old_clear');

	if (options.firstBuild) {
		await execOn(conn, 'refresh/changes/changed_none');
		await rebuildLedger(conn);
		await execOn(conn, 'refresh/changes/pending_clear');
		return allChanged('first', Number(fileCount));
	}

	await execOn(conn, 'refresh/changes/changed_rows', { datasets: JSON.stringify(datasets), files });
	const counts = await queryOn<{ dataset: ChangeDataset; rows: number; updates: boolean }>(conn, 'refresh/changes/change_counts');
	for (const c of counts) {
		if (!c.updates) continue;
		await execOn(conn, 'refresh/changes/old_rows', { dataset: c.dataset });
		await execOn(conn, 'refresh/changes/keys_forget', { dataset: c.dataset });
	}
	if (counts.length) await execOn(conn, 'refresh/changes/keys_save');
	await execOn(conn, 'refresh/changes/touched_days', { tz: timeZone });

	let changedCustomers = 0;
	if (customers) {
		await execOn(conn, 'refresh/changes/changed_customers');
		const [{ n }] = (await queryOn<{ n: number }>(conn, 'refresh/changes/changed_customer_count')) as [{ n: number }];
		changedCustomers = Number(n);
		if (changedCustomers > 0) await execOn(conn, 'refresh/changes/customer_days', { tz: timeZone });
		await saveCustomers(conn);
	}
	let pending = 0;
	if (files) {
		const [p] = await queryOn<{ n: number }>(conn, 'refresh/changes/pending_count');
		pending = Number(p?.n ?? 0);
		await execOn(conn, 'refresh/changes/fold_files');
		await execOn(conn, 'refresh/changes/pending_days');
		await execOn(conn, 'refresh/changes/pending_clear');
	} else await execOn(conn, 'refresh/changes/pending_save');
	await execOn(conn, 'refresh/changes/old_clear');

	const rows = Object.fromEntries(counts.map((c) => [c.dataset, Number(c.rows)]));
	// Rows written or removed where no refresh can see them: count them all again.
	const [{ in_step }] = (await queryOn<{ in_step: boolean }>(conn, 'refresh/changes/key_counts')) as [{ in_step: boolean }];
	if (!in_step) {
		await rebuildLedger(conn);
		return { ...allChanged('out_of_step', Number(fileCount)), rows, customers: changedCustomers, pending };
	}
	const days = (await queryOn<{ day: string }>(conn, 'refresh/changes/touched_list')).map((r) => r.day);
	const runs = dayRuns(days);
	const many = { ...allChanged('many_days', Number(fileCount)), rows, customers: changedCustomers, pending };
	if (runs.length > MAX_RUNS) return many;
	let wide = false;
	if (days.length > 31 || runs.some((r) => r.from !== r.to)) {
		const [extent] = await queryOn<{ first_day: string | null; last_day: string | null }>(conn, 'refresh/changes/data_days');
		const span = extent?.first_day && extent.last_day ? daysBetween(extent.first_day, extent.last_day) + 1 : 0;
		if (days.length > FULL_SHARE * span) return many;
		const covered = runs.reduce((n, r) => n + daysBetween(r.from, r.to) + 1, 0);
		wide = span > 0 && covered > FULL_SHARE * span;
	}
	// The days between touched days that a run joins are rebuilt too: the steps see them all.
	for (const run of runs) if (run.from !== run.to) await execOn(conn, 'refresh/changes/touched_runs', { from: run.from, to: run.to });
	return { all: false, reason: null, days, runs, rows, customers: changedCustomers, pending, wide, files: Number(fileCount) };
}

/**
 * Drop the changed rows kept for the steps (refresh_changed: as many rows as the loads wrote;
 * a pooled connection outlives the refresh). The touched days stay, small.
 */
export async function forgetChanges(conn: DuckDBConnection): Promise<void> {
	await execOn(conn, 'refresh/changes/drop_temp');
}

/** The customers' segment and name as this refresh saw them: only the changed and new ones are written. */
async function saveCustomers(conn: DuckDBConnection) {
	await execOn(conn, 'refresh/changes/customers_forget');
	await execOn(conn, 'refresh/changes/customers_save');
}

/** Count every row again: refresh_keys and the customers as they are, every file taken in. */
async function rebuildLedger(conn: DuckDBConnection) {
	await execOn(conn, 'refresh/changes/keys_rebuild');
	await execOn(conn, 'refresh/changes/customers_clear');
	await execOn(conn, 'refresh/changes/customers_save');
	await execOn(conn, 'refresh/changes/fold_files');
	await execOn(conn, 'refresh/changes/touched_clear');
}
