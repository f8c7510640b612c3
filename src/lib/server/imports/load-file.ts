/**
 * Load one file into its dataset, in one transaction: all its good rows or none.
 *
 * Rows that cannot be read are kept in import_rejects with line, column and reason; the good
 * rows load. Identical bytes already loaded are recognised by hash and not loaded again. A
 * file that cannot be read at all, or whose load fails midway, leaves the tables as they were
 * and is recorded as failed with the reason. Moving the file is the caller's job (./ingest.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { inEnglish, problem, type Problem } from '../../i18n/translate';
import { execOn, type Database } from '../db/database';
import { StorageError, storageProblemOf } from '../storage';
import { DATASETS, type DatasetName } from './datasets';
import { chooseMapping, compileMapping, MappingError, nativeMapping, type CompiledMapping, type MappingSpec } from './mapping';
import { openReader, type FileReader } from './readers';
import { explainFileError } from './reasons';
import { sniffFile, UnreadableFileError, type Sniffed } from './sniff';
import { appendNullable, appendReject, stagingStatements } from './staging';
import { nativeSupport } from './native/support';
import { NATIVE_TEMP_TABLES, stageNative, stopwatch, type NativeStaged } from './native/stage';
import type { IngestPath } from '../config';
import { log } from '../log';

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
	/** Which reader loaded the rows: DuckDB's ('native', ./native/) or JavaScript's; null when none was read. */
	ingestPath: 'native' | 'js' | null;
	/** Why the JavaScript reader (for the record and the logs; not shown to users). */
	ingestPathReason: string | null;
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
	/** 'js' reads every file with JavaScript; 'auto' (the default) lets DuckDB read what it can (./native/). */
	ingestPath?: IngestPath;
}

async function count(conn: DuckDBConnection, statement: string): Promise<number> {
	const rows = (await conn.runAndReadAll(statement)).getRowObjectsJson();
	return Number(rows[0]?.n ?? 0);
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
		started_at: startedAt,
		ingest_path: o.ingestPath,
		ingest_path_reason: o.ingestPathReason
	};
	if (conn) await execOn(conn, 'ingest/insert_import_file', params);
	else await db.withConnection((c) => execOn(c, 'ingest/insert_import_file', params));
}

/** The JavaScript path: every record read, mapped and checked here, staged through the appender. Returns the rows staged. */
async function stageWithJavaScript(
	conn: DuckDBConnection,
	statements: ReturnType<typeof stagingStatements>,
	reader: FileReader,
	mapping: CompiledMapping,
	outcome: FileOutcome
): Promise<number> {
	await conn.run(statements.create);
	await conn.run(statements.createRejects);
	const rows = await conn.createAppender('stage', 'main', 'temp');
	const rejects = await conn.createAppender('stage_rejects', 'main', 'temp');
	const skipReasons = new Map<string, number>();
	let good = 0;
	try {
		await reader.forEach((rec) => {
			outcome.rowsRead++;
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
		storedPath: null,
		ingestPath: null,
		ingestPathReason: null
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

			// The DuckDB path stages before the transaction (see ./native/stage.ts); when it cannot
			// take the file, the JavaScript path stages inside it.
			const support =
				options.ingestPath === 'js'
					? { ok: false as const, reason: 'CARE_INGEST_PATH=js' }
					: nativeSupport(def, spec, { ...sniffed, headers: reader.headers, csv: reader.csv });
			let native: NativeStaged | null = null;
			outcome.ingestPathReason = support.ok ? null : support.reason;
			const prepare = async (conn: DuckDBConnection) => {
				if (!support.ok) return;
				const t0 = performance.now();
				const staged = await stageNative({ conn, file, facts: { ...sniffed, headers: reader.headers, csv: reader.csv }, mapping, dataDir, tmpDir: path.join(dataDir, 'tmp') });
				if (staged.ok) native = staged;
				else {
					outcome.ingestPathReason = staged.reason;
					log().info({ file: outcome.fileName, reason: staged.reason }, 'file read with JavaScript: the DuckDB path cannot take it');
				}
				log().debug({ file: outcome.fileName, ms: Math.round(performance.now() - t0), native: staged.ok }, 'DuckDB staging');
			};
			const cleanup = async (conn: DuckDBConnection) => {
				for (const t of ['stage', 'stage_rejects', ...NATIVE_TEMP_TABLES]) await conn.run(`drop table if exists ${t}`);
			};

			await db.transaction(
				async (conn) => {
					let good: number;
					let dedupe: string;
					const staged = native as NativeStaged | null;
					if (staged) {
						Object.assign(outcome, { ingestPath: 'native', rowsRead: staged.rowsRead, rejected: staged.rejected, skipped: staged.skipped });
						for (const [reason, n] of staged.skipReasons) outcome.notes.push(problem('problem.skipped', { count: n, reason }));
						good = staged.good;
						dedupe = staged.dedupe;
					} else {
						outcome.ingestPath = 'js';
						good = await stageWithJavaScript(conn, statements, reader, mapping, outcome);
						dedupe = statements.dedupe;
					}
					if (outcome.rowsRead === 0) outcome.notes.push(problem('problem.noRows'));
					await options.afterStage?.(conn);
					const lap = stopwatch(outcome.fileName);

					await conn.run(dedupe);
					lap('dedupe');
					const distinct = await count(conn, statements.countStage);
					outcome.superseded = good - distinct;
					if (outcome.superseded) outcome.notes.push(problem('problem.superseded', { count: outcome.superseded }));
					const before = await count(conn, statements.countTable);
					await execOn(conn, `ingest/upsert_${dataset}`, hasInstants ? { file_id: id, tz: timeZone } : { file_id: id });
					lap('upsert');
					const after = await count(conn, statements.countTable);
					outcome.inserted = after - before;
					outcome.updated = distinct - outcome.inserted;
					if (def.hasCustomer) await execOn(conn, 'ingest/create_stub_customers', { file_id: id });
					outcome.status = outcome.rejected ? 'with_rejects' : 'loaded';
					await recordOutcome(db, outcome, runId, startedAt, options, conn);
					await execOn(conn, 'ingest/copy_rejects', { file_id: id });
					lap('stubs, record, rejects');
				},
				{ prepare, cleanup }
			);
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
