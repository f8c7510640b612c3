/**
 * The server owns the DuckDB file: `npm run ingest` hands the run to it instead of fighting
 * over the lock, and SIGTERM stops the scheduler, closes the database and removes the
 * server's runtime file.
 */
import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

// The commands below start tsx and DuckDB: on a busy 2-core machine that takes a while.
test.describe.configure({ timeout: 300_000 });

test('npm run ingest asks the running server to load the inbox', async ({ request }) => {
	const dir = process.env.CARE_E2E_DIR!;
	await expect.poll(async () => (await (await request.get('/api/health')).json()).demo.state, { timeout: 280_000 }).toBe('loaded');
	fs.mkdirSync(path.join(dir, 'inbox', 'annotations'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'inbox', 'annotations', 'release.csv'), 'id,kind,starts_at,title\nA-e2e,release,2026-11-21T08:00:00+03:30,Release 9.9\n');
	const r = spawnSync(process.execPath, [tsx, 'jobs/cli.ts', 'ingest'], { env: { ...process.env, CARE_DATA_DIR: dir }, encoding: 'utf8', timeout: 240_000 });
	expect(r.stdout).toMatch(/the server \(pid \d+\) holds .*care\.duckdb; asking it to run the ingest/);
	// (The scheduler looks every minute: it may have taken the file a moment before the command.)
	expect(r.stdout).toMatch(/ingest run #\d+: ok — (1 file\(s\), 1 new|0 file\(s\), 0 new)/);
	expect(r.status).toBe(0);
	const health = await (await request.get('/api/health')).json();
	expect(health.lastIngestRun).toMatchObject({ status: 'ok' });
	expect(await (await request.get('/annotations')).text()).toContain('Release 9.9');
});

test('the ingest endpoint refuses a caller without the token', async ({ request }) => {
	const res = await request.post('/api/ingest', { headers: { authorization: 'Bearer wrong' } });
	expect(res.status()).toBe(401);
});

test('SIGTERM closes the database and lets another process open it', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-stop-'));
	const port = 4399;
	const server = spawn(process.execPath, ['build'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CARE_DATA_DIR: dir, CARE_DEMO: 'off' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	server.stdout.on('data', (b) => (log += b));
	server.stderr.on('data', (b) => (log += b));
	await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status ?? 0, { timeout: 120_000 }).toBe(200);
	const runtimeFile = path.join(dir, 'care.duckdb.server.json');
	expect(JSON.parse(fs.readFileSync(runtimeFile, 'utf8')).pid).toBe(server.pid);

	const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
	server.kill('SIGTERM');
	expect(await exited).toBe(0);
	expect(log).toContain('stopped (SIGTERM); database closed');
	expect(fs.existsSync(runtimeFile)).toBe(false);

	// The lock is gone: the CLI opens the file itself.
	const r = spawnSync(process.execPath, [tsx, 'jobs/cli.ts', 'ingest'], { env: { ...process.env, CARE_DATA_DIR: dir }, encoding: 'utf8', timeout: 240_000 });
	expect(r.stdout).toContain('ingest run #1: ok — 0 file(s)');
	expect(r.status).toBe(0);
	fs.rmSync(dir, { recursive: true, force: true });
});
