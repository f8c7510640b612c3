/**
 * The usual level, its band, peaks and their attribution, computed by hand from a small
 * fixture. The unit is in Asia/Tehran, its week starts on Saturday, Friday is off, and
 * Saturday 24 October 2026 is a holiday. Every call arrives between 10:00 and 11:00 local, so
 * an hour's count and its day's count are the same number.
 *
 * Incoming calls on the Saturdays, at 10:xx:
 *   5 Sep 10, 12 Sep 12, 19 Sep 9, 26 Sep 11, 3 Oct 10, 10 Oct 13, 17 Oct 8,
 *   24 Oct (holiday) 2, 31 Oct 10, 7 Nov 40 (a flood after "Release 9.1" at 09:30), 14 Nov 11.
 * N = 8 weeks, k = 3 (the defaults).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { getPeakDetail } from '../../src/lib/server/peaks/detail';
import { listPeaks } from '../../src/lib/server/peaks/peaks';
import { refreshPeaks } from '../../src/lib/server/peaks/refresh';
import { refreshAll, STEPS } from '../../src/lib/server/refresh/index';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

const SATURDAYS: [string, number][] = [
	['2026-09-05', 10],
	['2026-09-12', 12],
	['2026-09-19', 9],
	['2026-09-26', 11],
	['2026-10-03', 10],
	['2026-10-10', 13],
	['2026-10-17', 8],
	['2026-10-24', 2],
	['2026-10-31', 10],
	['2026-11-07', 40],
	['2026-11-14', 11]
];

function callsCsv(days: [string, number][], prefix = 'k'): string {
	const lines = ['id,customer_id,direction,queue,started_at,answered_at,wait_seconds,talk_seconds,outcome,agent,opened_case'];
	for (const [day, n] of days) {
		for (let i = 0; i < n; i++) {
			const flood = day === '2026-11-07' && i >= 10;
			const at = `${day}T10:${String(i % 60).padStart(2, '0')}:00+03:30`;
			lines.push(`${prefix}${day}-${i},${flood ? 'C9' : `C${i % 5}`},inbound,${flood ? 'technical' : 'support'},${at},${at},10,200,answered,agent${i % 3},${flood}`);
		}
	}
	return lines.join('\n') + '\n';
}

const ANNOTATIONS = `id,kind,starts_at,ends_at,title
R91,release,2026-11-07T09:30:00+03:30,,Release 9.1
OLD,incident,2026-09-01T10:00:00+03:30,2026-09-01T12:00:00+03:30,Old incident
`;

let t: TempDb;
let settings: Settings;
const hourly = (day: string) =>
	t.rows<{ actual: number; expected: number | null; lower: number; upper: number; cum_expected: number; cum_upper: number; refs: number }>(
		`select actual, expected, lower, upper, cum_expected, cum_upper, refs from peaks_hourly where metric = 'calls' and day = '${day}' and hour = 10`
	);

beforeAll(async () => {
	t = await tempDb();
	settings = await loadSettings(t.db);
	settings.business_calendar = { ...settings.business_calendar, holidays: [{ date: '2026-10-24', name: 'holiday' }] };
	await saveSetting(t.db, 'business_calendar', settings.business_calendar);
	t.drop('calls', 'calls.csv', callsCsv(SATURDAYS));
	t.drop('annotations', 'annotations.csv', ANNOTATIONS);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status).toBe('ok');
});
afterAll(() => t.close());

describe('usual level and band', () => {
	it('a day is compared with the 8 most recent days of its class, holidays apart', async () => {
		const refs = await t.rows<{ ref_day: string }>(`select cast(ref_day as varchar) as ref_day from peaks_reference_days where day = '2026-11-07' order by ref_day`);
		// 8 full Saturdays before 7 Nov, skipping the holiday of 24 Oct.
		expect(refs.map((r) => r.ref_day)).toEqual(['2026-09-05', '2026-09-12', '2026-09-19', '2026-09-26', '2026-10-03', '2026-10-10', '2026-10-17', '2026-10-31']);
		const classes = await t.rows<{ day: string; class: string }>(`select cast(day as varchar) as day, class from peaks_days where day in ('2026-10-24', '2026-10-31')`);
		expect(Object.fromEntries(classes.map((c) => [c.day, c.class]))).toEqual({ '2026-10-24': 'off', '2026-10-31': 'full6' });
	});

	it('7 Nov: median 10, scaled MAD 1.4826, band 10 ± max(3 × 1.4826, Poisson floor)', async () => {
		// Reference values [10, 12, 9, 11, 10, 13, 8, 10], sorted 8 9 10 10 10 11 12 13: median (10 + 10) / 2 = 10.
		// |x − 10| sorted 0 0 0 1 1 2 2 3: MAD (1 + 1) / 2 = 1, scaled 1.4826; k × spread = 4.4478.
		// Floor: 3·√(10 + 0.375) + 9/4 = 3 × 3.22102 + 2.25 = 11.9131 > 4.4478, so upper = 21.9131;
		// lower = 10 − max(4.4478, 3·√10.375 − 2.25 = 7.4131) = 2.5869.
		const [row] = await hourly('2026-11-07');
		expect(row).toMatchObject({ actual: 40, expected: 10, refs: 8 });
		expect(row!.upper).toBeCloseTo(21.9131, 4);
		expect(row!.lower).toBeCloseTo(2.5869, 4);
		// All calls are at 10:xx, so the day's band is the hour's.
		expect(row!.cum_expected).toBe(10);
		expect(row!.cum_upper).toBeCloseTo(21.9131, 4);
	});

	it('a flood does not raise the usual level after it (median, not mean)', async () => {
		// 14 Nov: references 7 Nov (40) and seven ordinary Saturdays: 8 9 10 10 11 12 13 40, median 10.5
		// (a mean would say 14.1).
		const [row] = await hourly('2026-11-14');
		expect(row).toMatchObject({ actual: 11, expected: 10.5, refs: 8 });
	});

	it('a holiday is compared with days off, not with its weekday', async () => {
		// 24 Oct's references are the Fridays before it, all without calls: usual 0, MAD 0; the floor
		// alone makes the band: 3·√0.375 + 2.25 = 4.087, so its 2 calls are not a peak.
		const [row] = await hourly('2026-10-24');
		expect(row).toMatchObject({ actual: 2, expected: 0 });
		expect(row!.upper).toBeCloseTo(4.0871, 4);
	});

	it('no usual level without enough history (fewer than 3 comparable days)', async () => {
		const [first] = await hourly('2026-09-05');
		const [third] = await hourly('2026-09-19');
		const [fourth] = await hourly('2026-09-26');
		expect(first!.expected).toBeNull();
		expect(third!.expected).toBeNull(); // 2 references
		expect(fourth!.expected).toBe(10); // 10, 12, 9: median 10
	});
});

describe('peaks', () => {
	it('finds the flood, and only it, attributed to the release before it', async () => {
		const peaks = await listPeaks(t.db, settings);
		expect(peaks.map((p) => p.key)).toEqual(['calls:2026-11-07T10']);
		const [p] = peaks;
		expect(p).toMatchObject({ metric: 'calls', grain: 'day', firstDay: '2026-11-07', lastDay: '2026-11-07', actual: 40, expected: 10, excess: 30, ratio: 4, hoursAbove: 1 });
		expect(p!.annotation).toMatchObject({ id: 'R91', title: 'Release 9.1', kind: 'release' });
		// The peak's first hour above: 10:00-11:00 Tehran = 06:30-07:30 UTC.
		expect(new Date(p!.startAt.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString()).toBe('2026-11-07T06:30:00.000Z');
		expect(p!.durationSeconds).toBe(3600);
	});

	it('a peak too long after an annotation is unexplained (attribution window)', async () => {
		const narrow = { ...settings, peaks: { ...settings.peaks, attributionHours: 0 } };
		// R91 starts at 09:30 and has no end: with a window of 0 h only a peak under way at 09:30 is
		// its; this one starts at 10:00.
		const [p] = await listPeaks(t.db, narrow);
		expect(p!.annotation).toBeNull();
		expect(await listPeaks(t.db, settings, { unexplained: true })).toEqual([]);
	});

	it('says what the extra calls were about against the same hours of the reference days', async () => {
		const detail = (await getPeakDetail(t.db, settings, settings.unit, 'calls:2026-11-07T10', null))!;
		const queue = detail.dimensions.find((d) => d.dim === 'queue')!.rows;
		// In the peak: 10 support + 30 technical. Usual: the references' support calls average
		// (10 + 12 + 9 + 11 + 10 + 13 + 8 + 10) / 8 = 83 / 8 = 10.375; technical 0.
		expect(queue[0]).toMatchObject({ value: 'technical', peak: 30, usual: 0, excess: 30, shareOfExcess: 1 });
		expect(queue[1]).toMatchObject({ value: 'support', peak: 10, usual: 10.375 });
		// 30 of the 40 came from C9, which never called on the reference days.
		expect(detail.customers[0]).toMatchObject({ customerId: 'C9', peak: 30, usual: 0 });
		const exec = (await getPeakDetail(t.db, settings, settings.unit, 'calls:2026-11-07T10', { role: 'executive' }))!;
		expect(exec.customers[0]).toMatchObject({ customerId: null, name: null, value: '', peak: 30 });
	});
});

describe('incremental refresh', () => {
	it('recomputes from the first day a load changed, with the same result as a full rebuild', async () => {
		t.drop('calls', 'late.csv', callsCsv([['2026-11-14', 3]], 'late'));
		await runIngest(t.db, t.config, 'manual');
		// The load's refresh recomputed from 14 Nov on; another refresh with nothing new recomputes nothing.
		const again = await t.db.transaction((conn) => refreshPeaks({ conn, settings, now: new Date() }));
		expect(again).toEqual({ full: false, from: null });
		const incremental = await t.rows(`select * from peaks_hourly order by metric, day, hour`);
		const [row] = await hourly('2026-11-14');
		expect(row!.actual).toBe(14);
		await t.rows('delete from peaks_state');
		await refreshAll(t.db, settings);
		const full = await t.rows(`select * from peaks_hourly order by metric, day, hour`);
		expect(full).toEqual(incremental);
	});

	it('reports the first changed day, and leaves earlier days alone', async () => {
		// A call added on 7 Nov (as a load would): the rollups are rebuilt, then the peaks step.
		await t.rows(`insert into calls (id, direction, started_at, outcome) values ('x1', 'inbound', '2026-11-07T10:59:00+03:30', 'abandoned')`);
		const before = await t.rows(`select * from peaks_hourly where day < '2026-11-07' order by metric, day, hour`);
		const result = await t.db.transaction(async (conn) => {
			for (const step of STEPS.filter((s) => s.name === 'calendar' || s.name === 'rollups')) await step.run({ conn, settings, now: new Date() });
			return refreshPeaks({ conn, settings, now: new Date() });
		});
		expect(result).toEqual({ full: false, from: '2026-11-07' });
		expect(await t.rows(`select * from peaks_hourly where day < '2026-11-07' order by metric, day, hour`)).toEqual(before);
		expect((await hourly('2026-11-07'))[0]!.actual).toBe(41);
		// A change of the settings the baselines depend on rebuilds them all.
		const wider = { ...settings, peaks: { ...settings.peaks, k: 4 } };
		expect(await t.db.transaction((conn) => refreshPeaks({ conn, settings: wider, now: new Date() }))).toEqual({ full: true, from: null });
	});
});
