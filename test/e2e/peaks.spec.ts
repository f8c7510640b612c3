/**
 * What a support lead sees on the demo dataset: the Peaks page (heatmaps in the unit's week
 * order, the band charts, peaks with what explains them, a peak's detail and its tickets),
 * Staffing (Erlang C against the agents who took calls) and Annotations (a form that refuses
 * bad input at the field and changes nothing, then adds, edits and deletes), in English and
 * in Persian, at desktop and phone widths.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

async function waitForDemo(request: APIRequestContext) {
	await expect
		.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 120_000, intervals: [500, 1000, 2000] })
		.toBe('loaded');
}

test.beforeAll(async ({ request }) => {
	await waitForDemo(request);
});

/** A year up to the demo's last day (today): it holds several releases and their floods. */
function lastYear(): string {
	const to = new Date();
	const from = new Date(to.getTime() - 364 * 86_400_000);
	const iso = (d: Date) => d.toISOString().slice(0, 10);
	return `from=${iso(from)}&to=${iso(to)}`;
}

async function chartsDrawn(page: Page) {
	const charts = page.getByTestId('chart');
	const n = await charts.count();
	for (let i = 0; i < n; i++) await expect(charts.nth(i).locator('[data-drawn] svg').first()).toBeVisible({ timeout: 20_000 });
	return n;
}


/** Set a moment field (DateTimeField): the day on its calendar (months back or forward until the day shows), then the time. */
async function setMoment(page: Page, name: string, day: string, time: string) {
	const form = page.getByTestId('annotation-form');
	await form.getByTestId(`${name}-day`).click();
	const calendar = form.getByTestId(`${name}-calendar`);
	const cell = calendar.locator(`[data-bits-day][data-value="${day}"]:not([data-outside-month])`);
	for (let i = 0; i < 24 && !(await cell.isVisible()); i++) {
		const first = await calendar.locator('[data-bits-day]:not([data-outside-month])').first().getAttribute('data-value');
		await calendar.getByRole('button', { name: first! > day ? 'Previous month' : 'Next month' }).click();
	}
	await cell.click();
	await form.getByTestId(`${name}-calendar-choose`).click();
	await form.getByTestId(`${name}-time`).fill(time);
}

test('the Peaks page shows heatmaps Saturday first, the band charts and the peaks with their causes', async ({ page }) => {
	await page.goto(`/peaks?${lastYear()}`);
	await expect(page.getByRole('heading', { name: 'Peaks', level: 1 })).toBeVisible();
	expect(await chartsDrawn(page)).toBe(4);
	// The calls heatmap: weekdays top to bottom in the unit's order, Saturday first.
	// (A chart's SVG is there before its kind's code has loaded and drawn it: wait for the labels.)
	const heatmap = page.getByTestId('heatmap-calls');
	const weekdays = async () => (await heatmap.locator('svg text').allTextContents()).filter((l) => /^(Sat|Sun|Mon|Tue|Wed|Thu|Fri)$/.test(l));
	await expect.poll(weekdays, { timeout: 30_000 }).toEqual(['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
	// Its cells take the colour scale (the visual map, a kind loaded on demand): many shades, not one.
	await expect.poll(async () => new Set(await heatmap.locator('svg path[fill^="rgb"]').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')))).size).toBeGreaterThan(5);
	// The busiest spans in words.
	await expect(page.getByTestId('busiest-calls').locator('li').first()).toContainText(/\d{2}:00–\d{2}:00: [\d.]+× the weekly average/);
	// Peaks of the year, most explained by a release or the incidents.
	const rows = page.getByTestId('peaks-table').locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(3);
	await expect(page.getByTestId('peaks-table')).toContainText('Release');
	await page.screenshot({ path: 'test-results/peaks-en.png', fullPage: true });
});

test('a peak opens with what the extra was about, and its tickets', async ({ page }) => {
	await page.goto(`/peaks?${lastYear()}&metric=tickets`);
	const explained = page.getByTestId('peaks-table').locator('tbody tr', { hasText: 'Tickets opened' }).filter({ hasText: 'Release' }).first();
	await explained.getByTestId('peak-link').click();
	const detail = page.getByTestId('peak-detail');
	await expect(detail).toBeVisible();
	await expect(detail).toContainText('Explained by Release');
	// Extra tickets by category, channel and priority against a normal day; the customers most affected.
	for (const dim of ['category', 'channel', 'priority', 'customers']) await expect(page.getByTestId(`breakdown-${dim}`).locator('tbody tr').first()).toBeVisible();
	const ratio = await page.getByTestId('peak-ratio-value').innerText();
	expect(Number(ratio.replace(/[^\d.]/g, ''))).toBeGreaterThan(1.2);
	await detail.getByTestId('peak-tickets').click();
	await expect(page.getByRole('heading', { name: 'Tickets of a peak' })).toBeVisible();
	const tickets = page.getByTestId('window-tickets').locator('tbody tr');
	expect(await tickets.count()).toBeGreaterThan(10);
	await expect(tickets.first()).toContainText(/^T\d{6}/);
});

test('Staffing shows agents needed against agents who took calls, per weekday and hour', async ({ page }) => {
	await page.goto('/staffing');
	await expect(page.getByRole('heading', { name: 'Staffing', level: 1 })).toBeVisible();
	await expect(page.getByTestId('staffing-summary')).toContainText(/of \d+\)/);
	const header = await page.getByTestId('staffing-grid').locator('thead th').allTextContents();
	expect(header.slice(1)).toEqual(['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
	await expect(page.getByTestId('staffing-grid').locator('td', { hasText: '/' }).first()).toHaveText(/^\s*\d+ \/ [\d.]+\s*$/);
	expect(await page.getByTestId('staffing-cells').locator('tbody tr').count()).toBeGreaterThan(20);
	await page.screenshot({ path: 'test-results/staffing-en.png', fullPage: true });
});

test('Annotations: bad input is refused at the field and nothing is written; then add, edit, delete', async ({ page }) => {
	await page.goto('/annotations');
	const table = page.getByTestId('annotations-table').locator('tbody tr');
	const before = await table.count();
	const form = page.getByTestId('annotation-form');
	await form.locator('input[name=title]').fill('');
	await setMoment(page, 'startsAt', '2026-11-20', '09:30');
	await setMoment(page, 'endsAt', '2026-11-20', '08:00');
	await page.getByTestId('annotation-submit').click();
	await expect(page.getByTestId('form-error')).toBeVisible();
	await expect(form.locator('#title-error')).toHaveText('Give it a title.');
	await expect(form.locator('#ends-error')).toHaveText('It cannot end before it starts.');
	await expect(form.locator('input[name=startsAt]')).toHaveValue('2026-11-20T09:30');
	await page.reload();
	await expect(table).toHaveCount(before);

	await form.locator('input[name=title]').fill('Mobile app 2.0 (e2e)');
	await form.locator('select[name=kind]').selectOption('release');
	await setMoment(page, 'startsAt', '2026-11-20', '09:30');
	await page.getByTestId('annotation-submit').click();
	await expect(page.getByTestId('flash')).toContainText('added');
	await expect(table).toHaveCount(before + 1);
	const row = table.filter({ hasText: 'Mobile app 2.0 (e2e)' });
	await expect(row).toContainText('entered here');

	await row.getByRole('link', { name: 'Edit' }).click();
	await expect(page.getByRole('heading', { name: /Edit annotation manual-/ })).toBeVisible();
	await expect(form.locator('input[name=startsAt]')).toHaveValue('2026-11-20T09:30');
	await form.locator('input[name=title]').fill('Mobile app 2.1 (e2e)');
	await page.getByTestId('annotation-submit').click();
	await expect(page.getByTestId('flash')).toContainText('saved');
	const edited = table.filter({ hasText: 'Mobile app 2.1 (e2e)' });
	await expect(edited).toContainText('edited');

	page.once('dialog', (d) => void d.accept());
	await edited.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByTestId('flash')).toContainText('deleted');
	await expect(table).toHaveCount(before);
});

test('an unexplained peak can be annotated from the list', async ({ page }) => {
	await page.goto('/annotations');
	const add = page.getByTestId('unexplained-peaks').getByRole('link', { name: 'Add an annotation' }).first();
	await add.click();
	await expect(page).toHaveURL(/peak=/);
	await expect(page.getByText(/Prefilled from the peak of/)).toBeVisible();
	await expect(page.getByTestId('annotation-form').locator('input[name=startsAt]')).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
});

test('in Persian the pages run right to left with Persian weekdays and digits', async ({ page }) => {
	await page.goto(`/peaks?${lastYear()}&lang=fa`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'اوج‌ها', level: 1 })).toBeVisible();
	await chartsDrawn(page);
	const labels = await page.getByTestId('heatmap-calls').locator('[data-drawn] svg text').allTextContents();
	// Each label is isolated right to left (RLI … PDI) inside the chart's left-to-right SVG.
	expect(labels.filter((l) => /شنبه|جمعه/.test(l))[0]).toBe('\u2067شنبه\u2069');
	await expect(page.getByTestId('busiest-calls').locator('li').first()).toContainText('برابرِ میانگین هفته');
	await expect(page.getByTestId('peaks-table')).toContainText(/[۰-۹]/);
	await page.goto('/staffing?lang=fa');
	await expect(page.getByRole('heading', { name: 'نیروی پشتیبانی', level: 1 })).toBeVisible();
	await page.goto('/annotations?lang=fa');
	await expect(page.getByRole('heading', { name: 'رویدادها', level: 1 })).toBeVisible();
});

test('on a phone the pages fit the screen width', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	for (const path of [`/peaks?${lastYear()}`, '/staffing', '/annotations']) {
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(1);
	}
});
