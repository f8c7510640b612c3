/**
 * The churn pages as a person sees them, on the demo dataset the server loads by itself: the
 * customer list and a customer's risk with its reasons, the at-risk list and the track record,
 * and the day's follow-up list: a bad outcome is refused at its field, a good one is saved and
 * its answers become survey answers, two agents saving the same follow-up get a conflict, the
 * exports download, and the pages work in Persian, right to left.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });

async function waitForDemo(request: APIRequestContext) {
	await expect
		.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 240_000, intervals: [1000, 2000, 5000] })
		.toBe('loaded');
}

test.beforeAll(async ({ request }) => {
	test.setTimeout(300_000);
	await waitForDemo(request);
});

test('the customer list shows risk, last contact and renewal, filtered and sorted in the URL', async ({ page }) => {
	await page.goto('/customers');
	await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
	await expect(page.getByTestId('customer-count')).toHaveText(/300 customers/);
	const rows = page.getByTestId('customers-table').locator('tbody tr');
	await expect(rows).toHaveCount(50);
	await page.getByLabel('Risk').selectOption('at_risk');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/risk=at_risk/);
	const atRisk = await rows.count();
	expect(atRisk).toBeGreaterThan(0);
	expect(atRisk).toBeLessThan(50);
	// Sorting by last contact, longest silence first.
	await page.getByRole('link', { name: 'Last contact' }).click();
	await expect(page).toHaveURL(/sort=silence/);
});

test('a customer page shows the score, the reasons, each factor and the contact rhythm', async ({ page, request }) => {
	const [top] = await (await request.get('/api/customers/risk?limit=1')).json();
	await page.goto(`/customers/${top.customer_id}`);
	await expect(page.getByTestId('customer-name')).toHaveText(top.name);
	await expect(page.getByTestId('customer-score')).toContainText(String(Math.round(top.score)));
	await expect(page.getByTestId('customer-reasons')).toContainText(/silent for \d+ days; usually in touch every/);
	const factors = page.getByTestId('factors').locator('tbody tr');
	await expect(factors).toHaveCount(9);
	await expect(page.getByTestId('factors').locator('tr[data-factor="silence"]')).toContainText('of 35');
	await expect(page.getByTestId('rhythm-summary')).toContainText('Usually in touch every');
	await expect(page.locator('figure[data-testid="chart"] svg').first()).toBeVisible();
	await expect(page.getByTestId('timeline').locator('tbody tr').first()).toBeVisible();
});

test('the at-risk list and the track record', async ({ page }) => {
	await page.goto('/at-risk');
	await expect(page.getByRole('heading', { name: 'At-risk customers', level: 1 })).toBeVisible();
	const rows = page.getByTestId('at-risk-table').locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(3);
	await expect(rows.first()).toContainText(/silent for \d+ days/);
	await page.getByRole('link', { name: /Track record/ }).click();
	await expect(page.getByRole('heading', { name: 'Track record', level: 1 })).toBeVisible();
	// The demo's customers who left around their renewal: most were flagged before they left.
	expect(await page.getByTestId('left-table').locator('tbody tr').count()).toBeGreaterThan(3);
	await expect(page.getByTestId('km-table').locator('tbody tr')).toHaveCount(2);
	await expect(page.locator('figure[data-testid="chart"] svg')).toBeVisible();
});

async function firstOpenItem(page: Page) {
	const card = page.locator('[data-testid="follow-up"][data-status="to_call"]').first();
	await expect(card).toBeVisible();
	return card;
}

test('the follow-up list: bad input is refused at the field and nothing is saved; a good outcome is saved', async ({ page, request }) => {
	await page.goto('/follow-ups');
	await expect(page.getByTestId('kpi-capacity-value')).toHaveText('30');
	const card = await firstOpenItem(page);
	const id = await card.getAttribute('data-id');
	await card.getByText('Record the outcome').click();
	const form = card.getByTestId('outcome-form');
	await form.getByLabel('Reached').check();
	await form.getByLabel(/NPS, 0-10/).fill('11');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(form.getByText('A whole number from 0 to 10.')).toBeVisible();
	await expect(form.getByLabel(/NPS, 0-10/)).toHaveAttribute('aria-invalid', 'true');
	const before = (await (await request.get('/api/followups')).json()).items.find((i: { id: number }) => String(i.id) === id);
	expect(before.status).toBe('to_call');

	await form.getByLabel(/NPS, 0-10/).fill('9');
	await form.getByLabel('Their comment').fill('The new version is much better');
	await form.getByRole('button', { name: 'Save' }).click();
	const saved = page.locator(`[data-testid="follow-up"][data-id="${id}"]`);
	await expect(saved.getByTestId('saved')).toContainText('count in NPS and CSAT');
	await expect(saved.getByTestId('status')).toHaveText('Reached');
});

test('two agents saving the same follow-up: the second gets a conflict message', async ({ browser }) => {
	const a = await browser.newPage();
	const b = await browser.newPage();
	await a.goto('/follow-ups');
	await b.goto('/follow-ups');
	const cardA = await firstOpenItem(a);
	const id = await cardA.getAttribute('data-id');
	const cardB = b.locator(`[data-testid="follow-up"][data-id="${id}"]`);
	await cardA.getByText('Record the outcome').click();
	await cardB.getByText('Record the outcome').click();
	await cardA.getByTestId('outcome-form').getByLabel('No answer').check();
	await cardA.getByTestId('outcome-form').getByLabel('Notes').fill('rang twice');
	await cardA.getByTestId('outcome-form').getByRole('button', { name: 'Save' }).click();
	await expect(a.locator(`[data-testid="follow-up"][data-id="${id}"]`).getByTestId('status')).toHaveText('No answer');
	await cardB.getByTestId('outcome-form').getByLabel('Done').check();
	await cardB.getByTestId('outcome-form').getByLabel('Notes').fill('closing it');
	await cardB.getByTestId('outcome-form').getByRole('button', { name: 'Save' }).click();
	const conflict = b.locator(`[data-testid="follow-up"][data-id="${id}"]`).getByTestId('conflict');
	await expect(conflict).toContainText('saved this follow-up while you were editing it');
	await expect(conflict).toContainText('rang twice');
	// Nothing of B's was written: the stored status is still A's.
	await b.reload();
	await expect(b.locator(`[data-testid="follow-up"][data-id="${id}"]`).getByTestId('status')).toHaveText('No answer');
	await a.close();
	await b.close();
});

test('the list downloads as CSV with a BOM and as Excel, and the API refuses bad outcomes', async ({ request }) => {
	const csv = await request.get('/follow-ups/export.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.toString('utf8')).toContain('Rank,Customer id,Customer');
	const xlsx = await request.get('/follow-ups/export.xlsx');
	expect(xlsx.status()).toBe(200);
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

	const list = await (await request.get('/api/followups')).json();
	const item = list.items[0];
	const bad = await request.post('/api/followups', { data: { id: item.id, version: item.version, status: 'reached', csat: 9 } });
	expect(bad.status()).toBe(400);
	expect((await bad.json()).errors).toEqual({ csat: 'A whole number from 1 to 5.' });
	const stale = await request.post('/api/followups', { data: { id: item.id, version: item.version - 1 || 99, status: 'done' } });
	expect([409, 400]).toContain(stale.status());
});

test('the follow-up list and a customer in Persian, right to left', async ({ page, request }) => {
	await page.goto('/follow-ups?lang=fa');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'فهرست پیگیری', level: 1 })).toBeVisible();
	await expect(page.getByTestId('follow-up').first()).toContainText('روز');
	const [top] = await (await request.get('/api/customers/risk?limit=1&lang=fa')).json();
	expect(top.reasons[0]).toMatch(/روز است که خبری از او نیست/);
	await page.goto(`/customers/${top.customer_id}?lang=fa`);
	await expect(page.getByTestId('customer-reasons')).toContainText('معمولاً');
});
