/**
 * `npm run import -- --dataset tickets --preset zendesk FILE` when no server runs: the CLI
 * copies the file into inbox/<dataset>/<preset>/, loads it in a database it opens itself and
 * lets go of it; `--force` loads the same file again, updating by key. (With a server running
 * the file is streamed to it: see test/e2e/import.spec.ts.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/lib/server/db/database';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/presets/zendesk.csv');

function cli(...args: string[]) {
	const r = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'jobs/cli.ts', 'import', ...args], {
		cwd: process.cwd(),
		env: { ...process.env, CARE_DATA_DIR: dir },
		encoding: 'utf8',
		timeout: 280_000
	});
	return { code: r.status, out: r.stdout + r.stderr };
}

// Each call starts tsx and DuckDB in a new process: explicit generous timeouts.
describe('npm run import', { timeout: 300_000 }, () => {
	it('loads a Zendesk export into tickets, survey answers and customers, and keeps the file', async () => {
		const { code, out } = cli('--dataset', 'tickets', '--preset', 'zendesk', FIXTURE);
		expect(out).toContain('ingest run #1: with_rejects — 1 file(s), 12 new, 0 updated, 2 rejected, 1 skipped');
		expect(out).toMatch(/loaded\s+customers\/zendesk\.csv \[zendesk-customers\]: 3 new/);
		expect(out).toMatch(/with_rejects\s+tickets\/zendesk\.csv \[zendesk-tickets\]: 5 new, 0 updated, 1 rejected/);
		expect(out).toMatch(/with_rejects\s+survey_answers\/zendesk\.csv \[zendesk-csat\]: 4 new, 0 updated, 1 rejected, 1 skipped/);
		expect(code).toBe(0);
		expect(fs.existsSync(FIXTURE)).toBe(true);
		expect(fs.readdirSync(path.join(dir, 'processed', 'tickets'))).toHaveLength(1);
	});

	it('says it was loaded before, and loads it again with --force (updated, not doubled)', async () => {
		const again = cli('--dataset', 'tickets', '--preset', 'zendesk', FIXTURE);
		expect(again.out).toMatch(/duplicate\s+tickets\/zendesk\.csv \[zendesk-tickets\]/);
		expect(again.out).toContain('already loaded as "zendesk.csv"');
		const forced = cli('--dataset', 'tickets', '--preset', 'zendesk', '--force', FIXTURE);
		expect(forced.out).toMatch(/with_rejects\s+tickets\/zendesk\.csv \[zendesk-tickets\]: 0 new, 5 updated, 1 rejected/);
		expect(forced.code).toBe(0);
		const db = await openDatabase(path.join(dir, 'care.duckdb'));
		try {
			const [row] = await db.withConnection(async (c) => (await c.runAndReadAll('select cast(count(*) as integer) as n from tickets')).getRowObjectsJson());
			expect(Number(row!.n)).toBe(5);
		} finally {
			closeDatabase();
		}
	});

	it('refuses an unknown preset, a preset without the dataset, and a missing file, before loading anything', () => {
		const unknown = cli('--dataset', 'tickets', '--preset', 'zendeks', FIXTURE);
		expect(unknown.code).toBe(1);
		expect(unknown.out).toMatch(/there is no preset "zendeks" \(presets: .*zendesk/);
		const wrong = cli('--dataset', 'calls', '--preset', 'zendesk', FIXTURE);
		expect(wrong.out).toContain('the preset zendesk reads nothing into calls (it loads customers, tickets, survey_answers)');
		const missing = cli('--dataset', 'tickets', path.join(dir, 'nope.csv'));
		expect(missing.out).toContain('nope.csv is not a file');
		const usage = cli('--preset', 'zendesk');
		expect(usage.code).toBe(2);
		expect(usage.out).toContain('usage: npm run import -- --dataset DATASET');
	});
});
