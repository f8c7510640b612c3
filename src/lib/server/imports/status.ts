/**
 * What the Data page shows: recent ingest runs and files, files waiting in the inbox, the
 * schedule, and one file's rejected rows.
 */
import path from 'node:path';
import { listInbox } from '../../../../jobs/ingest';
import type { Runtime } from '../runtime';
import { DATASET_NAMES } from './datasets';

export interface RunRow {
	id: number;
	trigger: string;
	status: string;
	started_at: string;
	finished_at: string | null;
	seconds: number | null;
	files_seen: number;
	files_loaded: number;
	files_duplicate: number;
	files_failed: number;
	rows_inserted: number;
	rows_updated: number;
	rows_rejected: number;
	rows_skipped: number;
	error: string | null;
}

export interface FileRow {
	id: number;
	run_id: number;
	dataset: string;
	mapping: string | null;
	file_name: string;
	stored_path: string | null;
	format: string | null;
	encoding: string | null;
	status: string;
	size_bytes: number;
	rows_read: number;
	rows_inserted: number;
	rows_updated: number;
	rows_rejected: number;
	rows_skipped: number;
	rows_superseded: number;
	duplicate_of: number | null;
	error: string | null;
	notes: string | null;
	started_at: string;
}

export interface RejectRow {
	line: number;
	record: number;
	column_name: string | null;
	value: string | null;
	reason: string;
	raw: string;
}

/** A path relative to the project folder when it is inside it, absolute otherwise. */
function displayPath(p: string): string {
	const rel = path.relative(process.cwd(), p);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export async function getDataStatus(rt: Runtime) {
	const runs = await rt.db.query<RunRow & Record<string, unknown>>('data/recent_runs', { limit: 20 });
	const files = await rt.db.query<FileRow & Record<string, unknown>>('data/recent_files', { limit: 50 });
	const waiting = listInbox(rt.config.inboxDir).map((w) => ({
		relative: w.relative,
		dataset: w.dataset,
		size: w.size,
		modified: w.modified.toISOString()
	}));
	return {
		datasets: DATASET_NAMES,
		runs,
		files,
		waiting,
		inbox: displayPath(rt.config.inboxDir),
		schedule: rt.scheduler ? { cron: rt.scheduler.cron, timeZone: rt.scheduler.timeZone, nextRun: rt.scheduler.nextRun()?.toISOString() ?? null } : null
	};
}

export async function getFileWithRejects(rt: Runtime, id: number, limit: number) {
	const [file] = await rt.db.query<FileRow & Record<string, unknown>>('data/file', { id });
	if (!file) return null;
	const rejects = await rt.db.query<RejectRow & Record<string, unknown>>('data/file_rejects', { id, limit });
	return { file, rejects };
}

/** A file name safe to write into the inbox: no folders, no hidden or temporary names. */
export function safeUploadName(name: string): string {
	const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
	const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+/, '').replace(/(\.part|\.tmp|\.crdownload|~)$/i, '');
	return cleaned.slice(-120) || 'upload.csv';
}
