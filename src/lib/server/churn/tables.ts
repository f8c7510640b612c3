/**
 * The churn pages' lists as downloads (../export): the customers, the customers at risk with
 * their reasons, and those no longer at risk. Names only where the viewer may see them (the
 * lists leave them out otherwise); scores 0-100; change against last week in points.
 */
import { en } from '../../i18n/messages/index';
import type { MessageKey } from '../../i18n/translate';
import type { TableContext } from '../export/request';
import { tableOf, type ExportTable } from '../export/table';
import type { Change } from './reasons';
import type { AtRiskView, CustomerListRow, RankedCustomer } from './risk';
import { MIN_ARM, type ArmResult, type HoldoutView, type LeftCustomer } from './track';

const segment = (c: TableContext, s: string | null) => (s === null ? null : `churn.segment.${s}` in en ? c.t(`churn.segment.${s}` as MessageKey) : s);
const status = (c: TableContext, s: string | null) => (s === null ? null : `churn.status.${s}` in en ? c.t(`churn.status.${s}` as MessageKey) : s);
const round = (v: number | null) => (v === null ? null : Math.round(v));
/** The change since last week as signed points (null: none to compare with, or new on the list). */
const points = (ch: Change) => (ch.kind === 'up' ? ch.points : ch.kind === 'down' ? -ch.points : ch.kind === 'same' ? 0 : null);

export function customersTable(c: TableContext, rows: CustomerListRow[]): ExportTable {
	return tableOf<CustomerListRow>(
		'customers',
		[
			{ key: 'customer_id', label: c.t('export.col.customerId'), type: 'text', value: (r) => r.customerId },
			{ key: 'customer', label: c.t('customers.col.customer'), type: 'text', value: (r) => r.name },
			{ key: 'segment', label: c.t('customers.col.segment'), type: 'text', value: (r) => segment(c, r.segment) },
			{ key: 'owner', label: c.t('customers.col.owner'), type: 'text', value: (r) => r.owner },
			{ key: 'status', label: c.t('customers.col.status'), type: 'text', value: (r) => status(c, r.status) },
			{ key: 'risk_score', label: c.t('customers.col.risk'), type: 'integer', value: (r) => round(r.score) },
			{ key: 'rank', label: c.t('atRisk.col.rank'), type: 'integer', value: (r) => r.rank },
			{ key: 'change_points', label: c.t('customers.col.change'), type: 'integer', value: (r) => points(r.change) },
			{ key: 'last_contact_day', label: c.t('customers.col.lastContact'), type: 'date', value: (r) => r.lastContactDay },
			{ key: 'silent_days', label: c.t('export.col.silentDays'), type: 'integer', value: (r) => r.silenceDays },
			{ key: 'renewal_day', label: c.t('customers.col.renewal'), type: 'date', value: (r) => r.renewalDay },
			{ key: 'renewal_in_days', label: c.t('export.col.renewalInDays'), type: 'integer', value: (r) => r.renewalDays }
		],
		rows
	);
}

type AtRiskRow = RankedCustomer & { isNew: boolean };

export function atRiskCustomersTable(c: TableContext, view: AtRiskView): ExportTable {
	return tableOf<AtRiskRow>(
		'customers-at-risk',
		[
			{ key: 'rank', label: c.t('atRisk.col.rank'), type: 'integer', value: (r) => r.rank },
			{ key: 'customer_id', label: c.t('export.col.customerId'), type: 'text', value: (r) => r.customerId },
			{ key: 'customer', label: c.t('customers.col.customer'), type: 'text', value: (r) => r.name },
			{ key: 'segment', label: c.t('customers.col.segment'), type: 'text', value: (r) => segment(c, r.segment) },
			{ key: 'owner', label: c.t('customers.col.owner'), type: 'text', value: (r) => r.owner },
			{ key: 'risk_score', label: c.t('customers.col.risk'), type: 'integer', value: (r) => round(r.score) },
			{ key: 'previous_score', label: c.t('atRisk.col.before'), type: 'integer', value: (r) => round(r.previousScore) },
			{ key: 'change_points', label: c.t('customers.col.change'), type: 'integer', value: (r) => points(r.change) },
			{ key: 'new_on_list', label: c.t('export.col.newOnList'), type: 'boolean', value: (r) => r.isNew },
			{ key: 'silent_days', label: c.t('export.col.silentDays'), type: 'integer', value: (r) => r.silenceDays },
			{ key: 'renewal_in_days', label: c.t('export.col.renewalInDays'), type: 'integer', value: (r) => r.renewalDays },
			{ key: 'reasons', label: c.t('atRisk.col.reasons'), type: 'text', value: (r) => r.reasons.map((p) => c.t(p.key, p.params)).join(c.t('churn.reason.separator')) },
			{ key: 'as_of', label: c.t('export.col.asOf'), type: 'date', value: () => view.asOf }
		],
		view.rows
	);
}

export function noLongerAtRiskTable(c: TableContext, view: AtRiskView): ExportTable {
	type Row = AtRiskView['noLonger'][number];
	return tableOf<Row>(
		'customers-no-longer-at-risk',
		[
			{ key: 'customer_id', label: c.t('export.col.customerId'), type: 'text', value: (r) => r.customerId },
			{ key: 'customer', label: c.t('customers.col.customer'), type: 'text', value: (r) => r.name },
			{ key: 'previous_score', label: c.t('atRisk.col.before'), type: 'integer', value: (r) => round(r.previousScore) },
			{ key: 'risk_score', label: c.t('atRisk.col.now'), type: 'integer', value: (r) => round(r.score) },
			{ key: 'status', label: c.t('customers.col.status'), type: 'text', value: (r) => status(c, r.status) }
		],
		view.noLonger
	);
}

/** The track record's customers who left: when, and whether (and how early) the score flagged them. */
export function leftCustomersTable(c: TableContext, rows: LeftCustomer[]): ExportTable {
	return tableOf<LeftCustomer>(
		'customers-who-left',
		[
			{ key: 'customer_id', label: c.t('export.col.customerId'), type: 'text', value: (r) => r.customerId },
			{ key: 'customer', label: c.t('customers.col.customer'), type: 'text', value: (r) => r.name },
			{ key: 'segment', label: c.t('customers.col.segment'), type: 'text', value: (r) => segment(c, r.segment) },
			{ key: 'how', label: c.t('track.col.left'), type: 'text', value: (r) => c.t(`track.how.${r.status}` as MessageKey) },
			{ key: 'left_on', label: c.t('export.col.leftOn'), type: 'date', value: (r) => r.leftOn },
			{ key: 'first_flagged', label: c.t('track.col.flagged'), type: 'date', value: (r) => r.firstFlagged },
			{ key: 'lead_days', label: c.t('track.col.lead'), type: 'integer', value: (r) => r.leadDays },
			{ key: 'max_score', label: c.t('track.col.maxScore'), type: 'integer', value: (r) => round(r.maxScore) },
			{ key: 'days_computed', label: c.t('export.col.daysComputed'), type: 'integer', value: (r) => r.daysComputed }
		],
		rows
	);
}

/** The hold-out comparison: one row per arm, shares in percent, the difference (list − hold-out) with its interval. */
export function holdoutTable(c: TableContext, v: HoldoutView): ExportTable {
	type Row = { arm: 'list' | 'holdout'; a: ArmResult };
	const pct = (x: number, n: number) => (n ? Math.round((1000 * x) / n) / 10 : null);
	const diff = (d: { diff: number; low: number; high: number } | null, k: 'diff' | 'low' | 'high') => (d ? Math.round(1000 * d[k]) / 10 : null);
	return tableOf<Row>(
		'hold-out',
		[
			{ key: 'arm', label: c.t('holdout.arm'), type: 'text', value: (r) => c.t(r.arm === 'list' ? 'holdout.armList' : 'holdout.armHoldout') },
			{ key: 'customers', label: c.t('holdout.customers'), type: 'integer', value: (r) => r.a.customers },
			{ key: 'returned', label: c.t('holdout.returned'), type: 'integer', value: (r) => r.a.returned },
			{ key: 'returned_pct', label: `${c.t('holdout.returned')} %`, type: 'number', value: (r) => pct(r.a.returned, r.a.customers) },
			{ key: 'left', label: c.t('holdout.left'), type: 'integer', value: (r) => r.a.left },
			{ key: 'left_pct', label: `${c.t('holdout.left')} %`, type: 'number', value: (r) => pct(r.a.left, r.a.customers) },
			{ key: 'score_at_entry', label: c.t('holdout.scoreAtEntry'), type: 'number', value: (r) => (r.a.scoreAtEntry === null ? null : Math.round(r.a.scoreAtEntry)) },
			{ key: 'later_score', label: c.t('holdout.laterScore'), type: 'number', value: (r) => (r.a.laterScore === null ? null : Math.round(r.a.laterScore)) },
			{ key: 'returned_difference_points', label: c.t('export.col.returnedDifference'), type: 'number', value: () => diff(v.returned.diff, 'diff') },
			{ key: 'returned_difference_low', label: c.t('export.col.differenceLow'), type: 'number', value: () => diff(v.returned.diff, 'low') },
			{ key: 'returned_difference_high', label: c.t('export.col.differenceHigh'), type: 'number', value: () => diff(v.returned.diff, 'high') },
			{ key: 'left_difference_points', label: c.t('export.col.leftDifference'), type: 'number', value: () => diff(v.left.diff, 'diff') },
			{ key: 'verdict', label: c.t('export.col.verdict'), type: 'text', value: () => c.t(`holdout.verdict.${v.verdict}`, { min: MIN_ARM, pending: v.pending }) }
		],
		[
			{ arm: 'list', a: v.list },
			{ arm: 'holdout', a: v.holdout }
		]
	);
}
