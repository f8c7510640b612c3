/**
 * The ingest job: load every file waiting in the inbox, record the run, move each file to
 * processed/ or failed/, then refresh the rollups.
 *
 * Inbox layout: <inbox>/<dataset>/<file> (the layout is detected from the header), or
 * <inbox>/<dataset>/<mapping-id>/<file> to name the mapping. Hidden files and *.part, *.tmp,
 * *.crdownload are left alone: write a file under such a name and rename it when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { DATASET_NAMES, isDatasetName, type DatasetName } from './datasets';
import { loadFile, type FileOutcome } from './load-file';
import { loadMappings } from './mappings/index';
import type { Config } from '../config';
import { inEnglish, problem, type Problem } from '../../i18n/translate';
import { loadSettings } from '../settings';
import { refreshAll } from '../refresh/index';

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

export interface WaitingFile {
	dataset: DatasetName | null;
	mappingId: string | null;
	path: string;
	relative: string;
	size: number;
	modified: Date;
}

const IGNORED = /(^\.|\.part$|\.tmp$|\.crdownload$|~$)/i;

/** Files waiting in the inbox, in load order: customers first (so stubs are rarely needed), then by name. */
export function listInbox(inboxDir: string): WaitingFile[] {
	const out: WaitingFile[] = [];
	if (!fs.existsSync(inboxDir)) return out;
	const add = (file: string, dataset: DatasetName | null, mappingId: string | null) => {
		const stat = fs.statSync(file);
		out.push({ dataset, mappingId, path: file, relative: path.relative(inboxDir, file), size: stat.size, modified: stat.mtime });
	};
	for (const entry of fs.readdirSync(inboxDir, { withFileTypes: true })) {
		if (IGNORED.test(entry.name)) continue;
		const full = path.join(inboxDir, entry.name);
		if (entry.isFile()) {
			add(full, null, null);
			continue;
		}
		if (!entry.isDirectory()) continue;
		const dataset = isDatasetName(entry.name) ? entry.name : null;
		for (const inner of fs.readdirSync(full, { withFileTypes: true })) {
			if (IGNORED.test(inner.name)) continue;
			const innerPath = path.join(full, inner.name);
			if (inner.isFile()) add(innerPath, dataset, null);
			else if (inner.isDirectory() && dataset) {
				for (const f of fs.readdirSync(innerPath, { withFileTypes: true })) {
					if (f.isFile() && !IGNORED.test(f.name)) add(path.join(innerPath, f.name), dataset, inner.name);
				}
			}
		}
	}
	const order = (d: DatasetName | null) => (d ? DATASET_NAMES.indexOf(d) : 99);
	return out.sort((a, b) => order(a.dataset) - order(b.dataset) || a.relative.localeCompare(b.relative));
}

/** Whether a run would load anything: a file in a dataset folder, old enough to be complete. */
export function inboxHasWork(inboxDir: string, minAgeMs = 0, now = Date.now()): boolean {
	return listInbox(inboxDir).some((w) => w.dataset !== null && now - w.modified.getTime() >= minAgeMs);
}

function stamp(d: Date): string {
	return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Move a file out of the inbox without overwriting anything; returns where it went. */
function moveAside(file: string, intoDir: string, id: number): string {
	fs.mkdirSync(intoDir, { recursive: true });
	const target = path.join(intoDir, `${stamp(new Date())}-${id}-${path.basename(file)}`);
	try {
		fs.renameSync(file, target);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
		fs.copyFileSync(file, target);
		fs.unlinkSync(file);
	}
	return target;
}

export interface IngestOptions {
	/** Leave files modified more recently than this alone (they may still be being written). */
	minAgeMs?: number;
	/** Test hook passed to every file's load (see load-file.ts). */
	afterStage?: Parameters<typeof loadFile>[0]['afterStage'];
}

async function ingestOnce(db: Database, config: Config, trigger: Trigger, options: IngestOptions): Promise<RunSummary> {
	const settings = await loadSettings(db);
	const [{ id: runId }] = (await db.query<{ id: number }>('ingest/start_run', { trigger })) as [{ id: number }];
	const summary: RunSummary = { id: runId, status: 'ok', files: [], filesSeen: 0, inserted: 0, updated: 0, rejected: 0, skipped: 0, problems: [], error: null, refreshed: false };
	const problems = summary.problems;
	try {
		const { mappings, problems: mappingProblems } = loadMappings(config.mappingsDir);
		problems.push(...mappingProblems);
		const now = Date.now();
		for (const waiting of listInbox(config.inboxDir)) {
			if (options.minAgeMs && now - waiting.modified.getTime() < options.minAgeMs) continue;
			if (!waiting.dataset) {
				problems.push(problem('problem.notInDatasetFolder', { file: waiting.relative, folders: DATASET_NAMES.map((d) => d + '/').join(', ') }));
				continue;
			}
			summary.filesSeen++;
			const outcome = await loadFile({
				db,
				file: waiting.path,
				dataset: waiting.dataset,
				runId,
				mappings,
				mappingId: waiting.mappingId ?? undefined,
				timeZone: settings.unit.timeZone,
				fallbackEncoding: settings.ingest.fallbackEncoding,
				afterStage: options.afterStage
			});
			const dest = outcome.status === 'failed' ? config.failedDir : config.processedDir;
			const stored = moveAside(waiting.path, path.join(dest, waiting.dataset), outcome.id);
			await db.query('ingest/set_stored_path', { id: outcome.id, stored_path: path.relative(config.dataDir, stored) });
			summary.files.push(outcome);
			summary.inserted += outcome.inserted;
			summary.updated += outcome.updated;
			summary.rejected += outcome.rejected;
			summary.skipped += outcome.skipped;
		}
		if (summary.inserted + summary.updated > 0) {
			await refreshAll(db, settings);
			summary.refreshed = true;
		}
		const failed = summary.files.filter((f) => f.status === 'failed').length;
		summary.status = failed ? (failed === summary.files.length ? 'failed' : 'with_failures') : summary.rejected ? 'with_rejects' : 'ok';
		if (failed) problems.unshift(problem('problem.filesFailed', { failed, total: summary.files.length }));
	} catch (e) {
		summary.status = 'failed';
		problems.unshift(problem('problem.runStopped', { detail: (e as Error).message }));
	}
	summary.error = problems.length ? problems.map(inEnglish).join('\n') : null;
	const count = (s: string) => summary.files.filter((f) => f.status === s).length;
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
	return summary;
}

// Runs of one process never overlap: a run asked for while one is going waits for it.
let queue: Promise<unknown> = Promise.resolve();
let running = false;

export function runIngest(db: Database, config: Config, trigger: Trigger, options: IngestOptions = {}): Promise<RunSummary> {
	const next = queue.then(async () => {
		running = true;
		try {
			return await ingestOnce(db, config, trigger, options);
		} finally {
			running = false;
		}
	});
	queue = next.catch(() => undefined);
	return next;
}

export function ingestIsRunning(): boolean {
	return running;
}
