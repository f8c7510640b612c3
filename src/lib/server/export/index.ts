/**
 * Downloads of any list or KPI table, in four formats, from one table shape (./table.ts):
 *
 * - csv: UTF-8 with a BOM, through the one CSV writer (./csv.ts: formulas neutralised);
 * - xlsx: write-excel-file (./xlsx.ts), right to left for a Persian reader;
 * - parquet: DuckDB's COPY … TO (FORMAT parquet) into a temporary file, streamed (./parquet.ts);
 * - arrow: Arrow IPC file (./arrow.ts).
 *
 * Pages link to their export endpoints with the download menu (DownloadMenu.svelte); the JSON
 * APIs answer `?format=csv|xlsx|parquet|arrow` with the same files. The rows given are those
 * the viewer may see; exports of customer data are recorded with audit() by exportResponse.
 */
import { Readable } from 'node:stream';
import type { Language } from '../../calendar';
import type { Database } from '../db/database';
import { audit, type By } from '../audit';
import { contentDisposition, toCsv } from './csv';
import { toXlsx } from './xlsx';
import { parquetStream } from './parquet';
import { toArrow } from './arrow';
import type { ExportTable } from './table';

export { tableOf, type ColumnOf, type ColumnType, type ExportColumn, type ExportTable } from './table';

import { EXPORT_FORMATS, type ExportFormat } from '../../export/formats';
export { EXPORT_FORMATS, type ExportFormat };

export function isExportFormat(s: string | null | undefined): s is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(s ?? '');
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	parquet: 'application/vnd.apache.parquet',
	arrow: 'application/vnd.apache.arrow.file'
};

const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', parquet: 'parquet', arrow: 'arrow' };

export interface ExportOptions {
	/** The reader's language: XLSX sheets read right to left in Persian. */
	language: Language;
	/** The unit's time zone (instants in XLSX are shown at its wall-clock time). */
	timeZone: string;
}

/** A table's bytes in a format (Parquet read back whole: for tests and small tables). */
export async function exportBytes(table: ExportTable, format: ExportFormat, options: ExportOptions): Promise<Uint8Array> {
	switch (format) {
		case 'csv':
			return new TextEncoder().encode(
				toCsv(
					table.columns.map((c) => c.label),
					table.rows
				)
			);
		case 'xlsx':
			return new Uint8Array(await toXlsx(table, { rightToLeft: options.language === 'fa', timeZone: options.timeZone }));
		case 'arrow':
			return toArrow(table);
		case 'parquet': {
			const { stream } = await parquetStream(table);
			const chunks: Buffer[] = [];
			for await (const c of stream) chunks.push(c as Buffer);
			return new Uint8Array(Buffer.concat(chunks));
		}
	}
}

/** What an export is recorded as in the audit log, when it holds customer data. */
export interface ExportAudit {
	db: Database;
	by: By;
	/** 'export.customers', 'export.answers', … (dotted, 'export.' first). */
	action: `export.${string}`;
	/** What was exported: the page or API and its filters. */
	target?: string | null;
	/** The filters the rows were chosen by (recorded in the entry's detail). */
	filters?: Record<string, string>;
	/** More to record (the follow-up list's day, …). */
	detail?: Record<string, unknown>;
}

/**
 * An HTTP response that downloads the table in the format. With `audit`, the export is
 * recorded once (who, what, file, format, rows, filters) before the file is sent.
 */
export async function exportResponse(table: ExportTable, format: ExportFormat, options: ExportOptions & { audit?: ExportAudit }): Promise<Response> {
	const fileName = `${table.name}.${EXTENSION[format]}`;
	if (options.audit) {
		const a = options.audit;
		const detail = { ...a.detail, file: fileName, format, rows: table.rows.length, filters: a.filters ?? {}, columns: table.columns.map((c) => c.key) };
		await audit(a.db, { ...a.by, action: a.action, target: a.target ?? table.name, detail });
	}
	const headers: Record<string, string> = {
		'content-type': CONTENT_TYPE[format],
		'content-disposition': contentDisposition(fileName),
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff'
	};
	if (format === 'parquet') {
		const { stream, size } = await parquetStream(table);
		return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, { headers: { ...headers, 'content-length': String(size) } });
	}
	const bytes = await exportBytes(table, format, options);
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-length': String(bytes.byteLength) } });
}

/**
 * The format a request asks for (?format=…): null for none (the JSON answer), or an error
 * naming the formats when it asks for one that does not exist.
 */
export function requestedFormat(params: URLSearchParams): { format: ExportFormat | null; error: string | null } {
	const f = params.get('format');
	if (f === null || f === '' || f === 'json') return { format: null, error: null };
	if (isExportFormat(f)) return { format: f, error: null };
	return { format: null, error: `format=${f.slice(0, 20)} is not one of json, ${EXPORT_FORMATS.join(', ')}` };
}

/** The request's parameters without the export's own (format, table), for the domain's validation. */
export function withoutExportParams(params: URLSearchParams): URLSearchParams {
	const p = new URLSearchParams(params);
	p.delete('format');
	p.delete('table');
	return p;
}
