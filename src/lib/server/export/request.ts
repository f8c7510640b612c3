/**
 * The export endpoints of the pages (GET /<page>/export?table=…&format=…&<the page's filters>)
 * and the `?format=` of the JSON APIs share this: read the format and the table asked for,
 * build only that table, answer with the file (./index.ts), and record exports of customer
 * data in the audit log.
 */
import { json } from '@sveltejs/kit';
import type { LocaleSettings } from '../../calendar';
import { makeFormat, type Format } from '../../format';
import { translator, type Translate } from '../../i18n/translate';
import type { By } from '../audit';
import type { Database } from '../db/database';
import { EXPORT_FORMATS, exportResponse, isExportFormat, withoutExportParams, type ExportFormat } from './index';
import type { ExportTable } from './table';

/** What table builders need to write labels and values as the page shows them. */
export interface TableContext {
	t: Translate;
	fmt: Format;
	locale: LocaleSettings;
}

export function tableContext(locale: LocaleSettings): TableContext {
	const t = translator(locale.language);
	return { t, fmt: makeFormat(locale, t), locale };
}

/** One table a page offers: how to build it, and the audit action when it holds customer data. */
export interface TableOffer {
	/** The table, or a response saying why there is none (a 400 naming a missing parameter). */
	build: () => Promise<ExportTable | Response> | ExportTable | Response;
	/** 'export.customers' and such: set for tables with customer names, contacts or comments. */
	audit?: `export.${string}`;
}

export interface ExportRequest {
	db: Database;
	by: By;
	locale: LocaleSettings;
	params: URLSearchParams;
	/** The page the export belongs to, recorded in the audit log with its parameters. */
	page: string;
}

/**
 * Answer an export request: ?table= names one of `tables` (default: the first), ?format= one of
 * csv, xlsx, parquet, arrow (default csv). A wrong one answers 400 naming the choices.
 */
export async function answerExport(req: ExportRequest, tables: Record<string, TableOffer>): Promise<Response> {
	const names = Object.keys(tables);
	const name = req.params.get('table') || names[0]!;
	const format = req.params.get('format') || 'csv';
	if (!isExportFormat(format)) return json({ error: `format=${format.slice(0, 20)} is not one of ${EXPORT_FORMATS.join(', ')}`, param: 'format' }, { status: 400 });
	const offer = tables[name];
	if (!offer) return json({ error: `table=${name.slice(0, 40)} is not one of ${names.join(', ')}`, param: 'table' }, { status: 400 });
	const table = await offer.build();
	if (table instanceof Response) return table;
	return sendTable(req, table, format as ExportFormat, offer.audit);
}

/**
 * Send a built table in a format, recording it when `action` is set: the entry's target is the
 * page with its filters, its detail the file, format, rows and filters (and `detail` given).
 */
export async function sendTable(req: Omit<ExportRequest, 'params'> & { params?: URLSearchParams; detail?: Record<string, unknown> }, table: ExportTable, format: ExportFormat, action?: `export.${string}`): Promise<Response> {
	const params = req.params ?? new URLSearchParams();
	const filters = withoutExportParams(params);
	// The target keeps ?table= (which of a page's tables); the format is in the detail.
	const query = [...params].filter(([k]) => k !== 'format').map(([k, v]) => `${k}=${v}`).join('&');
	return exportResponse(table, format, {
		language: req.locale.language,
		timeZone: req.locale.timeZone,
		audit: action ? { db: req.db, by: req.by, action, target: query ? `${req.page}?${query}`.slice(0, 300) : req.page, filters: Object.fromEntries(filters), detail: req.detail } : undefined
	});
}
