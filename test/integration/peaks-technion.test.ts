/**
 * Real data: the Technion "Anonymous Bank" call centre, August 1999 (../shared/data/real,
 * SOURCE.txt there), loaded through its mapping with the unit set to the bank's: Israel's
 * time zone, the week from Sunday, Friday a short day and Saturday closed until the evening.
 * The heatmap, the usual level and its band, and Erlang C's staffing against the agents who
 * actually answered, with the hours it calls under-staffed and their real abandonment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { getPeaksPage } from '../../src/lib/server/peaks/peaks';
import { getStaffing, type StaffingGrid } from '../../src/lib/server/staffing/staffing';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { realDataAvailable, realDataDir, tempDb, type TempDb } from '../helpers/temp-db';

const available = realDataAvailable();
const MONTH = { from: '2010-08-01', to: '2010-08-31' };
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

describe.runIf(available)('Technion call centre: heatmap, band and Erlang C on real calls', () => {
	let t: TempDb;
	let settings: Settings;
	let grid: StaffingGrid;

	beforeAll(async () => {
		t = await tempDb();
		settings = await loadSettings(t.db);
		settings.unit = { ...settings.unit, timeZone: 'Asia/Jerusalem', weekStart: 0, calendar: 'gregory' };
		await saveSetting(t.db, 'unit', settings.unit);
		// Sunday-Thursday full days, Friday short, Saturday closed; no holidays.
		const full = [{ start: '08:00', end: '16:00' }];
		settings.business_calendar = { week: [full, full, full, full, full, [{ start: '08:00', end: '12:00' }], []], holidays: [] };
		await saveSetting(t.db, 'business_calendar', settings.business_calendar);
		t.drop('calls', 'technion-aug.csv', fs.readFileSync(path.join(realDataDir(), 'technion_callcenter_aug1999', 'calls_1999_08_as_published.csv')));
		const run = await runIngest(t.db, t.config, 'manual');
		expect(run.status).toBe('ok');
		grid = await getStaffing(t.db, settings, MONTH, 0, null);
	}, 300_000);
	afterAll(() => t?.close());

	it('heatmap: weekday daytimes are busy, Friday stops early, Saturday opens in the evening', async () => {
		const page = await getPeaksPage(t.db, settings, settings.unit, MONTH, { metric: 'calls', peakKey: null, viewer: null });
		const calls = page.heatmaps.find((h) => h.metric === 'calls')!;
		expect(calls.weekdays).toEqual([0, 1, 2, 3, 4, 5, 6]);
		const cell = (weekday: number, hour: number) => calls.cells.find((c) => c.weekday === weekday && c.hour === hour)?.perDay ?? 0;
		console.log(
			'[technion] busiest: ' + calls.busiest.map((b) => `${WEEKDAY[b.weekday]} ${b.fromHour}:00-${b.toHour}:00 ${b.ratio.toFixed(1)}× the weekly average`).join('; ')
		);
		console.log('[technion] Fri ' + Array.from({ length: 24 }, (_, h) => cell(5, h).toFixed(0)).join(' ') + '\n[technion] Sat ' + Array.from({ length: 24 }, (_, h) => cell(6, h).toFixed(0)).join(' '));
		// SOURCE.txt: "Friday traffic stops at 14:00 and Saturday resumes ~20:00-21:00".
		// Per day, Friday 12:00 has 91 calls and 16:00 14; Saturday 12:00 has 2 and 21:00 56.
		expect(cell(5, 16)).toBeLessThan(0.25 * cell(5, 12));
		expect(cell(6, 12)).toBeLessThan(0.1 * cell(6, 21));
		// The busiest spans are weekday mornings and early afternoons (Sunday to Thursday).
		for (const b of calls.busiest) {
			expect(b.weekday).toBeLessThanOrEqual(4);
			expect(b.fromHour).toBeGreaterThanOrEqual(9);
			expect(b.toHour).toBeLessThanOrEqual(17);
			expect(b.ratio).toBeGreaterThan(2);
		}
	});

	it('band: once three weeks of history exist, the busy hours mostly fall inside it', async () => {
		const rows = await t.rows<{ inside: number; above: number; below: number; n: number }>(`
			select cast(count(*) filter (where actual between lower and upper) as integer) as inside,
			       cast(count(*) filter (where actual > upper) as integer) as above,
			       cast(count(*) filter (where actual < lower) as integer) as below,
			       cast(count(*) as integer) as n
			from peaks_hourly where metric = 'calls' and expected is not null and expected >= 5`);
		const r = rows[0]!;
		const peaks = await t.rows<{ key: string; actual: number; expected: number }>(`select key, actual, expected from peak_episodes order by start_at`);
		console.log(
			`[technion] band over ${r.n} busy hours with a usual level: ${r.inside} inside, ${r.above} above, ${r.below} below; peaks: ` +
				(peaks.map((p) => `${p.key} ${p.actual}/${p.expected.toFixed(0)}`).join(', ') || 'none')
		);
		// One month: from 22 Aug each day has 3 earlier days of its class (minHistory), so the last
		// ten days have a band. An ordinary month of a bank's calls: almost nothing above it.
		expect(r.n).toBeGreaterThan(150);
		expect(r.inside / r.n).toBeGreaterThan(0.85);
		expect(r.above / r.n).toBeLessThan(0.02);
	});

	it('Erlang C: needed against actual agents per hour, and the abandonment of the hours it calls under-staffed', () => {
		const busy = grid.cells.filter((c) => c.offered > 0 && c.callsPerHour >= 5);
		const under = busy.filter((c) => c.understaffed).sort((a, b) => b.needed - b.actual - (a.needed - a.actual));
		const ok = busy.filter((c) => !c.understaffed);
		const rate = (cells: typeof busy) => (100 * cells.reduce((s, c) => s + c.abandoned, 0)) / cells.reduce((s, c) => s + c.offered, 0);
		const line = (c: (typeof busy)[number]) =>
			`  ${WEEKDAY[c.weekday]} ${String(c.hour).padStart(2, '0')}:00  calls/h ${c.callsPerHour.toFixed(1).padStart(5)}  AHT ${Math.round(c.ahtSeconds ?? 0)} s  needed ${String(c.needed).padStart(2)}  took calls ${c.actual.toFixed(1).padStart(4)}  expected SL ${c.expectedServiceLevel!.toFixed(0).padStart(3)}%  actual SL ${c.actualServiceLevel!.toFixed(0).padStart(3)}%  abandoned ${c.abandonment!.toFixed(1).padStart(4)}%`;
		console.log(
			`[technion] Erlang C for ${grid.target.serviceLevel}% in ${grid.target.thresholdSeconds} s, AHT ${Math.round(grid.ahtSeconds!)} s; ` +
				`${under.length} of ${busy.length} busy weekday-hours under-staffed; abandonment ${rate(under).toFixed(1)}% in them vs ${rate(ok).toFixed(1)}% in the rest\n` +
				under.map(line).join('\n')
		);
		expect(busy.length).toBeGreaterThan(50);
		expect(under.length).toBeGreaterThan(0);
		// Where fewer agents took calls than Erlang C asks for, more callers hung up.
		expect(rate(under)).toBeGreaterThan(rate(ok));
		// And the service level Erlang C expects from the actual staff tracks the real one:
		// under-staffed hours got a worse service level than the rest.
		const sl = (cells: typeof busy) => cells.reduce((s, c) => s + (c.actualServiceLevel! * c.offered) / 100, 0) / cells.reduce((s, c) => s + c.offered, 0);
		expect(sl(under)).toBeLessThan(sl(ok));
	});
});
