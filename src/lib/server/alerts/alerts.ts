/**
 * Alerts: the scheduler asks every tick (after any load) whether something needs a lead's
 * attention now, records each new alert once, shows it in the app, and posts it as JSON to the
 * unit's webhook when one is configured, retrying a failed post on later ticks.
 *
 * Sources (ALERT_SOURCES):
 *   volume       a peak under way today (src/lib/server/peaks): today's calls or tickets so
 *                far crossed the day's band, or hours above their band; one alert per peak
 *                (the key is the peak's, and an overlapping later episode of the same metric
 *                counts as the same peak)
 *   sla_at_risk  open tickets at risk of breaching their SLA at or above
 *                settings.alerts.slaAtRiskThreshold, once a day (src/lib/server/sla/alerts.ts).
 *
 * Delivery: pending alerts are posted once per tick; a failure is recorded (alert_deliveries,
 * last_error) and retried after 1, 2, 4 … minutes until settings.alerts.maxAttempts, then the
 * alert is marked failed. Nothing here throws into the scheduler: runAlerts reports errors.
 */
import { todayIn } from '../../calendar';
import { inEnglishPhrase, type Phrase } from '../../i18n/translate';
import type { Database } from '../db/database';
import { log as logger } from '../log';
import type { Settings } from '../settings';
import { postJson, webhookUrlProblem, type Fetch } from './webhook';
import { slaAtRiskSource } from '../sla/alerts';

export type AlertKind = 'volume' | 'sla_at_risk';

export interface AlertCandidate {
	key: string;
	kind: AlertKind;
	metric: string | null;
	peakKey: string | null;
	windowStart: string | null;
	windowEnd: string | null;
	actual: number | null;
	expected: number | null;
	upper: number | null;
	message: Phrase;
}

export interface AlertContext {
	db: Database;
	settings: Settings;
	now: Date;
}

/** Something that may need an alert now; `collect` returns every candidate, new or not. */
export interface AlertSource {
	kind: AlertKind;
	collect(ctx: AlertContext): Promise<AlertCandidate[]>;
}

export const volumeSource: AlertSource = {
	kind: 'volume',
	async collect({ db, settings, now }) {
		const rows = await db.query<{
			key: string;
			metric: string;
			grain: string;
			start_at: string;
			window_start: string;
			window_end: string;
			hours_above: number;
			actual: number;
			expected: number;
			upper: number;
		}>('alerts/volume_candidates', { today: todayIn(settings.unit.timeZone, now) });
		return rows.map((r) => ({
			key: `volume:${r.key}`,
			kind: 'volume',
			metric: r.metric,
			peakKey: r.key,
			windowStart: r.window_start,
			windowEnd: r.window_end,
			actual: r.actual,
			expected: r.expected,
			upper: r.upper,
			message: {
				key: r.grain === 'day' ? 'alerts.message.volumeDay' : 'alerts.message.volumeHours',
				params: {
					metric: r.metric,
					actual: Math.round(r.actual),
					expected: Math.round(r.expected),
					upper: Math.round(r.upper),
					ratio: r.expected > 0 ? Math.round((r.actual / r.expected) * 10) / 10 : 0,
					hours: r.hours_above
				}
			}
		}));
	}
};

/** Every source the scheduler asks, in order. */
export const ALERT_SOURCES: AlertSource[] = [volumeSource, slaAtRiskSource];

export interface StoredAlert extends AlertCandidate {
	id: number;
	raisedAt: string;
	delivery: 'not_configured' | 'pending' | 'sent' | 'failed';
	attempts: number;
	lastError: string | null;
	deliveredAt: string | null;
	seenAt: string | null;
}

function toAlert(r: Record<string, unknown>): StoredAlert {
	return {
		id: Number(r.id),
		key: String(r.key),
		kind: r.kind as AlertKind,
		metric: (r.metric as string | null) ?? null,
		raisedAt: String(r.raised_at),
		peakKey: (r.peak_key as string | null) ?? null,
		windowStart: (r.window_start as string | null) ?? null,
		windowEnd: (r.window_end as string | null) ?? null,
		actual: r.actual === null || r.actual === undefined ? null : Number(r.actual),
		expected: r.expected === null || r.expected === undefined ? null : Number(r.expected),
		upper: r.upper === null || r.upper === undefined ? null : Number(r.upper),
		message: { key: r.message_key as Phrase['key'], params: r.message_params ? JSON.parse(String(r.message_params)) : undefined },
		delivery: (r.delivery as StoredAlert['delivery']) ?? 'pending',
		attempts: Number(r.attempts ?? 0),
		lastError: (r.last_error as string | null) ?? null,
		deliveredAt: (r.delivered_at as string | null) ?? null,
		seenAt: (r.seen_at as string | null) ?? null
	};
}

/** The webhook URL in force: CARE_ALERT_WEBHOOK_URL, else the setting; null when none. */
export function webhookUrl(settings: Settings, env: NodeJS.ProcessEnv = process.env): string | null {
	const url = env.CARE_ALERT_WEBHOOK_URL?.trim() || settings.alerts.webhookUrl?.trim() || null;
	return url || null;
}

/** Record the alerts that are new; returns them. */
export async function raiseAlerts(ctx: AlertContext, sources: AlertSource[] = ALERT_SOURCES, url: string | null = webhookUrl(ctx.settings)): Promise<AlertCandidate[]> {
	const raised: AlertCandidate[] = [];
	for (const source of sources) {
		for (const c of await source.collect(ctx)) {
			const rows = await ctx.db.query<{ id: number }>('alerts/insert', {
				key: c.key,
				kind: c.kind,
				metric: c.metric,
				peak_key: c.peakKey,
				window_start: c.windowStart,
				window_end: c.windowEnd,
				actual: c.actual,
				expected: c.expected,
				upper: c.upper,
				message_key: c.message.key,
				message_params: JSON.stringify(c.message.params ?? {}),
				delivery: url ? 'pending' : 'not_configured',
				now: ctx.now.toISOString()
			});
			if (rows.length > 0) raised.push(c);
		}
	}
	return raised;
}

/** What the webhook receives for an alert. */
export function alertPayload(a: StoredAlert, settings: Settings) {
	return {
		id: a.id,
		kind: a.kind,
		key: a.key,
		metric: a.metric,
		raisedAt: new Date(a.raisedAt.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString(),
		text: inEnglishPhrase(a.message),
		message: a.message,
		peak: a.peakKey ? { key: a.peakKey, windowStart: a.windowStart, windowEnd: a.windowEnd, actual: a.actual, expected: a.expected, upper: a.upper } : null,
		/** Where the alert is in the dashboard (relative: the server does not know its public address). */
		link: a.peakKey ? `/peaks?peak=${encodeURIComponent(a.peakKey)}` : '/peaks#alerts',
		timeZone: settings.unit.timeZone
	};
}

export interface DeliveryResult {
	id: number;
	ok: boolean;
	error: string | null;
	attempts: number;
	delivery: StoredAlert['delivery'];
}

/** Post every alert whose attempt is due; record each attempt. */
export async function deliverAlerts(
	ctx: AlertContext,
	options: { url?: string | null; fetchImpl?: Fetch; timeoutMs?: number } = {}
): Promise<DeliveryResult[]> {
	const url = options.url === undefined ? webhookUrl(ctx.settings) : options.url;
	const due = (await ctx.db.query('alerts/due', { now: ctx.now.toISOString() })).map(toAlert);
	const results: DeliveryResult[] = [];
	for (const alert of due) {
		const attempt = alert.attempts + 1;
		const outcome = url ? await postJson(url, alertPayload(alert, ctx.settings), options.fetchImpl, options.timeoutMs) : { ok: false, status: null, error: 'no webhook URL configured' };
		const stamp = new Date().toISOString();
		await ctx.db.query('alerts/record_attempt', { alert_id: alert.id, attempt, now: stamp, url: url ?? '', ok: outcome.ok, http_status: outcome.status, error: outcome.error });
		const gaveUp = !outcome.ok && attempt >= ctx.settings.alerts.maxAttempts;
		const delivery: StoredAlert['delivery'] = outcome.ok ? 'sent' : gaveUp ? 'failed' : 'pending';
		// Retry after 1, 2, 4 … minutes.
		const next = delivery === 'pending' ? new Date(ctx.now.getTime() + 60_000 * 2 ** (attempt - 1)).toISOString() : null;
		await ctx.db.query('alerts/mark_delivery', {
			id: alert.id,
			delivery,
			attempts: attempt,
			next_attempt_at: next,
			last_error: outcome.error,
			delivered_at: outcome.ok ? stamp : null
		});
		results.push({ id: alert.id, ok: outcome.ok, error: outcome.error, attempts: attempt, delivery });
	}
	return results;
}

export interface AlertsRun {
	raised: AlertCandidate[];
	deliveries: DeliveryResult[];
	/** What went wrong, if anything (the scheduler logs it and carries on). */
	error: string | null;
}

/**
 * One scheduler tick of alerts: raise what is new, post what is due. Never throws: a broken
 * database or a bad URL is reported in the result and logged, and the scheduler carries on.
 */
export async function runAlerts(
	ctx: AlertContext,
	options: { fetchImpl?: Fetch; timeoutMs?: number; env?: NodeJS.ProcessEnv; log?: (message: string) => void } = {}
): Promise<AlertsRun> {
	const log = options.log ?? ((m: string) => logger().error({ job: 'alerts' }, m));
	const url = webhookUrl(ctx.settings, options.env);
	const run: AlertsRun = { raised: [], deliveries: [], error: null };
	try {
		const problem = url ? webhookUrlProblem(url) : null;
		if (problem) log(`[alerts] webhook: ${problem}`);
		run.raised = await raiseAlerts(ctx, ALERT_SOURCES, url);
		run.deliveries = await deliverAlerts(ctx, { url, fetchImpl: options.fetchImpl, timeoutMs: options.timeoutMs });
		for (const d of run.deliveries) if (!d.ok) log(`[alerts] alert #${d.id} not delivered (attempt ${d.attempts}, ${d.delivery}): ${d.error}`);
	} catch (e) {
		run.error = (e as Error).message;
		log(`[alerts] check failed: ${run.error}`);
	}
	return run;
}

export async function recentAlerts(db: Database, limit = 20): Promise<StoredAlert[]> {
	return (await db.query('alerts/recent', { limit })).map(toAlert);
}

export async function unseenAlerts(db: Database): Promise<number> {
	const [row] = await db.query<{ unseen: number }>('alerts/unseen_count');
	return row?.unseen ?? 0;
}

export async function markAlertsSeen(db: Database, now = new Date()): Promise<void> {
	await db.query('alerts/mark_seen', { now: now.toISOString() });
}
