/**
 * An upload made into the file the loader reads, as the upload page's reader chose: text in
 * another encoding becomes UTF-8 while it streams to disk; a CSV with another delimiter or
 * title lines above its header is written again with commas from its header on; an XLSX
 * workbook's first sheet becomes a CSV. The loader itself stays one path for every file.
 */
import fs from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { decoderLabel, restoreYeh, type Encoding } from '../../upload/encoding';
import { cellText, type SheetCell } from '../../upload/xlsx-cells';
import { csvField } from '../export/csv';

/**
 * Bytes in `encoding` to UTF-8 (no byte-order mark). Windows-1256 has no Persian yeh, so
 * Persian text saved in it carries the Arabic one (ي, ى): it is written back as ی, as the
 * page's preview shows it (restoreYeh).
 */
export function toUtf8(encoding: Encoding): Transform {
	const decoder = new TextDecoder(decoderLabel(encoding));
	const persian = encoding === 'windows-1256';
	let first = true;
	const text = (s: string) => {
		if (first && s.length) {
			s = s.replace(/^\uFEFF/, '');
			first = false;
		}
		return persian ? restoreYeh(s) : s;
	};
	return new Transform({
		transform(chunk: Buffer, _enc, cb) {
			cb(null, Buffer.from(text(decoder.decode(chunk, { stream: true })), 'utf8'));
		},
		flush(cb) {
			cb(null, Buffer.from(text(decoder.decode()), 'utf8'));
		}
	});
}

/** Whether a text encoding needs converting before the loader reads the file. */
export function needsTranscoding(encoding: Encoding | null): encoding is Encoding {
	return encoding !== null && encoding !== 'utf-8';
}

/**
 * Write a UTF-8 CSV again from its header row on (`headerRow` rows before it left out, blank
 * rows not counted), split by `delimiter`, joined by commas. Streams; never holds the file.
 */
export function rewriteCsv(from: string, to: string, options: { delimiter: string; headerRow: number }): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = fs.createWriteStream(to);
		let row = 0;
		let failed = false;
		const fail = (e: unknown) => {
			if (failed) return;
			failed = true;
			out.destroy();
			reject(e);
		};
		out.on('error', fail);
		Papa.parse<string[]>(fs.createReadStream(from) as unknown as File, {
			delimiter: options.delimiter,
			skipEmptyLines: 'greedy',
			step(results, parser) {
				if (row++ < options.headerRow) return;
				const line = results.data.map(csvField).join(',') + '\n';
				if (!out.write(line)) {
					parser.pause();
					out.once('drain', () => parser.resume());
				}
			},
			complete: () => {
				if (failed) return;
				out.end(() => resolve());
			},
			error: (e: Error) => fail(e)
		});
	});
}

/** The first sheet of an XLSX workbook as a UTF-8 CSV (rows before `headerRow` left out). */
export async function xlsxToCsv(from: string, to: string, options: { headerRow: number } = { headerRow: 0 }): Promise<void> {
	const rows = (await readSheet(from)) as unknown as SheetCell[][];
	const out = fs.createWriteStream(to);
	const done = new Promise<void>((resolve, reject) => {
		out.on('finish', resolve);
		out.on('error', reject);
	});
	const nonEmpty = rows.filter((r) => r.some((c) => cellText(c).trim() !== ''));
	for (const r of nonEmpty.slice(options.headerRow)) {
		if (!out.write(r.map((c) => csvField(cellText(c))).join(',') + '\n')) await new Promise<void>((ok) => out.once('drain', () => ok()));
	}
	out.end();
	await done;
}
