/**
 * The hardened server: security headers, the host check against DNS rebinding, forwarded
 * headers trusted only from the configured proxy, a health answer that tells nothing more
 * than monitoring needs, `node build` binding loopback by itself, the one-time setup link,
 * and `npm run user` handing off to the running server.
 */
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { BASE_URL, E2E_DIR, SIGNED_OUT } from './helpers';

const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

/** A raw HTTP request, so that Host and X-Forwarded-* are exactly what a client (or an attacker) sends. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
	const u = new URL(url);
	return new Promise((resolve, reject) => {
		const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (body += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		req.on('error', reject);
		req.end(options.body);
	});
}

async function adminCookie(context: { storageState: () => Promise<{ cookies: { name: string; value: string }[] }> }): Promise<string> {
	const state = await context.storageState();
	const c = state.cookies.find((x) => x.name === 'care_session')!;
	return `care_session=${c.value}`;
}

test.describe('headers', () => {
	test('pages carry a CSP with no outside origin, and no page or download is cached', async ({ request }) => {
		const page = await request.get('/');
		expect(page.status()).toBe(200);
		const h = page.headers();
		const csp = h['content-security-policy']!;
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
		expect(csp).not.toContain('unsafe-eval');
		expect(csp).not.toMatch(/https?:|\*/);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('same-origin');
		expect(h['x-frame-options']).toBe('DENY');
		expect(h['cache-control']).toBe('no-store');
		const csv = await request.get('/data/files/1/rejects.csv');
		expect(csv.status()).toBe(200);
		expect(csv.headers()['cache-control']).toBe('no-store');
		expect(csv.headers()['x-content-type-options']).toBe('nosniff');
		const api = await request.get('/api/overview');
		expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
		expect(api.headers()['cache-control']).toBe('no-store');
	});
});

test.describe('host check', () => {
	test('a rebound name is refused, even with a valid session and a matching Origin', async ({ context }) => {
		const cookie = await adminCookie(context);
		const port = new URL(BASE_URL).port;
		// As the browser would send it after evil.example was made to resolve to this server.
		const read = await raw(`${BASE_URL}/data/files/1/rejects.csv`, { headers: { host: `evil.example:${port}`, cookie } });
		expect(read.status).toBe(421);
		expect(read.body).not.toContain(',');
		const post = await raw(`${BASE_URL}/data?/run`, {
			method: 'POST',
			headers: { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		expect(post.status).toBe(421);
		// The same requests under the server's own name go through.
		expect((await raw(`${BASE_URL}/data/files/1/rejects.csv`, { headers: { host: `localhost:${port}`, cookie } })).status).toBe(200);
	});

	test('X-Forwarded-Host from a client that is not the trusted proxy changes nothing', async ({ context }) => {
		const cookie = await adminCookie(context);
		const port = new URL(BASE_URL).port;
		const host = `127.0.0.1:${port}`;
		// Not a way past the host check…
		expect((await raw(`${BASE_URL}/api/health`, { headers: { host: 'evil.example', 'x-forwarded-host': host } })).status).toBe(421);
		// …nor past the form check: the Origin is compared with the Host the request was sent to.
		const post = await raw(`${BASE_URL}/data?/run`, {
			method: 'POST',
			headers: { host, 'x-forwarded-host': 'evil.example', origin: 'http://evil.example', cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		expect(post.status).toBe(403);
		expect(post.body).toContain('Cross-site POST form submissions are forbidden');
	});
});

test('health tells anyone only up, schema version and the last run status', async () => {
	const anon = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
	const res = await anon.get('/api/health');
	expect(res.status()).toBe(200);
	const body = await res.json();
	expect(Object.keys(body).sort()).toEqual(['lastIngestRun', 'schemaVersion', 'status']);
	expect(Object.keys(body.lastIngestRun).sort()).toEqual(['finishedAt', 'status']);
	const text = JSON.stringify(body);
	expect(text).not.toContain(E2E_DIR);
	expect(text).not.toContain('duckdb');
	await anon.dispose();
});

test('npm run user hands off to the running server: an account, and a token printed alone', async ({ browser }) => {
	test.setTimeout(120_000);
	const run = (input: string, ...args: string[]) =>
		spawnSync(process.execPath, [tsx, 'jobs/cli.ts', 'user', ...args], { env: { ...process.env, CARE_DATA_DIR: E2E_DIR }, input, encoding: 'utf8', timeout: 60_000 });
	const add = run('a care agent password\n', 'add', 'e2e-cli-agent', '--role', 'care_agent', '--name', 'CLI Agent');
	expect(add.stderr).toMatch(/the server \(pid \d+\) holds .*; asking it at http:\/\/127\.0\.0\.1:\d+/);
	expect(add.stderr).toContain('created the account e2e-cli-agent (care_agent)');
	expect(add.status).toBe(0);
	const token = run('', 'token', '--role', 'support_lead', '--name', 'e2e cli token');
	expect(token.status).toBe(0);
	expect(token.stdout).toMatch(/^care_\S+\n$/);
	const api = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT, extraHTTPHeaders: { authorization: `Bearer ${token.stdout.trim()}` } });
	expect((await api.get('/api/overview')).status()).toBe(200);
	expect((await api.get('/data')).status()).toBe(403);
	await api.dispose();
	// The new account signs in.
	const page = await browser.newPage({ storageState: SIGNED_OUT });
	await page.goto('/login');
	await page.getByLabel('Login').fill('e2e-cli-agent');
	await page.getByLabel('Password').fill('a care agent password');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByTestId('signed-in')).toContainText('CLI Agent');
	await page.close();
});

test.describe('a second server', () => {
	let server: ChildProcess;
	let log = '';
	let base = '';
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-security-'));

	test.beforeAll(async () => {
		// No HOST: `node build` must bind loopback by itself. PORT=0: any free port (read from the log).
		const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', CARE_DATA_DIR: dir, CARE_DEMO: 'off', CARE_SCHEDULER: 'off', CARE_TRUSTED_PROXY: '127.0.0.1', CARE_ALLOWED_HOSTS: 'care.example' };
		delete env.HOST;
		server = spawn(process.execPath, ['build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		server.stdout!.on('data', (b) => (log += b));
		server.stderr!.on('data', (b) => (log += b));
		await expect.poll(() => /Listening on (http:\/\/\S+)/.exec(log)?.[1] ?? '', { timeout: 60_000 }).not.toBe('');
		base = /Listening on (http:\/\/\S+)/.exec(log)![1]!;
	});

	test.afterAll(async () => {
		const exited = new Promise((r) => server.on('exit', r));
		server.kill('SIGTERM');
		await exited;
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('binds 127.0.0.1 when HOST is not set', () => {
		expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	test('the one-time setup link creates the first administrator, then stops working', async ({ browser }) => {
		const link = /open http:\/\/127\.0\.0\.1:\d+(\/setup\/[A-Za-z0-9_-]+) to create one/.exec(log)?.[1];
		expect(link, log).toBeDefined();
		const page = await browser.newPage({ baseURL: base, storageState: SIGNED_OUT });
		expect((await page.goto('/setup/wrong-token'))!.status()).toBe(404);
		await page.goto('/login');
		await expect(page.getByTestId('no-accounts')).toBeVisible();
		await page.goto(link!);
		await page.getByLabel('Login').fill('first-admin');
		await page.getByLabel('Name').fill('First Admin');
		await page.getByLabel('New password', { exact: true }).fill('first admin password');
		await page.getByLabel('The new password again').fill('first admin password');
		await page.getByRole('button', { name: 'Create and sign in' }).click();
		await expect(page).toHaveURL(/\/admin\/users$/);
		await expect(page.getByTestId('users')).toContainText('first-admin');
		expect((await page.goto(link!))!.status()).toBe(404);
		await page.close();
	});

	test('forwarded headers count from the trusted proxy: HTTPS makes the cookie Secure, the client address is recorded', async () => {
		const url = new URL(base);
		const proxied = { host: `127.0.0.1:${url.port}`, 'x-forwarded-host': 'care.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.50' };
		const signIn = await raw(`${base}/login`, {
			method: 'POST',
			headers: { ...proxied, origin: 'https://care.example', accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'login=first-admin&password=first+admin+password&next=%2F'
		});
		expect(signIn.status).toBe(303);
		const cookie = (signIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('care_session='))!;
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; Secure/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		// Over plain HTTP (no proxy header) the cookie is not Secure, or the browser would drop it.
		const plain = await raw(`${base}/login`, {
			method: 'POST',
			headers: { host: `127.0.0.1:${url.port}`, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'login=first-admin&password=first+admin+password&next=%2F'
		});
		expect((plain.headers['set-cookie'] ?? []).find((c) => c.startsWith('care_session='))).not.toMatch(/Secure/i);
		// A name the proxy forwards must be allowed too.
		expect((await raw(`${base}/api/health`, { headers: { ...proxied, 'x-forwarded-host': 'evil.example' } })).status).toBe(421);
		// The audit log has the client's address from X-Forwarded-For.
		const session = cookie.split(';')[0]!;
		const audit = await raw(`${base}/admin/audit?action=login`, { headers: { host: `127.0.0.1:${url.port}`, cookie: session } });
		expect(audit.status).toBe(200);
		expect(audit.body).toContain('203.0.113.50');
	});
});
