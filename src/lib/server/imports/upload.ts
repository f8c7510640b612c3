/**
 * A file uploaded from the browser goes through the same path as a dropped one. The request
 * body is streamed to disk as it arrives (multipart parsed incrementally by busboy), never
 * held in memory: into inbox/.uploads/ (hidden, so a scheduled run never sees it), then, once
 * whole and its dataset known, renamed into inbox/<dataset>/ (or inbox/<dataset>/<layout>/
 * when the upload names a preset, a mapping or "native") and the ingest runs at once; `force`
 * loads it even if the same file was loaded before through the same layout.
 *
 * The upload page (/data/import) also says how to read the file, in fields sent before it:
 * `encoding` (text in another encoding is turned into UTF-8 as it streams to disk),
 * `delimiter` and `headerRow` (the CSV is written again with commas from its header on), and
 * XLSX workbooks are turned into CSV (./convert.ts). Asked with the header x-care-follow: 1, the
 * answer comes as soon as the file is in the inbox, with a job the page follows while the load
 * runs (./progress.ts).
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
import { loadMappings } from './mappings/index';
import { needsTranscoding, rewriteCsv, toUtf8, xlsxToCsv } from './convert';
import { startJob, type JobProgress } from './progress';
import { isEncoding, type Encoding } from '../../upload/encoding';
import { isDelimiter } from '../../upload/csv-sniff';
import { log } from '../log';
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
	/** For a part loaded before (status duplicate): the import that loaded it. */
	duplicateOf: number | null;
}

export interface UploadOutcome {
	/** The import of the dataset the file was uploaded as. */
	id: number;
	fileName: string;
	status: string;
	inserted: number;
	updated: number;
	rejected: number;
	skipped: number;
	error: Problem | null;
	/** When the file was loaded before (status duplicate): the import that loaded it. */
	duplicateOf: number | null;
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
	fields: Record<string, string>;
	name: string;
	part: string | null;
	bytes: number;
}

/** How the page asked the file to be read; the fields come before the file in the body. */
export interface ReadOptions {
	dataset: string;
	/** The layout named for the file (a preset, a mapping or "native"; fields `layout`, `preset` or `mapping`); null: detect it. */
	layout: string | null;
	/** Load it even if the same file was loaded before through the same layout. */
	force: boolean;
	encoding: Encoding | null;
	delimiter: string | null;
	/** Rows above the header (title lines), 0 when the header is the first row. */
	headerRow: number;
}

/** The read options of an upload's fields, or why they are not acceptable. */
export function readOptions(fields: Record<string, string>): ReadOptions {
	const bad = (field: string) => new UploadError({ key: 'import.badOption', params: { field, value: (fields[field] ?? '').slice(0, 40) } });
	const encoding = fields.encoding || null;
	if (encoding !== null && !isEncoding(encoding)) throw bad('encoding');
	const delimiter = fields.delimiter || null;
	if (delimiter !== null && !isDelimiter(delimiter)) throw bad('delimiter');
	const headerRow = fields.headerRow ? Number(fields.headerRow) : 0;
	if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow > 1000) throw bad('headerRow');
	const layout = (fields.layout || fields.preset || fields.mapping || '').trim() || null;
	// A folder name, never a path: the layouts' ids are all of this form.
	if (layout !== null && !/^[a-z0-9][a-z0-9_-]*$/.test(layout)) throw new UploadError({ key: 'import.unknownLayout', params: { layout: layout.slice(0, 40) } });
	const force = ['true', 'on', '1'].includes(fields.force ?? '');
	return { dataset: fields.dataset ?? '', layout, force, encoding, delimiter, headerRow };
}
/** Stream a multipart body's one file to `part` (in UTF-8 when its fields name another encoding), and read its text fields. */
function receive(request: Request, part: string, limit: number): Promise<Received> {
	return new Promise((resolve, reject) => {
		const got: Received = { fields: {}, name: '', part: null, bytes: 0 };
		let writing: Promise<void> | null = null;
		let failed: unknown = null;
		let bb: Busboy.Busboy;
		try {
			bb = Busboy({ headers: Object.fromEntries(request.headers), limits: { files: 1, fields: 20, fieldSize: 1024, fileSize: Number.isFinite(limit) ? limit : undefined } });
		} catch {
			reject(new UploadError({ key: 'data.uploadMissing' }));
			return;
		}
		bb.on('field', (name, value) => {
			got.fields[name] = value;
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
			const encoding = isEncoding(got.fields.encoding) ? got.fields.encoding : null;
			const isText = !/\.xlsx$/i.test(info.filename) && formatFromName(info.filename) !== 'parquet';
			const steps = needsTranscoding(encoding) && isText ? pipeline(stream, toUtf8(encoding), fs.createWriteStream(part)) : pipeline(stream, fs.createWriteStream(part));
			writing = steps.catch((e) => {
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

/** An upload in the inbox, ready for a run. */
interface Placed {
	dataset: DatasetName;
	fileName: string;
	/** Its path inside the inbox ("tickets/our-mapping/export.csv"). */
	relative: string;
	options: ReadOptions;
}

/**
 * Receive the body, make the file what the loader reads (UTF-8 CSV from its header on, the
 * first sheet of a workbook) and put it in the inbox. Refusals throw UploadError; nothing
 * half-written stays behind.
 */
async function placeUpload(rt: Runtime, request: Request): Promise<Placed> {
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
	const converted = `${part.slice(0, -'.part'.length)}-csv.part`;
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
		if (!got.part || !got.fields.dataset) throw new UploadError({ key: 'data.uploadMissing' });
		const options = readOptions(got.fields);
		const dataset = options.dataset;
		if (!isDatasetName(dataset)) throw new UploadError({ key: 'data.unknownDataset', params: { dataset } });
		if (options.layout && options.layout !== 'native') {
			const available = loadMappings(rt.config.mappingsDir);
			// A layout no file names is refused at once; a preset of other datasets or a broken mapping is the loader's to explain (the file fails with why).
			const known = available.mappings.some((m) => m.dataset === dataset && m.id === options.layout) || available.presets.some((p) => p.id === options.layout) || available.broken.some((b) => b.id === options.layout);
			if (!known) throw new UploadError({ key: 'import.unknownMapping', params: { mapping: options.layout, dataset } });
		}
		let wanted = safeUploadName(got.name);
		let source = got.part;
		if (/\.xlsx$/i.test(wanted)) {
			// A workbook: its first sheet, as the CSV the loader reads.
			try {
				await xlsxToCsv(got.part, converted, { headerRow: options.headerRow });
			} catch (e) {
				throw new UploadError({ key: 'import.xlsxUnreadable', params: { name: wanted, detail: (e as Error).message.slice(0, 200) } });
			}
			wanted = wanted.replace(/\.xlsx$/i, '.csv');
			source = converted;
		} else if (formatFromName(wanted) === 'csv' && (options.headerRow > 0 || (options.delimiter && options.delimiter !== ','))) {
			await rewriteCsv(got.part, converted, { delimiter: options.delimiter ?? '', headerRow: options.headerRow });
			source = converted;
		}
		// Only the formats the product reads (inboxTarget refuses others): an upload is never a way to place anything else on the server.
		const target = inboxTarget(rt.config.inboxDir, dataset, options.layout, wanted);
		const fileName = path.basename(target.path);
		fs.renameSync(source, target.path);
		const relative = target.relative;
		return { dataset, fileName, relative, options };
	} finally {
		fs.rmSync(part, { force: true });
		fs.rmSync(converted, { force: true });
	}
}

/** The file's parts in a run: the one of the dataset it was given as first, then the others (a preset's). */
function partsOf(run: RunSummary, placed: Placed): UploadOutcome | null {
	const parts = run.files.filter((f) => f.sourcePath === placed.relative);
	const own = parts.find((f) => f.dataset === placed.dataset) ?? parts[0];
	if (!own) return null;
	const ordered = [own, ...parts.filter((f) => f !== own)];
	return {
		id: own.id,
		fileName: placed.fileName,
		status: own.status,
		inserted: own.inserted,
		updated: own.updated,
		rejected: own.rejected,
		skipped: own.skipped,
		error: own.error,
		duplicateOf: own.duplicateOf,
		parts: ordered.map((f) => ({ id: f.id, dataset: f.dataset, mapping: f.mapping, status: f.status, inserted: f.inserted, updated: f.updated, rejected: f.rejected, skipped: f.skipped, error: f.error, duplicateOf: f.duplicateOf }))
	};
}

const forced = (placed: Placed) => (placed.options.force ? { force: new Set([placed.relative]) } : {});

/**
 * Receive an upload (multipart/form-data: a `dataset` field, optionally a `layout` — a preset,
 * a mapping or "native", the inbox's <dataset>/<layout>/ folder; `preset` and `mapping` are
 * read as `layout` — `force` and the read options, then a `file`), put it in the inbox and run
 * the ingest. Refusals throw UploadError; nothing half-written stays behind.
 */
export async function receiveUpload(rt: Runtime, request: Request, trigger: Trigger = 'manual'): Promise<{ run: RunSummary; upload: UploadOutcome | null }> {
	const placed = await placeUpload(rt, request);
	const run = await runIngest(rt.db, rt.config, trigger, forced(placed));
	return { run, upload: partsOf(run, placed) };
}

/**
 * Receive an upload and answer once the file is in the inbox, with a job to follow: the load
 * runs after the answer, reporting to the job (every part of a preset's file); `finished` is
 * told the outcome (for the audit log).
 */
export async function receiveFollowedUpload(
	rt: Runtime,
	request: Request,
	finished: (outcome: UploadOutcome | null, run: RunSummary | null) => Promise<void> | void = () => {}
): Promise<{ job: JobProgress; placed: { dataset: string; fileName: string; relative: string } }> {
	const placed = await placeUpload(rt, request);
	const { job, listener, finish, fail } = startJob(placed.relative, placed.fileName, placed.dataset);
	void runIngest(rt.db, rt.config, 'manual', { ...forced(placed), listener })
		.then(async (run) => {
			const o = partsOf(run, placed);
			finish(o, run.problems);
			await finished(o, run);
		})
		.catch(async (e: unknown) => {
			log().error({ err: e, file: placed.relative }, 'followed upload: the ingest run failed');
			fail({ key: 'problem.runStopped', params: { detail: (e as Error).message ?? String(e) } });
			await finished(null, null);
		})
		.catch((e: unknown) => log().error({ err: e }, 'followed upload: recording the outcome failed'));
	return { job, placed: { dataset: placed.dataset, fileName: placed.fileName, relative: placed.relative } };
}

/** Whether a request asks to be answered at once and followed (the upload page's XHR sends x-care-follow: 1). */
export function wantsFollow(request: Request): boolean {
	return request.headers.get('x-care-follow') === '1';
}
