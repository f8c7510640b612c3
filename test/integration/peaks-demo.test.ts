/**
 * The demo's planted overloads found as peaks and explained by their annotations: the demo is
 * generated at a fixed date (so the figures below never move) and loaded through the ingest.
 *
 * Ground truth (jobs/demo): every release brings a flood on its day and the next one or two
 * working days, the national internet slow-down one of three days, each small incident a few
 * hours (`demo.floods`, each flood naming its annotation); and the day after a holiday carries
 * its backlog (`isBacklogDay`, +20%, with no annotation: an unexplained peak there is right).
 *   recall    = annotations with a peak on one of their flood days, attributed to them
 *   precision = peaks that are either on a flood day and attributed to that flood's
 *               annotation, or unexplained on a backlog day, over all peaks
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { listPeaks, type Peak } from '../../src/lib/server/peaks/peaks';
import { loadSettings, saveSetting, type Settings } from '../../src/lib/server/settings';
import { generateDemo, writeDemoData } from '../../jobs/demo/generate';
import { isBacklogDay, type DemoData } from '../../jobs/demo/simulation';
import { dayNumber, dayString } from '../../jobs/demo/tehran-calendar';
import { tempDb, type TempDb } from '../helpers/temp-db';

const AS_OF = '2026-11-22';

let t: TempDb;
let settings: Settings;
let demo: DemoData;
let peaks: Peak[];
/** Annotation id → the days its flood covers. */
const floodDays = new Map<string, Set<string>>();

beforeAll(async () => {
	t = await tempDb();
	demo = generateDemo({ asOf: AS_OF });
	for (const [day, floods] of demo.floods) for (const f of floods) floodDays.set(f.annotation.id, (floodDays.get(f.annotation.id) ?? new Set()).add(dayString(day)));
	const written = await writeDemoData(t.config.inboxDir, path.join(t.dir, 'truth'), { asOf: AS_OF });
	// As the server does for the demo: the unit closes on Iran's public holidays.
	settings = await loadSettings(t.db);
	settings.business_calendar = written.businessCalendar;
	await saveSetting(t.db, 'business_calendar', settings.business_calendar);
	const run = await runIngest(t.db, t.config, 'startup');
	expect(run.status).toBe('ok');
	peaks = await listPeaks(t.db, settings);
}, 600_000);
afterAll(() => t?.close());

function judge(p: Peak): 'flood' | 'backlog' | 'wrong' {
	const days = p.annotation ? floodDays.get(p.annotation.id) : undefined;
	if (days && [...days].some((d) => d >= p.firstDay && d <= p.lastDay)) return 'flood';
	if (!p.annotation && isBacklogDay(demo.calendar, dayNumber(p.firstDay))) return 'backlog';
	return 'wrong';
}

describe('the demo floods found as peaks', () => {
	it('finds the planted floods and attributes them to their annotations (recall and precision)', () => {
		const verdicts = peaks.map((p) => ({ p, verdict: judge(p) }));
		const found = new Set(verdicts.filter((v) => v.verdict === 'flood').map((v) => v.p.annotation!.id));
		const recall = found.size / floodDays.size;
		const precision = verdicts.filter((v) => v.verdict !== 'wrong').length / peaks.length;
		const missed = demo.annotations.filter((a) => !found.has(a.id)).map((a) => `${a.id} ${a.title} (${[...(floodDays.get(a.id) ?? [])].join(', ')})`);
		console.log(
			`[peaks/demo] ${peaks.length} peaks; ${found.size}/${floodDays.size} annotated floods found (recall ${recall.toFixed(2)}), precision ${precision.toFixed(2)}\n` +
				`  missed: ${missed.join('; ') || 'none'}\n` +
				verdicts
					.filter((v) => v.verdict === 'wrong')
					.map((v) => `  not planted: ${v.p.key} ${v.p.grain} ${v.p.actual}/${v.p.expected.toFixed(1)} (${(v.p.ratio ?? 0).toFixed(2)}×) ${v.p.annotation?.id ?? 'unexplained'}`)
					.join('\n')
		);
		expect(floodDays.size).toBe(19);
		// Two of 19 are missed on this seed: Release 5.1 lands the day before the pre-Nowruz slow-down
		// (the demo damps those days by 20%, so its flood barely rises above an ordinary day), and the
		// data-centre power failure adds 40% of a day's calls over five hours, inside the band.
		expect(recall).toBeGreaterThanOrEqual(17 / 19);
		// 0.84 on this seed with holidays computed by Umm al-Qura; 39/49 = 0.80 since the demo's
		// holidays from 1 Farvardin 1405 come from the shipped official list (other holiday days
		// shift the random draws, and one more unexplained ordinary-day spike crosses the band).
		expect(precision).toBeGreaterThanOrEqual(0.78);
	});

	it('finds the national internet slow-down across its three days, at over twice the usual level', () => {
		const incident = demo.annotations.find((a) => a.title === 'National internet slow-down')!;
		const days = [...floodDays.get(incident.id)!].sort();
		const calls = peaks.find((p) => p.metric === 'calls' && p.annotation?.id === incident.id)!;
		expect(calls).toMatchObject({ grain: 'day', firstDay: days[0], lastDay: days[2] });
		expect(calls.ratio!).toBeGreaterThan(2);
	});

	it('never attributes a flood to another annotation', () => {
		for (const p of peaks.filter((x) => x.annotation)) {
			const own = [...floodDays.entries()].filter(([, d]) => [...d].some((x) => x >= p.firstDay && x <= p.lastDay)).map(([id]) => id);
			if (own.length > 0) expect(own, p.key).toContain(p.annotation!.id);
		}
	});

	it('says what a release flood was about: bugs and how-to questions above a normal day', async () => {
		const { getPeakDetail } = await import('../../src/lib/server/peaks/detail');
		const release = peaks.find((p) => p.metric === 'tickets' && p.annotation?.kind === 'release' && p.grain === 'day')!;
		const detail = (await getPeakDetail(t.db, settings, settings.unit, release.key, null))!;
		const category = detail.dimensions.find((d) => d.dim === 'category')!.rows;
		// A release's tickets are 45% bugs and 40% how-to questions (jobs/demo/tickets.ts), against
		// 13% bugs on an ordinary day: bugs carry the largest share of the extra or the second.
		expect(category.slice(0, 2).map((r) => r.value)).toContain('bug');
		expect(category.find((r) => r.value === 'bug')!.peak).toBeGreaterThan(2 * category.find((r) => r.value === 'bug')!.usual);
	});
});
