/**
 * `npm run ingest` and `npm run demo-data` when no server runs: the CLI opens the database
 * itself, loads, and lets go of the file. (With a server running, see test/e2e/lifecycle.spec.ts.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/lib/server/db/database';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
	return cliWithInput(undefined, ...args);
}

function cliWithInput(input: string | undefined, ...args: string[]) {
	const r = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'jobs/cli.ts', ...args], {
		cwd: process.cwd(),
		env: { ...process.env, CARE_DATA_DIR: dir },
		encoding: 'utf8',
		input: input ?? '',
		timeout: 280_000
	});
	return { code: r.status, out: r.stdout + r.stderr, stdout: r.stdout, stderr: r.stderr };
}

// Each test starts tsx and DuckDB in a new process; the demo one loads 380,000 rows. On a busy
// 2-core machine that takes minutes: explicit generous timeouts.
describe('command line', { timeout: 300_000 }, () => {
	it('ingests the inbox into a database it opens itself', () => {
		fs.mkdirSync(path.join(dir, 'inbox', 'calls'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'inbox', 'calls', 'few.csv'), 'id,started_at,outcome\nx1,2026-11-21 09:00,answered\nx2,2026-11-21 09:05,maybe\n');
		const { code, out } = cli('ingest');
		expect(out).toContain('ingest run #1: with_rejects — 1 file(s), 1 new, 0 updated, 1 rejected');
		expect(out).toContain('with_rejects calls/few.csv [native]: 1 new, 0 updated, 1 rejected');
		expect(code).toBe(0);
		expect(fs.readdirSync(path.join(dir, 'processed', 'calls'))).toHaveLength(1);
	});

	it('writes the demo dataset for a given day and loads it with --load', async () => {
		const { code, out } = cli('demo-data', '--as-of', '2026-11-22', '--load');
		expect(code).toBe(0);
		expect(out).toContain('demo data as of 2026-11-22 written');
		expect(out).toMatch(/ingest run #2: ok — 7 file\(s\), \d+ new/);
		// The CLI closed the database: this process can open it.
		const db = await openDatabase(path.join(dir, 'care.duckdb'));
		try {
			const [row] = await db.withConnection(async (c) =>
				(await c.runAndReadAll("select cast(count(*) as integer) as n, cast(max(timezone('Asia/Tehran', started_at))::date as varchar) as last from calls")).getRowObjectsJson()
			);
			expect(Number(row!.n)).toBeGreaterThan(40_000);
			expect(row!.last).toBe('2026-11-22');
		} finally {
			closeDatabase();
		}
		expect(fs.existsSync(path.join(dir, 'demo', 'demo-churn-truth.csv'))).toBe(true);
	});

	it('creates an account with the password from stdin, and an API token printed alone on stdout', async () => {
		const add = cliWithInput('a long admin password\n', 'user', 'add', 'Chief', '--role', 'admin', '--name', 'Chief Admin');
		expect(add.stderr).toContain('created the account chief (admin)');
		expect(add.code).toBe(0);
		expect(cliWithInput('short\n', 'user', 'add', 'other', '--role', 'admin').out).toContain('error: The password needs at least 10 characters.');
		expect(cliWithInput('a long admin password\n', 'user', 'add', 'chief', '--role', 'admin').out).toContain('An account with the login chief exists already.');
		expect(cliWithInput('x\n', 'user', 'add', 'x1', '--role', 'boss').out).toContain('There is no role "boss"');

		const token = cli('user', 'token', '--role', 'executive', '--name', 'grafana');
		expect(token.code).toBe(0);
		expect(token.stdout).toMatch(/^care_[A-Za-z0-9_-]{43}\n$/);
		expect(token.stderr).toContain('API token #1 created (role executive)');

		const pw = cliWithInput('a new admin password\n', 'user', 'password', 'chief');
		expect(pw.code).toBe(0);
		const list = cli('user', 'list');
		expect(list.stdout).toMatch(/chief \(admin\)/);
		expect(list.stdout).toMatch(/#1 +grafana +executive +care_/);
		expect(list.stdout).not.toContain(token.stdout.trim());

		const db = await openDatabase(path.join(dir, 'care.duckdb'));
		try {
			const rows = await db.withConnection(async (c) => (await c.runAndReadAll("select action, actor, target from audit_log where actor = 'cli' order by id")).getRowObjectsJson());
			expect(rows).toEqual([
				{ action: 'user.create', actor: 'cli', target: 'chief' },
				{ action: 'token.create', actor: 'cli', target: 'grafana' },
				{ action: 'user.password_reset', actor: 'cli', target: 'chief' }
			]);
		} finally {
			closeDatabase();
		}
		expect(cli('user', 'revoke-token', '1').stderr).toContain('token #1 (grafana) revoked');
	});

	it('says how to use it', () => {
		const { code, out } = cli('frobnicate');
		expect(code).toBe(2);
		expect(out).toContain('usage: tsx jobs/cli.ts ingest | import --dataset DATASET');
		const user = cli('user', 'token', '--role', 'admin');
		expect(user.code).toBe(2);
		expect(user.out).toContain('error: missing --name NAME');
		expect(user.out).toContain('usage: npm run user -- add LOGIN --role ROLE');
	});
});
