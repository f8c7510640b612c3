/**
 * The upload page's preview, off the page's thread: reads the first bytes of a CSV (or a whole
 * XLSX workbook's first sheet), says how it is written (encoding, delimiter, header row: each
 * detected unless the page chose it) and hands back the header and the first rows.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/web-worker';
import { detectHeaderRow, guessDelimiter } from './csv-sniff';
import { decodeSample, detectEncoding } from './encoding';
import { cellText, type SheetCell } from './xlsx-cells';
import { PREVIEW_ROWS, SAMPLE_BYTES, type PreviewRequest, type PreviewResponse } from './preview';

async function csvPreview(req: PreviewRequest): Promise<PreviewResponse> {
	const sampleBytes = new Uint8Array(await req.file.slice(0, SAMPLE_BYTES).arrayBuffer());
	const guess = detectEncoding(sampleBytes);
	const encoding = req.encoding ?? guess.encoding;
	let text = decodeSample(sampleBytes, encoding);
	const whole = req.file.size <= SAMPLE_BYTES;
	// A sample that ends inside a line: leave that line out.
	if (!whole) text = text.slice(0, Math.max(0, text.lastIndexOf('\n') + 1));
	const delimiterGuess = guessDelimiter(text);
	const delimiter = req.delimiter ?? delimiterGuess;
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }).data;
	const headerRowGuess = detectHeaderRow(parsed.slice(0, 50));
	const headerRow = Math.min(req.headerRow ?? headerRowGuess, Math.max(0, parsed.length - 1));
	const lines = Math.max(1, parsed.length);
	return {
		ok: true,
		kind: 'csv',
		encoding,
		encodingGuess: guess.encoding,
		delimiter,
		delimiterGuess,
		headerRow,
		headerRowGuess,
		headers: (parsed[headerRow] ?? []).map((h) => h.trim()),
		rows: parsed.slice(headerRow + 1, headerRow + 1 + PREVIEW_ROWS),
		rowsRead: Math.max(0, parsed.length - headerRow - 1),
		bytesPerRow: sampleBytes.length / lines
	};
}

async function xlsxPreview(req: PreviewRequest): Promise<PreviewResponse> {
	const sheet = (await readSheet(req.file)) as unknown as SheetCell[][];
	const rows = sheet.map((r) => r.map(cellText)).filter((r) => r.some((c) => c.trim() !== ''));
	const headerRowGuess = detectHeaderRow(rows.slice(0, 50));
	const headerRow = Math.min(req.headerRow ?? headerRowGuess, Math.max(0, rows.length - 1));
	const data = rows.slice(headerRow + 1);
	return {
		ok: true,
		kind: 'xlsx',
		encoding: null,
		encodingGuess: null,
		delimiter: null,
		delimiterGuess: null,
		headerRow,
		headerRowGuess,
		headers: (rows[headerRow] ?? []).map((h) => h.trim()),
		rows: data.slice(0, PREVIEW_ROWS),
		rowsRead: data.length,
		// Every row is known: the estimate of the load's progress is exact.
		bytesPerRow: req.file.size / Math.max(1, data.length),
		totalRows: data.length
	};
}

self.onmessage = async (event: MessageEvent<PreviewRequest & { id: number }>) => {
	const { id, ...req } = event.data;
	let answer: PreviewResponse;
	try {
		answer = req.kind === 'xlsx' ? await xlsxPreview(req) : await csvPreview(req);
	} catch (e) {
		answer = { ok: false, error: (e as Error).message ?? String(e) };
	}
	(self as unknown as Worker).postMessage({ id, ...answer });
};
