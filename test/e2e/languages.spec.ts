/**
 * Which language a reader gets: a choice made with the switch (a cookie) first, then the
 * browser's Accept-Language, then the unit's default (English in the demo). This project's
 * browser asks for en-US; persian.fa.spec.ts is the Persian browser.
 */
import { expect, test } from '@playwright/test';

test.beforeAll(async ({ request }) => {
	await expect
		.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 90_000, intervals: [500, 1000, 2000] })
		.toBe('loaded');
});

const htmlTag = (html: string) => /<html[^>]*>/.exec(html)![0];

test('without a choice, Accept-Language decides, and the unit default only when the browser names neither language', async ({ request }) => {
	const page = async (acceptLanguage: string) => await (await request.get('/', { headers: { 'accept-language': acceptLanguage } })).text();
	const fa = await page('fa-IR,fa;q=0.9,en-US;q=0.8');
	expect(htmlTag(fa)).toBe('<html lang="fa" dir="rtl">');
	expect(fa).toContain('نمای کلی');
	expect(htmlTag(await page('de-DE,en;q=0.5,fa;q=0.7'))).toBe('<html lang="fa" dir="rtl">');
	expect(htmlTag(await page('en-GB,en;q=0.9'))).toBe('<html lang="en" dir="ltr">');
	// Neither language named: the unit's default language (English in the demo).
	expect(htmlTag(await page('de-DE,de;q=0.9'))).toBe('<html lang="en" dir="ltr">');
	// ?lang= chooses for one page without a cookie.
	expect(htmlTag(await (await request.get('/?lang=fa', { headers: { 'accept-language': 'en' } })).text())).toBe('<html lang="fa" dir="rtl">');
});

test('the language switch is remembered (a cookie) across pages and over the browser language', async ({ page, context }) => {
	await page.goto('/data');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
	await page.getByTestId('lang-fa').click();
	// Back on the same page, now in Persian.
	await expect(page).toHaveURL(/\/data$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'داده‌ها', level: 1 })).toBeVisible();
	expect((await context.cookies()).find((c) => c.name === 'lang')).toMatchObject({ value: 'fa', httpOnly: true, sameSite: 'Lax' });
	// Another page, and a new tab: still Persian, though the browser asks for English.
	await page.getByRole('link', { name: 'نمای کلی' }).click();
	await expect(page.getByRole('heading', { name: 'نمای کلی', level: 1 })).toBeVisible();
	const tab = await context.newPage();
	await tab.goto('/');
	await expect(tab.locator('html')).toHaveAttribute('lang', 'fa');
	await tab.close();
	await page.getByTestId('lang-en').click();
	await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
	expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
});

test('English pages use the system fonts and fetch no font files', async ({ page }) => {
	const fonts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'font' && fonts.push(r.url()));
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	expect(fonts).toEqual([]);
	expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
});

test('the Jalali picker follows the unit calendar in English too', async ({ page }) => {
	await page.goto('/?from=2025-03-10&to=2025-03-25');
	await expect(page.getByTestId('range-label')).toHaveText('20 Esfand 1403 – 5 Farvardin 1404');
	await page.getByTestId('range-toggle').click();
	await expect(page.getByTestId('calendar-month')).toHaveText(['Esfand 1403', 'Farvardin 1404']);
	const farvardin = page.getByTestId('range-calendar').locator('.month').nth(1);
	await expect(farvardin.locator('thead th').first()).toHaveText('S');
	await farvardin.locator('[data-bits-day]:not([data-outside-month])', { hasText: /^1$/ }).click();
	await farvardin.locator('[data-bits-day]:not([data-outside-month])', { hasText: /^31$/ }).click();
	await expect(page.getByTestId('range-calendar-picked')).toHaveText('1–31 Farvardin 1404');
	await page.getByTestId('range-apply').click();
	await expect(page).toHaveURL(/\?from=2025-03-21&to=2025-04-20$/);
});
