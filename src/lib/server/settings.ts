/**
 * Settings of the unit: calendar and locale, ingest schedule, SLA targets, KPI thresholds. Stored in DuckDB
 * (table settings, one JSON value per key), seeded from the defaults below on first start.
 * A stored value is merged over its default, so keys added in later versions get defaults.
 */
import type { Database } from './db/database';
import type { Config } from './config';

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

/** How the executive KPIs are judged (queries/kpi/*.sql, src/lib/server/kpi/). */
export interface KpiSettings {
	/** An NPS or CSAT from fewer answers than this is flagged as a small sample (default 30). */
	smallSampleMin: number;
	/** Service level counts incoming calls answered within this many seconds (default 20). */
	serviceLevelSeconds: number;
	/** The service level the unit aims for, in percent (default 80: the common "80/20" goal). */
	serviceLevelTarget: number;
	/** Ticket channels that are self-service (the knowledge portal, the bot), for the self-service share. */
	selfServiceChannels: string[];
}

export interface Settings {
	unit: UnitSettings;
	ingest: IngestSettings;
	sla_targets: SlaTargets;
	kpi: KpiSettings;
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
		// Below 30 answers a margin of error is wide and the normal approximation weak; 80% of
		// calls answered within 20 s is the call-centre industry's customary service goal.
		kpi: { smallSampleMin: 30, serviceLevelSeconds: 20, serviceLevelTarget: 80, selfServiceChannels: ['portal', 'bot'] }
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
		kpi: { ...defaults.kpi, ...stored.kpi }
	};
}

export async function saveSetting<K extends keyof Settings>(db: Database, key: K, value: Settings[K]): Promise<void> {
	await db.query('settings/save', { key, value: JSON.stringify(value) });
}
