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

export type Trigger = 'schedule' | 'manual' | 'cli' | 'startup';
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
	id: number,
	from: string,
	storedPath: string,
	relative: string,
	runLog: Logger,
	afterMove?: () => Promise<void> | void
): Promise<Problem | null> {
	try {
		moveFile(from, path.join(config.dataDir, storedPath));
		await afterMove?.();
	} catch (e) {
		if (errnoCode(e) === 'ENOENT' && !fs.existsSync(from)) {
			// Someone took the file away after it was loaded: nothing left to move.
			await db.query('ingest/file_left_inbox', { id });
			runLog.warn({ file: relative, importId: id }, 'file left the inbox before it could be moved');
			return null;
		}
		const p = moveProblem(relative, id, e);
		await db.query('ingest/move_failed', { id, problem: JSON.stringify(p) });
		runLog.error({ file: relative, importId: id, err: e }, 'file loaded but could not be moved out of the inbox');
		return p;
	}
	await db.query('ingest/file_moved', { id, stored_path: storedPath });
	return null;
}

/**
 * Finish the moves that a failure or a crash left undone. Returns the files still stuck in
 * the inbox. A pending file whose inbox copy changed (another file under the same name) or
 * vanished is let go; the new file loads as any other.
 */
export async function settlePendingMoves(db: Database, config: Config, runLog: Logger = log()): Promise<StuckFile[]> {
	const stuck: StuckFile[] = [];
	for (const row of await db.query<PendingRow & Record<string, unknown>>('ingest/pending_moves')) {
		const inInbox = path.join(config.inboxDir, ...row.source_path.split('/'));
		const target = row.stored_path ? path.join(config.dataDir, row.stored_path) : null;
		const stat = fs.statSync(inInbox, { throwIfNoEntry: false });
		if (!stat?.isFile()) {
			// Moved before the crash, only not marked; or gone.
			if (target && fs.existsSync(target)) await db.query('ingest/file_moved', { id: row.id, stored_path: row.stored_path });
			else await db.query('ingest/file_left_inbox', { id: row.id });
			continue;
		}
		const same = stat.size === Number(row.size_bytes) && (row.sha256 === '' || (await sha256Of(inInbox)) === row.sha256);
		if (!same || !target) {
			await db.query('ingest/file_left_inbox', { id: row.id });
			continue;
		}
		const p = await moveOut(db, config, row.id, inInbox, row.stored_path!, row.source_path, runLog);
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

async function ingestOnce(db: Database, config: Config, trigger: Trigger, options: IngestOptions): Promise<RunSummary> {
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
		const { mappings, problems: mappingProblems } = loadMappings(config.mappingsDir);
		problems.push(...mappingProblems);
		const folder = checkDataFolder(config.dataDir);
		if (folder) throw new StorageError(folder);
		const stuck = await settlePendingMoves(db, config, runLog);
		const stuckPaths = new Set(stuck.map((s) => s.sourcePath));
		for (const s of stuck) if (s.problem) problems.push(s.problem);
		const listing = listInbox(config.inboxDir);
		for (const entry of listing.skipped) problems.push(entry.problem);
		if (listing.skipped.length) runLog.warn({ skipped: listing.skipped.map((s) => ({ path: s.relative, kind: s.kind })) }, 'inbox entries left alone');

		const now = Date.now();
		for (const waiting of listing.waiting) {
			if (stuckPaths.has(waiting.relative)) continue;
			if (options.minAgeMs && now - waiting.modified.getTime() < options.minAgeMs) continue;
			// Room for the file's rows, its WAL and a checkpoint: about twice its size.
			const room = checkDataFolder(config.dataDir, waiting.size * 2);
			if (room) throw new StorageError(room);
			summary.filesSeen++;
			const fileStarted = performance.now();
			let outcome: FileOutcome;
			try {
				outcome = await loadFile({
					db,
					file: waiting.path,
					dataset: waiting.dataset,
					runId,
					mappings,
					mappingId: waiting.mappingId ?? undefined,
					timeZone: settings.unit.timeZone,
					fallbackEncoding: settings.ingest.fallbackEncoding,
					ingestPath: config.ingestPath,
					afterStage: options.afterStage,
					sourcePath: waiting.relative,
					destination: (status, id) =>
						path.relative(config.dataDir, path.join(status === 'failed' ? config.failedDir : config.processedDir, waiting.dataset, storedName(path.basename(waiting.path), id)))
				});
			} catch (e) {
				const storage = storageProblemOf(e, config.dataDir);
				if (storage) throw new StorageError(storage, { cause: e });
				// loadFile records every problem of the file itself; this is something else: say so, go on.
				problems.push(problem('problem.fileNotLoaded', { file: waiting.relative, detail: (e as Error).message ?? String(e) }));
				runLog.error({ file: waiting.relative, err: e }, 'file could not be loaded or recorded');
				continue;
			}
			summary.files.push(outcome);
			summary.inserted += outcome.inserted;
			summary.updated += outcome.updated;
			summary.rejected += outcome.rejected;
			summary.skipped += outcome.skipped;
			runLog[outcome.status === 'failed' ? 'warn' : 'info'](
				{
					file: waiting.relative,
					importId: outcome.id,
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
			await options.beforeMove?.(outcome);
			if (outcome.storedPath) {
				const moved = outcome;
				const moveFailed = await moveOut(db, config, outcome.id, waiting.path, outcome.storedPath, waiting.relative, runLog, () => options.afterMove?.(moved));
				if (moveFailed) problems.push(moveFailed);
			}
		}
		// Also when this run loaded nothing but an earlier one committed rows and was stopped
		// before its refresh.
		if (summary.inserted + summary.updated > 0 || (await rollupsStale(db))) {
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
