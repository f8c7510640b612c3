/**
 * The inbox folder: what waits in it, what is left alone and why, and moving a file out.
 *
 * Layout: <inbox>/<dataset>/<file> (the layout is detected from the header), or
 * <inbox>/<dataset>/<mapping-id>/<file> to name the mapping. Hidden files and *.part, *.tmp,
 * *.crdownload, *~ are left alone without a word: they are being written. Anything else that
 * will not be loaded (a symbolic link, a pipe, a file too deep or outside a dataset folder, a
 * folder the server may not read) is listed as skipped with the reason, for the Data page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { problem, type Problem, type ProblemKey } from '../../i18n/translate';
import { DATASET_NAMES, isDatasetName, type DatasetName } from './datasets';
import { errnoCode } from './reasons';

export interface WaitingFile {
	dataset: DatasetName;
	mappingId: string | null;
	path: string;
	/** Path inside the inbox, with "/" separators: customers/export.csv. */
	relative: string;
	size: number;
	modified: Date;
}

export type SkipKind = 'symlink' | 'special' | 'too-deep' | 'not-in-dataset' | 'unreadable' | 'stuck';

export interface SkippedEntry {
	relative: string;
	kind: SkipKind;
	problem: Problem;
}

export interface InboxListing {
	/** Files to load, in load order: customers first (so stubs are rarely needed), then by name. */
	waiting: WaitingFile[];
	skipped: SkippedEntry[];
}

const IGNORED = /(^\.|\.part$|\.tmp$|\.crdownload$|~$)/i;

const FOLDERS = DATASET_NAMES.map((d) => d + '/').join(', ');

function entryKind(entry: fs.Dirent): 'file' | 'dir' | 'symlink' | 'special' {
	if (entry.isSymbolicLink()) return 'symlink';
	if (entry.isFile()) return 'file';
	if (entry.isDirectory()) return 'dir';
	return 'special';
}

function toRelative(inboxDir: string, full: string): string {
	return path.relative(inboxDir, full).split(path.sep).join('/');
}

export function listInbox(inboxDir: string): InboxListing {
	const waiting: WaitingFile[] = [];
	const skipped: SkippedEntry[] = [];
	const skip = (full: string, kind: SkipKind, key: ProblemKey, params: Record<string, string> = {}) => {
		const relative = toRelative(inboxDir, full);
		skipped.push({ relative, kind, problem: problem(key, { path: relative, ...params }) });
	};

	/** The visible entries of a folder, or none (and a skipped entry) when it cannot be read. */
	const read = (dir: string): fs.Dirent[] => {
		try {
			return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !IGNORED.test(e.name));
		} catch (e) {
			const code = errnoCode(e);
			// Gone since it was listed: nothing to say.
			if (code !== 'ENOENT' && code !== 'ENOTDIR') skip(dir, 'unreadable', 'problem.inboxUnreadable', { code: code ?? (e as Error).message });
			return [];
		}
	};
	/** Entries that are not regular files or folders are never opened (a pipe would block a read). */
	const strange = (full: string, kind: 'symlink' | 'special') =>
		kind === 'symlink' ? skip(full, 'symlink', 'problem.inboxSymlink') : skip(full, 'special', 'problem.inboxSpecial');
	const add = (full: string, dataset: DatasetName, mappingId: string | null) => {
		let stat: fs.Stats;
		try {
			stat = fs.statSync(full);
		} catch {
			return; // moved away since it was listed
		}
		waiting.push({ dataset, mappingId, path: full, relative: toRelative(inboxDir, full), size: stat.size, modified: stat.mtime });
	};

	if (!fs.existsSync(inboxDir)) return { waiting, skipped };
	for (const top of read(inboxDir)) {
		const full = path.join(inboxDir, top.name);
		const kind = entryKind(top);
		if (kind === 'symlink' || kind === 'special') strange(full, kind);
		else if (kind === 'file') skip(full, 'not-in-dataset', 'problem.notInDatasetFolder', { file: top.name, folders: FOLDERS });
		else if (!isDatasetName(top.name)) skip(full, 'not-in-dataset', 'problem.unknownFolder', { folders: FOLDERS });
		else {
			const dataset = top.name;
			for (const inner of read(full)) {
				const innerPath = path.join(full, inner.name);
				const innerKind = entryKind(inner);
				if (innerKind === 'file') add(innerPath, dataset, null);
				else if (innerKind === 'symlink' || innerKind === 'special') strange(innerPath, innerKind);
				else {
					for (const f of read(innerPath)) {
						const filePath = path.join(innerPath, f.name);
						const fKind = entryKind(f);
						if (fKind === 'file') add(filePath, dataset, inner.name);
						else if (fKind === 'symlink' || fKind === 'special') strange(filePath, fKind);
						else skip(filePath, 'too-deep', 'problem.inboxTooDeep', { dataset });
					}
				}
			}
		}
	}
	const order = (d: DatasetName) => DATASET_NAMES.indexOf(d);
	waiting.sort((a, b) => order(a.dataset) - order(b.dataset) || a.relative.localeCompare(b.relative));
	skipped.sort((a, b) => a.relative.localeCompare(b.relative));
	return { waiting, skipped };
}

/**
 * Whether a run would load anything: a file in a dataset folder, old enough to be complete,
 * and not one already loaded that only waits to be moved out (`stuck`, by relative path).
 */
export function inboxHasWork(inboxDir: string, minAgeMs = 0, now = Date.now(), stuck: ReadonlySet<string> = new Set()): boolean {
	return listInbox(inboxDir).waiting.some((w) => now - w.modified.getTime() >= minAgeMs && !stuck.has(w.relative));
}

/** Most file systems allow 255 bytes in a name; some (eCryptfs) fewer. Stored names stay well below. */
const MAX_STORED_NAME_BYTES = 140;

function stamp(d: Date): string {
	return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Cut text to at most `bytes` bytes of UTF-8 without splitting a character. */
function cutToBytes(text: string, bytes: number): string {
	let out = '';
	let used = 0;
	for (const ch of text) {
		const n = Buffer.byteLength(ch);
		if (used + n > bytes) break;
		out += ch;
		used += n;
	}
	return out;
}

/**
 * The name a file is kept under in processed/ or failed/: time, import id, and the original
 * name shortened to fit any file system (the original name stays in the import's record).
 */
export function storedName(originalName: string, id: number, when: Date = new Date()): string {
	const prefix = `${stamp(when)}-${id}-`;
	const room = MAX_STORED_NAME_BYTES - Buffer.byteLength(prefix);
	if (Buffer.byteLength(originalName) <= room) return prefix + originalName;
	const ext = path.extname(originalName);
	const keptExt = Buffer.byteLength(ext) <= 16 ? ext : '';
	const stem = originalName.slice(0, originalName.length - keptExt.length);
	return prefix + cutToBytes(stem, room - Buffer.byteLength(keptExt) - 1).trimEnd() + '~' + keptExt;
}

/** Move a file to `target` (never overwriting); across file systems by copy and delete. */
export function moveFile(file: string, target: string): void {
	fs.mkdirSync(path.dirname(target), { recursive: true });
	if (fs.existsSync(target)) throw Object.assign(new Error(`${target} already exists`), { code: 'EEXIST' });
	try {
		fs.renameSync(file, target);
	} catch (e) {
		if (errnoCode(e) !== 'EXDEV') throw e;
		// Copy under a temporary name first, so a crash never leaves half a file under the real one.
		const part = `${target}.part`;
		fs.copyFileSync(file, part);
		fs.renameSync(part, target);
		fs.unlinkSync(file);
	}
}
