/**
 * What the Data page shows: recent ingest runs and files, files waiting in the inbox, the
 * schedule, and one file's rejected rows.
 */
import path from 'node:path';
import { problem, type MessageKey, type Phrase, type Problem, type ProblemKey } from '../../i18n/translate';
import { stuckFiles } from './ingest';
import { listInbox, type SkippedEntry } from './inbox';
import type { Runtime } from '../runtime';
import { DATASET_NAMES, type DatasetName } from './datasets';
import { nativeMapping } from './mapping';
import { loadMappings } from './mappings/index';
import { storageState } from '../storage';

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
	problems: Problem[];
}

export interface FileRow {
	id: number;
	run_id: number;
	dataset: string;
	mapping: string | null;
	/** The preset the mapping is a part of. */
	preset: string | null;
	/** Loaded again on purpose (the duplicate check skipped). */
	forced: boolean | null;
	/** The file's header as read (null for JSON, and for imports recorded before it was kept). */
	columns: string[] | null;
	file_name: string;
	stored_path: string | null;
	/** Set (on one file's page) while its file still lies in the inbox, not yet moved out. */
	pending_in_inbox?: string | null;
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
	error_problem: Problem | null;
	notes_problems: Problem[];
	started_at: string;
}

export interface RejectRow {
	line: number;
	record: number;
	column_name: string | null;
	value: string | null;
	reason: string;
	problem: Problem;
	raw: string;
}

/** Stored JSON text back into a value (the queries cast JSON columns to text). */
function parsed<T>(text: unknown, fallback: T): T {
	return typeof text === 'string' && text !== '' ? (JSON.parse(text) as T) : fallback;
}

const toRun = (r: Record<string, unknown>): RunRow => ({ ...(r as unknown as RunRow), problems: parsed(r.problems, []) });
const toFile = (r: Record<string, unknown>): FileRow => ({
	...(r as unknown as FileRow),
	preset: (r.preset as string | null | undefined) ?? null,
	forced: (r.forced as boolean | null | undefined) ?? null,
	columns: parsed(r.columns, null),
	error_problem: parsed(r.error_problem, null),
	notes_problems: parsed(r.notes_problems, [])
});
const toReject = (r: Record<string, unknown>): RejectRow => ({
	...(r as unknown as RejectRow),
	problem: { key: r.reason_key as ProblemKey, params: parsed(r.reason_params, undefined) }
});

/** A path relative to the project folder when it is inside it, absolute otherwise. */
function displayPath(p: string): string {
	const rel = path.relative(process.cwd(), p);
	return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export async function getDataStatus(rt: Runtime) {
	const runs = (await rt.db.query('data/recent_runs', { limit: 20 })).map(toRun);
	const files = (await rt.db.query('data/recent_files', { limit: 50 })).map(toFile);
	const listing = listInbox(rt.config.inboxDir);
	// A file recorded but not yet moved out is not waiting: it is stuck, with the move's reason.
	const stuck = new Map((await stuckFiles(rt.db)).map((s) => [s.sourcePath, s]));
	const waiting = listing.waiting
		.filter((w) => !stuck.has(w.relative))
		.map((w) => ({ relative: w.relative, dataset: w.dataset, size: w.size, modified: w.modified.toISOString() }));
	const skipped: SkippedEntry[] = [
		...listing.skipped,
		...listing.waiting
			.filter((w) => stuck.has(w.relative))
			.map((w) => {
				const s = stuck.get(w.relative)!;
				return { relative: w.relative, kind: 'stuck' as const, problem: s.problem ?? problem('problem.notMoved', { file: w.relative, id: s.id, code: 'other', detail: '' }) };
			})
	];
	return {
		datasets: DATASET_NAMES,
		runs,
		files,
		waiting,
		skipped,
		storage: storageState(),
		readOnly: rt.db.readOnly,
		inbox: displayPath(rt.config.inboxDir),
		schedule: rt.scheduler ? { cron: rt.scheduler.cron, timeZone: rt.scheduler.timeZone, nextRun: rt.scheduler.nextRun()?.toISOString() ?? null } : null
	};
}

export interface FilePart {
	id: number;
	dataset: string;
	mapping: string | null;
	status: string;
	rows_inserted: number;
	rows_updated: number;
	rows_rejected: number;
	rows_skipped: number;
}

export async function getFileWithRejects(rt: Pick<Runtime, 'db'>, id: number, limit: number) {
	const [row] = await rt.db.query('data/file', { id });
	if (!row) return null;
	const rejects = (await rt.db.query('data/file_rejects', { id, limit })).map(toReject);
	return { file: toFile(row), rejects };
}

/** The other datasets the same file loaded into in the same run (a preset's parts). */
export async function fileParts(rt: Pick<Runtime, 'db'>, id: number): Promise<FilePart[]> {
	return rt.db.query<FilePart & Record<string, unknown>>('data/file_parts', { id });
}

/** The layouts a file of this dataset can be loaded again with: presets with a part for it, its mappings, the product's own. */
export function layoutChoices(rt: Pick<Runtime, 'config'>, dataset: string): { id: string; title: string; preset: boolean }[] {
	const available = loadMappings(rt.config.mappingsDir);
	return [
		...available.presets.filter((p) => p.mappings.some((m) => m.dataset === dataset)).map((p) => ({ id: p.id, title: p.title, preset: true })),
		...available.mappings.filter((m) => m.dataset === dataset && !m.preset).map((m) => ({ id: m.id, title: m.title, preset: false })),
		{ id: 'native', title: nativeMapping(dataset as DatasetName).title, preset: false }
	];
}

/** Refusals an upload may come back with (anything else in the URL is ignored). */
const REFUSALS = new Set(['data.uploadMissing', 'data.unknownDataset', 'import.unknownLayout', 'data.uploadTooLarge', 'data.uploadBroken', 'problem.diskFull', 'problem.diskLow', 'problem.dataReadOnly']);

export type UploadResult =
	| { kind: 'file'; file: { id: number; fileName: string; status: string; inserted: number; updated: number; rejected: number; error: Problem | null } }
	| { kind: 'refused'; phrase: Phrase }
	| { kind: 'run'; problems: Problem[] }
	| null;

/** What /data/upload said, from the URL it redirected to (uploads made without JavaScript). */
export async function uploadResult(rt: Runtime, params: URLSearchParams): Promise<UploadResult> {
	const id = Number(params.get('upload'));
	if (Number.isInteger(id) && id > 0) {
		const [row] = await rt.db.query('data/file', { id });
		if (!row) return null;
		const f = toFile(row);
		return {
			kind: 'file',
			file: { id: f.id, fileName: f.file_name, status: f.status, inserted: f.rows_inserted, updated: f.rows_updated, rejected: f.rows_rejected, error: f.error_problem }
		};
	}
	const key = params.get('refused');
	if (key && REFUSALS.has(key)) {
		const phraseParams: Record<string, string> = {};
		for (const [k, v] of params) if (k.startsWith('p.')) phraseParams[k.slice(2)] = v;
		return { kind: 'refused', phrase: { key: key as MessageKey, params: phraseParams } };
	}
	const runId = Number(params.get('uploadRun'));
	if (Number.isInteger(runId) && runId > 0) {
		const runs = (await rt.db.query('data/recent_runs', { limit: 20 })).map(toRun);
		return { kind: 'run', problems: runs.find((r) => r.id === runId)?.problems ?? [] };
	}
	return null;
}
