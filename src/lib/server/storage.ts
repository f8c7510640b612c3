/**
 * The data folder's health: a full disk or a read-only folder is not a file's fault. When
 * writing is impossible the ingest stops before it writes (or its transaction is rolled
 * back), the files stay in the inbox, the Data page and the log say why, and the dashboard
 * keeps serving reads. Checked before every file with statfs, and recognised in errors from
 * Node.js and DuckDB when the disk fills up during a load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inEnglish, problem, type Problem } from '../i18n/translate';
import { errnoCode } from './imports/reasons';
import { log } from './log';

/** Writing to the data folder is impossible for now; `problem` says why and what to do. */
export class StorageError extends Error {
	constructor(
		readonly problem: Problem,
		options?: { cause?: unknown }
	) {
		super(inEnglish(problem), options);
	}
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.max(0, Math.round(bytes / MB));

/** Free space kept on the data folder's disk besides what a load needs (CARE_MIN_FREE_MB, default 100). */
export function minFreeBytes(env: NodeJS.ProcessEnv = process.env): number {
	const v = Number(env.CARE_MIN_FREE_MB);
	return (Number.isFinite(v) && v >= 0 && env.CARE_MIN_FREE_MB !== '' ? v : 100) * MB;
}

/** The problem behind an error when it is the disk's or the folder's, not the file's; else null. */
export function storageProblemOf(e: unknown, dir: string): Problem | null {
	if (e instanceof StorageError) return e.problem;
	const code = errnoCode(e);
	const message = e instanceof Error ? e.message : String(e);
	if (code === 'ENOSPC' || code === 'EDQUOT' || /No space left on device|Disk quota exceeded/i.test(message)) {
		return problem('problem.diskFull', { dir, freeMb: mb(freeBytes(dir) ?? 0) });
	}
	// A read-only mount, or the database opened read-only because of one (db/database.ts).
	if (code === 'EROFS' || /Read-only file system|in read-only mode/i.test(message)) return problem('problem.dataReadOnly', { dir });
	// DuckDB stops a database after a failed write of its own files (a checkpoint on a full disk).
	if (/database has been invalidated/i.test(message)) return problem('problem.databaseStopped', { detail: message.split('\n')[0]! });
	// DuckDB's own files: it cannot write its WAL or database file.
	if (/(Could not write file|Cannot open file).*(Permission denied)/i.test(message)) return problem('problem.dataReadOnly', { dir });
	return null;
}

/** Bytes available to this process on the disk holding `dir` (null when unknown). */
export function freeBytes(dir: string): number | null {
	try {
		const s = fs.statfsSync(existingAncestor(dir));
		return s.bavail * s.bsize;
	} catch {
		return null;
	}
}

function existingAncestor(dir: string): string {
	let d = path.resolve(dir);
	while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
	return d;
}

/**
 * Can `needBytes` more be written to the data folder? Null when yes, else the problem.
 * Writability is tried for real (a probe file): permissions alone do not show a read-only mount.
 */
export function checkDataFolder(dir: string, needBytes = 0, env: NodeJS.ProcessEnv = process.env): Problem | null {
	const probe = path.join(dir, `.write-probe-${process.pid}`);
	try {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(probe, 'ok');
		fs.unlinkSync(probe);
	} catch (e) {
		const code = errnoCode(e);
		if (code === 'ENOSPC' || code === 'EDQUOT') return problem('problem.diskFull', { dir, freeMb: mb(freeBytes(dir) ?? 0) });
		return problem('problem.dataReadOnly', { dir });
	}
	const free = freeBytes(dir);
	const wanted = needBytes + minFreeBytes(env);
	if (free !== null && free < wanted) return problem('problem.diskLow', { dir, freeMb: mb(free), neededMb: mb(wanted) });
	return null;
}

export interface StorageState {
	problem: Problem;
	/** When writing was first found impossible (ISO). */
	since: string;
}

let state: StorageState | null = null;

/** Writing failed: remember why (the Data page and /api/health show it) and log it once. */
export function reportStorageProblem(p: Problem): StorageState {
	if (!state || state.problem.key !== p.key) {
		state = { problem: p, since: new Date().toISOString() };
		log().error({ problem: p, reason: inEnglish(p) }, 'writing to the data folder is impossible; loading is paused');
	} else state = { ...state, problem: p };
	return state;
}

/** Writing works again. */
export function clearStorageProblem(): void {
	if (state) log().info({ was: inEnglish(state.problem) }, 'the data folder is writable again; loading resumes');
	state = null;
}

export function storageState(): StorageState | null {
	return state;
}
