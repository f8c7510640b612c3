/**
 * What a person sees: the built server on a fresh data folder loads the demo dataset by
 * itself, and the overview shows non-zero figures and calls by weekday, Saturday first.
 * (Signed in as the demo administrator: see auth.setup.ts.)
 */
import { expect, test } from '@playwright/test';
import { waitForDemo } from './helpers';

// Generous: on a busy 2-core machine the demo dataset takes minutes to load, not seconds.
test.beforeAll(async ({ request }) => {
	test.setTimeout(300_000);
	await waitForDemo(request);
});

test('health reports the schema and last ingest run (with the scheduler, to an administrator)', async ({ request }) => {
	const res = await request.get('/api/health');
	expect(res.status()).toBe(200);
	const health = await res.json();
	expect(health.status).toBe('ok');
	expect(health.schemaVersion).toBeGreaterThanOrEqual(5);
	// The start-up run, or a later one of another test (this server is shared).
	expect(health.lastIngestRun.status).toBe('ok');
	expect(['startup', 'cli', 'manual', 'schedule']).toContain(health.lastIngestRun.trigger);
	expect(health.demo.state).toBe('loaded');
	expect(health.scheduler.cron).toBe('* * * * *');
	expect(Date.parse(health.scheduler.nextRun)).toBeGreaterThan(Date.now() - 1000);
});

test('the overview shows the demo figures and calls by weekday in the unit week order', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
	for (const id of ['kpi-tickets', 'kpi-calls', 'kpi-surveys']) {
		const value = await page.getByTestId(`${id}-value`).innerText();
		expect(Number(value.replace(/,/g, '')), id).toBeGreaterThan(0);
	}
	// The chart is drawn (SVG renderer) with its weekday axis starting on Saturday.
	const chart = page.getByTestId('chart').locator('svg');
	await expect(chart).toBeVisible();
	const axisLabels = await chart.locator('text').allTextContents();
	const weekdays = axisLabels.filter((l) => /day$/.test(l));
	expect(weekdays).toEqual(['Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
	expect(await chart.locator('path').count()).toBeGreaterThan(7);
	// The table under the chart: Saturday is the busiest day, Friday the quietest.
	const rows = page.getByTestId('calls-by-weekday-table').locator('tbody tr');
	await expect(rows).toHaveCount(7);
	await expect(rows.first()).toContainText('Saturday');
	const perDay = (await rows.locator('td:last-child').allInnerTexts()).map((v) => Number(v.replace(/,/g, '')));
	expect(Math.max(...perDay)).toBe(perDay[0]);
	expect(Math.min(...perDay)).toBe(perDay[6]);
	await page.screenshot({ path: 'test-results/overview-en.png', fullPage: true });
});

test('the period lives in the URL and the JSON endpoint serves the same data', async ({ page, request }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Last 7 days' }).click();
	await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
	const url = new URL(page.url());
	const shown = Number((await page.getByTestId('kpi-calls-value').innerText()).replace(/,/g, ''));
	const api = await (await request.get(`/api/overview${url.search}`)).json();
	expect(api.range.from).toBe(url.searchParams.get('from'));
	expect(api.calls.total).toBe(shown);
	expect(api.callsByWeekday.map((d: { weekday: number }) => d.weekday)).toEqual([6, 0, 1, 2, 3, 4, 5]);

	await page.goto('/?from=2026-02-30&to=2026-03-01');
	await expect(page.getByRole('status').first()).toContainText('from=2026-02-30 is not a day');
	expect((await request.get('/api/overview?from=2026-03-02&to=2026-03-01')).status()).toBe(400);
});

test('the Data page lists the start-up run and runs the ingest on demand', async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
	const runs = page.getByTestId('runs');
	await expect(runs).toContainText('start-up');
	await expect(page.getByTestId('files')).toContainText('demo-calls.csv');
	await expect(page.getByTestId('next-run')).not.toHaveText('–');
	await page.getByTestId('run-now').click();
	await expect(page.getByRole('status')).toContainText(/Ingest run #\d+ finished/);
	await expect(runs.locator('tbody tr').first()).toContainText('button');
	await page.screenshot({ path: 'test-results/data-en.png', fullPage: true });
});

test('a file uploaded in the browser loads at once; its bad rows are listed with line and reason', async ({ page }) => {
	await page.goto('/data');
	const csv = [
		'id,customer_id,kind,score,answered_at,comment',
		'e2e-1,C0001,nps,10,2026-11-20T10:00:00+03:30,عالی',
		'e2e-2,C0001,csat,9,2026-11-20T10:00:00+03:30,',
		'e2e-3,C0002,csat,4,yesterday,'
	].join('\n');
	await page.getByTestId('upload-file').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByTestId('upload-dataset').selectOption('survey_answers');
	await page.getByRole('button', { name: 'Upload and load' }).click();
	const result = page.getByTestId('upload-result');
	await expect(result).toContainText('answers.csv: loaded, some rows rejected, 1 new, 0 updated, 2 rejected.');
	await result.getByRole('link', { name: 'See the rejected rows' }).click();
	const rows = page.getByTestId('rejects').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('3');
	await expect(rows.nth(0)).toContainText('CSAT scores run 1-5; got 9');
	await expect(rows.nth(1)).toContainText('"yesterday" is not a date and time');
	const download = await page.request.get(page.url() + '/rejects.csv');
	expect(download.headers()['content-type']).toContain('text/csv');
	expect(await download.text()).toContain('e2e-3,C0002,csat,4,yesterday,');
});
