/**
 * Between browser projects: the English project's tests use the language switch while signed
 * in as the demo administrator, which the account remembers. Before the Persian project (and
 * before the role matrix) forget that choice (`lang=auto`), so each project's browser language
 * (Accept-Language en-US or fa-IR) decides again, as for a user who never chose.
 */
import { expect, test as setup } from '@playwright/test';
import { BASE_URL } from './helpers';

setup("forget the administrator's chosen language", async ({ page }, info) => {
	const res = await page.request.post('/lang', { form: { lang: 'auto', return: '/' }, headers: { origin: BASE_URL }, maxRedirects: 0 });
	expect(res.status()).toBe(303);
	await page.goto('/');
	const expected = info.project.use.locale?.startsWith('fa') ? 'fa' : 'en';
	await expect(page.locator('html')).toHaveAttribute('lang', expected);
});
