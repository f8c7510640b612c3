/**
 * The SLA pages as a support lead uses them, on the demo dataset: compliance with n, the live
 * list of breached and at-risk tickets with its CSV, and the settings page: a tighter target
 * lowers compliance once saved (clocks recomputed), and a bad interval is refused at its field
 * with nothing changed.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

async function waitForDemo(request: APIRequestContext) {
	await expect
		.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 90_000, intervals: [500, 1000, 2000] })
		.toBe('loaded');
}

test.beforeAll(async ({ request }) => {
	await waitForDemo(request);
});

/** The resolution compliance tile as a number (91.5% → 91.5). */
async function resolutionCompliance(page: Page): Promise<number> {
	await page.goto('/sla');
	const text = await page.getByTestId('sla-resolution-value').innerText();
	return Number(text.replace(/[%,\s]/g, ''));
}

test('the SLA page shows compliance with n for both times, and tables by priority', async ({ page }) => {
	await page.goto('/sla');
	await expect(page.getByRole('heading', { name: 'SLA compliance', level: 1 })).toBeVisible();
	for (const id of ['sla-first-response', 'sla-resolution']) {
		await expect(page.getByTestId(`${id}-value`)).toHaveText(/^\d+(\.\d)?%$/);
		await expect(page.getByTestId(id)).toContainText('n = ');
	}
	await expect(page.getByTestId('sla-by-priority').getByRole('row')).toHaveCount(5);
	await expect(page.getByTestId('chart').locator('[data-drawn] svg')).toBeVisible();
	// The compliance lines are drawn (a line chart is a kind loaded on demand): not empty paths.
	const lines = page.getByTestId('chart').locator('svg path[stroke-linejoin="bevel"]');
	await expect(lines).toHaveCount(2);
	await expect.poll(async () => (await lines.evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').length))).every((n) => n > 20)).toBe(true);
});

test('the at-risk list is most urgent first, filters in the URL, and downloads as CSV', async ({ page, request }) => {
	await page.goto('/sla/at-risk?state=breached');
	const rows = page.getByTestId('sla-at-risk').locator('tbody tr');
	await expect(rows.first()).toContainText('Breached');
	await expect(page.getByTestId('sla-at-risk').locator('tbody tr.warn')).toHaveCount(0);
	const csv = await request.get('/sla/at-risk.csv?state=breached');
	expect(csv.status()).toBe(200);
	const body = await csv.text();
	expect(body.charCodeAt(0)).toBe(0xfeff);
	expect(body.split('\r\n')[0]).toContain('Ticket');
	const api = await request.get('/api/sla/at-risk?state=late');
	expect(api.status()).toBe(400);
	expect((await api.json()).param).toBe('state');
});

test('a tighter resolution target, saved for all history, lowers compliance', async ({ page }) => {
	const before = await resolutionCompliance(page);
	await page.goto('/settings/sla');
	// Normal priority, all customers: resolution from 1,440 to 30 business minutes, for every ticket.
	await page.getByTestId('target-normal-all-res').fill('30');
	await page.getByTestId('effective-from').fill('2000-01-01');
	await page.getByTestId('sla-save').click();
	await expect(page.getByTestId('sla-saved')).toBeVisible();
	await expect(page.getByTestId('target-normal-all-res')).toHaveValue('30');
	const after = await resolutionCompliance(page);
	expect(after).toBeLessThan(before);
});

test('a bad interval is refused at its field and nothing changes', async ({ page }) => {
	await page.goto('/settings/sla');
	const saturday = page.locator('input[name="week.6"]');
	const stored = await saturday.inputValue();
	await saturday.fill('16:00-08:00');
	await page.locator('input[name="week.0"]').fill('08:00-12:00, 11:00-16:00');
	await page.getByTestId('sla-save').click();
	await expect(page.getByTestId('sla-refused')).toBeVisible();
	await expect(page.getByTestId('error-week-6')).toHaveText('The interval ends at 08:00, not after its start 16:00');
	await expect(page.getByTestId('error-week-0')).toHaveText('The intervals 08:00-12:00 and 11:00-16:00 overlap');
	// What was typed stays in the form to correct; the stored week is unchanged.
	await expect(saturday).toHaveValue('16:00-08:00');
	await page.goto('/settings/sla');
	await expect(page.locator('input[name="week.6"]')).toHaveValue(stored);
});

test('a malformed iCal file is refused with a message', async ({ page }) => {
	await page.goto('/settings/sla');
	await page.getByTestId('ical-file').setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: Buffer.from('BEGIN:VCALENDAR\nthis is not ical\n') });
	await page.getByTestId('ical-import').click();
	await expect(page.getByTestId('error-ical')).toContainText('not a readable iCal');
});

test('the SLA pages in Persian', async ({ page }) => {
	await page.goto('/sla?lang=fa');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('رعایت توافق‌نامه سطح خدمات (SLA)');
	await expect(page.getByTestId('sla-resolution-value')).toHaveText(/[۰-۹]/);
});
