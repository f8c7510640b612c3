/**
 * Property: the SQL business clock (business_intervals + sla/compute_clocks) equals a naive
 * minute-by-minute count, and so do the moments the two times breached (targets 60 and 600
 * business minutes; tickets resolved without a recorded first response, so both stop there), on random weekly schedules, holidays, pauses and tickets, in
 * Europe/Berlin over both 2026 daylight-saving changes.
 *
 * The naive count walks every minute from creation to the stop and counts it when its local
 * wall time (from Intl) lies in one of the weekday's intervals, its local day is not a holiday,
 * and the ticket is not in a pause status. Interval boundaries avoid 02:00-03:00, the hour that
 * is skipped in March and repeated in October, where "the local time 02:30" names no instant or
 * two (any rule there is a convention, not a fact to test).
 *
 * Each run also exercises the incremental refresh: the schedule and holidays change between
 * runs, and only the tickets spanning a changed day are recomputed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { addPolicyVersion, PRIORITIES } from '../../src/lib/server/sla/policies';
import { runIngest } from '../../src/lib/server/imports/ingest';
import type { WeekSchedule } from '../../src/lib/server/business-calendar/schedule';
import { hhmm } from '../../src/lib/server/business-calendar/schedule';
import { tempDb, type TempDb } from '../helpers/temp-db';

const TZ = 'Europe/Berlin';
const MIN = 60_000;

const localParts = (() => {
	const f = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' });
	const cache = new Map<number, { day: string; weekday: number; minute: number }>();
	const WD: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
	return (ms: number) => {
		// Berlin's offset changes on whole hours: ask Intl once per UTC hour.
		const hour = Math.floor(ms / 3_600_000) * 3_600_000;
		let p = cache.get(hour);
		if (!p) {
			const parts = Object.fromEntries(f.formatToParts(new Date(hour)).map((x) => [x.type, x.value]));
			p = { day: `${parts.year}-${parts.month}-${parts.day}`, weekday: WD[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute) };
			cache.set(hour, p);
		}
		return { ...p, minute: p.minute + (ms - hour) / MIN };
	};
})();

interface Ticket {
	id: string;
	created: number;
	stop: number;
	/** [start, end) of pauses, in ms. */
	pauses: [number, number][];
}

function naiveMinutes(t: Ticket, week: [number, number][][], holidays: Set<string>): number {
	let n = 0;
	for (let ms = t.created; ms < t.stop; ms += MIN) {
		if (t.pauses.some(([a, b]) => ms >= a && ms < b)) continue;
		const p = localParts(ms);
		if (holidays.has(p.day)) continue;
		if (week[p.weekday]!.some(([s, e]) => p.minute >= s && p.minute < e)) n++;
	}
	return n;
}

/**
 * When the elapsed time passed `target` minutes: the start of the first counted minute after
 * `target` were counted, before the stop (null: it stopped within its target).
 */
function naiveBreach(t: Ticket, week: [number, number][][], holidays: Set<string>, target: number): number | null {
	let n = 0;
	for (let ms = t.created; ms < t.stop; ms += MIN) {
		if (t.pauses.some(([a, b]) => ms >= a && ms < b)) continue;
		const p = localParts(ms);
		if (holidays.has(p.day)) continue;
		if (!week[p.weekday]!.some(([s, e]) => p.minute >= s && p.minute < e)) continue;
		if (n === target) return ms;
		n++;
	}
	return null;
}

// Boundaries on quarter hours, outside [02:00, 03:00).
const boundary = fc.integer({ min: 0, max: 92 }).map((q) => (q < 8 ? q * 15 : q * 15 + 60));
const daySpans = fc
	.uniqueArray(boundary, { minLength: 0, maxLength: 6 })
	.map((bs) => bs.sort((a, b) => a - b))
	.map((bs) => {
		const spans: [number, number][] = [];
		for (let i = 0; i + 1 < bs.length; i += 2) spans.push([bs[i]!, bs[i + 1]!]);
		return spans;
	});
const weekArb = fc.array(daySpans, { minLength: 7, maxLength: 7 });

const WINDOWS = [Date.parse('2026-03-26T00:00:00Z'), Date.parse('2026-10-22T00:00:00Z')];
const DAYS = [...Array(9).keys()].flatMap((i) => WINDOWS.map((w) => new Date(w + i * 86_400_000).toISOString().slice(0, 10)));
const holidaysArb = fc.subarray(DAYS, { maxLength: 4 });

const ticketArb = (id: string) =>
	fc
		.record({
			window: fc.constantFrom(...WINDOWS),
			start: fc.integer({ min: 0, max: 5 * 24 * 60 }),
			length: fc.integer({ min: 0, max: 3 * 24 * 60 }),
			pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 1, max: 24 * 60 })), { maxLength: 2 })
		})
		.map(({ window, start, length, pauses }): Ticket => {
			const created = window + start * MIN;
			const stop = created + length * MIN;
			// Pauses in order, not overlapping, starting after creation (as status changes are).
			const ps: [number, number][] = [];
			let cursor = created;
			for (const [offset, len] of pauses.sort((a, b) => a[0] - b[0])) {
				const a = Math.max(cursor + MIN, created + offset * MIN);
				ps.push([a, a + len * MIN]);
				cursor = a + len * MIN;
			}
			return { id, created, stop, pauses: ps };
		});

const TICKETS = 12;
let t: TempDb;
let base: Settings;
let run = 0;
/** Breaches seen, of each time: the property must have met some, of both kinds, with pauses. */
const seen = { fr: 0, res: 0, afterPause: 0 };

beforeAll(async () => {
	t = await tempDb({ CARE_TIME_ZONE: TZ });
	base = await loadSettings(t.db);
	// Business time for both clocks, no targets needed for the elapsed time.
	await t.db.transaction((conn) =>
		addPolicyVersion(
			conn,
			'1970-01-01',
			PRIORITIES.map((priority) => ({ priority, tier: '', firstResponseMinutes: 60, firstResponseClock: 'business', resolutionMinutes: 600, resolutionClock: 'business' }))
		)
	);
});
afterAll(() => t.close());

const iso = (ms: number) => new Date(ms).toISOString();

describe('SQL business clock = naive minute count', () => {
	it(
		'on random schedules, holidays, pauses and tickets',
		async () => {
			await fc.assert(
				fc.asyncProperty(weekArb, holidaysArb, fc.tuple(...Array.from({ length: TICKETS }, (_, i) => ticketArb(`P${i}`))), async (spans, holidays, tickets) => {
					run++;
					const week: WeekSchedule = spans.map((d) => d.map(([s, e]) => ({ start: hhmm(s), end: hhmm(e) })));
					const settings: Settings = { ...base, business_calendar: { week, holidays: holidays.map((date) => ({ date, name: 'h' })) } };
					await saveSetting(t.db, 'business_calendar', settings.business_calendar);
					// New ticket ids each run, so each run's tickets are new rows (and older ones stay, untouched).
					const ids = tickets.map((x) => ({ ...x, id: `${x.id}r${run}` }));
					t.drop('tickets', `t${run}.csv`, 'id,priority,status,created_at,resolved_at\n' + ids.map((x) => `${x.id},normal,resolved,${iso(x.created)},${iso(x.stop)}`).join('\n') + '\n');
					const changes = ids.flatMap((x) => x.pauses.flatMap(([a, b]) => [`${x.id},${iso(a)},waiting_customer`, `${x.id},${iso(b)},open`]));
					if (changes.length) t.drop('ticket_status_changes', `c${run}.csv`, 'ticket_id,changed_at,status\n' + changes.join('\n') + '\n');
					await runIngest(t.db, t.config, 'manual');
					await refreshAll(t.db, settings, new Date('2026-12-01T00:00:00Z'));
					const rows = await t.rows<{ ticket_id: string; res_elapsed_s: number; fr_breach: number | null; res_breach: number | null }>(
						`select ticket_id, res_elapsed_s, cast(epoch_ms(fr_breach_at) as double) as fr_breach, cast(epoch_ms(res_breach_at) as double) as res_breach from sla_clocks where ticket_id like '%r${run}'`
					);
					const got = Object.fromEntries(rows.map((r) => [r.ticket_id, r]));
					const holidaySet = new Set(holidays);
					for (const x of ids) {
						const what = `${x.id} ${iso(x.created)} → ${iso(x.stop)} pauses ${JSON.stringify(x.pauses.map((p) => p.map(iso)))} week ${JSON.stringify(spans)} holidays ${holidays}`;
						const r = got[x.id]!;
						expect(Number(r.res_elapsed_s) / 60, what).toBeCloseTo(naiveMinutes(x, spans, holidaySet), 6);
						const breach = (ms: number | null) => (ms === null ? null : iso(Number(ms)));
						expect(breach(r.fr_breach), `first response breach of ${what}`).toBe(breach(naiveBreach(x, spans, holidaySet, 60)));
						expect(breach(r.res_breach), `resolution breach of ${what}`).toBe(breach(naiveBreach(x, spans, holidaySet, 600)));
						if (r.fr_breach !== null) seen.fr++;
						if (r.res_breach !== null) seen.res++;
						if (r.res_breach !== null && x.pauses.some(([a]) => a < Number(r.res_breach))) seen.afterPause++;
					}
				}),
				{ numRuns: 10, seed: 1405 }
			);
		},
		600_000
	);

	it('and after all those runs every stored clock still matches its count under the last calendar', async () => {
		// The incremental refresh recomputed only tickets spanning changed days: if it missed one,
		// that ticket's stored clock would still count an older calendar.
		const settings = await loadSettings(t.db);
		const spans = settings.business_calendar.week.map((d) => d.map((i) => [Number(i.start.slice(0, 2)) * 60 + Number(i.start.slice(3)), Number(i.end.slice(0, 2)) * 60 + Number(i.end.slice(3))] as [number, number]));
		const holidaySet = new Set(settings.business_calendar.holidays.map((h) => h.date));
		const rows = await t.rows<{ ticket_id: string; res_elapsed_s: number; created: string; stop: string }>(
			`select c.ticket_id, c.res_elapsed_s, cast(epoch_ms(t.created_at) as double) as created, cast(epoch_ms(t.resolved_at) as double) as stop from sla_clocks c join tickets t on t.id = c.ticket_id`
		);
		const pauses = await t.rows<{ ticket_id: string; a: number; b: number }>(
			`select ticket_id, cast(epoch_ms(changed_at) as double) as a, cast(epoch_ms(lead(changed_at) over (partition by ticket_id order by changed_at)) as double) as b, status from ticket_status_changes qualify status = 'waiting_customer'`
		);
		expect(rows.length).toBe(run * TICKETS);
		expect(seen.fr).toBeGreaterThan(10);
		expect(seen.res).toBeGreaterThan(10);
		expect(seen.afterPause).toBeGreaterThan(3);
		for (const r of rows) {
			const x: Ticket = { id: r.ticket_id, created: Number(r.created), stop: Number(r.stop), pauses: pauses.filter((p) => p.ticket_id === r.ticket_id).map((p) => [Number(p.a), Number(p.b)]) };
			expect(Number(r.res_elapsed_s) / 60, r.ticket_id).toBeCloseTo(naiveMinutes(x, spans, holidaySet), 6);
		}
	}, 300_000);
});
