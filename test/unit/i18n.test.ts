import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, negotiateLanguage, translator, type MessageKey } from '../../src/lib/i18n/translate';
import { en, fa } from '../../src/lib/i18n/messages/index';

/** Argument names of an ICU message (placeholders, plural and select arguments). */
function argumentsOf(message: string): string[] {
	type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };
	const names = new Set<string>();
	const walk = (nodes: Node[]) => {
		for (const n of nodes) {
			if (n.type !== 0 && n.type !== 7 && n.value) names.add(n.value);
			if (n.options) for (const o of Object.values(n.options)) walk(o.value);
			if (n.children) walk(n.children);
		}
	};
	walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst() as unknown as Node[]);
	return [...names].sort();
}

describe('i18n', () => {
	const t = translator('en');
	const tf = translator('fa');

	it('fills placeholders and formats numbers in the language', () => {
		expect(t('data.runStarted', { id: 12, status: 'loaded' })).toBe('Ingest run #12 finished: loaded.');
		expect(t('overview.perDay', { value: 1234 })).toBe('1,234 a day');
		expect(tf('overview.perDay', { value: 1234 })).toBe('۱٬۲۳۴ در روز');
	});

	it('chooses plural forms by count (ICU plurals)', () => {
		expect(t('range.days', { count: 1 })).toBe('1 day');
		expect(t('range.days', { count: 4 })).toBe('4 days');
		expect(tf('range.days', { count: 4 })).toBe('۴ روز');
		expect(t('problem.skipped', { count: 1, reason: 'x' })).toBe('1 row skipped: x');
		expect(t('problem.skipped', { count: 3, reason: 'x' })).toBe('3 rows skipped: x');
	});

	it('negotiates the language from a choice, the browser, then the unit default', () => {
		expect(negotiateLanguage(null, 'de-DE,de;q=0.9,en;q=0.5', 'fa')).toBe('en');
		expect(negotiateLanguage(null, 'fa-IR,fa;q=0.9,en;q=0.5', 'en')).toBe('fa');
		expect(negotiateLanguage('fa', 'en-US', 'en')).toBe('fa');
		expect(negotiateLanguage('xx', null, 'en')).toBe('en');
		expect(negotiateLanguage(null, null, 'fa')).toBe('fa');
		expect(negotiateLanguage(null, 'de', 'fa')).toBe('fa');
		expect(negotiateLanguage(null, 'en;q=0, fa;q=0.3', 'en')).toBe('fa');
	});

	it('has every key in every language, none empty, each a valid ICU message with the same arguments', () => {
		const keys = Object.keys(en).sort();
		for (const [lang, dict] of Object.entries(DICTIONARIES)) {
			expect(Object.keys(dict).sort(), `keys of ${lang}`).toEqual(keys);
			for (const key of keys) {
				const text = dict[key as MessageKey];
				expect(text.trim(), `${lang} ${key}`).not.toBe('');
				expect(argumentsOf(text), `${lang} ${key}: arguments`).toEqual(argumentsOf(en[key as MessageKey]));
			}
		}
		expect(Object.keys(fa).length).toBe(keys.length);
	});

	it('keeps concurrent requests in different languages apart', async () => {
		// Interleave many formats in both languages, as overlapping requests would.
		const jobs = Array.from({ length: 200 }, (_, i) => {
			const lang = i % 2 ? 'fa' : 'en';
			return new Promise<[string, string]>((resolve) =>
				setTimeout(() => resolve([lang, translator(lang)('range.days', { count: i })]), Math.random() * 5)
			);
		});
		for (const [lang, text] of await Promise.all(jobs)) {
			if (lang === 'fa') expect(text).toMatch(/^[۰-۹٬]+ روز$/);
			else expect(text).toMatch(/^[0-9,]+ days?$/);
		}
	});
});

describe('text arguments in right-to-left messages', () => {
	it('isolates Latin text arguments in Persian so a path or an example keeps its order', () => {
		const tf = translator('fa');
		expect(tf('problem.notDate', { value: '2026-02-30 10:00' })).toBe('«\u20682026-02-30 10:00\u2069» تاریخ نیست (مثلاً \u20662024-03-01\u2069 انتظار می‌رفت)');
		// Persian text, numbers and select arguments are left as they are.
		expect(tf('problem.missing', { field: 'مشتری' })).toBe('مشتری وجود ندارد');
		expect(tf('format.quarter', { n: 3, season: '3', year: '۱۴۰۵' })).toBe('پاییز ۱۴۰۵');
		expect(tf('range.days', { count: 4 })).toBe('۴ روز');
	});
	it('leaves English messages (logs, CSV, API errors) without isolation marks', () => {
		expect(translator('en')('problem.notDate', { value: 'x' })).toBe('"x" is not a date (expected e.g. 2024-03-01)');
	});
});
