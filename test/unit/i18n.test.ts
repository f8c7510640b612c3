import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { negotiateLanguage, translator } from '../../src/lib/i18n';

describe('i18n', () => {
	const t = translator('en');
	it('fills placeholders and formats numbers', () => {
		expect(t('data.runStarted', { id: 12, status: 'loaded' })).toBe('Ingest run #12 finished: loaded.');
		expect(t('overview.perDay', { value: 1234 })).toBe('1,234 a day');
	});
	it('chooses plural forms by count', () => {
		expect(t('range.days', { count: 1 })).toBe('1 day');
		expect(t('range.days', { count: 4 })).toBe('4 days');
	});
	it('negotiates the language from a choice, the browser, then the unit default', () => {
		expect(negotiateLanguage(null, 'de-DE,de;q=0.9,en;q=0.5', 'en')).toBe('en');
		expect(negotiateLanguage('xx', null, 'en')).toBe('en');
		expect(negotiateLanguage(null, null, 'fa')).toBe('en'); // no Persian dictionary yet
	});
	it('has no empty English message', () => {
		for (const [key, msg] of Object.entries(en)) {
			const texts = typeof msg === 'string' ? [msg] : Object.values(msg);
			for (const text of texts) expect(text.trim(), key).not.toBe('');
		}
	});
});
