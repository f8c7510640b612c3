/**
 * Every chart option builder, drawn in Persian through ECharts' server-side renderer: one way to
 * do right to left (localizeChart), and this test looks at where the labels end up. For each
 * builder: the first category (period, weekday, score, hour) stands right of the last, the
 * legend's first item right of its second, the value axis on the right, no Latin digit anywhere,
 * every text isolated as right to left (the chart's SVG runs left to right: "۳ آبان ۱۴۰۵" would
 * read "آبان ۱۴۰۵ ۳"), and the text in Vazirmatn. The same option in English stands the other
 * way round, so the checks can fail.
 */
import { describe, expect, it } from 'vitest';
import type { ChartOption } from '../../src/lib/components/charts/echarts';
import { callsByWeekdayOption } from '../../src/lib/components/charts/options/calls-by-weekday';
import { callsTrendOption, serviceLevelOption } from '../../src/lib/components/charts/options/calls-trend';
import { kaplanMeierOption } from '../../src/lib/components/charts/options/kaplan-meier';
import { kpiTrendOption } from '../../src/lib/components/charts/options/kpi-trend';
import { rhythmOption } from '../../src/lib/components/charts/options/rhythm';
import type { ChartLocale } from '../../src/lib/components/charts/options/rtl';
import { scoreDistributionOption } from '../../src/lib/components/charts/options/score-distribution';
import { scoreHistoryOption } from '../../src/lib/components/charts/options/score-history';
import { slaTrendOption } from '../../src/lib/components/charts/options/sla-trend';
import { sparkline } from '../../src/lib/components/charts/options/sparkline';
import { ticketMixOption } from '../../src/lib/components/charts/options/ticket-mix';
import { volumeBandOption } from '../../src/lib/components/charts/options/volume-band';
import { weekdayHourHeatmapOption } from '../../src/lib/components/charts/options/weekday-hour-heatmap';
import { EN, FA, FMT } from '../helpers/chart-locale';
import { renderSvg, svgTexts, type SvgText } from '../helpers/echarts-ssr';

const WIDTH = 800;
const HEIGHT = 320;
const fa = FMT.fa;
const en = FMT.en;

interface Drawn {
	svg: string;
	texts: SvgText[];
	/** The lowest-drawn text with exactly this content (a category label under the plot). */
	bottom: (text: string) => SvgText;
	/** Any drawn text with exactly this content. */
	at: (text: string) => SvgText;
}

function draw(option: ChartOption): Drawn {
	const svg = renderSvg(option, WIDTH, HEIGHT);
	const texts = svgTexts(svg);
	const all = (text: string) => {
		const found = texts.filter((t) => t.text === text);
		expect(found.length, `"${text}" is drawn (drawn: ${texts.map((t) => t.text).join(' | ')})`).toBeGreaterThan(0);
		return found;
	};
	return { svg, texts, at: (text) => all(text)[0]!, bottom: (text) => all(text).reduce((a, b) => (b.y > a.y ? b : a)) };
}

/** The checks every Persian chart passes; `axis` is a value-axis label expected on the right. */
function expectPersian(d: Drawn, o: { first: string; last: string; legend?: [string, string]; axis?: string }) {
	expect(d.bottom(o.first).x, `first category "${o.first}" right of the last`).toBeGreaterThan(d.bottom(o.last).x);
	if (o.legend) expect(d.at(o.legend[0]).x, 'legend reads from the right').toBeGreaterThan(d.at(o.legend[1]).x);
	if (o.axis) expect(d.at(o.axis).x, `value axis label "${o.axis}" on the right`).toBeGreaterThan(WIDTH / 2);
	expect(d.texts.filter((t) => /[0-9]/.test(t.text)).map((t) => t.text), 'no Latin digits').toEqual([]);
	expect(d.texts.filter((t) => !/^\u2067[^]*\u2069$/.test(t.raw)).map((t) => t.raw), 'every text isolated right to left').toEqual([]);
	expect(d.svg).toContain('Vazirmatn');
}

/** The same builder in English: the other way round. */
function expectEnglish(d: Drawn, o: { first: string; last: string; legend?: [string, string] }) {
	expect(d.bottom(o.first).x).toBeLessThan(d.bottom(o.last).x);
	if (o.legend) expect(d.at(o.legend[0]).x).toBeLessThan(d.at(o.legend[1]).x);
	expect(d.texts.filter((t) => t.raw !== t.text).map((t) => t.raw), 'no bidi controls in English').toEqual([]);
	expect(d.svg).not.toContain('Vazirmatn');
}

// Loading ECharts takes seconds on a busy machine: explicit generous timeouts.
const SLOW = { timeout: 60_000 };

describe('every chart, drawn in Persian, is mirrored', () => {
	it('KPI trend with its interval (NPS)', SLOW, () => {
		const build = (locale: ChartLocale, names: [string, string, string]) =>
			kpiTrendOption(
				names.map((label, i) => ({ label, value: [20, -10, 35][i]!, low: [5, -40, 10][i]!, high: [35, 20, 60][i]!, smallSample: i === 1, tip: label })),
				{ value: locale.rtl ? 'ان‌پی‌اس' : 'NPS', band: locale.rtl ? 'حاشیهٔ خطا' : 'margin' },
				{ min: -100, max: 100 },
				locale
			);
		expectPersian(draw(build(FA, ['مهر', 'آبان', 'آذر'])), { first: 'مهر', last: 'آذر', legend: ['ان‌پی‌اس', 'حاشیهٔ خطا'], axis: fa.number(40, 1) });
		expectEnglish(draw(build(EN, ['Mehr', 'Aban', 'Azar'])), { first: 'Mehr', last: 'Azar', legend: ['NPS', 'margin'] });
	});

	it('SLA compliance trend', SLOW, () => {
		const build = (locale: ChartLocale, f: typeof fa, names: string[], series: [string, string]) =>
			slaTrendOption(
				names.map((label, i) => ({ label, firstResponse: 60 + 10 * i, resolution: 50 + 5 * i, firstResponseN: 10, resolutionN: 8 })),
				{ firstResponse: series[0], resolution: series[1], percent: (v) => f.percent(v, 1), n: (n) => f.count(n) },
				locale
			);
		expectPersian(draw(build(FA, fa, ['مهر', 'آبان', 'آذر'], ['پاسخ نخست', 'حل'])), { first: 'مهر', last: 'آذر', legend: ['پاسخ نخست', 'حل'], axis: fa.percent(100, 1) });
		expectEnglish(draw(build(EN, en, ['Mehr', 'Aban', 'Azar'], ['First response', 'Resolution'])), { first: 'Mehr', last: 'Azar', legend: ['First response', 'Resolution'] });
	});

	it('calls per period, and the service level', SLOW, () => {
		const calls = (locale: ChartLocale, names: string[], series: [string, string]) =>
			callsTrendOption(names, { answered: [90, 80, 120], abandoned: [10, 5, 30] }, { answered: series[0], abandoned: series[1] }, locale);
		expectPersian(draw(calls(FA, ['مهر', 'آبان', 'آذر'], ['پاسخ‌داده', 'رهاشده'])), { first: 'مهر', last: 'آذر', legend: ['پاسخ‌داده', 'رهاشده'], axis: fa.count(90) });
		expectEnglish(draw(calls(EN, ['Mehr', 'Aban', 'Azar'], ['Answered', 'Abandoned'])), { first: 'Mehr', last: 'Azar', legend: ['Answered', 'Abandoned'] });
		const level = (locale: ChartLocale, f: typeof fa, names: string[], series: [string, string]) =>
			serviceLevelOption(names, [85, 60, null], 80, { met: series[0], missed: series[1], percent: (n) => f.percent(n) }, locale);
		expectPersian(draw(level(FA, fa, ['مهر', 'آبان', 'آذر'], ['به هدف رسید', 'نرسید'])), { first: 'مهر', last: 'آذر', legend: ['به هدف رسید', 'نرسید'], axis: fa.percent(100) });
		expectEnglish(draw(level(EN, en, ['Mehr', 'Aban', 'Azar'], ['Met', 'Missed'])), { first: 'Mehr', last: 'Azar', legend: ['Met', 'Missed'] });
	});

	it('score distribution', SLOW, () => {
		const build = (locale: ChartLocale, f: typeof fa) =>
			scoreDistributionOption(
				[0, 5, 10].map((s, i) => ({ label: f.count(s), answers: [3, 7, 13][i]!, tone: (['bad', 'neutral', 'good'] as const)[i]! })),
				{ answers: 'answers' },
				locale
			);
		const d = draw(build(FA, fa));
		expectPersian(d, { first: fa.count(0), last: fa.count(10), axis: fa.count(12) });
		expectEnglish(draw(build(EN, en)), { first: '0', last: '10' });
	});

	it('ticket mix', SLOW, () => {
		const build = (locale: ChartLocale, names: string[], series: [string, string]) =>
			ticketMixOption(
				names,
				[
					{ name: series[0], values: [30, 20, 25] },
					{ name: series[1], values: [5, 12, 18] }
				],
				locale
			);
		expectPersian(draw(build(FA, ['مهر', 'آبان', 'آذر'], ['تلفن', 'بات'])), { first: 'مهر', last: 'آذر', legend: ['تلفن', 'بات'], axis: fa.count(40) });
		expectEnglish(draw(build(EN, ['Mehr', 'Aban', 'Azar'], ['Phone', 'Bot'])), { first: 'Mehr', last: 'Azar', legend: ['Phone', 'Bot'] });
	});

	it('calls by weekday', SLOW, () => {
		const build = (locale: ChartLocale, days: string[], series: [string, string]) =>
			callsByWeekdayOption(
				days.map((label, i) => ({ label, openedCase: 30 + i, followUps: 40 - i, unknown: 0 })),
				{ openedCase: series[0], followUp: series[1], unknown: '?' },
				locale
			);
		expectPersian(draw(build(FA, ['شنبه', 'یکشنبه', 'دوشنبه'], ['پرونده باز کرد', 'پیگیری'])), { first: 'شنبه', last: 'دوشنبه', legend: ['پرونده باز کرد', 'پیگیری'], axis: fa.count(60) });
		expectEnglish(draw(build(EN, ['Saturday', 'Sunday', 'Monday'], ['Opened a case', 'Follow-up'])), { first: 'Saturday', last: 'Monday', legend: ['Opened a case', 'Follow-up'] });
	});

	it('volume against its usual level and band', SLOW, () => {
		const build = (locale: ChartLocale, f: typeof fa, days: string[], series: [string, string, string]) =>
			volumeBandOption(
				days.map((label, i) => ({ label, actual: [10, 40, 8][i]!, expected: 10, lower: 5, upper: 20 })),
				{ actual: series[0], expected: series[1], band: series[2], number: (n) => f.number(n, 1) },
				{ kind: 'bar', locale }
			);
		expectPersian(draw(build(FA, fa, ['شنبه', 'یکشنبه', 'دوشنبه'], ['شمار', 'سطح معمول', 'بازه'])), { first: 'شنبه', last: 'دوشنبه', legend: ['شمار', 'سطح معمول'], axis: fa.count(40) });
		expectEnglish(draw(build(EN, en, ['Sat', 'Sun', 'Mon'], ['Count', 'Usual level', 'Band'])), { first: 'Sat', last: 'Mon', legend: ['Count', 'Usual level'] });
	});

	it('weekday × hour heatmap: hours from the right, weekdays on the right', SLOW, () => {
		const build = (locale: ChartLocale, f: typeof fa, days: string[]) =>
			weekdayHourHeatmapOption(
				{ weekdays: days, hours: [8, 9, 10].map((h) => f.hour(h)), cells: [[0, 0, 3], [1, 1, 7], [2, 0, 12]] },
				{ number: (n) => f.number(n, 1), tooltip: (w, h, v) => `${w} ${h} ${v}` },
				locale
			);
		const d = draw(build(FA, fa, ['شنبه', 'یکشنبه']));
		expectPersian(d, { first: fa.hour(8), last: fa.hour(10) });
		expect(d.at('شنبه').x).toBeGreaterThan(WIDTH / 2);
		const e = draw(build(EN, en, ['Saturday', 'Sunday']));
		expectEnglish(e, { first: en.hour(8), last: en.hour(10) });
		expect(e.at('Saturday').x).toBeLessThan(WIDTH / 2);
	});

	it("a customer's contact rhythm: the usual-gap label beside the latest contacts", SLOW, () => {
		const build = (locale: ChartLocale, days: string[], l: { gap: string; silence: string; usual: string; now: string }) =>
			rhythmOption(days.map((label, i) => ({ label, gap: i === 0 ? null : 7 })), 42, 7, l, locale);
		const d = draw(build(FA, ['۱ مهر', '۸ مهر', '۱۵ مهر'], { gap: 'فاصله', silence: 'سکوت', usual: 'فاصلهٔ معمول', now: 'اکنون' }));
		expectPersian(d, { first: '۱ مهر', last: 'اکنون', axis: fa.count(40) });
		// The legend names the bars and the usual line; the line's own label stands at its end, the left.
		expect(d.texts.filter((t) => t.text === 'فاصلهٔ معمول').some((t) => t.x < WIDTH / 2)).toBe(true);
		const e = draw(build(EN, ['1 Mehr', '8 Mehr', '15 Mehr'], { gap: 'Gap', silence: 'Silence', usual: 'Usual gap', now: 'now' }));
		expectEnglish(e, { first: '1 Mehr', last: 'now' });
		expect(e.texts.filter((t) => t.text === 'Usual gap').some((t) => t.x > WIDTH / 2)).toBe(true);
	});

	it("a customer's score over time, with the at-risk line labelled at its end", SLOW, () => {
		const build = (locale: ChartLocale, days: string[], l: { score: string; atRisk: string }) =>
			scoreHistoryOption(days.map((label, i) => ({ label, score: [12, 30, 55][i]! })), 40, l, locale);
		const d = draw(build(FA, ['۱ مهر', '۱۵ مهر', '۲۹ مهر'], { score: 'امتیاز', atRisk: 'در خطر' }));
		expectPersian(d, { first: '۱ مهر', last: '۲۹ مهر', axis: fa.count(100) });
		expect(d.at('در خطر').x).toBeLessThan(WIDTH / 2);
		const e = draw(build(EN, ['1 Mehr', '15 Mehr', '29 Mehr'], { score: 'Score', atRisk: 'At risk' }));
		expectEnglish(e, { first: '1 Mehr', last: '29 Mehr' });
		expect(e.at('At risk').x).toBeGreaterThan(WIDTH / 2);
	});

	it('Kaplan-Meier curves: days run from the right', SLOW, () => {
		const build = (locale: ChartLocale, f: typeof fa, names: [string, string]) =>
			kaplanMeierOption(
				[
					{ name: names[0], color: '#b3261e', points: [[0, 1], [30, 0.8], [90, 0.5], [180, 0.4]] },
					{ name: names[1], color: '#0f5c5c', points: [[0, 1], [120, 0.98], [180, 0.97]] }
				],
				{ days: locale.rtl ? 'روز' : 'days', share: 'share', percent: (s) => f.percent(s * 100) },
				locale
			);
		expectPersian(draw(build(FA, fa, ['نشان‌دار', 'بی‌نشان'])), { first: fa.count(0), last: fa.count(180), legend: ['نشان‌دار', 'بی‌نشان'], axis: fa.percent(100) });
		expectEnglish(draw(build(EN, en, ['Flagged', 'Not flagged'])), { first: '0', last: '180', legend: ['Flagged', 'Not flagged'] });
	});

	it('the KPI tiles’ sparkline (plain SVG, no ECharts) runs from the right edge too', () => {
		// 100 wide, 3 px padding: the first period at x = 97 right to left, x = 3 left to right.
		expect(sparkline([0, 10], 100, 20, FA).path).toBe('M97 17L3 3');
		expect(sparkline([0, 10], 100, 20, EN).path).toBe('M3 17L97 3');
	});
});
