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
import type { FileOutcome } from './load-file';

/** What an ingest run tells whoever follows it. Every method is optional and must not throw. */
export interface IngestListener {
	/** The files this run will look at (inbox paths such as "tickets/export.csv"). */
	listed?(files: string[]): void;
	fileStarted?(relative: string): void;
	/** Rows read and rejected so far in the current file (called every few thousand rows). */
	rows?(relative: string, read: number, rejected: number): void;
	fileDone?(relative: string, outcome: FileOutcome): void;
	refreshing?(): void;
}

export type JobState = 'queued' | 'loading' | 'refreshing' | 'done' | 'failed';

export interface UploadJobOutcome {
	id: number;
	fileName: string;
	status: string;
	inserted: number;
	updated: number;
	rejected: number;
	skipped: number;
	error: Problem | null;
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
	/** Rows of the uploaded file read and rejected so far. */
	rowsRead: number;
	rejected: number;
	/** The uploaded file's outcome, once loaded. */
	outcome: UploadJobOutcome | null;
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
export function startJob(relative: string, fileName: string, dataset: string): { job: JobProgress; listener: IngestListener; finish: (outcome: UploadJobOutcome | null, problems: Problem[]) => void; fail: (problem: Problem) => void } {
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
		rows(file, read, rejected) {
			if (file !== relative) return;
			job.rowsRead = read;
			job.rejected = rejected;
			touch();
		},
		fileDone(file, outcome) {
			job.filesDone++;
			if (file === relative) {
				job.rowsRead = outcome.rowsRead;
				job.rejected = outcome.rejected;
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
