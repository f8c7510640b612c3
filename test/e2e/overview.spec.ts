/**
 * What a person sees: the built server on a fresh data folder loads the demo dataset by
 * itself; the executive overview shows its KPIs with trends and tested changes, and its filters
 * change the figures. (The Surveys and Calls pages and the KPI API: kpi.spec.ts.) Signed in as
 * the demo administrator: see auth.setup.ts.
 */
import { expect, test, type Page } from '@playwright/test';
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

const count = (text: string) => Number(text.replace(/[,\s]/g, ''));

test('the executive overview shows NPS, CSAT, tickets, calls, abandonment, service level and the SLA tile', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
	await expect(page.getByTestId('kpi-nps-value')).toHaveText(/^[+−-]?\d+$/);
	await expect(page.getByTestId('kpi-nps-sub')).toHaveText(/^± \d+(\.\d)?$/);
	await expect(page.getByTestId('kpi-csat-value')).toHaveText(/^\d+%$/);
	for (const id of ['kpi-tickets', 'kpi-calls']) expect(count(await page.getByTestId(`${id}-value`).innerText()), id).toBeGreaterThan(0);
	await expect(page.getByTestId('kpi-abandonment-value')).toHaveText(/^\d+(\.\d)?%$/);
	await expect(page.getByTestId('kpi-service-level-value')).toHaveText(/^\d+%$/);
	await expect(page.getByTestId('kpi-sla-value')).toHaveText(/^\d+(\.\d)?%$/);
	await expect(page.getByTestId('kpi-sla')).toContainText(/resolved tickets? judged/);
	await expect(page.getByTestId('kpi-sla').getByRole('link')).toHaveAttribute('href', '/sla');
	// Each change says whether its test found it significant, and the note names the test and n.
	const csatChange = page.getByTestId('kpi-csat-change');
	await expect(csatChange.getByTestId('kpi-csat-change-mark')).toHaveText(/^(significant|not significant)$/);
	await csatChange.locator('summary').click();
	await expect(csatChange.locator('details p')).toContainText(/Two-proportion z-test against the previous period: z = −?-?\d/);
	await expect(csatChange.locator('details p')).toContainText(/n = [\d,]+ now, [\d,]+ before/);
	await page.getByTestId('kpi-nps-change').locator('summary').click();
	await expect(page.getByTestId('kpi-nps-change').locator('details p')).toContainText('combined 95% margin of error');
	await expect(page.getByTestId('kpi-tickets-change')).toHaveAttribute('title', /without a significance test/);
	// The ticket mix: a chart and a table per dimension; sparklines in the tiles.
	await expect(page.getByTestId('mix-channel-table').locator('tbody tr').first()).toBeVisible();
	await expect(page.getByTestId('mix-category-table')).toContainText('How-to');
	await expect(page.getByTestId('self-service')).toContainText('Self-service (Portal, Bot)');
	await expect(page.getByTestId('chart').first().locator('[data-drawn] svg')).toBeVisible();
	expect(await page.locator('.kpi svg.spark').count()).toBeGreaterThanOrEqual(6);
});

test('changing a filter changes the figures, and the filters live in the URL', async ({ page, request }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Last 90 days' }).click();
	await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
	const allTickets = count(await page.getByTestId('kpi-tickets-value').innerText());
	const allCalls = count(await page.getByTestId('kpi-calls-value').innerText());
	const allNpsN = await page.getByTestId('kpi-nps').locator('.detail').innerText();
	await page.getByTestId('filter-segment').selectOption('government');
	await expect(page).toHaveURL(/segment=government/);
	await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
	const govTickets = count(await page.getByTestId('kpi-tickets-value').innerText());
	const govCalls = count(await page.getByTestId('kpi-calls-value').innerText());
	expect(govTickets).toBeGreaterThan(0);
	expect(govTickets).toBeLessThan(allTickets);
	expect(govCalls).toBeLessThan(allCalls);
	expect(await page.getByTestId('kpi-nps').locator('.detail').innerText()).not.toBe(allNpsN);
	// The JSON endpoint answers the same for the same URL.
	const api = await (await request.get(`/api/overview${new URL(page.url()).search}`)).json();
	expect(api.filters).toEqual({ segment: 'government' });
	expect(api.tickets.tickets).toBe(govTickets);
	expect(api.calls.inbound.current.offered).toBe(govCalls);
	// Calls have no channel: with a channel chosen the page says the call figures ignore it.
	await page.getByTestId('filter-channel').selectOption('email');
	await expect(page).toHaveURL(/channel=email/);
	await expect(page.getByTestId('calls-ignore')).toContainText('The call figures are not filtered by Channel');
	expect(count(await page.getByTestId('kpi-tickets-value').innerText())).toBeLessThan(govTickets);
	await page.getByRole('link', { name: 'Clear filters' }).click();
	await expect(page).not.toHaveURL(/segment=/);
	expect(count(await page.getByTestId('kpi-tickets-value').innerText())).toBe(allTickets);
});

test('the period lives in the URL and the JSON endpoint serves the same data', async ({ page, request }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Last 7 days' }).click();
	await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
	const url = new URL(page.url());
	const shown = count(await page.getByTestId('kpi-calls-value').innerText());
	const api = await (await request.get(`/api/overview${url.search}`)).json();
	expect(api.range.from).toBe(url.searchParams.get('from'));
	expect(api.calls.inbound.current.offered).toBe(shown);

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

async function noSidewaysScroll(page: Page, url: string) {
	await page.goto(url);
	const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
	expect(scroll, `${url} is ${scroll}px wide in a ${client}px window`).toBeLessThanOrEqual(client);
}

// After the upload above: its rejects page has a table of rejected rows.
test('pages fit a phone (390 px) without sideways scrolling, in English and Persian', async ({ browser }) => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await page.goto('/data');
	const rejects = await page.getByTestId('files').getByRole('link', { name: 'answers.csv', exact: true }).first().getAttribute('href');
	for (const lang of ['en', 'fa']) {
		for (const url of ['/', '/surveys', '/calls', '/data', rejects!]) await noSidewaysScroll(page, `${url}?lang=${lang}`);
	}
	await page.close();
});
