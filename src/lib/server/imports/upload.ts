/**
 * A file uploaded from the browser goes through the same path as a dropped one: it is
 * written into inbox/<dataset>/ under a temporary name, renamed when complete (so a scheduled
 * run never sees half of it), and the ingest runs at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runIngest, type RunSummary } from './ingest';
import type { Runtime } from '../runtime';
import { isDatasetName } from './datasets';

import { inEnglishPhrase, type Phrase } from '../../i18n/translate';

/** A refused upload; `phrase` says why in the reader's language. */
export class UploadError extends Error {
	constructor(readonly phrase: Phrase) {
		super(inEnglishPhrase(phrase));
	}
}
/** A file name safe to write into the inbox: no folders, no hidden or temporary names. */
export function safeUploadName(name: string): string {
	const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
	const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+/, '').replace(/(\.part|\.tmp|\.crdownload|~)$/i, '');
	return cleaned.slice(-120) || 'upload.csv';
}

export async function uploadAndIngest(rt: Runtime, dataset: string, name: string, bytes: Uint8Array): Promise<{ run: RunSummary; fileName: string }> {
	if (!isDatasetName(dataset)) throw new UploadError({ key: 'data.unknownDataset', params: { dataset } });
	const dir = path.join(rt.config.inboxDir, dataset);
	fs.mkdirSync(dir, { recursive: true });
	const wanted = safeUploadName(name);
	const ext = path.extname(wanted);
	let fileName = wanted;
	for (let i = 2; fs.existsSync(path.join(dir, fileName)); i++) fileName = `${path.basename(wanted, ext)}-${i}${ext}`;
	const part = path.join(dir, `.${fileName}.part`);
	fs.writeFileSync(part, bytes);
	fs.renameSync(part, path.join(dir, fileName));
	const run = await runIngest(rt.db, rt.config, 'manual');
	return { run, fileName };
}
