/**
 * How far a load is, for the upload page to follow live: an ingest run reports to a listener
 * (files listed, a file started, rows read so far, a file done, the refresh); an upload that
 * asked to be followed gets a job whose state the page polls (GET /data/import/progress).
 *
 * Kept in memory: a job lives for the server process (an hour at most), which is as long as a
 * page can follow it; what was loaded is in import_files either way.
 */
import crypto from 'node:crypto';
import type { Problem } from '../../i18n/translate';
import type { FileOutcome, PartProgress } from './load-file';
import type { UploadOutcome } from './upload';

/** What an ingest run tells whoever follows it. Every method is optional and must not throw. */
export interface IngestListener {
	/** The files this run will look at (inbox paths such as "tickets/export.csv"). */
	listed?(files: string[]): void;
	fileStarted?(relative: string): void;
	/**
	 * Rows read and rejected so far by a part of the current file (a preset's file loads into
	 * several datasets, each part reading the file through): when the part starts, then every
	 * few thousand rows.
	 */
	rows?(relative: string, part: PartProgress, read: number, rejected: number): void;
	/** The file's outcomes, one per part. */
	fileDone?(relative: string, outcomes: FileOutcome[]): void;
	refreshing?(): void;
}

export type JobState = 'queued' | 'loading' | 'refreshing' | 'done' | 'failed';

/** One part of the uploaded file (its dataset through a layout) as the load goes. */
export interface JobPart {
	/** Its place among the file's parts (load order: customers first). */
	index: number;
	dataset: string;
	mapping: string;
	rowsRead: number;
	rejected: number;
}

export interface JobProgress {
	job: string;
	state: JobState;
	/** The uploaded file's path in the inbox. */
	relative: string;
	fileName: string;
	dataset: string;
	/** Files of the run (the upload among them) and how many are done. */
	filesTotal: number;
	filesDone: number;
	/** Rows of the uploaded file read and rejected so far by the part loading now. */
	rowsRead: number;
	rejected: number;
	/** The file's parts that have started (one for a plain file, one per dataset for a preset's; a duplicate part never starts), the one loading last. */
	parts: JobPart[];
	/** How many parts the file has, once its first part started (0 before). */
	partsTotal: number;
	/** The uploaded file's outcome, once loaded: its own dataset's counts and every part's. */
	outcome: UploadOutcome | null;
	/** Why nothing was loaded, when the run did not load the file. */
	problems: Problem[];
	startedAt: string;
	updatedAt: string;
}

const KEEP_MS = 60 * 60 * 1000;
const MAX_JOBS = 100;
const jobs = new Map<string, JobProgress>();

function prune(now = Date.now()) {
	for (const [id, j] of jobs) if (now - Date.parse(j.updatedAt) > KEEP_MS) jobs.delete(id);
	while (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value!);
}

/** A new job for an upload placed at `relative` in the inbox; returns it and the listener to give the run. */
export function startJob(relative: string, fileName: string, dataset: string): { job: JobProgress; listener: IngestListener; finish: (outcome: UploadOutcome | null, problems: Problem[]) => void; fail: (problem: Problem) => void } {
	prune();
	const now = new Date().toISOString();
	const job: JobProgress = {
		job: crypto.randomBytes(9).toString('base64url'),
		state: 'queued',
		relative,
		fileName,
		dataset,
		filesTotal: 0,
		filesDone: 0,
		rowsRead: 0,
		rejected: 0,
		parts: [],
		partsTotal: 0,
		outcome: null,
		problems: [],
		startedAt: now,
		updatedAt: now
	};
	jobs.set(job.job, job);
	const touch = () => (job.updatedAt = new Date().toISOString());
	const listener: IngestListener = {
		listed(files) {
			job.filesTotal = files.length;
			job.state = 'loading';
			touch();
		},
		fileStarted() {
			touch();
		},
		rows(file, part, read, rejected) {
			if (file !== relative) return;
			job.partsTotal = part.count;
			let p = job.parts.find((x) => x.index === part.index);
			if (!p) job.parts.push((p = { index: part.index, dataset: part.dataset, mapping: part.mapping, rowsRead: 0, rejected: 0 }));
			p.rowsRead = job.rowsRead = read;
			p.rejected = job.rejected = rejected;
			touch();
		},
		fileDone(file, outcomes) {
			job.filesDone++;
			if (file === relative) {
				// Every part's final counts (a duplicate part read nothing and is listed too).
				job.parts = outcomes.map((o, index) => ({ index, dataset: o.dataset, mapping: o.mapping ?? '', rowsRead: o.rowsRead, rejected: o.rejected }));
				job.partsTotal = outcomes.length;
				const own = outcomes.find((o) => o.dataset === dataset) ?? outcomes[0];
				job.rowsRead = own?.rowsRead ?? 0;
				job.rejected = own?.rejected ?? 0;
			}
			touch();
		},
		refreshing() {
			job.state = 'refreshing';
			touch();
		}
	};
	return {
		job,
		listener,
		finish(outcome, problems) {
			job.outcome = outcome;
			job.problems = outcome ? [] : problems;
			job.state = outcome && outcome.status !== 'failed' ? 'done' : 'failed';
			touch();
		},
		fail(problem) {
			job.problems = [problem];
			job.state = 'failed';
			touch();
		}
	};
}

/** A job's state, or null when there is none by that id (unknown, or long finished). */
export function jobProgress(id: string): JobProgress | null {
	prune();
	return jobs.get(id) ?? null;
}
