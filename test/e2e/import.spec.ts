/**
 * Bringing one's own data through the running server: `npm run import` hands a Zendesk export
 * to it (tickets, their CSAT survey and the customers from one file), the SLA page shows the
 * help desk's own times beside the product's clocks, the Surveys page the response rate, and
 * the file's page loads it again without doubling anything. The sample's tickets are of March
 * 2024, outside the demo's period, so the other browser tests see the demo as before.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { waitForDemo } from './helpers';

const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');
const FIXTURE = path.resolve('test/fixtures/presets/zendesk.csv');
const MARCH = 'from=2024-03-01&to=2024-03-31';

// tsx and DuckDB start in a new process: on a busy 2-core machine that takes a while.
test.describe.configure({ timeout: 300_000, mode: 'serial' });

test('npm run import sends a Zendesk export to the running server, which loads three datasets from it', async ({ request }) => {
	await waitForDemo(request);
	const r = spawnSync(process.execPath, [tsx, 'jobs/cli.ts', 'import', '--dataset', 'tickets', '--preset', 'zendesk', FIXTURE], {
		env: { ...process.env, CARE_DATA_DIR: process.env.CARE_E2E_DIR! },
		encoding: 'utf8',
		timeout: 240_000
	});
	expect(r.stdout).toMatch(/the server \(pid \d+\) holds .*care\.duckdb; sending zendesk\.csv to it/);
	expect(r.stdout).toMatch(/customers\/zendesk\.csv \[zendesk-customers\]: 3 new/);
	expect(r.stdout).toMatch(/tickets\/zendesk\.csv \[zendesk-tickets\]: 5 new, 0 updated, 1 rejected/);
	expect(r.stdout).toMatch(/survey_answers\/zendesk\.csv \[zendesk-csat\]: 4 new/);
	expect(r.status).toBe(0);
});

test("the SLA page shows the help desk's own times beside the product's", async ({ page }) => {
	await page.goto(`/sla?${MARCH}`);
	const section = page.getByTestId('sla-source-figures');
	await expect(section.getByRole('heading', { name: "The help desk's own figures" })).toBeVisible();
	// First reply: median of 25, 60 and 5 business minutes; resolution: of 450 and 540.
	const rows = section.getByTestId('sla-source').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('First reply');
	await expect(rows.nth(0)).toContainText('25 min');
	await expect(rows.nth(1)).toContainText('8 hr 15 min');
});

test('the Surveys page gives the response rate: offered surveys count, answered ones are the numerator', async ({ page }) => {
	await page.goto(`/surveys?${MARCH}`);
	await expect(page.getByTestId('response-rate-csat')).toContainText('75%');
	await expect(page.getByTestId('response-rate-csat')).toContainText('3 answered of 4 surveys offered');
});

test("the file's page loads it again: the tickets are updated, not doubled", async ({ page, request }) => {
	await page.goto('/data');
	await page.getByTestId('files').getByRole('link', { name: 'zendesk.csv' }).first().click();
	await expect(page.getByTestId('file-parts')).toContainText('Tickets');
	await page.getByTestId('load-again').click();
	const result = page.getByTestId('load-again-result');
	await expect(result).toContainText('Loaded again in run #');
	await expect(result).toContainText('0 new, 5 updated, 1 rejected');
	const audit = await request.get('/admin/audit');
	expect(audit.ok()).toBe(true);
	expect(await audit.text()).toContain('import.load_again');
});
