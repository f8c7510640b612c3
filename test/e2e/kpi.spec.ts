/**
 * The Surveys and Calls pages, the ticket page and the KPI API on the demo dataset; screenshots
 * of the executive, Surveys and Calls pages at desktop and phone width, in English and Persian
 * (test-results/screens/). Phone width without sideways scrolling: overview.spec.ts.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';

const count = (text: string) => Number(text.replace(/[,\s]/g, ''));

async function waitForDemo(request: APIRequestContext) {
	await expect
		.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 90_000, intervals: [500, 1000, 2000] })
		.toBe('loaded');
}

test.beforeAll(async ({ request }) => {
	await waitForDemo(request);
});

test('the Surveys page shows NPS and CSAT with their uncertainty, breakdowns, the distribution and the answers', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Surveys', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Surveys', level: 1 })).toBeVisible();
	await expect(page.getByTestId('kpi-nps-value')).toHaveText(/^[+−-]?\d+$/);
	await expect(page.getByTestId('kpi-csat-sub')).toHaveText(/^95% interval \d+% to \d+%$/);
	// Survey trends default to weeks.
	await expect(page.getByTestId('filter-grain')).toHaveValue('week');
	expect(await page.getByTestId('survey-periods').locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
	for (const d of ['segment', 'channel', 'team', 'occasion']) await expect(page.getByTestId(`breakdown-${d}`).locator('tbody tr').first()).toBeVisible();
	await expect(page.getByTestId('breakdown-occasion')).toContainText('Happy call');
	await expect(page.getByTestId('chart').locator('[data-drawn] svg')).toHaveCount(4);

	const answers = page.getByTestId('answers').locator('tbody tr');
	await expect(answers).toHaveCount(25);
	const total = count((await page.getByTestId('answer-count').innerText()).replace(/answers?/, ''));
	expect(total).toBeGreaterThan(25);
	// Only detractors: every score shown is 0-6 on the NPS scale.
	await page.getByTestId('answer-band').selectOption('detractor');
	await page.getByTestId('answer-filters').getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/band=detractor/);
	const scores = await page.getByTestId('answers').locator('tbody tr td:nth-child(3) .score').allInnerTexts();
	expect(scores.length).toBeGreaterThan(0);
	expect(scores.every((s) => Number(s) <= 6)).toBe(true);
	const detractors = count((await page.getByTestId('answer-count').innerText()).replace(/answers?/, ''));
	expect(detractors).toBeLessThan(total);
	// A customer link narrows the list to that customer; a ticket link opens the ticket.
	await page.goto('/surveys?kind=csat');
	const customer = page.getByTestId('answers').locator('tbody tr').first().locator('td:nth-child(2) a');
	await customer.click();
	await expect(page).toHaveURL(/customer=C\d+/);
	await expect(page.getByRole('link', { name: /only: show all/ })).toBeVisible();
	const ticket = page.getByTestId('answers').locator('a[href^="/tickets/"]').first();
	const id = await ticket.innerText();
	await ticket.click();
	await expect(page.getByRole('heading', { name: `Ticket ${id}`, level: 1 })).toBeVisible();
	await expect(page.getByTestId('ticket-answers').locator('tbody tr').first()).toContainText('CSAT');
});

test('the Calls page shows incoming calls apart from outbound, by period, weekday and hour', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Calls', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
	const offered = count(await page.getByTestId('calls-offered-value').innerText());
	expect(offered).toBeGreaterThan(0);
	await expect(page.getByTestId('calls-service-level')).toContainText(/answered within 20 s · target 80%/);
	await expect(page.getByTestId('calls-wait-value')).toHaveText(/\d+ (sec|min)/);
	expect(count(await page.getByTestId('outbound-calls').innerText())).toBeGreaterThan(0);
	// The weekday × hour table and the weekday chart start on Saturday, the unit's first day.
	const heat = page.getByTestId('calls-heatmap').locator('tbody tr');
	await expect(heat).toHaveCount(7);
	await expect(heat.first().locator('th')).toHaveText('Sat');
	const weekdayChart = page.getByTestId('chart').nth(2).locator('[data-drawn] svg');
	await expect(weekdayChart).toBeVisible();
	const labels = (await weekdayChart.locator('text').allTextContents()).filter((l) => /day$/.test(l));
	expect(labels).toEqual(['Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
	const rows = page.getByTestId('calls-by-weekday-table').locator('tbody tr');
	await expect(rows.first()).toContainText('Saturday');
	const perDay = (await rows.locator('td:last-child').allInnerTexts()).map(count);
	expect(Math.max(...perDay)).toBe(perDay[0]);
	expect(Math.min(...perDay)).toBe(perDay[6]);
	await expect(page.getByTestId('calls-by-queue')).toContainText('Customer care');
	// A queue filter changes the figures.
	await page.getByTestId('filter-queue').selectOption('technical');
	await expect(page).toHaveURL(/queue=technical/);
	const technical = count(await page.getByTestId('calls-offered-value').innerText());
	expect(technical).toBeGreaterThan(0);
	expect(technical).toBeLessThan(offered);
});

test('the KPI API answers NPS, CSAT and calls with the previous period, and 400 naming a bad parameter', async ({ request }) => {
	const nps = await (await request.get('/api/kpi/nps?grain=month')).json();
	expect(Object.keys(nps)).toEqual(expect.arrayContaining(['nps', 'n', 'promoters', 'passives', 'detractors', 'margin_of_error', 'small_sample', 'previous']));
	expect(nps.promoters + nps.passives + nps.detractors).toBe(nps.n);
	expect(nps.nps).toBeCloseTo((100 * (nps.promoters - nps.detractors)) / nps.n, 1);
	expect(Object.keys(nps.previous)).toEqual(expect.arrayContaining(['nps', 'n', 'margin_of_error', 'from', 'to']));
	const csat = await (await request.get('/api/kpi/csat?segment=bank')).json();
	expect(csat.filters).toEqual({ segment: 'bank' });
	expect(csat.csat).toBeCloseTo((100 * csat.satisfied) / csat.n, 1);
	expect(csat.ci_low).toBeLessThan(csat.csat);
	expect(csat.ci_high).toBeGreaterThan(csat.csat);
	expect(csat.change.test.method).toBe('two_proportion_z');
	const calls = await (await request.get('/api/kpi/calls')).json();
	expect(calls.offered).toBe(calls.answered + calls.abandoned);
	expect(calls.abandonment_rate).toBeCloseTo((100 * calls.abandoned) / calls.offered, 1);
	expect(calls.by_weekday.map((d: { weekday: number }) => d.weekday)).toEqual([6, 0, 1, 2, 3, 4, 5]);
	expect(calls.by_weekday.reduce((a: number, d: { calls: number }) => a + d.calls, 0)).toBe(calls.offered);
	expect(calls.by_hour).toHaveLength(24);
	expect(calls.outbound.calls).toBeGreaterThan(0);
	expect(calls.previous).toMatchObject({ offered: expect.any(Number), service_level: expect.any(Number) });

	for (const [url, param] of [
		['/api/kpi/nps?from=2026-13-01&to=2026-11-01', 'from'],
		['/api/kpi/csat?occasion=party', 'occasion'],
		['/api/kpi/calls?channel=email', 'channel'],
		['/api/kpi/nps?grain=fortnight', 'grain']
	] as const) {
		const res = await request.get(url);
		expect(res.status(), url).toBe(400);
		const body = await res.json();
		expect(body.param).toBe(param);
		expect(body.error).toContain(param);
	}
});

test('screenshots of the executive, Surveys and Calls pages at desktop and phone width, in English and Persian', async ({ browser }) => {
	for (const lang of ['en', 'fa']) {
		for (const width of [1280, 390]) {
			const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
			for (const [name, url] of [
				['overview', '/'],
				['surveys', '/surveys'],
				['calls', '/calls']
			]) {
				await page.goto(`${url}?lang=${lang}`);
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				// Charts draw in the browser once ECharts has loaded.
				await expect(page.getByTestId('chart').first().locator('[data-drawn] svg')).toBeVisible();
				await page.screenshot({ path: `test-results/screens/${name}-${lang}-${width}.png`, fullPage: true });
			}
			await page.close();
		}
	}
});
