import { describe, expect, it } from 'vitest';
import type { LocaleSettings } from '../../src/lib/calendar';
import { makeFormat } from '../../src/lib/format';
import { translator } from '../../src/lib/i18n/translate';

const en: LocaleSettings = { language: 'en', calendar: 'persian', timeZone: 'Asia/Tehran', weekStart: 6 };
const fa: LocaleSettings = { ...en, language: 'fa' };
const enG: LocaleSettings = { ...en, calendar: 'gregory' };
const E = makeFormat(en, translator('en'));
const F = makeFormat(fa, translator('fa'));
const G = makeFormat(enG, translator('en'));

describe('format presets', () => {
	it('formats counts, percentages (given 0-100) and signed scores', () => {
		expect(E.count(12345)).toBe('12,345');
		expect(F.count(12345)).toBe('۱۲٬۳۴۵');
		expect(E.percent(42.4)).toBe('42%');
		expect(E.percent(42.44, 1)).toBe('42.4%');
		expect(F.percent(42)).toBe('۴۲٪');
		expect(E.score(42)).toBe('+42');
		expect(E.score(-7)).toBe('-7');
		expect(E.score(0)).toBe('0');
		expect(E.points(3.25)).toBe('+3.3 pp');
	});
	it('shows a missing figure as a dash, never as zero', () => {
		expect(E.percent(null)).toBe('–');
		expect(E.score(undefined)).toBe('–');
		expect(E.duration(null)).toBe('–');
		expect(E.count(Number.NaN)).toBe('–');
	});
	it('formats durations in their two largest units', () => {
		expect(E.duration(45)).toBe('45 sec');
		expect(E.duration(200)).toBe('3 min 20 sec');
		expect(E.duration(1500)).toBe('25 min');
		expect(E.duration(7500)).toBe('2 hr 5 min');
		expect(E.duration(3 * 86400 + 4 * 3600)).toBe('3 days 4 hr');
		expect(F.duration(45)).toBe('۴۵ ثانیه');
	});
	it('labels periods in the unit calendar without the era', () => {
		expect(E.day('2026-11-22')).toBe('1 Azar 1405');
		expect(F.day('2026-11-22')).toBe('۱ آذر ۱۴۰۵');
		expect(E.period('2026-11-22', 'month')).toBe('Azar 1405');
		expect(F.period('2026-11-22', 'month')).toBe('آذر ۱۴۰۵');
		expect(G.period('2026-11-01', 'month')).toBe('November 2026');
		expect(E.period('2026-09-23', 'quarter')).toBe('Autumn 1405');
		expect(F.period('2026-09-23', 'quarter')).toBe('پاییز ۱۴۰۵');
		expect(G.period('2026-10-01', 'quarter')).toBe('Q4 2026');
		expect(E.period('2026-03-21', 'year')).toBe('1405');
		expect(E.period('2026-11-21', 'week').replace(/\s/g, ' ')).toBe('30 Aban – 6 Azar 1405');
		expect(E.hour(9)).toBe('09:00');
		expect(F.hour(9)).toBe('۰۹:۰۰');
	});
});
