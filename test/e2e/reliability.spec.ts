/**
 * What a person sees of the reliability work: request ids, uploads with and without
 * JavaScript (streamed to disk), formulas neutralised in the rejects CSV, inbox entries left
 * alone listed with why, backup and restore through the running server, and a server on a
 * read-only data folder that still shows the dashboard.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import Papa from 'papaparse';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { mountTmpfs } from '../helpers/tmpfs';

const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');
const dataDir = () => process.env.CARE_E2E_DIR!;

async function waitForDemo(request: APIRequestContext) {
	await expect.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 280_000, intervals: [500, 1000, 2000] }).toBe('loaded');
}

// Generous: on a busy 2-core machine the demo load and the spawned commands take minutes.
test.beforeAll(async ({ request }) => {
	test.setTimeout(300_000);
	await waitForDemo(request);
});

test('every response carries a request id; one given by a proxy is kept', async ({ request }) => {
	const a = await request.get('/api/health');
	expect(a.headers()['x-request-id']).toMatch(/^[0-9a-f]{6}-[0-9a-z]+$/);
	const b = await request.get('/', { headers: { 'x-request-id': 'proxy-42' } });
	expect(b.headers()['x-request-id']).toBe('proxy-42');
});

test('an upload without JavaScript streams to the server and comes back with its outcome', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/data');
	const csv = ['id,kind,starts_at,title', 'A-nojs-1,release,2026-11-20T08:00:00+03:30,Release without JS', 'A-nojs-2,release,=1+2,A formula for a date'].join('\n');
	await page.getByTestId('upload-dataset').selectOption('annotations');
	await page.getByTestId('upload-file').setInputFiles({ name: 'no-js.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Upload and load' }).click();
	await expect(page).toHaveURL(/\/data\?upload=\d+$/);
	const result = page.getByTestId('upload-result');
	await expect(result).toContainText('no-js.csv: loaded, some rows rejected, 1 new, 0 updated, 1 rejected.');

	// The rejects CSV does not hand the formula to a spreadsheet as a formula.
	await result.getByRole('link', { name: 'See the rejected rows' }).click();
	const download = await page.request.get(page.url() + '/rejects.csv');
	const text = await download.text();
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const cells = Papa.parse<string[]>(text.slice(1)).data.flat();
	expect(cells).toContain("'=1+2");
	expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
	await context.close();
});

test('a refused upload says why, with JavaScript and without', async ({ page, request }) => {
	await page.goto('/data');
	// A multipart post without a file: the browser would not send it, a script might.
	const res = await request.post('/data/upload', {
		headers: { accept: 'application/json', origin: new URL(page.url()).origin },
		multipart: { dataset: 'calls' }
	});
	expect(res.status()).toBe(400);
	expect((await res.json()).refused.key).toBe('data.uploadMissing');
	await page.goto('/data?refused=data.unknownDataset&p.dataset=clients');
	await expect(page.getByTestId('upload-result')).toHaveText('there is no dataset "clients"');
});

test('the Data page lists what the inbox leaves alone, and why', async ({ page }) => {
	const inbox = path.join(dataDir(), 'inbox');
	const link = path.join(inbox, 'calls', 'shortcut.csv');
	const deep = path.join(inbox, 'calls', 'pbx', 'archive');
	fs.mkdirSync(path.join(inbox, 'calls'), { recursive: true });
	fs.symlinkSync('/etc/hostname', link);
	fs.mkdirSync(deep, { recursive: true });
	fs.writeFileSync(path.join(deep, 'old.csv'), 'id\n1\n');
	try {
		await page.goto('/data');
		const skipped = page.getByTestId('skipped');
		await expect(skipped).toContainText('calls/shortcut.csv');
		await expect(skipped).toContainText('a symbolic link; links are not followed');
		await expect(skipped).toContainText('calls/pbx/archive');
		await expect(skipped).toContainText('too deep in the inbox');
		await page.screenshot({ path: 'test-results/data-skipped-en.png', fullPage: true });
		await page.goto('/data?lang=fa');
		await expect(page.getByTestId('skipped')).toContainText('پیوند نمادین است');
		await page.screenshot({ path: 'test-results/data-skipped-fa.png', fullPage: true });
	} finally {
		fs.rmSync(link, { force: true });
		fs.rmSync(path.join(inbox, 'calls', 'pbx'), { recursive: true, force: true });
	}
});

test('npm run backup and npm run restore hand their work to the running server', async ({ request }) => {
	test.setTimeout(300_000);
	const env = { ...process.env, CARE_DATA_DIR: dataDir() };
	const b = spawnSync(process.execPath, [tsx, 'jobs/cli.ts', 'backup'], { env, encoding: 'utf8', timeout: 240_000 });
	expect(b.stdout).toMatch(/the server \(pid \d+\) holds .*; asking it to write a backup/);
	expect(b.stdout).toMatch(/backup written: .*backups\/\d{8}T\d{6}Z-manual/);
	expect(b.status).toBe(0);
	const before = await (await request.get('/api/overview?from=2026-01-01&to=2026-11-22')).json();

	const r = spawnSync(process.execPath, [tsx, 'jobs/cli.ts', 'restore', 'latest'], { env, encoding: 'utf8', timeout: 240_000 });
	expect(r.stdout).toMatch(/asking it to restore .*-manual/);
	expect(r.stdout).toMatch(/restored .*-manual/);
	expect(r.status).toBe(0);
	const after = await (await request.get('/api/overview?from=2026-01-01&to=2026-11-22')).json();
	expect(after.calls).toEqual(before.calls);
	expect((await request.get('/api/health')).status()).toBe(200);
});

test('a server on a read-only data folder shows the dashboard and says loading is off', async ({ browser }) => {
	test.setTimeout(300_000);
	const disk = mountTmpfs(64);
	test.skip(!disk, 'mounting a tmpfs needs root');
	const port = 4398;
	const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), CARE_DATA_DIR: disk!.dir, CARE_DEMO: 'off', CARE_MIN_FREE_MB: '0' };
	const start = async () => {
		const server = spawn(process.execPath, ['build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let log = '';
		server.stdout.on('data', (b) => (log += b));
		server.stderr.on('data', (b) => (log += b));
		await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status ?? 0, { timeout: 120_000 }).toBe(200);
		return { server, log: () => log };
	};
	try {
		const first = await start();
		// An account to sign in with later (the demo is off: no demo accounts), handed to the server.
		const password = 'read-only folder password';
		const add = spawnSync(process.execPath, [tsx, 'jobs/cli.ts', 'user', 'add', 'ro-admin', '--role', 'admin'], { env, input: password, encoding: 'utf8', timeout: 120_000 });
		expect(add.status, add.stderr).toBe(0);
		first.server.kill('SIGTERM');
		await new Promise((r) => first.server.once('exit', r));
		disk!.remount('ro');

		const second = await start();
		try {
			const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
			// Signing in works on a read-only database (the session is kept in the server's memory).
			await page.goto(`http://127.0.0.1:${port}/login`);
			await page.getByLabel('Login').fill('ro-admin');
			await page.getByLabel('Password').fill(password);
			await page.getByRole('button', { name: 'Sign in', exact: true }).click();
			await expect(page.getByTestId('signed-in')).toBeVisible();
			await page.goto(`http://127.0.0.1:${port}/`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await page.goto(`http://127.0.0.1:${port}/data`);
			await expect(page.getByTestId('storage-problem')).toContainText('The database is open read-only');
			await page.getByTestId('run-now').click();
			await expect(page.getByRole('alert').last()).toContainText('is read-only: loading is paused and nothing was written');
			await page.screenshot({ path: 'test-results/data-read-only-en.png', fullPage: true });
			await page.close();
			expect(second.log()).toContain('opened read-only');
		} finally {
			second.server.kill('SIGTERM');
			await new Promise((r) => second.server.once('exit', r));
		}
	} finally {
		disk?.unmount();
	}
});
