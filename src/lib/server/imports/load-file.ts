/**
 * Load one file into its datasets, in one transaction: all its good rows or none.
 *
 * A file is read through one mapping per dataset ("parts": one for a file in the product's
 * layout, several for a help-desk export read through a preset: tickets, their survey answers,
 * the customers). Each part is recorded as an import of its own (dataset, mapping), so the same
 * file can feed several datasets, and a duplicate is a file already loaded into the same
 * dataset through the same mapping, unchanged since (mapping hash); `force` (load again, the
 * CLI's --force) loads it again anyway, updating by key. Rows that cannot be read are kept in
 * import_rejects with line, column and reason; the good rows load. A file that cannot be read
 * at all, whose mapping cannot be used, or whose load fails midway, leaves the tables as they
 * were and every part is recorded as failed with the reason. Moving the file is the caller's
 * job (./ingest.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { inEnglish, problem, type Problem } from '../../i18n/translate';
import { execOn, queryOn, type Database } from '../db/database';
import { StorageError, storageProblemOf } from '../storage';
import { DATASETS, keyFields, type DatasetName } from './datasets';
import { isRejectsHeader, resolveParts } from './detect';
import { compileMapping, mappingHash, MappingError, type CompiledMapping, type MappingSpec } from './mapping';
import type { LoadedMappings } from './mappings/index';
import { openReader, type CsvLayout } from './readers';
import { explainFileError } from './reasons';
import { sniffFile, UnreadableFileError, type Sniffed } from './sniff';
import { appendNullable, appendReject, stagingStatements } from './staging';
import { nativeSupport, type Support } from './native/support';
import { NATIVE_TEMP_TABLES, stageNative, stopwatch, type NativeStaged } from './native/stage';
import type { IngestPath } from '../config';
import { log } from '../log';

export type FileStatus = 'loaded' | 'with_rejects' | 'duplicate' | 'failed';

export interface FileOutcome {
	id: number;
	fileName: string;
	dataset: DatasetName;
	mapping: string | null;
	/** The preset the mapping is a part of, if any. */
	preset: string | null;
	status: FileStatus;
	sha256: string;
	size: number;
	format: string | null;
	encoding: string | null;
	rowsRead: number;
	inserted: number;
	updated: number;
	rejected: number;
	skipped: number;
	superseded: number;
	duplicateOf: number | null;
	error: Problem | null;
	notes: Problem[];
	/** Where the file is to be kept, relative to the data folder (null: the caller keeps it). */
	storedPath: string | null;
	/** Where the file lay in the inbox (dataset/[layout/]name), when it came from there. */
	sourcePath: string | null;
	/** Which reader loaded the rows: DuckDB's ('native', ./native/) or JavaScript's; null when none was read. */
	ingestPath: 'native' | 'js' | null;
	/** Why the JavaScript reader (for the record and the logs; not shown to users). */
	ingestPathReason: string | null;
}

export interface LoadOptions {
	db: Database;
	file: string;
	/** The dataset the file was given as (its inbox folder, the upload form, the CLI's --dataset). */
	dataset: DatasetName;
	runId: number;
	/** The mappings, presets and broken mapping files in effect (./mappings/index.ts loadMappings). */
	mappings?: LoadedMappings;
	/** The layout named for the file (a preset, a mapping or "native") instead of detecting one. */
	layoutId?: string;
	/** Load even what was loaded before through the same mapping (load again, --force). */
	force?: boolean;
	/** The unit's time zone: where times written without an offset happened. */
	timeZone: string;
	/** Encoding assumed for a file that is not valid UTF-8. */
	fallbackEncoding?: string;
	/** Called inside the transaction once a part's rows are staged; a throw aborts the load (tests). */
	afterStage?: (conn: DuckDBConnection) => Promise<void> | void;
	/** Where the file lay in the inbox (recorded, so a move cut off by a crash is finished later). */
	sourcePath?: string;
	/** Whether the file is still to be moved to its stored path (default: when sourcePath is given). */
	movePending?: boolean;
	/** Where the file is to be moved once recorded, relative to the data folder, by its outcome. */
	destination?: (status: FileStatus, id: number) => string;
	/**
	 * Told the rows read and rejected so far by the part loading (each part reads the file
	 * through), when it starts and every ROWS_PER_REPORT rows: the upload page's progress.
	 */
	onRows?: (part: PartProgress, read: number, rejected: number) => void;
	/** 'js' reads every file with JavaScript; 'auto' (the default) lets DuckDB read what it can (./native/). */
	ingestPath?: IngestPath;
}

/** Which part of a file is loading: its place among the file's parts, its dataset and layout. */
export interface PartProgress {
	index: number;
	count: number;
	dataset: DatasetName;
	mapping: string;
}

/** How often a load reports its rows to onRows. */
const ROWS_PER_REPORT = 5000;

const EMPTY_MAPPINGS: LoadedMappings = { mappings: [], presets: [], broken: [], problems: [] };

/**
 * The named statements that merge a staged dataset into its tables, in order. The fact tables
 * have no key constraint (migration 025: its index made large loads slow and memory-bound), so a
 * merge forgets the rows of the staged keys and inserts the staged rows (deduplicated by key);
 * customers and annotations, small, keep theirs and merge with ON CONFLICT. Survey answers also
 * keep the surveys offered (survey_offers) when the mapping records offers.
 */
const UPSERTS: Record<DatasetName, string[]> = {
	customers: ['ingest/upsert_customers'],
	tickets: ['ingest/forget_tickets', 'ingest/insert_tickets'],
	ticket_status_changes: ['ingest/forget_ticket_status_changes', 'ingest/insert_ticket_status_changes'],
	calls: ['ingest/forget_calls', 'ingest/insert_calls'],
	survey_answers: [
		'ingest/forget_survey_answers',
		'ingest/insert_survey_answers',
		'ingest/forget_survey_offers',
		'ingest/insert_survey_offers',
		'ingest/survey_offers_answered',
		'ingest/delete_offered_answers'
	],
	product_activity: ['ingest/forget_product_activity', 'ingest/insert_product_activity'],
	annotations: ['ingest/upsert_annotations']
};

/** Records a dataset holds, for new-versus-updated counts (an answer or an unanswered offer, for surveys). */
const COUNTS: Partial<Record<DatasetName, string>> = { survey_answers: 'ingest/count_survey_records' };

async function count(conn: DuckDBConnection, statement: string): Promise<number> {
	const rows = (await conn.runAndReadAll(statement)).getRowObjectsJson();
	return Number(rows[0]?.n ?? 0);
}

async function countRecords(conn: DuckDBConnection, dataset: DatasetName, fallback: string): Promise<number> {
	const named = COUNTS[dataset];
	if (!named) return count(conn, fallback);
	const [row] = await queryOn<{ n: number }>(conn, named);
	return Number(row?.n ?? 0);
}

interface RecordContext {
	runId: number;
	startedAt: string;
	columns: string[] | null;
	forced: boolean;
	hash: string | null;
	storedPath: string | null;
	options: LoadOptions;
}

async function recordOutcome(db: Database, o: FileOutcome, ctx: RecordContext, conn?: DuckDBConnection) {
	o.storedPath = ctx.storedPath;
	const params = {
		id: o.id,
		run_id: ctx.runId,
		dataset: o.dataset,
		mapping: o.mapping,
		preset: o.preset,
		mapping_hash: ctx.hash,
		forced: ctx.forced,
		columns: ctx.columns ? JSON.stringify(ctx.columns) : null,
		file_name: o.fileName,
		stored_path: o.storedPath,
		source_path: ctx.options.sourcePath ?? null,
		move_pending: o.storedPath !== null && (ctx.options.movePending ?? ctx.options.sourcePath !== undefined),
		sha256: o.sha256,
		size_bytes: o.size,
		format: o.format,
		encoding: o.encoding,
		status: o.status,
		rows_read: o.rowsRead,
		rows_inserted: o.inserted,
		rows_updated: o.updated,
		rows_rejected: o.rejected,
		rows_skipped: o.skipped,
		rows_superseded: o.superseded,
		duplicate_of: o.duplicateOf,
		error: o.error ? inEnglish(o.error) : null,
		error_problem: o.error ? JSON.stringify(o.error) : null,
		notes: o.notes.length ? o.notes.map(inEnglish).join('\n') : null,
		notes_problems: o.notes.length ? JSON.stringify(o.notes) : null,
		started_at: ctx.startedAt,
		ingest_path: o.ingestPath,
		ingest_path_reason: o.ingestPathReason
	};
	if (conn) await execOn(conn, 'ingest/insert_import_file', params);
	else await db.withConnection((c) => execOn(c, 'ingest/insert_import_file', params));
}

async function nextId(db: Database): Promise<number> {
	const [{ id }] = (await db.query<{ id: number }>('ingest/next_file_id')) as [{ id: number }];
	return id;
}

function newOutcome(id: number, file: string, dataset: DatasetName, sourcePath: string | undefined): FileOutcome {
	return {
		id,
		fileName: path.basename(file),
		dataset,
		mapping: null,
		preset: null,
		status: 'failed',
		sha256: '',
		size: 0,
		format: null,
		encoding: null,
		rowsRead: 0,
		inserted: 0,
		updated: 0,
		rejected: 0,
		skipped: 0,
		superseded: 0,
		duplicateOf: null,
		error: null,
		notes: [],
		storedPath: null,
		sourcePath: sourcePath ?? null,
		ingestPath: null,
		ingestPathReason: null
	};
}

/** One part of a load: its mapping compiled for the file's header, and its record. */
interface Part {
	spec: MappingSpec;
	hash: string;
	outcome: FileOutcome;
	mapping: CompiledMapping | null;
	timeZone: string;
	/** The rows as the DuckDB path staged them (./native/), or null: the JavaScript path reads them. */
	native: NativeStaged | null;
}

/** Stage one part's rows, merge them into its tables and record it, on the file's transaction. */
async function loadPart(conn: DuckDBConnection, part: Part, options: LoadOptions, sniffed: Sniffed, progress: PartProgress): Promise<void> {
	const { db, file } = options;
	const outcome = part.outcome;
	const mapping = part.mapping!;
	const dataset = part.spec.dataset;
	const def = DATASETS[dataset];
	const statements = stagingStatements(dataset, part.spec.aggregate);
	const hasInstants = def.fields.some((f) => f.type === 'timestamp');
	let good: number;
	let dedupe = statements.dedupe;
	if (part.native) {
		const staged = part.native;
		Object.assign(outcome, { ingestPath: 'native', rowsRead: staged.rowsRead, rejected: staged.rejected, skipped: staged.skipped });
		for (const [reason, n] of staged.skipReasons) outcome.notes.push(problem('problem.skipped', { count: n, reason }));
		good = staged.good;
		dedupe = staged.dedupe;
		// DuckDB read the whole file before the transaction: its counts are known at once.
		options.onRows?.(progress, outcome.rowsRead, outcome.rejected);
	} else {
		outcome.ingestPath = 'js';
		const onRows = options.onRows;
		good = await stageWithJavaScript(conn, statements, file, sniffed, db, mapping, outcome, onRows && ((read, rejected) => onRows(progress, read, rejected)));
	}
	if (outcome.rowsRead === 0) outcome.notes.push(problem('problem.noRows'));
	await options.afterStage?.(conn);
	const lap = stopwatch(outcome.fileName);

	if (part.spec.aggregate) {
		await conn.run(statements.combine, statements.combine.includes('$tz') ? { tz: part.timeZone } : undefined);
		await conn.run(statements.swapCombined);
		const distinct = await count(conn, statements.countStage);
		if (good > distinct) outcome.notes.push(problem('problem.combined', { rows: good, keys: distinct }));
	} else {
		await conn.run(dedupe);
		const distinct = await count(conn, statements.countStage);
		outcome.superseded = good - distinct;
		if (outcome.superseded) outcome.notes.push(problem('problem.superseded', { count: outcome.superseded }));
	}
	lap('dedupe');
	const distinct = await count(conn, statements.countStage);
	const before = await countRecords(conn, dataset, statements.countTable);
	const params = hasInstants ? { file_id: outcome.id, tz: part.timeZone } : { file_id: outcome.id };
	for (const name of UPSERTS[dataset]) await execOn(conn, name, params);
	const after = await countRecords(conn, dataset, statements.countTable);
	outcome.inserted = after - before;
	outcome.updated = distinct - outcome.inserted;
	lap('upsert');
	if (def.hasCustomer) await execOn(conn, 'ingest/create_stub_customers', { file_id: outcome.id });
	outcome.status = outcome.rejected ? 'with_rejects' : 'loaded';
}

/** The JavaScript path: every record read, mapped and checked here, staged through the appender. Returns the rows staged. */
async function stageWithJavaScript(
	conn: DuckDBConnection,
	statements: ReturnType<typeof stagingStatements>,
	file: string,
	sniffed: Sniffed,
	db: Database,
	mapping: CompiledMapping,
	outcome: FileOutcome,
	onRows?: (read: number, rejected: number) => void
): Promise<number> {
	const reader = await openReader(file, sniffed, db);
	try {
		await conn.run(statements.create);
		await conn.run(statements.createRejects);
		const rows = await conn.createAppender('stage', 'main', 'temp');
		const rejects = await conn.createAppender('stage_rejects', 'main', 'temp');
		const skipReasons = new Map<string, number>();
		let good = 0;
		onRows?.(0, 0);
		try {
			await reader.forEach((rec) => {
				outcome.rowsRead++;
				if (onRows && outcome.rowsRead % ROWS_PER_REPORT === 0) onRows(outcome.rowsRead, outcome.rejected);
				const mapped = mapping.map(rec);
				if (mapped.kind === 'row') {
					rows.appendInteger(rec.record);
					for (const v of mapped.values) appendNullable(rows, v);
					rows.endRow();
					good++;
				} else if (mapped.kind === 'reject') {
					appendReject(rejects, rec, mapped.problem);
					outcome.rejected++;
				} else {
					skipReasons.set(mapped.reason, (skipReasons.get(mapped.reason) ?? 0) + 1);
					outcome.skipped++;
				}
			});
		} finally {
			rows.closeSync();
			rejects.closeSync();
		}
		for (const [reason, n] of skipReasons) outcome.notes.push(problem('problem.skipped', { count: n, reason }));
		return good;
	} finally {
		reader.close();
	}
}

/**
 * Load a file through the parts its dataset and header (or named layout) call for. Returns one
 * outcome per part, in load order (customers first); a file that cannot be read or whose layout
 * cannot be used gives one failed outcome.
 */
export async function loadFile(options: LoadOptions): Promise<FileOutcome[]> {
	const { db, file, dataset, runId } = options;
	const available = options.mappings ?? EMPTY_MAPPINGS;
	const startedAt = new Date().toISOString();
	const firstId = await nextId(db);
	const head = newOutcome(firstId, file, dataset, options.sourcePath);
	const dataDir = path.dirname(db.path);
	// One file, one place: computed once per outcome (a stored name holds the time it was made).
	const places = new Map<boolean, string | null>();
	const destination = (status: FileStatus) => {
		const failed = status === 'failed';
		if (!places.has(failed)) places.set(failed, options.destination ? options.destination(status, firstId) : null);
		return places.get(failed)!;
	};
	const ctx = (columns: string[] | null, hash: string | null, status: FileStatus): RecordContext => ({
		runId,
		startedAt,
		columns,
		forced: !!options.force,
		hash,
		storedPath: destination(status),
		options
	});
	/** A full disk or a read-only folder stops the run (the file stays in the inbox); anything else is the file's. */
	const storageOr = (e: unknown) => {
		const storage = storageProblemOf(e, dataDir);
		if (storage) throw new StorageError(storage, { cause: e });
	};

	let sniffed: Sniffed;
	try {
		// Never open anything but a regular file: reading a pipe would wait forever.
		const stat = await fs.promises.lstat(file);
		if (!stat.isFile()) throw new UnreadableFileError(problem(stat.isSymbolicLink() ? 'problem.inboxSymlink' : 'problem.inboxSpecial', { path: options.sourcePath ?? path.basename(file) }));
		sniffed = await sniffFile(file, options.fallbackEncoding);
	} catch (e) {
		storageOr(e);
		if (e instanceof UnreadableFileError) Object.assign(head, { sha256: e.sha256, size: e.size, error: e.problem });
		else head.error = explainFileError(e);
		await recordOutcome(db, head, ctx(null, null, 'failed'));
		return [head];
	}
	const fileFacts = { sha256: sniffed.sha256, size: sniffed.size, format: sniffed.format, encoding: sniffed.encoding };
	Object.assign(head, fileFacts);
	head.notes.push(...sniffed.notes);

	// The header and the parts to load: one failure here fails the whole file.
	let headers: string[] | null = null;
	let csvLayout: CsvLayout | undefined;
	let fromRejects = false;
	let parts: Part[] = [];
	try {
		const reader = await openReader(file, sniffed, db);
		headers = reader.headers;
		csvLayout = reader.csv;
		// JSON names its keys per record: the first records' keys stand for a header.
		const columns = headers ?? (await reader.sampleKeys?.()) ?? null;
		reader.close();
		const resolved = resolveParts(dataset, columns, available, options.layoutId);
		if (!resolved.ok) {
			head.mapping = resolved.mapping;
			throw new MappingError(resolved.problem);
		}
		head.notes.push(...resolved.notes);
		fromRejects = isRejectsHeader(headers);
		for (const spec of resolved.parts) {
			const outcome = parts.length === 0 ? head : { ...newOutcome(await nextId(db), file, spec.dataset, options.sourcePath), ...fileFacts, notes: [...sniffed.notes] };
			Object.assign(outcome, { dataset: spec.dataset, mapping: spec.id, preset: spec.preset ?? null });
			const timeZone = spec.timeZone ?? options.timeZone;
			const part: Part = { spec, hash: mappingHash(spec), outcome, mapping: null, timeZone, native: null };
			parts.push(part);
			part.mapping = compileMapping(spec, headers, { timeZone, fromRejects });
			if (part.mapping.missingColumns.length) outcome.notes.push(problem('problem.absentColumns', { columns: part.mapping.missingColumns.join(', ') }));
		}
		// Columns no part reads (a column the CSAT part reads is used, though the tickets part does not).
		const ignored = parts.reduce<string[] | null>((left, p) => (left === null ? [...p.mapping!.ignoredColumns] : left.filter((c) => p.mapping!.ignoredColumns.includes(c))), null) ?? [];
		if (ignored.length) head.notes.push(problem('problem.ignoredColumns', { columns: ignored.join(', ') }));
	} catch (e) {
		storageOr(e);
		const why = e instanceof UnreadableFileError || e instanceof MappingError ? e.problem : explainFileError(e);
		const failed = parts.length ? parts : [{ outcome: head, hash: null }];
		for (const p of failed) {
			Object.assign(p.outcome, { status: 'failed', error: why });
			await recordOutcome(db, p.outcome, ctx(headers, p.hash, 'failed'));
		}
		return failed.map((p) => p.outcome);
	}

	// A part already loaded through the same, unchanged mapping is a duplicate (unless forced).
	if (!options.force) {
		for (const part of parts) {
			const [earlier] = await db.query<{ id: number; file_name: string }>('ingest/find_loaded_file', {
				sha256: sniffed.sha256,
				dataset: part.spec.dataset,
				mapping: part.spec.id,
				mapping_hash: part.hash
			});
			if (!earlier) continue;
			Object.assign(part.outcome, { status: 'duplicate', duplicateOf: earlier.id });
			part.outcome.notes.push(problem('problem.sameLoad', { file: earlier.file_name, id: String(earlier.id), mapping: part.spec.id }));
		}
	}

	// The DuckDB path stages before the transaction (see ./native/stage.ts); a part it cannot
	// take, the JavaScript path stages inside it. Either way the part is recorded with which
	// path read it and why not DuckDB's.
	const facts = { ...sniffed, headers, csv: csvLayout };
	const pending = parts.filter((p) => p.outcome.status !== 'duplicate');
	const support = (part: Part): Support => {
		const no = (reason: string): Support => ({ ok: false, reason });
		if (options.ingestPath === 'js') return no('CARE_INGEST_PATH=js');
		// One DuckDB staging per transaction: the parts of a preset are read by JavaScript, all alike.
		if (parts.length > 1) return no(`one file read into ${parts.length} datasets (preset ${part.spec.preset ?? part.spec.id})`);
		if (part.spec.aggregate) return no('the mapping combines the rows of a key (aggregate)');
		if (fromRejects) return no('a rejects download loaded back');
		return nativeSupport(DATASETS[part.spec.dataset], part.spec, facts);
	};
	for (const part of pending) {
		const s = support(part);
		part.outcome.ingestPathReason = s.ok ? null : s.reason;
	}
	const nativePart = pending.length === 1 && pending[0]!.outcome.ingestPathReason === null ? pending[0]! : null;
	const prepare = async (conn: DuckDBConnection) => {
		if (!nativePart) return;
		const t0 = performance.now();
		const staged = await stageNative({ conn, file, facts, mapping: nativePart.mapping!, dataDir, tmpDir: path.join(dataDir, 'tmp') });
		if (staged.ok) nativePart.native = staged;
		else {
			nativePart.outcome.ingestPathReason = staged.reason;
			log().info({ file: nativePart.outcome.fileName, reason: staged.reason }, 'file read with JavaScript: the DuckDB path cannot take it');
		}
		log().debug({ file: nativePart.outcome.fileName, ms: Math.round(performance.now() - t0), native: staged.ok }, 'DuckDB staging');
	};
	const cleanup = async (conn: DuckDBConnection) => {
		for (const t of ['stage', 'stage_rejects', ...NATIVE_TEMP_TABLES]) await conn.run(`drop table if exists ${t}`);
	};

	const at: { part: Part | null } = { part: null };
	try {
		await db.transaction(async (conn) => {
			for (const part of parts) {
				at.part = part;
				if (part.outcome.status !== 'duplicate') await loadPart(conn, part, options, sniffed, { index: parts.indexOf(part), count: parts.length, dataset: part.spec.dataset, mapping: part.spec.id });
				await recordOutcome(db, part.outcome, ctx(headers, part.hash, part.outcome.status), conn);
				if (part.outcome.status !== 'duplicate') {
					await execOn(conn, 'ingest/copy_rejects', { file_id: part.outcome.id });
					await conn.run('drop table if exists stage; drop table if exists stage_rejects');
				}
			}
		}, { prepare, cleanup });
		return parts.map((p) => p.outcome);
	} catch (e) {
		storageOr(e);
		const why = e instanceof UnreadableFileError || e instanceof MappingError ? e.problem : explainFileError(e);
		// One transaction for all parts: nothing of the file was loaded. The part that failed
		// says why; the others that it was undone with it.
		for (const p of parts) {
			Object.assign(p.outcome, {
				status: 'failed',
				error: p === at.part ? why : problem('problem.fileUndone', { mapping: at.part?.spec.id ?? '', detail: inEnglish(why) }),
				inserted: 0,
				updated: 0,
				superseded: 0,
				rejected: 0,
				skipped: 0,
				duplicateOf: null
			});
			await recordOutcome(db, p.outcome, ctx(headers, p.hash, 'failed'));
		}
		return parts.map((p) => p.outcome);
	}
}
