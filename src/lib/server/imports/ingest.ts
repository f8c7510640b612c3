/**
 * The ingest job: load every file waiting in the inbox (./inbox.ts), record the run, move each
 * file to processed/ or failed/, then refresh the rollups.
 *
 * One file's trouble never stops the run for the others: a file that cannot be read is
 * recorded as failed with the reason; a file that loaded but cannot be moved out of the inbox
 * (a permission, a vanished file) stays recorded as pending and is neither loaded again nor
 * allowed to block the files after it; its move is tried again at the next run. Only a
 * problem of the data folder itself (a full disk, a read-only folder) stops a run, before
 * anything is half-written, and the files wait in the inbox.
 *
 * Each file is loaded in its own transaction (./load-file.ts) and its record says where it is
 * being moved; a process killed between the commit and the move leaves the record pending,
 * and the next run (or the next start) finishes the move (settlePendingMoves).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { isDatasetName, type DatasetName } from './datasets';
import { loadFile, type FileOutcome, type FileStatus } from './load-file';
import { loadMappings } from './mappings/index';
import type { Config } from '../config';
import { inEnglish, problem, type Problem } from '../../i18n/translate';
import { loadSettings } from '../settings';
import { refreshAll, rollupsStale } from '../refresh/index';
import { listInbox, moveFile, storedName } from './inbox';
import { errnoCode } from './reasons';
import { checkDataFolder, clearStorageProblem, reportStorageProblem, StorageError, storageProblemOf } from '../storage';
import { log, type Logger } from '../log';
import type { IngestListener } from './progress';
import { audit, type By } from '../audit';

export type Trigger = 'schedule' | 'manual' | 'cli' | 'startup' | 'reload';
export type RunStatus = 'ok' | 'with_rejects' | 'with_failures' | 'failed';

export interface RunSummary {
	id: number;
	status: RunStatus;
	files: FileOutcome[];
	filesSeen: number;
	inserted: number;
	updated: number;
	rejected: number;
	skipped: number;
	/** What went wrong or deserves a look, beyond each file's own outcome. */
	problems: Problem[];
	/** The problems in English (CLI, logs). */
	error: string | null;
	refreshed: boolean;
}

export interface IngestOptions {
	/** Leave files modified more recently than this alone (they may still be being written). */
	minAgeMs?: number;
	/** Test hook passed to every file's load (see load-file.ts). */
	afterStage?: Parameters<typeof loadFile>[0]['afterStage'];
	/** Test hooks: called after a file's record is committed, before and after its move (crash tests). */
	beforeMove?: (outcome: FileOutcome) => Promise<void> | void;
	afterMove?: (outcome: FileOutcome) => Promise<void> | void;
	/** Inbox paths (dataset/[layout/]name) to load even if loaded before through the same layout (load again, --force). */
	force?: ReadonlySet<string>;
	/** Told how the run goes (files, parts, rows, refresh): the upload page follows a load with it. */
	listener?: IngestListener;
}

/** A file that loaded (or failed) but is still in the inbox because it could not be moved. */
export interface StuckFile {
	id: number;
	sourcePath: string;
	problem: Problem | null;
}

interface PendingRow {
	id: number;
	dataset: string;
	file_name: string;
	source_path: string;
	stored_path: string | null;
	sha256: string;
	size_bytes: number;
	status: FileStatus;
	move_problem: string | null;
}

/** Why a move out of the inbox failed, by errno code (the message selects words for common ones). */
function moveProblem(file: string, id: number, e: unknown): Problem {
	return problem('problem.notMoved', { file, id, code: errnoCode(e) ?? 'other', detail: (e as Error).message ?? String(e) });
}

async function sha256Of(file: string): Promise<string> {
	const hash = crypto.createHash('sha256');
	for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/**
 * Move a recorded file from the inbox to its stored path and say so in its record. A failure
 * is recorded on the import (and returned); the file stays pending and is not loaded again.
 */
async function moveOut(
	db: Database,
	config: Config,
	ids: number | number[],
	from: string,
	storedPath: string,
	relative: string,
	runLog: Logger,
	afterMove?: () => Promise<void> | void
): Promise<Problem | null> {
	const all = Array.isArray(ids) ? ids : [ids];
	const id = all[0]!;
	try {
		moveFile(from, path.join(config.dataDir, storedPath));
		await afterMove?.();
	} catch (e) {
		if (errnoCode(e) === 'ENOENT' && !fs.existsSync(from)) {
			// Someone took the file away after it was loaded: nothing left to move.
			for (const one of all) await db.query('ingest/file_left_inbox', { id: one });
			runLog.warn({ file: relative, importId: id }, 'file left the inbox before it could be moved');
			return null;
		}
		const p = moveProblem(relative, id, e);
		for (const one of all) await db.query('ingest/move_failed', { id: one, problem: JSON.stringify(p) });
		runLog.error({ file: relative, importId: id, err: e }, 'file loaded but could not be moved out of the inbox');
		return p;
	}
	for (const one of all) await db.query('ingest/file_moved', { id: one, stored_path: storedPath });
	return null;
}

/**
 * Finish the moves that a failure or a crash left undone. Returns the files still stuck in
 * the inbox. A pending file whose inbox copy changed (another file under the same name) or
 * vanished is let go; the new file loads as any other.
 */
export async function settlePendingMoves(db: Database, config: Config, runLog: Logger = log()): Promise<StuckFile[]> {
	const stuck: StuckFile[] = [];
	// The parts of one file (a preset's datasets) share its inbox path and its move.
	const groups = new Map<string, PendingRow[]>();
	for (const row of await db.query<PendingRow & Record<string, unknown>>('ingest/pending_moves')) {
		const group = groups.get(row.source_path);
		if (group) group.push(row);
		else groups.set(row.source_path, [row]);
	}
	for (const rows of groups.values()) {
		const row = rows[0]!;
		const ids = rows.map((r) => r.id);
		const inInbox = path.join(config.inboxDir, ...row.source_path.split('/'));
		const target = row.stored_path ? path.join(config.dataDir, row.stored_path) : null;
		const stat = fs.statSync(inInbox, { throwIfNoEntry: false });
		if (!stat?.isFile()) {
			// Moved before the crash, only not marked; or gone.
			for (const r of rows) {
				const t = r.stored_path ? path.join(config.dataDir, r.stored_path) : null;
				if (t && fs.existsSync(t)) await db.query('ingest/file_moved', { id: r.id, stored_path: r.stored_path });
				else await db.query('ingest/file_left_inbox', { id: r.id });
			}
			continue;
		}
		const same = stat.size === Number(row.size_bytes) && (row.sha256 === '' || (await sha256Of(inInbox)) === row.sha256);
		if (!same || !target) {
			for (const r of rows) await db.query('ingest/file_left_inbox', { id: r.id });
			continue;
		}
		const p = await moveOut(db, config, ids, inInbox, row.stored_path!, row.source_path, runLog);
		if (p) stuck.push({ id: row.id, sourcePath: row.source_path, problem: p });
		else runLog.info({ file: row.source_path, importId: row.id }, 'finished moving a file recorded earlier');
	}
	return stuck;
}

/** Files recorded but still in the inbox, by inbox path, with why (for the Data page). */
export async function stuckFiles(db: Database): Promise<StuckFile[]> {
	const rows = await db.query<PendingRow & Record<string, unknown>>('ingest/pending_moves');
	return rows.map((r) => ({ id: r.id, sourcePath: r.source_path, problem: r.move_problem ? (JSON.parse(r.move_problem) as Problem) : null }));
}

/**
 * Runs left "running" by a process that died: mark them interrupted and count what they did
 * commit. Safe at the start of any run: runs of one process never overlap, and only one
 * process writes the database.
 */
export async function recoverInterruptedRuns(db: Database): Promise<void> {
	await db.query('ingest/mark_interrupted_runs');
	await db.query('ingest/recount_interrupted_runs');
}

/** One file for a run to load: from the inbox, or a stored file loaded again. */
interface WorkItem {
	path: string;
	dataset: DatasetName;
	layoutId: string | null;
	/** Named in logs and problems: its inbox path, or its stored path. */
	relative: string;
	size: number;
	force: boolean;
	/** Recorded as where the file lay in the inbox. */
	sourcePath: string | undefined;
	/** Whether the record says the file still has to be moved (inbox files, until moved out). */
	movePending: boolean;
	destination: (status: FileStatus, id: number) => string;
	/** After the records are written: put the file where they say; the problem when that failed. */
	settle: (outcomes: FileOutcome[]) => Promise<Problem | null>;
}

async function ingestOnce(db: Database, config: Config, trigger: Trigger, options: IngestOptions, reload?: WorkItem): Promise<RunSummary> {
	const settings = await loadSettings(db);
	let runId: number;
	try {
		await recoverInterruptedRuns(db);
		[{ id: runId }] = (await db.query<{ id: number }>('ingest/start_run', { trigger })) as [{ id: number }];
	} catch (e) {
		// Not even the run's record can be written: say why the way the rest of the run would.
		const storage = storageProblemOf(e, config.dataDir);
		if (!storage) throw e;
		reportStorageProblem(storage);
		throw new StorageError(storage, { cause: e });
	}
	const runLog = log().child({ runId });
	const t0 = performance.now();
	runLog.info({ trigger }, 'ingest run started');
	const summary: RunSummary = { id: runId, status: 'ok', files: [], filesSeen: 0, inserted: 0, updated: 0, rejected: 0, skipped: 0, problems: [], error: null, refreshed: false };
	const problems = summary.problems;
	try {
		const mappings = loadMappings(config.mappingsDir);
		problems.push(...mappings.problems);
		const folder = checkDataFolder(config.dataDir);
		if (folder) throw new StorageError(folder);
		const listener = options.listener;
		/** Load one file (its parts) into the run, then `settle` it (move it out of the inbox, say). */
		const loadOne = async (item: WorkItem) => {
			// Room for the file's rows, its WAL and a checkpoint: about twice its size.
			const room = checkDataFolder(config.dataDir, item.size * 2);
			if (room) throw new StorageError(room);
			summary.filesSeen++;
			const fileStarted = performance.now();
			listener?.fileStarted?.(item.relative);
			let outcomes: FileOutcome[];
			try {
				outcomes = await loadFile({
					db,
					file: item.path,
					dataset: item.dataset,
					runId,
					mappings,
					layoutId: item.layoutId ?? undefined,
					force: item.force,
					timeZone: settings.unit.timeZone,
					fallbackEncoding: settings.ingest.fallbackEncoding,
					ingestPath: config.ingestPath,
					afterStage: options.afterStage,
					onRows: listener?.rows ? (part, read, rejected) => listener.rows!(item.relative, part, read, rejected) : undefined,
					sourcePath: item.sourcePath,
					movePending: item.movePending,
					destination: item.destination
				});
			} catch (e) {
				const storage = storageProblemOf(e, config.dataDir);
				if (storage) throw new StorageError(storage, { cause: e });
				// loadFile records every problem of the file itself; this is something else: say so, go on.
				problems.push(problem('problem.fileNotLoaded', { file: item.relative, detail: (e as Error).message ?? String(e) }));
				runLog.error({ file: item.relative, err: e }, 'file could not be loaded or recorded');
				return;
			}
			listener?.fileDone?.(item.relative, outcomes);
			for (const outcome of outcomes) {
				summary.files.push(outcome);
				summary.inserted += outcome.inserted;
				summary.updated += outcome.updated;
				summary.rejected += outcome.rejected;
				summary.skipped += outcome.skipped;
				runLog[outcome.status === 'failed' ? 'warn' : 'info'](
					{
						file: item.relative,
						importId: outcome.id,
						dataset: outcome.dataset,
						mapping: outcome.mapping,
						status: outcome.status,
						rows: outcome.rowsRead,
						inserted: outcome.inserted,
						updated: outcome.updated,
						rejected: outcome.rejected,
						ms: Math.round(performance.now() - fileStarted),
						path: outcome.ingestPath,
						...(outcome.error ? { reason: inEnglish(outcome.error) } : {})
					},
					'file processed'
				);
			}
			const moveFailed = await item.settle(outcomes);
			if (moveFailed) problems.push(moveFailed);
		};

		if (reload) {
			listener?.listed?.([reload.relative]);
			await loadOne(reload);
		} else {
			const stuck = await settlePendingMoves(db, config, runLog);
			const stuckPaths = new Set(stuck.map((s) => s.sourcePath));
			for (const s of stuck) if (s.problem) problems.push(s.problem);
			const listing = listInbox(config.inboxDir);
			for (const entry of listing.skipped) problems.push(entry.problem);
			if (listing.skipped.length) runLog.warn({ skipped: listing.skipped.map((s) => ({ path: s.relative, kind: s.kind })) }, 'inbox entries left alone');
			const now = Date.now();
			listener?.listed?.(listing.waiting.filter((w) => !stuckPaths.has(w.relative) && !(options.minAgeMs && now - w.modified.getTime() < options.minAgeMs)).map((w) => w.relative));
			for (const waiting of listing.waiting) {
				if (stuckPaths.has(waiting.relative)) continue;
				if (options.minAgeMs && now - waiting.modified.getTime() < options.minAgeMs) continue;
				await loadOne({
					path: waiting.path,
					dataset: waiting.dataset,
					layoutId: waiting.mappingId,
					relative: waiting.relative,
					size: waiting.size,
					force: !!options.force?.has(waiting.relative),
					sourcePath: waiting.relative,
					movePending: true,
					destination: (status, id) =>
						path.relative(config.dataDir, path.join(status === 'failed' ? config.failedDir : config.processedDir, waiting.dataset, storedName(path.basename(waiting.path), id))),
					settle: async (outcomes) => {
						const first = outcomes[0]!;
						await options.beforeMove?.(first);
						if (!first.storedPath) return null;
						// One file, one move: every part's record says where it went.
						return moveOut(db, config, outcomes.map((o) => o.id), waiting.path, first.storedPath, waiting.relative, runLog, () => options.afterMove?.(first));
					}
				});
			}
		}
		// Also when this run loaded nothing but an earlier one committed rows and was stopped
		// before its refresh.
		if (summary.inserted + summary.updated > 0 || (await rollupsStale(db))) {
			listener?.refreshing?.();
			await refreshAll(db, settings);
			summary.refreshed = true;
		}
		const failed = summary.files.filter((f) => f.status === 'failed').length;
		summary.status = failed ? (failed === summary.files.length ? 'failed' : 'with_failures') : summary.rejected ? 'with_rejects' : 'ok';
		if (failed) problems.unshift(problem('problem.filesFailed', { failed, total: summary.files.length }));
		clearStorageProblem();
	} catch (e) {
		summary.status = 'failed';
		const storage = storageProblemOf(e, config.dataDir);
		if (storage) {
			reportStorageProblem(storage);
			problems.unshift(storage);
		} else {
			problems.unshift(problem('problem.runStopped', { detail: (e as Error).message }));
			runLog.error({ err: e }, 'ingest run stopped');
		}
	}
	summary.error = problems.length ? problems.map(inEnglish).join('\n') : null;
	const count = (s: string) => summary.files.filter((f) => f.status === s).length;
	try {
		await db.query('ingest/finish_run', {
			id: runId,
			status: summary.status,
			files_seen: summary.filesSeen,
			files_loaded: count('loaded') + count('with_rejects'),
			files_duplicate: count('duplicate'),
			files_failed: count('failed'),
			rows_inserted: summary.inserted,
			rows_updated: summary.updated,
			rows_rejected: summary.rejected,
			rows_skipped: summary.skipped,
			error: summary.error,
			problems: problems.length ? JSON.stringify(problems) : null
		});
	} catch (e) {
		// The disk filled up since: the run stays "running" in the table and the next run
		// marks it interrupted and counts what it committed.
		const storage = storageProblemOf(e, config.dataDir);
		if (!storage) throw e;
		reportStorageProblem(storage);
		if (!problems.some((p) => p.key === storage.key)) problems.unshift(storage);
		summary.error = problems.map(inEnglish).join('\n');
	}
	runLog[summary.status === 'failed' ? 'error' : 'info'](
		{
			status: summary.status,
			files: summary.filesSeen,
			inserted: summary.inserted,
			updated: summary.updated,
			rejected: summary.rejected,
			ms: Math.round(performance.now() - t0),
			...(summary.error ? { problems: summary.error.split('\n') } : {})
		},
		'ingest run finished'
	);
	return summary;
}

// Runs of one process never overlap: a run asked for while one is going waits for it.
let queue: Promise<unknown> = Promise.resolve();
let running = false;

/** Run `job` when no ingest run (or other exclusive job: a backup, a restore) is going. */
export function exclusive<T>(job: () => Promise<T>): Promise<T> {
	const next = queue.then(async () => {
		running = true;
		try {
			return await job();
		} finally {
			running = false;
		}
	});
	queue = next.catch(() => undefined);
	return next;
}

export function runIngest(db: Database, config: Config, trigger: Trigger, options: IngestOptions = {}): Promise<RunSummary> {
	return exclusive(() => ingestOnce(db, config, trigger, options));
}

export function ingestIsRunning(): boolean {
	return running;
}

/** Why a file cannot be loaded again (the Data page and the API say it in the reader's language). */
export class LoadAgainError extends Error {
	constructor(readonly problem: Problem) {
		super(inEnglish(problem));
	}
}

export interface LoadAgainRequest {
	/** An import of the file (any of its parts: the whole file is loaded again). */
	importId: number;
	/**
	 * Read it through this layout (a preset, a mapping or "native") instead of the one its inbox
	 * folder named or the one detected from its header.
	 */
	layoutId?: string | null;
}

interface ReloadRow {
	id: number;
	dataset: string;
	file_name: string;
	stored_path: string | null;
	source_path: string | null;
	move_pending: boolean;
}

/**
 * Load a kept file (in processed/ or failed/) again, as if it were dropped into its inbox
 * folder again, through the mappings as they are now (after a mapping was fixed, say), even
 * if it was loaded before through the same layout: records are updated by key, never doubled.
 * A run of its own (trigger "reload"); the file moves from failed/ to processed/ (or back)
 * when its outcome changed. Throws LoadAgainError when there is no such file to load.
 */
export function loadAgain(db: Database, config: Config, request: LoadAgainRequest): Promise<RunSummary> {
	return exclusive(async () => {
		const [row] = await db.query<ReloadRow & Record<string, unknown>>('ingest/import_for_reload', { id: request.importId });
		if (!row) throw new LoadAgainError(problem('problem.reloadNoImport', { id: request.importId }));
		if (row.move_pending) throw new LoadAgainError(problem('problem.reloadInInbox', { id: row.id, path: row.source_path ?? row.file_name }));
		if (!row.stored_path) throw new LoadAgainError(problem('problem.reloadNotKept', { id: row.id, file: row.file_name }));
		const file = path.join(config.dataDir, row.stored_path);
		const stat = fs.statSync(file, { throwIfNoEntry: false });
		if (!stat?.isFile()) throw new LoadAgainError(problem('problem.reloadMissing', { id: row.id, path: row.stored_path }));
		if (request.layoutId && !/^[a-z0-9][a-z0-9_-]*$/.test(request.layoutId)) throw new LoadAgainError(problem('problem.noSuchMapping', { mapping: request.layoutId, dataset: row.dataset }));
		// The folder it was dropped into: <dataset>/[<layout>/]<name>.
		const segments = row.source_path?.split('/') ?? [];
		const dataset = isDatasetName(segments[0] ?? '') ? (segments[0] as DatasetName) : isDatasetName(row.dataset) ? row.dataset : null;
		if (!dataset) throw new LoadAgainError(problem('problem.reloadNoImport', { id: request.importId }));
		const layoutId = request.layoutId || (segments.length === 3 ? segments[1]! : null);
		const inFailed = !path.relative(config.failedDir, file).startsWith('..');
		const kept = row.stored_path;
		return ingestOnce(db, config, 'reload', {}, {
			path: file,
			dataset,
			layoutId,
			relative: kept,
			size: stat.size,
			force: true,
			sourcePath: row.source_path ?? undefined,
			movePending: false,
			// Where it is, unless its outcome now belongs in the other folder.
			destination: (status, id) =>
				(status === 'failed') === inFailed ? kept : path.relative(config.dataDir, path.join(status === 'failed' ? config.failedDir : config.processedDir, dataset, storedName(row.file_name, id))),
			settle: async (outcomes) => {
				const target = outcomes[0]?.storedPath;
				if (!target || target === kept) return null;
				try {
					moveFile(file, path.join(config.dataDir, target));
				} catch (e) {
					// It stays where it was; the records say so.
					for (const o of outcomes) await db.query('ingest/file_moved', { id: o.id, stored_path: kept });
					return moveProblem(kept, outcomes[0]!.id, e);
				}
				await db.query('ingest/file_relocated', { from: kept, to: target });
				return null;
			}
		});
	});
}

/** loadAgain, recorded in the audit log as done by `who` (the file page's action and the API). */
export async function loadAgainAs(db: Database, config: Config, request: LoadAgainRequest, who: By): Promise<RunSummary> {
	const run = await loadAgain(db, config, request);
	await audit(db, {
		...who,
		action: 'import.load_again',
		target: `import #${request.importId}`,
		detail: { run: run.id, layout: request.layoutId ?? null, status: run.status, inserted: run.inserted, updated: run.updated, rejected: run.rejected }
	});
	return run;
}
