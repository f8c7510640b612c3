/**
 * The day's follow-up list as a table for the care agents' spreadsheets and tools, through the
 * shared export module (../export: CSV with a BOM, XLSX right to left in Persian, Parquet,
 * Arrow). Headers, statuses and reasons are in the reader's language; the contact columns are
 * empty for a viewer who may not see them (the list leaves them out).
 */
import type { Language } from '../../calendar';
import { translator, type MessageKey } from '../../i18n/translate';
import { toCsv } from '../export/csv';
import { exportBytes } from '../export';
import { tableOf, type ExportTable } from '../export/table';
import type { DayList, FollowUpItem } from './followups';

/** The list as a table: one row per follow-up, in list order. */
export function exportTable(list: DayList, language: Language): ExportTable {
	const t = translator(language);
	const items = list.items.map((item, i) => ({ item, position: i + 1 }));
	type Row = { item: FollowUpItem; position: number };
	return tableOf<Row>(
		exportName(list.day),
		[
			{ key: 'rank', label: t('followups.export.rank'), type: 'integer', value: (r) => r.position },
			{ key: 'customer_id', label: t('followups.export.customerId'), type: 'text', value: (r) => r.item.customerId },
			{ key: 'customer', label: t('followups.export.customer'), type: 'text', value: (r) => r.item.name },
			{ key: 'segment', label: t('followups.export.segment'), type: 'text', value: (r) => (r.item.segment ? t(`churn.segment.${r.item.segment}` as MessageKey) : null) },
			{ key: 'contact', label: t('followups.export.contact'), type: 'text', value: (r) => r.item.contact?.name ?? null },
			{ key: 'phone', label: t('followups.export.phone'), type: 'text', value: (r) => r.item.contact?.phone ?? null },
			{ key: 'email', label: t('followups.export.email'), type: 'text', value: (r) => r.item.contact?.email ?? null },
			{ key: 'score', label: t('followups.export.score'), type: 'integer', value: (r) => Math.round(r.item.score) },
			{ key: 'reasons', label: t('followups.export.reasons'), type: 'text', value: (r) => r.item.reasons.map((p) => t(p.key, p.params)).join(t('churn.reason.separator')) },
			{ key: 'assignee', label: t('followups.export.assignee'), type: 'text', value: (r) => r.item.assignee },
			{ key: 'status', label: t('followups.export.status'), type: 'text', value: (r) => t(`followups.status.${r.item.status}` as MessageKey) },
			{ key: 'call_back_on', label: t('followups.export.callBackOn'), type: 'date', value: (r) => r.item.callBackOn },
			{ key: 'last_contact_day', label: t('followups.export.lastContact'), type: 'date', value: (r) => r.item.lastContactDay },
			{ key: 'open_tickets', label: t('followups.export.openTickets'), type: 'integer', value: (r) => r.item.openTickets },
			{ key: 'notes', label: t('followups.export.notes'), type: 'text', value: (r) => r.item.notes },
			{ key: 'list_day', label: t('followups.export.listDay'), type: 'date', value: (r) => r.item.listDay }
		],
		items
	);
}

export function exportCsv(table: ExportTable): string {
	return toCsv(
		table.columns.map((c) => c.label),
		table.rows
	);
}

/** XLSX bytes: one sheet, the header in bold, right to left for Persian. */
export async function exportXlsx(table: ExportTable, language: Language): Promise<Buffer> {
	return Buffer.from(await exportBytes(table, 'xlsx', { language, timeZone: 'UTC' }));
}

/** A file name (without extension) for the day's list. */
export function exportName(day: string): string {
	return `follow-ups-${day}`;
}
