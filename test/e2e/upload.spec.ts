/**
 * The upload page as an administrator uses it: a Persian Excel export (Windows-1256, Jalali
 * dates) read in the browser, mapped with the suggested columns and loaded, its tickets then on
 * their pages; the mapping step (suggestions from the header, a check that fails and is fixed, a
 * mapping saved as a file, used for the load and offered again for the same header); a 100 MB
 * upload's progress bar; the page at desktop and phone width in English and Persian.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_DIR, waitForDemo } from './helpers';

const FIXTURES = path.join('test', 'fixtures', 'upload');

test.beforeAll(async ({ request }) => {
	test.setTimeout(300_000);
	await waitForDemo(request);
});

async function openWith(page: Page, file: string, query = '') {
	await page.goto(`/data/import${query}`);
	await page.getByTestId('import-file').setInputFiles(file);
	await expect(page.getByTestId('import-preview')).toBeVisible();
}

test('a Persian Excel export (Windows-1256, Jalali dates) is read, mapped and loaded', async ({ page }) => {
	await page.goto('/data');
	await page.getByTestId('import-link').click();
	await expect(page).toHaveURL(/\/data\/import$/);
	await page.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'tickets-fa.windows-1256.csv'));

	// How it is written: detected, and the preview reads as Persian (Persian yeh restored).
	await expect(page.getByTestId('import-encoding')).toHaveValue('windows-1256');
	await expect(page.getByTestId('import-delimiter')).toHaveValue(',');
	await expect(page.getByTestId('import-header-row')).toHaveValue('1');
	const preview = page.getByTestId('import-preview');
	await expect(preview.locator('thead')).toContainText('شماره تیکت');
	await expect(preview).toContainText('شرکت داده‌پردازان');
	await expect(preview).toContainText('1403/08/15 09:30');

	// What it holds: tickets, each column to its field, the dates Jalali, every preview value read.
	await expect(page.getByTestId('import-dataset')).toHaveValue('tickets');
	await expect(page.getByTestId('import-suggestion')).toContainText('Looks like Tickets: 8 of 20 fields found.');
	await expect(page.getByTestId('column-id')).toHaveValue('شماره تیکت');
	await expect(page.getByTestId('column-created_at')).toHaveValue('تاریخ ایجاد');
	await expect(page.getByTestId('calendar-created_at')).toHaveValue('persian');
	await expect(page.getByTestId('check-created_at')).toContainText('all 5 values read');
	await expect(page.getByTestId('check-resolved_at')).toContainText('all 2 values read');

	await page.getByTestId('mapping-id').fill('fa-helpdesk');
	await page.getByTestId('save-mapping').click();
	await expect(page.getByTestId('mapping-saved')).toContainText('mappings/fa-helpdesk.json');
	await page.getByTestId('import-load-button').click();
	await expect(page.getByTestId('import-result')).toContainText('tickets-fa.windows-1256.csv: loaded. 5 new, 0 updated, 0 rejected, 0 skipped.', { timeout: 120_000 });

	// The rows are loaded: a ticket's page shows its Persian subject and its Jalali times.
	await page.goto('/tickets/FA-1003');
	await expect(page.getByRole('heading', { name: 'Ticket FA-1003' })).toBeVisible();
	await expect(page.locator('main')).toContainText('کندی در بارگذاری صفحه، پس از به‌روزرسانی');
	await expect(page.locator('main')).toContainText('شرکت داده‌پردازان');
	await expect(page.locator('main')).toContainText('18 Aban 1403, 14:20');
	await expect(page.locator('main')).toContainText('19 Aban 1403, 09:00');
});

test('the mapping step: suggestions from the header, checks on the preview, a mapping saved and used', async ({ page }) => {
	const file = path.join(FIXTURES, 'customers-latin.windows-1252.csv');
	await openWith(page, file);
	// Windows-1252, semicolons, a title line above the header.
	await expect(page.getByTestId('import-encoding')).toHaveValue('windows-1252');
	await expect(page.getByTestId('import-delimiter')).toHaveValue(';');
	await expect(page.getByTestId('import-header-row')).toHaveValue('2');
	await expect(page.getByTestId('import-preview')).toContainText('Société Générale');

	await expect(page.getByTestId('import-dataset')).toHaveValue('customers');
	await expect(page.getByTestId('import-suggestion')).toContainText('Looks like Customers');
	const idColumn = page.getByTestId('column-id');
	await expect(idColumn).toHaveValue('Customer ID');
	await expect(idColumn.locator('option:checked')).toHaveText('Customer ID · suggested');
	await expect(page.getByTestId('column-contact_name')).toHaveValue('Contact');
	await expect(page.getByTestId('format-renewal_date')).toHaveValue('D/M/YYYY');
	await expect(page.getByTestId('check-renewal_date')).toContainText('all 3 values read');

	// A wrong date order fails on the preview, with the reason; put right, it reads again.
	await page.getByTestId('format-renewal_date').fill('M/D/YYYY');
	await expect(page.getByTestId('check-renewal_date')).toContainText('2 of 3 fail');
	await expect(page.getByTestId('import-preview').locator('td.bad')).toHaveCount(2);
	await page.getByTestId('format-renewal_date').fill('D/M/YYYY');
	await expect(page.getByTestId('check-renewal_date')).toContainText('all 3 values read');
	// The owner is not in this file; the segment column is, but is not wanted.
	await page.getByTestId('column-segment').selectOption('');
	await expect(page.getByTestId('check-segment')).toContainText('no column');

	await page.getByTestId('mapping-title').fill('Customers from Excel');
	await page.getByTestId('mapping-id').fill('excel-customers');
	// Loading waits for the mapping to be saved.
	await expect(page.getByTestId('import-load-button')).toBeDisabled();
	await page.getByTestId('save-mapping').click();
	await expect(page.getByTestId('mapping-saved')).toContainText('inbox/customers/excel-customers/');
	const saved = JSON.parse(fs.readFileSync(path.join(E2E_DIR, 'mappings', 'excel-customers.json'), 'utf8'));
	expect(saved).toMatchObject({
		id: 'excel-customers',
		dataset: 'customers',
		title: 'Customers from Excel',
		fields: { id: { column: 'Customer ID' }, name: { column: 'Name' }, contact_name: { column: 'Contact' }, renewal_date: { column: 'Renewal date', format: 'D/M/YYYY' } }
	});
	expect(saved.fields.segment).toBeUndefined();

	await page.getByTestId('import-load-button').click();
	await expect(page.getByTestId('import-result')).toContainText('customers-latin.windows-1252.csv: loaded. 3 new', { timeout: 120_000 });

	// Used: the Data page names the mapping beside the file.
	await page.goto('/data');
	const first = page.getByTestId('files').locator('tbody tr').first();
	await expect(first).toContainText('customers-latin.windows-1252.csv');
	await expect(first).toContainText('excel-customers');

	// Offered again for a file with the same header.
	await openWith(page, file);
	await expect(page.getByTestId('import-use-existing')).toBeChecked();
	await expect(page.getByTestId('import-layout')).toHaveValue('excel-customers');
	await expect(page.getByTestId('import-layout').locator('option:checked')).toHaveText('\u2068Customers from Excel\u2069 (\u2068excel-customers\u2069)');
});

test('the upload page at desktop and phone width, in English and Persian', async ({ page }) => {
	for (const lang of ['en', 'fa'] as const) {
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
			await openWith(page, path.join(FIXTURES, 'tickets-fa.windows-1256.csv'), `?lang=${lang}`);
			await expect(page.getByTestId('import-suggestion')).toBeVisible();
			// The layouts the header fits come after the suggestion: wait for the page's checks to end.
			await expect(page.getByTestId('import-mapping')).toHaveAttribute('aria-busy', 'false');
			// The first test saved a mapping for this header: show the columns anyway.
			const makeNew = page.getByTestId('import-make-new');
			if (await makeNew.count()) await makeNew.check();
			await expect(page.getByTestId('import-fields')).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('dir', lang === 'fa' ? 'rtl' : 'ltr');
			// Nothing wider than the screen: wide tables scroll inside their boxes.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			await page.screenshot({ path: `test-results/import-${lang}-${width}.png`, fullPage: true });
		}
	}
	await page.goto('/data/import?lang=en');
});

test('a 100 MB upload shows its progress, then the load’s, to the counts', async ({ page }, info) => {
	test.setTimeout(900_000);
	const started = Date.now();
	// 100 MB of calls of 2019 (outside every default period of the other tests): each row carries
	// a long note the calls layout does not read, so the bytes are many and the rows (what the
	// load and the refresh cost) about 50,000.
	const file = info.outputPath('calls-100mb.csv');
	const fd = fs.openSync(file, 'w');
	fs.writeSync(fd, 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id,note\n');
	const note = 'x'.repeat(1900);
	let bytes = 0;
	let rows = 0;
	while (bytes < 100 * 1024 * 1024) {
		let chunk = '';
		for (let k = 0; k < 1_000; k++, rows++) {
			const day = `2019-${String((rows % 12) + 1).padStart(2, '0')}-${String((rows % 28) + 1).padStart(2, '0')}`;
			const hour = String(8 + (rows % 10)).padStart(2, '0');
			chunk += `LOAD-${rows},,inbound,load-test,${day}T${hour}:15:00Z,${day}T${hour}:15:20Z,${day}T${hour}:20:00Z,20,280,answered,agent-${rows % 40},false,,${note}\n`;
		}
		bytes += Buffer.byteLength(chunk);
		fs.writeSync(fd, chunk);
	}
	fs.closeSync(fd);
	expect(fs.statSync(file).size).toBeGreaterThanOrEqual(100 * 1024 * 1024);

	// The product's own calls layout fits the header (the note column aside): offered, and used.
	await openWith(page, file);
	await expect(page.getByTestId('import-dataset')).toHaveValue('calls');
	await expect(page.getByTestId('import-use-existing')).toBeChecked();
	await expect(page.getByTestId('import-layout')).toHaveValue('native');

	// Slow the upload to about 8 MB/s, as over a network, so the bar is seen moving.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 8 * 1024 * 1024 });
	await page.getByTestId('import-load-button').click();
	const bar = page.getByTestId('upload-bar');
	const share = () => bar.evaluate((el: HTMLProgressElement) => el.value / el.max);
	await expect.poll(share, { timeout: 120_000, intervals: [100] }).toBeGreaterThan(0.25);
	expect(await share()).toBeLessThan(1);
	await page.getByTestId('import-progress').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/upload-progress-100mb.png', fullPage: false });
	await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

	// The load is followed live to the counts.
	const result = page.getByTestId('import-result');
	await expect(result).toContainText(`calls-100mb.csv: loaded. ${rows.toLocaleString('en-US')} new, 0 updated, 0 rejected`, { timeout: 600_000 });
	await expect(page.getByTestId('load-figures')).toContainText(`${rows.toLocaleString('en-US')} rows read, 0 rejected; file 1 of 1`);
	await result.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/upload-progress-100mb-done.png', fullPage: false });
	fs.rmSync(file, { force: true });
	info.annotations.push({ type: 'duration', description: `${Math.round((Date.now() - started) / 1000)} s` });
});

test('a Zendesk export: the preset is offered, loads tickets, answers and customers from the one file, and loads again only when asked', async ({ page }, info) => {
	// The vendor-layout sample with ticket ids of its own (import.spec.ts loads the sample itself through npm run import).
	const file = info.outputPath('zendesk-page.csv');
	fs.writeFileSync(file, fs.readFileSync(path.join('test', 'fixtures', 'presets', 'zendesk.csv'), 'utf8').replaceAll(',100', ',900'));
	await openWith(page, file);
	await expect(page.getByTestId('import-dataset')).toHaveValue('tickets');
	await expect(page.getByTestId('import-use-existing')).toBeChecked();
	await expect(page.getByTestId('import-layout')).toHaveValue('zendesk-tickets');
	await expect(page.getByTestId('import-layout').locator('option:checked')).toContainText('(preset \u2068zendesk\u2069)');
	await expect(page.getByTestId('import-also-loads')).toContainText('Customers');
	await expect(page.getByTestId('import-also-loads')).toContainText('Survey answers');
	await page.getByTestId('import-load-button').click();
	const result = page.getByTestId('import-result');
	await expect(result).toContainText('zendesk-page.csv: loaded, some rows rejected. 5 new', { timeout: 120_000 });
	const parts = page.getByTestId('import-parts');
	await expect(parts.locator('li')).toHaveCount(3);
	await expect(parts).toContainText('zendesk-csat');
	await expect(parts).toContainText('zendesk-customers');
	// Both on the pages: the ticket (its subject) and its satisfaction answer, from the one file.
	await page.goto('/tickets/9001');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('9001');
	await expect(page.locator('p.subject')).toContainText('Login fails after update');
	await expect(page.getByTestId('ticket-answers').locator('tbody tr')).toHaveCount(1);
	await expect(page.getByTestId('ticket-answers')).toContainText('CSAT');

	// The same file again: nothing loaded, and the choice to load it anyway (updated, not doubled).
	await openWith(page, file);
	await page.getByTestId('import-load-button').click();
	await expect(page.getByTestId('import-duplicate')).toBeVisible({ timeout: 120_000 });
	// It says which earlier load it was and links there, not to the duplicate's own empty record.
	await expect(result).toContainText('zendesk-page.csv was loaded before through the same layout (import #');
	const earlier = await result.getByRole('link').getAttribute('href');
	await expect(page.getByTestId('load-figures')).toContainText('Nothing read');
	await expect(parts).toContainText('loaded before (import #');
	await expect(parts.locator('li').first().getByRole('link')).toHaveAttribute('href', earlier!);
	// The choice to load it again does not say "loaded before" a second time.
	await expect(page.getByTestId('import-duplicate')).toContainText('Loading it again updates its records by their key');
	await expect(page.getByTestId('import-duplicate')).not.toContainText('loaded before');
	await page.getByTestId('import-force').click();
	await expect(result).toContainText('0 new, 5 updated', { timeout: 120_000 });
	await expect(page.getByTestId('import-duplicate')).toHaveCount(0);
});
