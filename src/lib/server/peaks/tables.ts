/**
 * The Peaks pages' tables as downloads (../export): the detected peaks, what a selected peak's
 * extra tickets or calls were about, and the tickets opened in a peak's window (customer names
 * only where the viewer may see them).
 */
import { peakWhen } from '../../peaks/when';
import type { MessageKey } from '../../i18n/translate';
import type { TableContext } from '../export/request';
import { tableOf, type ExportTable } from '../export/table';
import type { BreakdownRow, PeakDetail, WindowTicket } from './detail';
import type { Peak } from './peaks';

const KNOWN_VALUES = new Set(['opened_case', 'follow_up', 'unknown', 'answered', 'abandoned', 'bug', 'feature_request', 'how_to', 'user_error', 'customisation', 'critical', 'high', 'normal', 'low']);
const valueName = (c: TableContext, v: string | null) => (v === null ? null : v === '' ? c.t('peaks.value.none') : KNOWN_VALUES.has(v) ? c.t(`peaks.value.${v}` as MessageKey) : v);
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function peaksTable(c: TableContext, peaks: Peak[]): ExportTable {
	return tableOf<Peak>(
		'peaks',
		[
			{ key: 'when', label: c.t('peaks.col.when'), type: 'text', value: (p) => peakWhen(p, c.locale) },
			{ key: 'metric', label: c.t('peaks.col.metric'), type: 'text', value: (p) => c.t(`peaks.metric.${p.metric}` as MessageKey) },
			{ key: 'grain', label: c.t('export.col.grain'), type: 'text', value: (p) => p.grain },
			{ key: 'start_at', label: c.t('export.col.startAt'), type: 'timestamp', value: (p) => p.startAt },
			{ key: 'end_at', label: c.t('export.col.endAt'), type: 'timestamp', value: (p) => p.endAt },
			{ key: 'hours_above', label: c.t('export.col.hoursAbove'), type: 'integer', value: (p) => p.hoursAbove },
			{ key: 'actual', label: c.t('peaks.col.inPeak'), type: 'integer', value: (p) => p.actual },
			{ key: 'expected', label: c.t('peaks.col.usual'), type: 'number', value: (p) => r2(p.expected) },
			{ key: 'excess', label: c.t('peaks.col.extra'), type: 'number', value: (p) => r2(p.excess) },
			{ key: 'ratio', label: c.t('export.col.ratio'), type: 'number', value: (p) => r2(p.ratio) },
			{ key: 'explained_by', label: c.t('peaks.col.explained'), type: 'text', value: (p) => p.annotation?.title ?? null },
			{ key: 'annotation_kind', label: c.t('export.col.annotationKind'), type: 'text', value: (p) => (p.annotation ? c.t(`peaks.kind.${p.annotation.kind}` as MessageKey) : null) }
		],
		peaks
	);
}

/** What a peak's extra was about: every dimension in one table (a dimension column first). */
export function peakBreakdownTable(c: TableContext, detail: PeakDetail): ExportTable {
	type Row = BreakdownRow & { dim: string };
	const rows: Row[] = detail.dimensions.flatMap((d) => d.rows.map((r) => ({ ...r, dim: d.dim })));
	return tableOf<Row>(
		`peak-${detail.peak.key}-breakdown`,
		[
			{ key: 'dimension', label: c.t('export.col.dimension'), type: 'text', value: (r) => c.t(`peaks.dim.${r.dim}` as MessageKey) },
			{ key: 'value', label: c.t('peaks.col.value'), type: 'text', value: (r) => valueName(c, r.value) },
			{ key: 'in_peak', label: c.t('peaks.col.inPeak'), type: 'integer', value: (r) => r.peak },
			{ key: 'usual', label: c.t('peaks.col.usual'), type: 'number', value: (r) => r2(r.usual) },
			{ key: 'extra', label: c.t('peaks.col.extra'), type: 'number', value: (r) => r2(r.excess) },
			{ key: 'share_of_extra_pct', label: c.t('peaks.col.shareOfExtra'), type: 'number', value: (r) => (r.shareOfExcess === null ? null : r2(r.shareOfExcess * 100)) }
		],
		rows
	);
}

export function windowTicketsTable(c: TableContext, peak: Peak, rows: WindowTicket[]): ExportTable {
	return tableOf<WindowTicket>(
		`peak-${peak.key}-tickets`,
		[
			{ key: 'ticket_id', label: c.t('peaks.tickets.col.id'), type: 'text', value: (r) => r.id },
			{ key: 'created_at', label: c.t('peaks.tickets.col.created'), type: 'timestamp', value: (r) => r.createdAt },
			{ key: 'customer_id', label: c.t('export.col.customerId'), type: 'text', value: (r) => r.customerId },
			{ key: 'customer', label: c.t('peaks.tickets.col.customer'), type: 'text', value: (r) => r.customerName },
			{ key: 'channel', label: c.t('peaks.tickets.col.channel'), type: 'text', value: (r) => r.channel },
			{ key: 'category', label: c.t('peaks.tickets.col.category'), type: 'text', value: (r) => valueName(c, r.category) },
			{ key: 'priority', label: c.t('peaks.tickets.col.priority'), type: 'text', value: (r) => valueName(c, r.priority) },
			{ key: 'status', label: c.t('peaks.tickets.col.status'), type: 'text', value: (r) => r.status },
			{ key: 'subject', label: c.t('peaks.tickets.col.subject'), type: 'text', value: (r) => r.subject }
		],
		rows
	);
}
