/**
 * The SLA settings page's form: working intervals per weekday, holidays (typed, or imported
 * from an iCal file, or the shipped list), pause statuses, targets per priority and tier with
 * the day they apply from, and the at-risk threshold. Everything is checked first; any
 * problem is returned at its field and nothing is saved. A good form is saved in one
 * transaction, then the clocks are recomputed.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { todayIn } from '../../calendar';
import type { Phrase } from '../../i18n/translate';
import { auditOn, type By } from '../audit';
import type { Database } from '../db/database';
import { execOn } from '../db/database';
import { refreshAll } from '../refresh/index';
import { TICKET_STATUSES, type Settings, type TicketStatus } from '../settings';
import { hhmm, validateHolidays, validateWeek, weekdaySpans, type FieldProblem, type Holiday, type WeekSchedule, type WorkInterval } from '../business-calendar/schedule';
import { iranHolidays, mergeHolidays, parseIcal } from '../business-calendar/holidays';
import { activePolicies, addPolicyVersion, validateEffectiveFrom, validateTargets, versionOn, type Clock, type PolicyTarget, type Priority } from './policies';

/** Statuses a unit may choose to pause the clock (a resolved or closed ticket has no running clock). */
export const PAUSABLE: TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed');

/** The form as the page shows it (text, so a wrong entry comes back as typed). */
export interface SlaFormValues {
	/** One text per weekday (0 = Sunday … 6 = Saturday): "08:00-12:00, 13:00-16:00", empty when closed. */
	week: string[];
	/** One holiday per line: "2026-03-21 Nowruz". */
	holidays: string;
	pauseStatuses: string[];
	/** 1-99. */
	atRiskPercent: string;
	effectiveFrom: string;
	targets: { priority: string; tier: string; fr: string; frClock: string; res: string; resClock: string }[];
}

export type FieldErrors = Record<string, Phrase[]>;

export const weekText = (day: WorkInterval[]) => day.map((i) => `${i.start}-${i.end}`).join(', ');
export const holidaysText = (hs: Holiday[]) => hs.map((h) => `${h.date} ${h.name}`).join('\n');

/** The form filled from the current settings and the policy in force today. */
export async function currentForm(db: Database, settings: Settings): Promise<SlaFormValues> {
	const today = todayIn(settings.unit.timeZone);
	const version = versionOn(await activePolicies(db), today);
	return {
		week: settings.business_calendar.week.map(weekText),
		holidays: holidaysText(settings.business_calendar.holidays),
		pauseStatuses: [...settings.sla.pauseStatuses],
		atRiskPercent: String(Math.round(settings.sla.atRiskShare * 100)),
		effectiveFrom: today,
		targets: (version?.targets ?? []).map((x) => ({
			priority: x.priority,
			tier: x.tier,
			fr: x.firstResponseMinutes === null ? '' : String(x.firstResponseMinutes),
			frClock: x.firstResponseClock,
			res: x.resolutionMinutes === null ? '' : String(x.resolutionMinutes),
			resClock: x.resolutionClock
		}))
	};
}

export interface ParsedForm {
	values: SlaFormValues;
	errors: FieldErrors;
	candidate: { week: WeekSchedule; holidays: Holiday[]; pauseStatuses: TicketStatus[]; atRiskShare: number; effectiveFrom: string; targets: PolicyTarget[] } | null;
}

/** Persian and Arabic-Indic digits as Latin ones (a number typed on a Persian keyboard). */
const latinDigits = (s: string) => s.replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660));

function add(errors: FieldErrors, field: string, phrase: Phrase) {
	(errors[field] ??= []).push(phrase);
}

/** Read and check the posted form; `candidate` is null when anything is wrong. */
export function parseSlaForm(form: FormData, previous: Holiday[]): ParsedForm {
	const str = (k: string) => String(form.get(k) ?? '');
	const errors: FieldErrors = {};
	const values: SlaFormValues = {
		week: Array.from({ length: 7 }, (_, d) => str(`week.${d}`)),
		holidays: str('holidays'),
		pauseStatuses: form.getAll('pause').map(String),
		atRiskPercent: str('atRiskPercent'),
		effectiveFrom: str('effectiveFrom').trim(),
		targets: []
	};
	const count = Math.min(50, Number(str('targets.count')) || 0);
	for (let i = 0; i < count; i++) {
		const row = { priority: str(`t.${i}.priority`), tier: str(`t.${i}.tier`).trim().toLowerCase(), fr: str(`t.${i}.fr`).trim(), frClock: str(`t.${i}.frClock`), res: str(`t.${i}.res`).trim(), resClock: str(`t.${i}.resClock`) };
		// A blank added row, or a row marked for removal, is not a target.
		if (form.get(`t.${i}.remove`) || (!row.priority && !row.tier && !row.fr && !row.res)) continue;
		values.targets.push(row);
	}

	// Working intervals: "08:00-12:00, 13:00-16:00" per weekday.
	const week: WeekSchedule = values.week.map((text, d) => {
		const out: WorkInterval[] = [];
		for (const part of text.split(/[,;،]/).map((p) => p.trim()).filter(Boolean)) {
			const m = /^(\S+)\s*[-–—]\s*(\S+)$/.exec(part);
			if (!m) add(errors, `week.${d}`, { key: 'sla.error.badTime', params: { value: part } });
			else out.push({ start: m[1]!, end: m[2]! });
		}
		return out;
	});
	for (const p of validateWeek(week)) add(errors, p.field.split('.').slice(0, 2).join('.'), p.phrase);

	// Holidays: one "YYYY-MM-DD name" a line; an unchanged line keeps where it came from.
	const known = new Map(previous.map((h) => [`${h.date} ${h.name}`, h.source]));
	const lines = values.holidays.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
	const holidays: Holiday[] = lines.map((line) => {
		const m = /^(\S+)\s*(.*)$/.exec(line)!;
		const h: Holiday = { date: m[1]!, name: m[2]!.trim() };
		const source = known.get(`${h.date} ${h.name}`);
		return source ? { ...h, source } : { ...h, source: 'unit' };
	});
	// Problems of a line are reported as holidays.<line number>.
	for (const p of validateHolidays(holidays)) add(errors, `holidays.${Number(p.field.split('.')[1]) + 1}`, p.phrase);

	const pauseStatuses: TicketStatus[] = [];
	for (const s of values.pauseStatuses) {
		if ((PAUSABLE as string[]).includes(s)) pauseStatuses.push(s as TicketStatus);
		else add(errors, 'pause', { key: 'sla.error.badStatus', params: { value: s } });
	}

	const pct = Number(latinDigits(values.atRiskPercent.trim()));
	if (!values.atRiskPercent.trim() || !Number.isFinite(pct) || pct < 1 || pct > 99) add(errors, 'atRiskPercent', { key: 'sla.error.badShare', params: { value: values.atRiskPercent } });

	for (const p of validateEffectiveFrom(values.effectiveFrom)) add(errors, 'effectiveFrom', p.phrase);

	const minutesField = (raw: string, field: string): number | null | undefined => {
		if (raw === '') return null;
		const latin = latinDigits(raw);
		const n = Number(latin);
		if (!/^-?\d+$/.test(latin)) {
			add(errors, field, { key: 'sla.error.badTarget', params: { value: raw } });
			return undefined;
		}
		return n;
	};
	const targets: PolicyTarget[] = values.targets.map((r, i) => ({
		priority: r.priority as Priority,
		tier: r.tier,
		firstResponseMinutes: minutesField(r.fr, `t.${i}.fr`) ?? null,
		firstResponseClock: r.frClock as Clock,
		resolutionMinutes: minutesField(r.res, `t.${i}.res`) ?? null,
		resolutionClock: r.resClock as Clock
	}));
	const fieldOf: Record<string, string> = { firstResponseMinutes: 'fr', firstResponseClock: 'frClock', resolutionMinutes: 'res', resolutionClock: 'resClock', priority: 'priority', tier: 'tier' };
	for (const p of validateTargets(targets)) {
		const [, i, name] = p.field.split('.');
		const field = i === undefined ? 'targets' : `t.${i}.${fieldOf[name!] ?? name}`;
		if (!errors[field]?.length) add(errors, field, p.phrase);
	}

	const ok = Object.keys(errors).length === 0;
	return {
		values,
		errors,
		candidate: ok
			? {
					week: week.map((_, dow) => weekdaySpans(week, dow).map(([s, e]) => ({ start: hhmm(s), end: hhmm(e) }))),
					holidays: mergeHolidays(holidays),
					pauseStatuses,
					atRiskShare: Math.round(pct) / 100,
					effectiveFrom: values.effectiveFrom,
					targets
				}
			: null
	};
}

const sameTargets = (a: PolicyTarget[], b: PolicyTarget[]) => {
	const key = (x: PolicyTarget) => JSON.stringify([x.priority, x.tier, x.firstResponseMinutes, x.firstResponseClock, x.resolutionMinutes, x.resolutionClock]);
	return JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());
};

async function saveOn(conn: DuckDBConnection, key: keyof Settings, value: unknown) {
	await execOn(conn, 'settings/save', { key, value: JSON.stringify(value) });
}

export interface SaveResult {
	/** The policy version added, or null when the targets in force from that day did not change. */
	version: number | null;
}

/**
 * Save a checked form (one transaction, with its audit entry: who), put the new settings in
 * `settings` (the runtime's object), and recompute the clocks.
 */
export async function saveSlaSettings(db: Database, settings: Settings, c: NonNullable<ParsedForm['candidate']>, by: By): Promise<SaveResult> {
	const business_calendar = { week: c.week, holidays: c.holidays };
	const sla = { pauseStatuses: c.pauseStatuses, atRiskShare: c.atRiskShare };
	// A new policy version only when the targets in force from that day differ.
	const inForce = versionOn(await activePolicies(db), c.effectiveFrom);
	const changed = !inForce || !sameTargets(inForce.targets, c.targets);
	let version: number | null = null;
	await db.transaction(async (conn) => {
		await saveOn(conn, 'business_calendar', business_calendar);
		await saveOn(conn, 'sla', sla);
		if (changed) version = await addPolicyVersion(conn, c.effectiveFrom, c.targets);
		await auditOn(conn, {
			...by,
			action: 'settings.change',
			target: 'sla',
			detail: { keys: ['business_calendar', 'sla'], policyVersion: version, effectiveFrom: changed ? c.effectiveFrom : null, holidays: c.holidays.length, pauseStatuses: c.pauseStatuses, atRiskShare: c.atRiskShare }
		});
	});
	settings.business_calendar = business_calendar;
	settings.sla = sla;
	await refreshAll(db, settings);
	return { version };
}

/** Merge an iCal file's all-day events into the holidays, save, and recompute; a bad file changes nothing. */
export async function importIcal(db: Database, settings: Settings, text: string, by: By): Promise<{ ok: true; added: number } | { ok: false; phrase: Phrase }> {
	const parsed = parseIcal(text);
	if (!parsed.ok) return parsed;
	return mergeAndSave(db, settings, parsed.holidays, by, 'ical');
}

/** Merge the shipped list of Iran's official holidays into the unit's (named in a language). */
export async function restoreShipped(db: Database, settings: Settings, language: 'en' | 'fa', by: By) {
	return mergeAndSave(db, settings, iranHolidays(language), by, 'shipped');
}

async function mergeAndSave(db: Database, settings: Settings, incoming: Holiday[], by: By, source: 'ical' | 'shipped'): Promise<{ ok: true; added: number } | { ok: false; phrase: Phrase }> {
	const before = new Set(settings.business_calendar.holidays.map((h) => h.date));
	const holidays = mergeHolidays(settings.business_calendar.holidays, incoming.filter((h) => !before.has(h.date)));
	const problems = validateHolidays(holidays);
	if (problems.length) return { ok: false, phrase: problems[0]!.phrase };
	const business_calendar = { ...settings.business_calendar, holidays };
	const added = holidays.length - before.size;
	await db.transaction(async (conn) => {
		await saveOn(conn, 'business_calendar', business_calendar);
		await auditOn(conn, { ...by, action: 'settings.change', target: 'business_calendar', detail: { holidaysAdded: added, source } });
	});
	settings.business_calendar = business_calendar;
	await refreshAll(db, settings);
	return { ok: true, added };
}

