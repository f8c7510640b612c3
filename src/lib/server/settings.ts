/**
 * Settings of the unit: calendar and locale, ingest schedule, SLA targets, peaks, staffing, alerts,
 * churn model and follow-up list (src/lib/server/churn/settings.ts, docs/churn-model.md). Stored in DuckDB
 * (table settings, one JSON value per key), seeded from the defaults below on first start.
 * A stored value is merged over its default, so keys added in later versions get defaults.
 */
import type { Database } from './db/database';
import type { Config } from './config';
import { defaultChurnSettings, mergeChurnSettings, type ChurnSettings } from './churn/settings';

export interface UnitSettings {
	/** IANA zone where the unit works; local days, weekdays and hours are taken there. */
	timeZone: string;
	/** First day of the week, 0 = Sunday … 6 = Saturday (an Iranian unit: 6). */
	weekStart: number;
	/** Days off, 0 = Sunday … 6 = Saturday. */
	weekend: number[];
	/** Short working days (an Iranian unit: Thursday). */
	halfDays: number[];
	/** Calendar dates are shown in. */
	calendar: 'persian' | 'gregory';
	/** Default language of the interface. */
	language: 'en' | 'fa';
	workingHours: { start: string; end: string; halfDayEnd: string };
	/** Public holidays (YYYY-MM-DD, Gregorian) on which the unit is closed. */
	holidays: string[];
}

export interface IngestSettings {
	/** node-cron expression for scanning the inbox. */
	cron: string;
	/** Encoding assumed for a file that is not valid UTF-8 (windows-1256 for older Persian files). */
	fallbackEncoding: string;
}

export type Priority = 'critical' | 'high' | 'normal' | 'low';
export type SlaTargets = Record<Priority, { firstResponseMinutes: number; resolutionMinutes: number }>;

/** How the usual level of calls and tickets is taken and when a count is a peak (src/lib/server/peaks/). */
export interface PeakSettings {
	/** N: the usual level of an hour is the median of the same hour on the N most recent comparable days (same weekday and day kind). */
	weeks: number;
	/** k: the band is the usual level ± k robust standard deviations (1.4826 × MAD, floored for low counts). */
	k: number;
	/** Fewest comparable days a usual level needs; with less history there is no band and no peak. */
	minHistory: number;
	/** Hours above their band a peak of hours alone needs (a single busy hour shows on the chart but is not listed as a peak). */
	minHours: number;
	/** A peak that starts within this many hours after a release or incident starts (or while it lasts) is attributed to it. */
	attributionHours: number;
}

/** Staffing against the service-level target (Erlang C, src/lib/server/staffing/). */
export interface StaffingSettings {
	/** Share of offered calls to answer within the threshold, in percent (80 in "80% in 20 s"). */
	serviceLevelTarget: number;
	/** Seconds within which a call counts as answered in time (20 in "80% in 20 s"). */
	thresholdSeconds: number;
	/** After-call work added to the talk time to make the handle time, in seconds. */
	wrapUpSeconds: number;
}

/** Alerts the scheduler raises (src/lib/server/alerts/). Not part of the derived tables' hash. */
export interface AlertSettings {
	/** Where each new alert is posted as JSON (http or https); null: recorded and shown only. CARE_ALERT_WEBHOOK_URL overrides it. */
	webhookUrl: string | null;
	/** Attempts to post an alert before it is marked failed (retried on later scheduler ticks). */
	maxAttempts: number;
	/** Open tickets at risk of an SLA breach above which an alert is raised (used once SLA clocks exist). */
	slaAtRiskThreshold: number;
}

export interface Settings {
	unit: UnitSettings;
	ingest: IngestSettings;
	sla_targets: SlaTargets;
	peaks: PeakSettings;
	staffing: StaffingSettings;
	alerts: AlertSettings;
	churn: ChurnSettings;
}

export function defaultSettings(config?: Pick<Config, 'timeZone'>): Settings {
	return {
		unit: {
			timeZone: config?.timeZone ?? 'Asia/Tehran',
			weekStart: 6,
			weekend: [5],
			halfDays: [4],
			calendar: 'persian',
			language: 'en',
			workingHours: { start: '08:00', end: '16:00', halfDayEnd: '12:00' },
			holidays: []
		},
		ingest: { cron: '* * * * *', fallbackEncoding: 'windows-1252' },
		// Business minutes. Placeholders until the unit sets its own (SLA settings page).
		sla_targets: {
			critical: { firstResponseMinutes: 30, resolutionMinutes: 4 * 60 },
			high: { firstResponseMinutes: 2 * 60, resolutionMinutes: 8 * 60 },
			normal: { firstResponseMinutes: 4 * 60, resolutionMinutes: 3 * 8 * 60 },
			low: { firstResponseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60 }
		},
		// Eight weeks of the same weekday: long enough for a median a flood cannot move, short
		// enough to follow growth. k = 3 with the Poisson floor keeps ordinary days quiet.
		peaks: { weeks: 8, k: 3, minHistory: 3, minHours: 2, attributionHours: 48 },
		// The common "80% of calls answered within 20 seconds".
		staffing: { serviceLevelTarget: 80, thresholdSeconds: 20, wrapUpSeconds: 0 },
		alerts: { webhookUrl: null, maxAttempts: 5, slaAtRiskThreshold: 10 },
		churn: defaultChurnSettings()
	};
}

export async function seedSettings(db: Database, config?: Pick<Config, 'timeZone'>): Promise<void> {
	for (const [key, value] of Object.entries(defaultSettings(config))) {
		await db.query('settings/seed', { key, value: JSON.stringify(value) });
	}
}

export async function loadSettings(db: Database): Promise<Settings> {
	const defaults = defaultSettings();
	const rows = await db.query<{ key: string; value: string }>('settings/all');
	const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
	return {
		unit: { ...defaults.unit, ...stored.unit },
		ingest: { ...defaults.ingest, ...stored.ingest },
		sla_targets: { ...defaults.sla_targets, ...stored.sla_targets },
		peaks: { ...defaults.peaks, ...stored.peaks },
		staffing: { ...defaults.staffing, ...stored.staffing },
		alerts: { ...defaults.alerts, ...stored.alerts },
		// Nested (weights, thresholds): merged level by level, so a stored weight keeps the other defaults.
		churn: mergeChurnSettings(stored.churn)
	};
}

export async function saveSetting<K extends keyof Settings>(db: Database, key: K, value: Settings[K]): Promise<void> {
	await db.query('settings/save', { key, value: JSON.stringify(value) });
}
