/**
 * Every list and KPI table downloads from its page's menu as CSV (UTF-8 with BOM), XLSX, Parquet
 * and Arrow, each read back with a reader of its kind and holding the same rows; the JSON APIs
 * answer ?format= with the same files; an executive's download of customers has no names; a
 * download of customer data is in the audit log.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { demoCustomerData, customerDataIn, signedInRequest, waitForDemo } from './helpers';

test.beforeAll(async ({ request }) => {
	test.setTimeout(300_000);
	await waitForDemo(request);
});

/** Rows of a downloaded file, read with a reader of its format (the header not counted). */
async function rowsIn(format: string, body: Buffer): Promise<number> {
	switch (format) {
		case 'csv': {
			expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const text = body.toString('utf8').slice(1).trimEnd();
			return Papa.parse<string[]>(text, { newline: '\r\n' }).data.length - 1;
		}
		case 'xlsx': {
			const [sheet] = await readXlsxFile(body);
			return sheet!.data.length - 1;
		}
		case 'arrow':
			return tableFromIPC(new Uint8Array(body)).numRows;
		case 'parquet': {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-e2e-parquet-'));
			const file = path.join(dir, 'x.parquet');
			fs.writeFileSync(file, body);
			const instance = await DuckDBInstance.create(':memory:');
			const conn = await instance.connect();
			try {
				const [row] = (await conn.runAndReadAll(`select cast(count(*) as integer) as n from read_parquet('${file}')`)).getRowObjectsJson();
				return Number(row!.n);
			} finally {
				conn.closeSync();
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	}
	throw new Error(format);
}

async function download(request: APIRequestContext, href: string): Promise<{ type: string; body: Buffer; name: string }> {
	const res = await request.get(href);
	expect(res.status(), href).toBe(200);
	return { type: res.headers()['content-type']!, body: await res.body(), name: res.headers()['content-disposition'] ?? '' };
}

const TYPES: Record<string, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	parquet: 'application/vnd.apache.parquet',
	arrow: 'application/vnd.apache.arrow.file'
};

/** Open a page's download menu and read its four links. */
async function menuLinks(page: Page, url: string, testid: string): Promise<Record<string, string>> {
	await page.goto(url);
	const menu = page.getByTestId(testid);
	await menu.locator('summary').click();
	const links: Record<string, string> = {};
	for (const f of ['csv', 'xlsx', 'parquet', 'arrow']) {
		const a = menu.getByTestId(`${testid}-${f}`);
		await expect(a).toBeVisible();
		links[f] = (await a.getAttribute('href'))!;
	}
	return links;
}

const TABLES: [string, string][] = [
	['/', 'download-mix-channel'],
	['/', 'download-mix-category'],
	['/surveys', 'download-survey-periods'],
	['/surveys', 'download-breakdown-team'],
	['/surveys?kind=csat', 'download-answers'],
	['/calls', 'download-calls-periods'],
	['/calls', 'download-calls-weekday'],
	['/calls', 'download-calls-queue'],
	['/sla', 'download-sla-priority'],
	['/sla', 'download-sla-trend'],
	['/sla/at-risk', 'download-sla-at-risk'],
	['/customers', 'download-customers'],
	['/at-risk', 'download-at-risk'],
	['/at-risk/track-record', 'download-left'],
	['/follow-ups/hold-out', 'download-holdout'],
	['/follow-ups', 'download-follow-ups'],
	['/peaks', 'download-peaks'],
	['/staffing', 'download-staffing']
];

test('every list and KPI table downloads in four formats holding the same rows', async ({ page }) => {
	test.setTimeout(600_000);
	for (const [url, testid] of TABLES) {
		const links = await menuLinks(page, url, testid);
		const counts: Record<string, number> = {};
		for (const [format, href] of Object.entries(links)) {
			const file = await download(page.request, href);
			expect(file.type, `${testid} ${format}`).toBe(TYPES[format]);
			expect(file.name).toContain(`.${format}`);
			counts[format] = await rowsIn(format, file.body);
		}
		expect(counts.xlsx, `${testid}: ${JSON.stringify(counts)}`).toBe(counts.csv);
		expect(counts.parquet, testid).toBe(counts.csv);
		expect(counts.arrow, testid).toBe(counts.csv);
		expect(counts.csv, testid).toBeGreaterThan(0);
	}
});

test('a list downloads whole, with the page’s filters, not one page of it', async ({ page }) => {
	await page.goto('/customers');
	const total = Number((await page.getByTestId('customer-count').textContent())!.replace(/\D/g, ''));
	expect(total).toBeGreaterThan(50);
	const links = await menuLinks(page, '/customers?page=2', 'download-customers');
	expect(links.csv).not.toContain('page=');
	expect(await rowsIn('csv', (await download(page.request, links.csv!)).body)).toBe(total);
	const atRisk = await menuLinks(page, '/customers?risk=at_risk', 'download-customers');
	expect(atRisk.csv).toContain('risk=at_risk');
	expect(await rowsIn('csv', (await download(page.request, atRisk.csv!)).body)).toBeLessThan(total);
});

test('the JSON APIs answer ?format= with the same files, and name the formats for a wrong one', async ({ request }) => {
	for (const api of ['/api/overview', '/api/kpi/nps', '/api/kpi/csat', '/api/kpi/calls', '/api/kpi/sla', '/api/customers/risk', '/api/sla/at-risk', '/api/followups']) {
		const counts: number[] = [];
		for (const format of ['csv', 'xlsx', 'parquet', 'arrow']) {
			const file = await download(request, `${api}?format=${format}`);
			expect(file.type, `${api} ${format}`).toBe(TYPES[format]);
			counts.push(await rowsIn(format, file.body));
		}
		expect(new Set(counts).size, `${api}: ${counts}`).toBe(1);
	}
	const csv = (await download(request, '/api/kpi/nps?format=csv&grain=month')).body.toString('utf8');
	expect(csv.slice(1).split('\r\n')[0]).toBe('period,first_day,last_day,nps,n,promoters,passives,detractors,margin_of_error,small_sample');
	const json = await request.get('/api/kpi/nps?grain=month');
	expect(json.headers()['content-type']).toContain('application/json');
	const wrong = await request.get('/api/overview?format=xls');
	expect(wrong.status()).toBe(400);
	expect(await wrong.json()).toEqual({ error: 'format=xls is not one of json, csv, xlsx, parquet, arrow', param: 'format' });
});

test('an executive’s download of customers holds no names; downloads of customer data are audited', async ({ page }) => {
	const exec = await signedInRequest('demo-executive');
	const data = demoCustomerData();
	for (const href of ['/customers/export?format=csv', '/at-risk/export?table=at-risk&format=csv', '/surveys/export?table=answers&format=csv', '/api/customers/risk?format=csv&limit=1000']) {
		const body = (await download(exec, href)).body.toString('utf8');
		expect(customerDataIn(body, data), href).toEqual([]);
	}
	// Not the executive's to download at all: single tickets at risk, the follow-up list.
	expect((await exec.get('/sla/at-risk/export?format=csv')).status()).toBe(403);
	expect((await exec.get('/follow-ups/export?format=csv')).status()).toBe(403);
	await exec.dispose();

	await page.request.get('/customers/export?format=xlsx&segment=bank');
	await page.goto('/admin/audit?action=export');
	const log = page.locator('main');
	await expect(log).toContainText('Customers downloaded');
	await expect(log).toContainText('/customers?segment=bank');
	await expect(log).toContainText('xlsx');
});
