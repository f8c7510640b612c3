/**
 * Load one file into its dataset, in one transaction: all its good rows or none.
 *
 * Rows that cannot be read are kept in import_rejects with line, column and reason; the good
 * rows load. Identical bytes already loaded are recognised by hash and not loaded again. A
 * file that cannot be read at all, or whose load fails midway, leaves the tables as they were
 * and is recorded as failed with the reason. Moving the file is the caller's job (./ingest.ts).
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { inEnglish, problem, type Problem } from '../../i18n/translate';
import { execOn, type Database } from '../db/database';
import { StorageError, storageProblemOf } from '../storage';
import { DATASETS, keyFields, type DatasetName } from './datasets';
import { chooseMapping, compileMapping, MappingError, nativeMapping, type MappingSpec } from './mapping';
import { openReader } from './readers';
import { explainFileError } from './reasons';
import { sniffFile, UnreadableFileError, type Sniffed } from './sniff';

export type FileStatus = 'loaded' | 'with_rejects' | 'duplicate' | 'failed';

export interface FileOutcome {
	id: number;
	fileName: string;
	dataset: DatasetName;
	mapping: string | null;
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
}

export interface LoadOptions {
	db: Database;
	file: string;
	dataset: DatasetName;
	runId: number;
	/** Mappings to choose from (the product's own layout is always among them). */
	mappings?: MappingSpec[];
	/** Use this mapping id instead of detecting one from the header. */
	mappingId?: string;
	/** The unit's time zone: where times written without an offset happened. */
	timeZone: string;
	/** Encoding assumed for a file that is not valid UTF-8. */
	fallbackEncoding?: string;
	/** Called inside the transaction once the rows are staged; a throw aborts the load (tests). */
	afterStage?: (conn: DuckDBConnection) => Promise<void> | void;
	/** Where the file lay in the inbox (recorded, so a move cut off by a crash is finished later). */
	sourcePath?: string;
	/** Where the file is to be moved once recorded, relative to the data folder, by its outcome. */
	destination?: (status: FileStatus, id: number) => string;
	/** Told the rows read and rejected so far, every ROWS_PER_REPORT rows (the upload page's progress). */
	onRows?: (read: number, rejected: number) => void;
}

/** How often a load reports its rows to onRows. */
const ROWS_PER_REPORT = 5000;

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * Statements built from the dataset definitions. Only identifiers from the fixed field lists
 * in datasets.ts go into them, never a value or a name read from a file.
 */
function stagingStatements(dataset: DatasetName) {
	const def = DATASETS[dataset];
	const cols = def.fields.map((f) => `${quote(f.name)} varchar`).join(', ');
	const keys = keyFields(def).map(quote).join(', ');
	return {
		create: `create or replace temp table stage (_record integer, ${cols})`,
		createRejects:
			'create or replace temp table stage_rejects (line integer, record integer, column_name varchar, value varchar, reason varchar, reason_key varchar, reason_params varchar, raw varchar)',
		dedupe: `delete from stage where _record in (select _record from (select _record, row_number() over (partition by ${keys} order by _record desc) as rn from stage) where rn > 1)`,
		countStage: 'select cast(count(*) as integer) as n from stage',
		countTable: `select cast(count(*) as integer) as n from ${quote(def.table)}`,
		drop: 'drop table if exists stage; drop table if exists stage_rejects'
	};
}

async function count(conn: DuckDBConnection, statement: string): Promise<number> {
	const rows = (await conn.runAndReadAll(statement)).getRowObjectsJson();
	return Number(rows[0]?.n ?? 0);
}

function appendNullable(a: DuckDBAppender, v: string | null | undefined) {
	if (v === null || v === undefined) a.appendNull();
	else a.appendVarchar(v);
}

async function recordOutcome(db: Database, o: FileOutcome, runId: number, startedAt: string, options: LoadOptions, conn?: DuckDBConnection) {
	o.storedPath = options.destination ? options.destination(o.status, o.id) : null;
	const params = {
		id: o.id,
		run_id: runId,
		dataset: o.dataset,
		mapping: o.mapping,
		file_name: o.fileName,
		stored_path: o.storedPath,
		source_path: options.sourcePath ?? null,
		move_pending: o.storedPath !== null && options.sourcePath !== undefined,
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
		started_at: startedAt
	};
	if (conn) await execOn(conn, 'ingest/insert_import_file', params);
	else await db.withConnection((c) => execOn(c, 'ingest/insert_import_file', params));
}

export async function loadFile(options: LoadOptions): Promise<FileOutcome> {
	const { db, file, dataset, runId } = options;
	const startedAt = new Date().toISOString();
	const [{ id }] = (await db.query<{ id: number }>('ingest/next_file_id')) as [{ id: number }];
	const outcome: FileOutcome = {
		id,
		fileName: path.basename(file),
		dataset,
		mapping: null,
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
		storedPath: null
	};
	const dataDir = path.dirname(db.path);
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
		if (e instanceof UnreadableFileError) Object.assign(outcome, { sha256: e.sha256, size: e.size, error: e.problem });
		else outcome.error = explainFileError(e);
		await recordOutcome(db, outcome, runId, startedAt, options);
		return outcome;
	}
	Object.assign(outcome, { sha256: sniffed.sha256, size: sniffed.size, format: sniffed.format, encoding: sniffed.encoding });
	outcome.notes.push(...sniffed.notes);

	const earlier = await db.query<{ id: number; file_name: string; finished_at: string }>('ingest/find_loaded_file', { sha256: sniffed.sha256 });
	if (earlier[0]) {
		outcome.status = 'duplicate';
		outcome.duplicateOf = earlier[0].id;
		outcome.notes.push(problem('problem.sameContent', { file: earlier[0].file_name, id: String(earlier[0].id) }));
		await recordOutcome(db, outcome, runId, startedAt, options);
		return outcome;
	}

	const statements = stagingStatements(dataset);
	const def = DATASETS[dataset];
	const hasInstants = def.fields.some((f) => f.type === 'timestamp');
	try {
		const reader = await openReader(file, sniffed, db);
		try {
			const candidates = [...(options.mappings ?? []).filter((m) => m.dataset === dataset), nativeMapping(dataset)];
			let spec: MappingSpec | null | undefined;
			if (options.mappingId) {
				spec = candidates.find((m) => m.id === options.mappingId);
				if (!spec) throw new MappingError(problem('problem.noSuchMapping', { mapping: options.mappingId, dataset }));
			} else if (reader.headers) {
				spec = chooseMapping(dataset, reader.headers, candidates);
				if (!spec) {
					throw new MappingError(
						problem('problem.noLayout', { dataset, found: reader.headers.join(', '), needed: nativeMapping(dataset).detect!.join(', ') })
					);
				}
			} else spec = candidates.find((m) => m.id !== 'native') ?? nativeMapping(dataset);
			outcome.mapping = spec.id;
			const mapping = compileMapping(spec, reader.headers);
			if (mapping.ignoredColumns.length) outcome.notes.push(problem('problem.ignoredColumns', { columns: mapping.ignoredColumns.join(', ') }));
			if (mapping.missingColumns.length) outcome.notes.push(problem('problem.absentColumns', { columns: mapping.missingColumns.join(', ') }));
			const timeZone = spec.timeZone ?? options.timeZone;

			await db.transaction(async (conn) => {
				await conn.run(statements.create);
				await conn.run(statements.createRejects);
				const rows = await conn.createAppender('stage', 'main', 'temp');
				const rejects = await conn.createAppender('stage_rejects', 'main', 'temp');
				const skipReasons = new Map<string, number>();
				let good = 0;
				try {
					await reader.forEach((rec) => {
						outcome.rowsRead++;
						if (options.onRows && outcome.rowsRead % ROWS_PER_REPORT === 0) options.onRows(outcome.rowsRead, outcome.rejected);
						const mapped = mapping.map(rec);
						if (mapped.kind === 'row') {
							rows.appendInteger(rec.record);
							for (const v of mapped.values) appendNullable(rows, v);
							rows.endRow();
							good++;
						} else if (mapped.kind === 'reject') {
							rejects.appendInteger(rec.line ?? 0);
							rejects.appendInteger(rec.record);
							appendNullable(rejects, mapped.problem.column);
							appendNullable(rejects, mapped.problem.value);
							rejects.appendVarchar(inEnglish(mapped.problem.problem));
							rejects.appendVarchar(mapped.problem.problem.key);
							appendNullable(rejects, mapped.problem.problem.params ? JSON.stringify(mapped.problem.problem.params) : null);
							rejects.appendVarchar(rec.raw());
							rejects.endRow();
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
				if (outcome.rowsRead === 0) outcome.notes.push(problem('problem.noRows'));
				await options.afterStage?.(conn);

				await conn.run(statements.dedupe);
				const distinct = await count(conn, statements.countStage);
				outcome.superseded = good - distinct;
				if (outcome.superseded) outcome.notes.push(problem('problem.superseded', { count: outcome.superseded }));
				const before = await count(conn, statements.countTable);
				await execOn(conn, `ingest/upsert_${dataset}`, hasInstants ? { file_id: id, tz: timeZone } : { file_id: id });
				const after = await count(conn, statements.countTable);
				outcome.inserted = after - before;
				outcome.updated = distinct - outcome.inserted;
				if (def.hasCustomer) await execOn(conn, 'ingest/create_stub_customers', { file_id: id });
				outcome.status = outcome.rejected ? 'with_rejects' : 'loaded';
				await recordOutcome(db, outcome, runId, startedAt, options, conn);
				await execOn(conn, 'ingest/copy_rejects', { file_id: id });
				await conn.run(statements.drop);
			});
			return outcome;
		} finally {
			reader.close();
		}
	} catch (e) {
		storageOr(e);
		const why = e instanceof UnreadableFileError || e instanceof MappingError ? e.problem : explainFileError(e);
		Object.assign(outcome, { status: 'failed', error: why, inserted: 0, updated: 0, superseded: 0, rejected: 0, skipped: 0 });
		await recordOutcome(db, outcome, runId, startedAt, options);
		return outcome;
	}
}
