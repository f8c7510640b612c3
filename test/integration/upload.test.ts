/**
 * Uploads are streamed to disk: a large multipart body is written while it arrives (never held
 * in memory), lands whole in the inbox and loads; a body cut off halfway leaves nothing
 * behind; refusals say why. (The memory of a 220 MB upload is in docs/benchmarks.md.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveUpload, removeStaleUploads, UploadError, uploadStagingDir } from '../../src/lib/server/imports/upload';
import type { Runtime } from '../../src/lib/server/runtime';
import { tempDb, type TempDb } from '../helpers/temp-db';

const BOUNDARY = '----care-test-boundary';
const CALLS_HEADER = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id\n';

/** A multipart body produced piece by piece: `rows` calls generated as the reader pulls them. */
function multipart(
	dataset: string,
	fileName: string,
	rows: number,
	options: { cutAfterRows?: number; onProgress?: (rowsSent: number, bytesSent: number) => void } = {}
): ReadableStream<Uint8Array> {
	const enc = new TextEncoder();
	let i = 0;
	let sent = 0;
	let stage: 'head' | 'rows' | 'tail' | 'done' = 'head';
	return new ReadableStream({
		pull(controller) {
			if (stage === 'head') {
				controller.enqueue(
					enc.encode(
						`--${BOUNDARY}\r\nContent-Disposition: form-data; name="dataset"\r\n\r\n${dataset}\r\n` +
							`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${CALLS_HEADER}`
					)
				);
				stage = 'rows';
			} else if (stage === 'rows') {
				let chunk = '';
				for (let k = 0; k < 5000 && i < rows; k++, i++) chunk += `U${i},C${i % 50},inbound,support,2026-01-01T08:00:00Z,,,${i % 90},60,answered,agent,true,\n`;
				const bytes = enc.encode(chunk);
				sent += bytes.length;
				controller.enqueue(bytes);
				options.onProgress?.(i, sent);
				if (options.cutAfterRows !== undefined && i >= options.cutAfterRows) {
					controller.error(new Error('connection reset by peer'));
					stage = 'done';
				} else if (i >= rows) stage = 'tail';
			} else if (stage === 'tail') {
				controller.enqueue(enc.encode(`\r\n--${BOUNDARY}--\r\n`));
				controller.close();
				stage = 'done';
			}
		}
	});
}

function request(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): Request {
	return new Request('http://127.0.0.1/data/upload', {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
		body,
		duplex: 'half'
	} as RequestInit);
}

let t: TempDb;
let rt: Runtime;
beforeEach(async () => {
	t = await tempDb();
	rt = { db: t.db, config: t.config } as unknown as Runtime;
});
afterEach(() => t.close());

describe('uploads', () => {
	it('writes the file to disk while the body is still arriving, and loads it', { timeout: 300_000 }, async () => {
		const rows = 100_000; // about 8 MB of CSV
		const staging = uploadStagingDir(t.config.inboxDir);
		// Three quarters through the body, most of what was sent must already be on disk: a
		// server that buffered the body would not have written a byte yet.
		let onDisk = -1;
		let sentThen = 0;
		const progress = (sentRows: number, sentBytes: number) => {
			if (onDisk >= 0 || sentRows < rows * 0.75) return;
			sentThen = sentBytes;
			onDisk = fs.existsSync(staging) ? fs.readdirSync(staging).reduce((n, f) => n + fs.statSync(path.join(staging, f)).size, 0) : 0;
		};
		const { upload } = await receiveUpload(rt, request(multipart('calls', 'big calls.csv', rows, { onProgress: progress })));
		expect(onDisk).toBeGreaterThan(sentThen / 2);
		expect(upload).toMatchObject({ fileName: 'big calls.csv', status: 'loaded', inserted: rows, rejected: 0 });
		expect(fs.readdirSync(staging)).toEqual([]);
		expect(fs.existsSync(path.join(t.config.inboxDir, 'calls', 'big calls.csv'))).toBe(false);
	});

	it('keeps nothing of a body cut off halfway', async () => {
		const failure = await receiveUpload(rt, request(multipart('calls', 'cut.csv', 100_000, { cutAfterRows: 20_000 }))).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(UploadError);
		expect((failure as UploadError).phrase.key).toBe('data.uploadBroken');
		expect(fs.readdirSync(uploadStagingDir(t.config.inboxDir))).toEqual([]);
		expect(fs.existsSync(path.join(t.config.inboxDir, 'calls'))).toBe(false);
		expect(await t.rows('select * from import_files')).toEqual([]);
	});

	it('refuses what it cannot load, with why', async () => {
		const refused = async (req: Request) => ((await receiveUpload(rt, req).catch((e: unknown) => e)) as UploadError).phrase;
		expect(await refused(request(multipart('clients', 'a.csv', 3)))).toEqual({ key: 'data.unknownDataset', params: { dataset: 'clients' } });
		expect((await refused(request(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="dataset"\r\n\r\ncalls\r\n--${BOUNDARY}--\r\n`))).key).toBe('data.uploadMissing');
		const tooBig = await receiveUpload(rt, request('x', { 'content-length': String(2 * 1024 ** 3) })).catch((e: unknown) => e);
		expect(tooBig).toMatchObject({ status: 413, phrase: { key: 'data.uploadTooLarge' } });
		expect(fs.readdirSync(uploadStagingDir(t.config.inboxDir))).toEqual([]);
	});

	it('clears uploads a stop cut off', () => {
		fs.mkdirSync(uploadStagingDir(t.config.inboxDir), { recursive: true });
		fs.writeFileSync(path.join(uploadStagingDir(t.config.inboxDir), 'abc.part'), 'half');
		expect(removeStaleUploads(t.config.inboxDir)).toBe(1);
		expect(fs.readdirSync(uploadStagingDir(t.config.inboxDir))).toEqual([]);
	});
});
