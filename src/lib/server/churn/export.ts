/**
 * The day's follow-up list as a spreadsheet for the care agents: CSV (UTF-8 with a BOM, through
 * the shared writer ../export/csv.ts) and XLSX (write-excel-file). Headers, statuses and reasons
 * are in the reader's language; text cells that a spreadsheet would run as a formula are
 * neutralised in both formats (the XLSX writer stores text as text, but a file saved again as
 * CSV would carry the formula along).
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Language } from '../../calendar';
import { translator, type MessageKey } from '../../i18n/translate';
import { neutralizeCell, toCsv, type Cell } from '../export/csv';
import type { DayList } from './followups';

export interface ExportTable {
	header: string[];
	rows: Cell[][];
}

/** The list as a table: one row per follow-up, in list order. */
export function exportTable(list: DayList, language: Language): ExportTable {
	const t = translator(language);
	const header = [
		t('followups.export.rank'),
		t('followups.export.customerId'),
		t('followups.export.customer'),
		t('followups.export.segment'),
		t('followups.export.contact'),
		t('followups.export.phone'),
		t('followups.export.email'),
		t('followups.export.score'),
		t('followups.export.reasons'),
		t('followups.export.assignee'),
		t('followups.export.status'),
		t('followups.export.callBackOn'),
		t('followups.export.lastContact'),
		t('followups.export.openTickets'),
		t('followups.export.notes'),
		t('followups.export.listDay')
	];
	const rows = list.items.map((item, i): Cell[] => [
		i + 1,
		item.customerId,
		item.name,
		item.segment ? t(`churn.segment.${item.segment}` as MessageKey) : null,
		item.contact?.name ?? null,
		item.contact?.phone ?? null,
		item.contact?.email ?? null,
		Math.round(item.score),
		item.reasons.map((r) => t(r.key, r.params)).join(t('churn.reason.separator')),
		item.assignee,
		t(`followups.status.${item.status}` as MessageKey),
		item.callBackOn,
		item.lastContactDay,
		item.openTickets,
		item.notes,
		item.listDay
	]);
	return { header, rows };
}

export function exportCsv(table: ExportTable): string {
	return toCsv(table.header, table.rows);
}

/** XLSX bytes: one sheet, the header in bold, right to left for Persian. */
export async function exportXlsx(table: ExportTable, language: Language): Promise<Buffer> {
	const cell = (value: Cell) => {
		if (value === null || value === undefined || value === '') return null;
		if (typeof value === 'number') return { value, type: Number };
		if (typeof value === 'boolean') return { value, type: Boolean };
		return { value: neutralizeCell(value), type: String };
	};
	const data = [table.header.map((h) => ({ value: neutralizeCell(h), type: String, fontWeight: 'bold' as const })), ...table.rows.map((r) => r.map(cell))];
	return writeXlsxFile(data, {
		sheet: 'follow-ups',
		rightToLeft: language === 'fa',
		stickyRowsCount: 1,
		columns: table.header.map((_, i) => ({ width: i === 8 ? 60 : i === 14 ? 40 : 16 }))
	}).toBuffer();
}

/** A file name for the day's list. */
export function exportName(day: string, ext: 'csv' | 'xlsx'): string {
	return `follow-ups-${day}.${ext}`;
}

export function xlsxResponse(fileName: string, bytes: Buffer): Response {
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`,
			'cache-control': 'no-store'
		}
	});
}
