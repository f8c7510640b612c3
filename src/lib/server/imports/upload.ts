/**
 * A file uploaded from the browser goes through the same path as a dropped one. The request
 * body is streamed to disk as it arrives (multipart parsed incrementally by busboy), never
 * held in memory: into inbox/.uploads/ (hidden, so a scheduled run never sees it), then, once
 * whole and its dataset known, renamed into inbox/<dataset>/ and the ingest runs at once.
 */
import Busboy from 'busboy';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { runIngest, type RunSummary, type Trigger } from './ingest';
import type { Runtime } from '../runtime';
import { isDatasetName, type DatasetName } from './datasets';
import { formatFromName } from './sniff';
import { inEnglishPhrase, type Phrase } from '../../i18n/translate';
import { checkDataFolder, reportStorageProblem, storageProblemOf } from '../storage';
import type { Problem } from '../../i18n/translate';

/** A refused upload; `phrase` says why in the reader's language, `status` is the HTTP status. */
export class UploadError extends Error {
	constructor(
		readonly phrase: Phrase,
		readonly status = 400
	) {
		super(inEnglishPhrase(phrase));
	}
}

/** A file name safe to write into the inbox: no folders, no hidden or temporary names. */
export function safeUploadName(name: string): string {
	const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
	const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+/, '').replace(/(\.part|\.tmp|\.crdownload|~)$/i, '');
	return cleaned.slice(-120) || 'upload.csv';
}

export interface UploadPart {
	id: number;
	dataset: string;
	mapping: string | null;
	status: string;
	inserted: number;
	updated: number;
	rejected: number;
	skipped: number;
	error: Problem | null;
}

export interface UploadOutcome {
	/** The import of the dataset the file was uploaded as. */
	id: number;
	fileName: string;
	status: string;
	inserted: number;
	updated: number;
	rejected: number;
	error: Problem | null;
	/** Every dataset the file loaded into (a preset's parts), its own first. */
	parts: UploadPart[];
}

/**
 * Where a file given as `dataset` (and through `layout`, if named) goes in the inbox: its
 * folder <dataset>/[<layout>/], created, under a safe name not taken yet. Refuses a name of a
 * format the product does not read (an upload is never a way to place anything else on the server).
 */
export function inboxTarget(inboxDir: string, dataset: DatasetName, layout: string | null, name: string): { path: string; relative: string } {
	const dir = path.join(inboxDir, dataset, ...(layout ? [layout] : []));
	const wanted = safeUploadName(name);
	if (!formatFromName(wanted)) throw new UploadError({ key: 'data.uploadType', params: { name: wanted } });
	fs.mkdirSync(dir, { recursive: true });
	const ext = path.extname(wanted);
	let fileName = wanted;
	for (let i = 2; fs.existsSync(path.join(dir, fileName)); i++) fileName = `${path.basename(wanted, ext)}-${i}${ext}`;
	return { path: path.join(dir, fileName), relative: [dataset, ...(layout ? [layout] : []), fileName].join('/') };
}

/** The largest upload, from BODY_SIZE_LIMIT (as adapter-node reads it: 512K, 512M, 1G, Infinity). */
export function uploadLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
	const v = (env.BODY_SIZE_LIMIT ?? '512M').trim();
	if (/^infinity$/i.test(v)) return Infinity;
	const m = /^(\d+)\s*([KMG]?)B?$/i.exec(v);
	if (!m) return 512 * 1024 * 1024;
	return Number(m[1]) * { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
}

/** Where uploads are written while they arrive (hidden: the inbox scan never sees it). */
export function uploadStagingDir(inboxDir: string): string {
	return path.join(inboxDir, '.uploads');
}

/** Remove what uploads cut off by a crash left behind (run at start, when no upload is under way). */
export function removeStaleUploads(inboxDir: string): number {
	const dir = uploadStagingDir(inboxDir);
	if (!fs.existsSync(dir)) return 0;
	let removed = 0;
	for (const name of fs.readdirSync(dir)) {
		if (!name.endsWith('.part')) continue;
		fs.rmSync(path.join(dir, name), { force: true });
		removed++;
	}
	return removed;
}

interface Received {
	dataset: string;
	/** The layout named for the file (a preset, a mapping or "native"); empty: detect it. */
	layout: string;
	/** Load it even if the same file was loaded before through the same layout. */
	force: boolean;
	name: string;
	part: string | null;
	bytes: number;
}

/** Stream a multipart body's one file to `part`, and read its text fields. */
function receive(request: Request, part: string, limit: number): Promise<Received> {
	return new Promise((resolve, reject) => {
		const got: Received = { dataset: '', layout: '', force: false, name: '', part: null, bytes: 0 };
		let writing: Promise<void> | null = null;
		let failed: unknown = null;
		let bb: Busboy.Busboy;
		try {
			bb = Busboy({ headers: Object.fromEntries(request.headers), limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: Number.isFinite(limit) ? limit : undefined } });
		} catch {
			reject(new UploadError({ key: 'data.uploadMissing' }));
			return;
		}
		bb.on('field', (name, value) => {
			if (name === 'dataset') got.dataset = value;
			else if (name === 'layout' || name === 'preset' || name === 'mapping') got.layout = value.trim();
			else if (name === 'force') got.force = value === 'true' || value === 'on' || value === '1';
		});
		bb.on('file', (field, stream, info) => {
			if (field !== 'file' || !info.filename) {
				stream.resume();
				return;
			}
			got.name = info.filename;
			got.part = part;
			stream.on('data', (chunk: Buffer) => (got.bytes += chunk.length));
			stream.on('limit', () => (failed = new UploadError({ key: 'data.uploadTooLarge', params: { max: Math.round(limit / 1024 ** 2) } }, 413)));
			writing = pipeline(stream, fs.createWriteStream(part)).catch((e) => {
				failed ??= e;
				stream.resume();
			});
		});
		// A body cut off: let the file's writing end (its stream may still be opening the .part
		// file) before the caller removes it, or the file appears after its removal.
		bb.on('error', (e) => {
			void (async () => {
				await writing;
				reject(failed ?? e);
			})();
		});
		bb.on('close', () => {
			void (async () => {
				await writing;
				if (failed) reject(failed);
				else resolve(got);
			})();
		});
		if (!request.body) {
			reject(new UploadError({ key: 'data.uploadMissing' }));
			return;
		}
		const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
		body.on('error', (e) => {
			failed ??= e;
			bb.destroy(e);
		});
		body.pipe(bb);
	});
}

/**
 * Receive an upload (multipart/form-data: a `dataset` field, optionally a `layout` — a preset,
 * a mapping or "native", the inbox's <dataset>/<layout>/ folder — and `force`, then a `file`),
 * put it in the inbox and run the ingest. Refusals throw UploadError; nothing half-written
 * stays behind. The fields come before the file in the form.
 */
export async function receiveUpload(rt: Runtime, request: Request, trigger: Trigger = 'manual'): Promise<{ run: RunSummary; upload: UploadOutcome | null }> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	const limit = uploadLimitBytes();
	if (declared > limit) throw new UploadError({ key: 'data.uploadTooLarge', params: { max: Math.round(limit / 1024 ** 2) } }, 413);
	// Room for the file and for loading it (about twice its size again).
	const room = checkDataFolder(rt.config.dataDir, declared * 3);
	if (room) {
		reportStorageProblem(room);
		throw new UploadError({ key: room.key, params: room.params }, 507);
	}
	const staging = uploadStagingDir(rt.config.inboxDir);
	fs.mkdirSync(staging, { recursive: true });
	const part = path.join(staging, `${crypto.randomBytes(8).toString('hex')}.part`);
	let got: Received;
	try {
		got = await receive(request, part, limit);
	} catch (e) {
		fs.rmSync(part, { force: true });
		if (e instanceof UploadError) throw e;
		const storage = storageProblemOf(e, rt.config.dataDir);
		if (storage) {
			reportStorageProblem(storage);
			throw new UploadError({ key: storage.key, params: storage.params }, 507);
		}
		throw new UploadError({ key: 'data.uploadBroken', params: { detail: (e as Error).message } });
	}
	try {
		if (!got.part || !got.dataset) throw new UploadError({ key: 'data.uploadMissing' });
		if (!isDatasetName(got.dataset)) throw new UploadError({ key: 'data.unknownDataset', params: { dataset: got.dataset } });
		// A folder name, never a path: the layouts' ids are all of this form.
		if (got.layout && !/^[a-z0-9][a-z0-9_-]*$/.test(got.layout)) throw new UploadError({ key: 'import.unknownLayout', params: { layout: got.layout } });
		const target = inboxTarget(rt.config.inboxDir, got.dataset, got.layout || null, got.name);
		const fileName = path.basename(target.path);
		fs.renameSync(got.part, target.path);
		const relative = target.relative;
		const run = await runIngest(rt.db, rt.config, trigger, got.force ? { force: new Set([relative]) } : {});
		// The file's parts: the one of the dataset it was given as first, then the others (a preset's).
		const parts = run.files.filter((f) => f.sourcePath === relative);
		const own = parts.find((f) => f.dataset === got.dataset) ?? parts[0];
		return {
			run,
			upload: own
				? {
						id: own.id,
						fileName,
						status: own.status,
						inserted: own.inserted,
						updated: own.updated,
						rejected: own.rejected,
						error: own.error,
						parts: parts.map((f) => ({ id: f.id, dataset: f.dataset, mapping: f.mapping, status: f.status, inserted: f.inserted, updated: f.updated, rejected: f.rejected, skipped: f.skipped, error: f.error }))
					}
				: null
		};
	} finally {
		fs.rmSync(part, { force: true });
	}
}
