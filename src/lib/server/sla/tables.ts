/**
 * The SLA pages' tables as downloads (../export): compliance by priority, team, channel,
 * segment and period, and the open tickets at risk (durations in minutes, of business or
 * calendar time as the ticket's clock says; times as instants).
 */
import type { Grain } from '../../calendar/periods';
import type { MessageKey } from '../../i18n/translate';
import type { TableContext } from '../export/request';
import { tableOf, type ColumnOf, type ExportTable } from '../export/table';
import type { AtRiskRow, SlaFigure, SlaGroup } from './compliance';

const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export type SlaBreakdown = 'priority' | 'team' | 'channel' | 'segment' | 'trend';

function figureColumns(c: TableContext, prefix: 'first_response' | 'resolution', label: MessageKey, pick: (g: SlaGroup) => SlaFigure): ColumnOf<SlaGroup>[] {
	const name = c.t(label);
	return [
		{ key: `${prefix}_compliance_pct`, label: name, type: 'number', value: (g) => r1(pick(g).compliance) },
		{ key: `${prefix}_met`, label: `${name} · ${c.t('export.col.met')}`, type: 'integer', value: (g) => pick(g).met },
		{ key: `${prefix}_breached`, label: `${name} · ${c.t('export.col.breached')}`, type: 'integer', value: (g) => pick(g).breached },
		{ key: `${prefix}_n`, label: `${name} · ${c.t('sla.col.n')}`, type: 'integer', value: (g) => pick(g).n }
	];
}

/** Compliance of the two times by a dimension, or by period (`trend`). */
export function slaGroupTable(c: TableContext, by: SlaBreakdown, groups: SlaGroup[], grain: Grain): ExportTable {
	const key: ColumnOf<SlaGroup>[] =
		by === 'trend'
			? [
					{ key: 'period', label: c.t('kpi.period'), type: 'text', value: (g) => (g.key ? c.fmt.period(g.key, grain) : null) },
					{ key: 'first_day', label: c.t('export.col.firstDay'), type: 'date', value: (g) => g.key }
				]
			: [
					{
						key: by,
						label: c.t(`filter.${by}`),
						type: 'text',
						value: (g) => (g.key === null ? c.t('sla.notSet') : by === 'priority' ? c.t(`sla.priority.${g.key}` as MessageKey) : g.key)
					}
				];
	return tableOf<SlaGroup>(
		by === 'trend' ? 'sla-by-period' : `sla-by-${by}`,
		[
			...key,
			{ key: 'tickets', label: c.t('sla.col.tickets'), type: 'integer', value: (g) => g.tickets },
			...figureColumns(c, 'first_response', 'sla.col.frCompliance', (g) => g.firstResponse),
			...figureColumns(c, 'resolution', 'sla.col.resCompliance', (g) => g.resolution),
			{ key: 'open_within_target', label: c.t('sla.col.pending'), type: 'integer', value: (g) => g.resolution.pending }
		],
		groups
	);
}

const minutes = (s: number) => Math.round(s / 60);

/** The open tickets at risk or breached now, most urgent first (customer names as the viewer may see them). */
export function atRiskTable(c: TableContext, rows: AtRiskRow[]): ExportTable {
	return tableOf<AtRiskRow>(
		'sla-at-risk',
		[
			{ key: 'ticket_id', label: c.t('sla.col.ticket'), type: 'text', value: (x) => x.ticket_id },
			{ key: 'time', label: c.t('sla.col.time'), type: 'text', value: (x) => c.t(x.metric === 'first_response' ? 'sla.firstResponse' : 'sla.resolution') },
			{ key: 'state', label: c.t('sla.col.state'), type: 'text', value: (x) => c.t(`sla.state.${x.state}` as MessageKey) },
			{ key: 'customer_id', label: c.t('export.col.customerId'), type: 'text', value: (x) => x.customer_id },
			{ key: 'customer', label: c.t('sla.col.customer'), type: 'text', value: (x) => x.customer_name },
			{ key: 'priority', label: c.t('filter.priority'), type: 'text', value: (x) => (x.priority ? c.t(`sla.priority.${x.priority}` as MessageKey) : null) },
			{ key: 'team', label: c.t('filter.team'), type: 'text', value: (x) => x.team },
			{ key: 'assignee', label: c.t('sla.col.assignee'), type: 'text', value: (x) => x.assignee },
			{ key: 'channel', label: c.t('filter.channel'), type: 'text', value: (x) => x.channel },
			{ key: 'segment', label: c.t('filter.segment'), type: 'text', value: (x) => x.segment },
			{ key: 'created_at', label: c.t('sla.col.created'), type: 'timestamp', value: (x) => x.created_at },
			{ key: 'target_minutes', label: c.t('sla.col.targetMinutes'), type: 'integer', value: (x) => minutes(x.target_s) },
			{ key: 'elapsed_minutes', label: c.t('sla.col.elapsedMinutes'), type: 'integer', value: (x) => minutes(x.elapsed_s) },
			{ key: 'left_minutes', label: c.t('sla.col.leftMinutes'), type: 'integer', value: (x) => minutes(x.left_s) },
			{ key: 'clock', label: c.t('sla.col.clock'), type: 'text', value: (x) => c.t(x.clock === 'calendar' ? 'sla.clock.calendar' : 'sla.clock.business') },
			{ key: 'subject', label: c.t('sla.col.subject'), type: 'text', value: (x) => x.subject }
		],
		rows
	);
}
