/**
 * The dashboard as a Persian reader sees it: a browser asking for fa-IR (Playwright project
 * "fa"), no language chosen. Right to left, Persian digits, Jalali dates, the Jalali period
 * picker (with and without JavaScript, on a desktop and a phone), the mirrored chart, the
 * Vazirmatn font from the app itself, Jalali dates in an uploaded file.
 *
 * Jalali facts used: 1 Farvardin 1404 = 2025-03-21 (Nowruz); Esfand 1403 has 30 days (a leap
 * year), so 30 Esfand 1403 = 2025-03-20; 31 Farvardin 1404 = 2025-04-20.
 */
import { expect, test, type Page } from '@playwright/test';
import { todayIn } from '../../src/lib/calendar';
import { monthStartOf } from '../../src/lib/calendar/periods';

const PERSIAN_NUMBER = /^[۰-۹٬٫]+$/;

test.beforeAll(async ({ request }) => {
	await expect
		.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 90_000, intervals: [500, 1000, 2000] })
		.toBe('loaded');
});

/** The month of the open picker whose heading is `name` ("اسفند ۱۴۰۳"). */
const month = (page: Page, name: string) => page.getByTestId('range-calendar').locator('.month', { has: page.getByTestId('calendar-month').getByText(name, { exact: true }) });
/** A day of that month by its Persian number, not the greyed days of the months around it. */
const day = (page: Page, monthName: string, n: string) => month(page, monthName).locator('[data-bits-day]:not([data-outside-month])', { hasText: new RegExp(`^${n}$`) });

test('a Persian browser gets the page in Persian, right to left, with Persian digits and Jalali dates', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'نمای کلی', level: 1 })).toBeVisible();
	for (const id of ['kpi-tickets', 'kpi-calls']) {
		await expect(page.getByTestId(`${id}-value`), id).toHaveText(PERSIAN_NUMBER);
	}
	// The default period (the last 30 days) in the Jalali calendar with Persian digits: "۳ آبان تا ۲ آذر ۱۴۰۵".
	const label = await page.getByTestId('range-label').innerText();
	expect(label).toMatch(/(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}$/);
	expect(label).not.toMatch(/[0-9]/);
	// Navigation sits on the right.
	const brand = await page.locator('header .brand').boundingBox();
	expect(brand!.x).toBeGreaterThan(640);
	// On the Calls page the table of weekdays starts on Saturday (شنبه) and its figures are Persian.
	await page.goto('/calls');
	const rows = page.getByTestId('calls-by-weekday-table').locator('tbody tr');
	await expect(rows.first()).toContainText('شنبه');
	await expect(rows.first().locator('td').last()).toHaveText(PERSIAN_NUMBER);
});

test('the weekday chart is mirrored: Saturday on the right, the value axis on the right, Persian digits', async ({ page }) => {
	await page.goto('/calls');
	const chart = page.locator('section', { has: page.locator('#by-weekday') }).getByTestId('chart').locator('[data-drawn] svg');
	await expect(chart).toBeVisible();
	const box = (await chart.boundingBox())!;
	// Chart texts are isolated right to left (RLI … PDI) inside the chart's left-to-right SVG.
	const isolated = (text: string) => new RegExp(`^\u2067${text}\u2069$`);
	const x = async (text: RegExp) => (await chart.locator('text', { hasText: text }).first().boundingBox())!.x;
	expect(await x(isolated('شنبه'))).toBeGreaterThan(await x(isolated('جمعه')));
	expect(await x(isolated('شنبه'))).toBeGreaterThan(box.x + box.width / 2);
	const labels = (await chart.locator('text').allTextContents()).map((l) => l.replace(/^\u2067|\u2069$/g, ''));
	const numbers = labels.filter((l) => PERSIAN_NUMBER.test(l));
	expect(numbers.length).toBeGreaterThan(2);
	expect(labels.some((l) => /^[0-9]+$/.test(l))).toBe(false);
	expect(await x(isolated(numbers[numbers.length - 1]!))).toBeGreaterThan(box.x + box.width / 2);
	await page.screenshot({ path: 'test-results/calls-fa.png', fullPage: true });
});

test('Vazirmatn comes from the app itself, and nothing else is fetched from elsewhere', async ({ page, baseURL }) => {
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	expect(requested.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:'))).toEqual([]);
	expect(requested.some((u) => /vazirmatn-arabic-\d00-normal\.[\w-]+\.woff2$/.test(u))).toBe(true);
	expect(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'سلام'))).toBe(true);
	expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^Vazirmatn/);
});

test('the Jalali picker chooses a period across Nowruz; the URL gets ISO days', async ({ page }) => {
	await page.goto('/?from=2025-03-10&to=2025-03-25');
	await expect(page.getByTestId('range-label')).toHaveText('۲۰ اسفند ۱۴۰۳ تا ۵ فروردین ۱۴۰۴');
	await page.getByTestId('range-toggle').click();
	// Two months side by side on a desktop: Esfand 1403, which has a 30th (a leap year), and Farvardin 1404.
	await expect(page.getByTestId('calendar-month')).toHaveText(['اسفند ۱۴۰۳', 'فروردین ۱۴۰۴']);
	// Saturday first: the first column is شنبه, and 1 Farvardin 1404 (a Friday) stands in the last column.
	await expect(month(page, 'فروردین ۱۴۰۴').locator('thead th').first()).toHaveText('ش');
	await expect(day(page, 'فروردین ۱۴۰۴', '۱')).toHaveAttribute('data-value', '2025-03-21');
	expect(await day(page, 'فروردین ۱۴۰۴', '۱').evaluate((el) => (el.closest('td') as HTMLTableCellElement).cellIndex)).toBe(6);
	await day(page, 'اسفند ۱۴۰۳', '۳۰').click();
	await expect(page.getByTestId('range-calendar-picked')).toContainText('۳۰ اسفند ۱۴۰۳');
	await day(page, 'فروردین ۱۴۰۴', '۱').click();
	await expect(page.getByTestId('range-calendar-picked')).toHaveText('۳۰ اسفند ۱۴۰۳ تا ۱ فروردین ۱۴۰۴');
	await page.screenshot({ path: 'test-results/picker-fa.png' });
	await page.getByTestId('range-apply').click();
	await expect(page).toHaveURL(/\?from=2025-03-20&to=2025-03-21$/);
	await expect(page.getByTestId('range-label')).toHaveText('۳۰ اسفند ۱۴۰۳ تا ۱ فروردین ۱۴۰۴');
});

test('arrow keys move through the calendar in reading direction: left is the next day', async ({ page }) => {
	await page.goto('/?from=2025-03-25&to=2025-03-30');
	await page.getByTestId('range-toggle').click();
	const tenth = day(page, 'فروردین ۱۴۰۴', '۱۰');
	await tenth.focus();
	await page.keyboard.press('ArrowLeft');
	await expect(day(page, 'فروردین ۱۴۰۴', '۱۱')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(day(page, 'فروردین ۱۴۰۴', '۹')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('range-calendar')).toHaveCount(0);
});

test('on a phone the picker shows one month that fits the screen', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, locale: 'fa-IR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await page.goto('/?from=2025-03-22&to=2025-04-05&channel=phone');
	await page.getByTestId('range-toggle').click();
	await expect(page.getByTestId('calendar-month')).toHaveCount(1);
	await expect(page.getByTestId('calendar-month')).toHaveText('فروردین ۱۴۰۴');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	const box = (await page.getByTestId('range-calendar').boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	await day(page, 'فروردین ۱۴۰۴', '۱').tap();
	await day(page, 'فروردین ۱۴۰۴', '۳۱').tap();
	await page.screenshot({ path: 'test-results/picker-fa-390.png' });
	await page.getByTestId('range-apply').tap();
	// The other filters of the page stay in the URL.
	await expect(page).toHaveURL(/\?channel=phone&from=2025-03-21&to=2025-04-20$/);
	await expect(page.getByTestId('range-label')).toHaveText('۱ تا ۳۱ فروردین ۱۴۰۴');
	await context.close();
});

test('on a phone a mirrored chart with many days keeps its width (ECharts lays out the reversed axis)', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, locale: 'fa-IR', viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto('/peaks');
	// The day-by-day chart: 30 days reversed, the value axis on the right.
	const chart = page.getByTestId('chart').nth(2).locator('[data-drawn] svg');
	await expect(chart).toBeVisible();
	const box = (await chart.boundingBox())!;
	const bars = await chart.locator('path').evaluateAll((paths) =>
		paths.map((p) => p.getBoundingClientRect()).filter((b) => b.width > 1 && b.width < 20 && b.height > 3).map((b) => [b.left, b.right])
	);
	expect(bars.length).toBeGreaterThan(20);
	const left = Math.min(...bars.map((b) => b[0]!));
	const right = Math.max(...bars.map((b) => b[1]!));
	expect(right - left).toBeGreaterThan(box.width * 0.7);
	await context.close();
});

test('without JavaScript the period form still submits ISO days', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, locale: 'fa-IR', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/?from=2025-03-10&to=2025-03-25');
	const form = page.getByTestId('range-filter');
	await expect(form.getByTestId('range-toggle')).toHaveCount(0);
	await form.locator('input[name=from]').fill('2025-03-21');
	await form.locator('input[name=to]').fill('2025-04-20');
	await form.getByRole('button', { name: 'اعمال' }).click();
	await expect(page).toHaveURL(/\?from=2025-03-21&to=2025-04-20$/);
	await expect(page.getByTestId('range-label')).toHaveText('۱ تا ۳۱ فروردین ۱۴۰۴');
	await context.close();
});

test('a Jalali date in an uploaded file is explained in Persian, and the rejects CSV opens in a spreadsheet', async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByRole('heading', { name: 'داده‌ها', level: 1 })).toBeVisible();
	const csv = ['id,customer_id,created_at,subject', 'fa-e2e-1,C0001,۱۴۰۳/۰۸/۱۵,مشکل ورود به سامانه', 'fa-e2e-2,C0001,2025-01-05T10:00:00+03:30,درخواست قابلیت'].join('\n');
	await page.getByTestId('upload-file').setInputFiles({ name: 'jalali-tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByTestId('upload-dataset').selectOption('tickets');
	await page.getByRole('button', { name: 'بارگذاری و ورود' }).click();
	const result = page.getByTestId('upload-result');
	await expect(result).toContainText('۱ جدید');
	await expect(result).toContainText('۱ ردشده');
	await result.getByRole('link', { name: 'دیدن ردیف‌های ردشده' }).click();
	const reject = page.getByTestId('rejects').locator('tbody tr');
	await expect(reject).toHaveCount(1);
	await expect(reject).toContainText('به تاریخ شمسی (هجری خورشیدی) می‌ماند');
	await expect(reject).toContainText('"calendar": "persian"');
	await expect(reject.locator('td').first()).toHaveText('۲');
	const download = await page.request.get(page.url() + '/rejects.csv');
	const bytes = await download.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.subarray(3).toString('utf8')).toContain('fa-e2e-1,C0001,۱۴۰۳/۰۸/۱۵,مشکل ورود به سامانه');
});

test('a moment in a form is chosen on the Jalali calendar and submitted as an ISO day and time', async ({ page }) => {
	await page.goto('/annotations');
	const form = page.getByTestId('annotation-form');
	await form.getByTestId('startsAt-day').click();
	const calendar = form.getByTestId('startsAt-calendar');
	// It opens on this Jalali month, Saturday first; the first of the month is picked by its Persian number.
	const first = monthStartOf(todayIn('Asia/Tehran'), 'persian');
	await expect(calendar.getByTestId('calendar-month')).toHaveText(/^(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}$/);
	await expect(calendar.locator('thead th').first()).toHaveText('ش');
	const day = calendar.locator('[data-bits-day]:not([data-outside-month])', { hasText: /^۱$/ });
	await expect(day).toHaveAttribute('data-value', first);
	await day.click();
	await calendar.getByTestId('startsAt-calendar-choose').click();
	await expect(calendar).toHaveCount(0);
	await expect(form.getByTestId('startsAt-day')).toHaveText(/^\s*۱ [^\d]+ [۰-۹]{4}$/);
	await form.getByTestId('startsAt-time').fill('09:30');
	await expect(form.locator('input[name=startsAt]')).toHaveValue(`${first}T09:30`);
	await page.screenshot({ path: 'test-results/annotation-day-fa.png' });
});
