/**
 * The upload page's side of its preview worker (./preview.worker.ts): what is asked, what comes
 * back, and which files have a preview at all.
 */
import type { Delimiter } from './csv-sniff';
import type { Encoding } from './encoding';

/** Bytes read for a CSV preview: enough for the header and the first rows of any export. */
export const SAMPLE_BYTES = 256 * 1024;
/** Rows shown and checked. */
export const PREVIEW_ROWS = 50;

export type PreviewKind = 'csv' | 'xlsx';

export interface PreviewRequest {
	file: File;
	kind: PreviewKind;
	/** null: detect. */
	encoding: Encoding | null;
	delimiter: Delimiter | null;
	/** 0-based row of the header among the non-empty rows; null: detect. */
	headerRow: number | null;
}

export type PreviewResponse =
	| {
			ok: true;
			kind: PreviewKind;
			encoding: Encoding | null;
			encodingGuess: Encoding | null;
			delimiter: Delimiter | null;
			delimiterGuess: Delimiter | null;
			headerRow: number;
			headerRowGuess: number;
			headers: string[];
			rows: string[][];
			/** Data rows in the sample (more than shown). */
			rowsRead: number;
			/** Bytes per row in the sample, to estimate the file's rows from its size. */
			bytesPerRow: number;
			/** The file's rows, when the whole file was read (a workbook). */
			totalRows?: number;
	  }
	| { ok: false; error: string };

/** How the page handles a file, by its name: previewed (CSV-like, XLSX) or loaded as it is. */
export function previewKind(name: string): PreviewKind | 'as-is' | null {
	const ext = name.toLowerCase().split('.').pop() ?? '';
	if (['csv', 'tsv', 'txt'].includes(ext)) return 'csv';
	if (ext === 'xlsx') return 'xlsx';
	if (['json', 'ndjson', 'jsonl', 'parquet'].includes(ext)) return 'as-is';
	return null;
}

/** Ask the worker for a preview; one worker serves the page, answers matched by id. */
export function previewer(worker: Worker): (req: PreviewRequest) => Promise<PreviewResponse> {
	let next = 0;
	const waiting = new Map<number, (r: PreviewResponse) => void>();
	worker.onmessage = (e: MessageEvent<PreviewResponse & { id: number }>) => {
		const { id, ...answer } = e.data;
		waiting.get(id)?.(answer as PreviewResponse);
		waiting.delete(id);
	};
	return (req) =>
		new Promise((resolve) => {
			const id = ++next;
			waiting.set(id, resolve);
			worker.postMessage({ id, ...req });
		});
}
