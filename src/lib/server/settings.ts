/**
 * Settings of the unit: calendar and locale, ingest schedule, business calendar, SLA clock
 * rules, peaks, staffing, alerts, KPI thresholds, the churn model and follow-up list
 * (src/lib/server/churn/settings.ts, docs/churn-model.md). Stored in DuckDB (table settings, one JSON value per key),
 * seeded from the defaults below on first start. A stored value is merged over its default, so
 * keys added in later versions get defaults. (SLA targets are versioned policies in their own
 * table, sla_policies: see src/lib/server/sla/policies.ts.)
 */
import type { Database } from './db/database';
import type { Config } from './config';
import { iranianWeek, type BusinessCalendarSettings, type WeekSchedule } from './business-calendar/schedule';
import { iranHolidays } from './business-calendar/holidays';
import { seedPolicies } from './sla/policies';
import { defaultChurnSettings, mergeChurnSettings, type ChurnSettings } from './churn/settings';

export interface UnitSettings {
	/** IANA zone where the unit works; local days, weekdays and hours are taken there. */
	timeZone: string;
	/** First day of the week, 0 = Sunday … 6 = Saturday (an Iranian unit: 6). */
	weekStart: number;
	/** Calendar dates are shown in. */
	calendar: 'persian' | 'gregory';
	/** Default language of the interface. */
	language: 'en' | 'fa';
}

export interface IngestSettings {
	/** node-cron expression for scanning the inbox. */
	cron: string;
	/** Encoding assumed for a file that is not valid UTF-8 (windows-1256 for older Persian files). */
	fallbackEncoding: string;
}

export const TICKET_STATUSES = ['new', 'open', 'waiting_customer', 'on_hold', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How the SLA clocks run (the targets themselves are versioned policies, table sla_policies). */
export interface SlaSettings {
	/** Statuses that stop the clock while a ticket is in them (from ticket_status_changes). */
	pauseStatuses: TicketStatus[];
	/** An open ticket past this share of its target is at risk (0.8 = 80%). */
	atRiskShare: number;
}

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

/** Sign-in sessions (CARE_SESSION_HOURS and CARE_SESSION_IDLE_MINUTES override them). */
export interface SecuritySettings {
	/** A session ends this many hours after sign-in, however active. */
	sessionHours: number;
	/** A session ends after this many minutes without a request. */
	idleMinutes: number;
}

/** How the executive KPIs are judged (queries/kpi/*.sql, src/lib/server/kpi/). */
export interface KpiSettings {
	/** An NPS or CSAT from fewer answers than this is flagged as a small sample (default 30). */
	smallSampleMin: number;
	/** Service level counts incoming calls answered within this many seconds: staffing.thresholdSeconds (not stored here). */
	serviceLevelSeconds: number;
	/** The service level the unit aims for, in percent: staffing.serviceLevelTarget (not stored here). */
	serviceLevelTarget: number;
	/** Ticket channels that are self-service (the knowledge portal, the bot), for the self-service share. */
	selfServiceChannels: string[];
}

export interface Settings {
	unit: UnitSettings;
	ingest: IngestSettings;
	/**
	 * Working intervals per weekday and holidays: the business time SLA clocks count. Also the
	 * source of the weekend, half days and holidays of calendar_days (see calendarRules).
	 */
	business_calendar: BusinessCalendarSettings;
	sla: SlaSettings;
	peaks: PeakSettings;
	staffing: StaffingSettings;
	alerts: AlertSettings;
	security: SecuritySettings;
	kpi: KpiSettings;
	churn: ChurnSettings;
}

/** The KPI settings with the service level taken from staffing's, so both pages judge by one target. */
function kpiOf(stored: Partial<KpiSettings> | undefined, staffing: StaffingSettings, defaults: KpiSettings): KpiSettings {
	return { ...defaults, ...stored, serviceLevelSeconds: staffing.thresholdSeconds, serviceLevelTarget: staffing.serviceLevelTarget };
}

export function defaultSettings(config?: Pick<Config, 'timeZone'>): Settings {
	return {
		unit: {
			timeZone: config?.timeZone ?? 'Asia/Tehran',
			weekStart: 6,
			calendar: 'persian',
			language: 'en'
		},
		ingest: { cron: '* * * * *', fallbackEncoding: 'windows-1252' },
		// Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00, Friday off; Iran's official
		// holidays of 1405 and 1406 as shipped (business-calendar/iran-holidays.json).
		business_calendar: { week: iranianWeek(), holidays: iranHolidays('en') },
		sla: { pauseStatuses: ['waiting_customer', 'on_hold'], atRiskShare: 0.8 },
		// Eight weeks of the same weekday: long enough for a median a flood cannot move, short
		// enough to follow growth. k = 3 with the Poisson floor keeps ordinary days quiet.
		peaks: { weeks: 8, k: 3, minHistory: 3, minHours: 2, attributionHours: 48 },
		// The common "80% of calls answered within 20 seconds".
		staffing: { serviceLevelTarget: 80, thresholdSeconds: 20, wrapUpSeconds: 0 },
		alerts: { webhookUrl: null, maxAttempts: 5, slaAtRiskThreshold: 10 },
		// A working day; an hour away from the desk signs out.
		security: { sessionHours: 12, idleMinutes: 60 },
		// Below 30 answers a margin of error is wide and the normal approximation weak. The service
		// level is staffing's "80% within 20 s" (one setting for both pages).
		kpi: { smallSampleMin: 30, serviceLevelSeconds: 20, serviceLevelTarget: 80, selfServiceChannels: ['portal', 'bot'] },
		churn: defaultChurnSettings()
	};
}

/** Settings stored by versions before the business calendar: working hours, weekend, half days, holiday dates. */
interface LegacyUnit {
	weekend?: number[];
	halfDays?: number[];
	workingHours?: { start?: string; end?: string; halfDayEnd?: string };
	holidays?: string[];
}

/** The business calendar an older database described with its unit settings. */
function fromLegacyUnit(legacy: LegacyUnit, fallback: BusinessCalendarSettings): BusinessCalendarSettings {
	if (!legacy.workingHours && !legacy.weekend && !legacy.holidays) return fallback;
	const start = legacy.workingHours?.start ?? '08:00';
	const end = legacy.workingHours?.end ?? '16:00';
	const halfEnd = legacy.workingHours?.halfDayEnd ?? '12:00';
	const week: WeekSchedule = Array.from({ length: 7 }, (_, d) =>
		(legacy.weekend ?? [5]).includes(d) ? [] : [{ start, end: (legacy.halfDays ?? [4]).includes(d) ? halfEnd : end }]
	);
	const holidays = legacy.holidays ? legacy.holidays.map((date) => ({ date, name: date, source: 'unit' as const })) : fallback.holidays;
	return { week, holidays };
}

export async function seedSettings(db: Database, config?: Pick<Config, 'timeZone'>): Promise<void> {
	const defaults = defaultSettings(config);
	// A database from before the business calendar keeps its working hours, weekend and holidays.
	const [legacy] = await db.query<{ key: string; value: string }>('settings/all').then((rows) => rows.filter((r) => r.key === 'unit'));
	if (legacy) defaults.business_calendar = fromLegacyUnit(JSON.parse(legacy.value) as LegacyUnit, defaults.business_calendar);
	for (const [key, value] of Object.entries(defaults)) {
		await db.query('settings/seed', { key, value: JSON.stringify(value) });
	}
	await seedPolicies(db);
}

export async function loadSettings(db: Database): Promise<Settings> {
	const defaults = defaultSettings();
	const rows = await db.query<{ key: string; value: string }>('settings/all');
	const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
	const { weekend: _w, halfDays: _h, workingHours: _wh, holidays: _hd, ...unit } = (stored.unit ?? {}) as Partial<UnitSettings> & LegacyUnit;
	return {
		unit: { ...defaults.unit, ...unit },
		ingest: { ...defaults.ingest, ...stored.ingest },
		business_calendar: stored.business_calendar
			? { ...defaults.business_calendar, ...stored.business_calendar }
			: fromLegacyUnit((stored.unit ?? {}) as LegacyUnit, defaults.business_calendar),
		sla: { ...defaults.sla, ...stored.sla },
		peaks: { ...defaults.peaks, ...stored.peaks },
		staffing: { ...defaults.staffing, ...stored.staffing },
		alerts: { ...defaults.alerts, ...stored.alerts },
		security: { ...defaults.security, ...stored.security },
		kpi: kpiOf(stored.kpi, { ...defaults.staffing, ...stored.staffing }, defaults.kpi),
		// Nested (weights, thresholds): merged level by level, so a stored weight keeps the other defaults.
		churn: mergeChurnSettings(stored.churn)
	};
}

export async function saveSetting<K extends keyof Settings>(db: Database, key: K, value: Settings[K]): Promise<void> {
	await db.query('settings/save', { key, value: JSON.stringify(value) });
}
