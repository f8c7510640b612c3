/**
 * scripts/postgres.js finds the PostgreSQL the benchmark runs beside DuckDB where Debian's
 * packages put it: the newest version with the programs the benchmark starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgres } from '../../scripts/postgres.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'care-pg-find-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function version(v: string, programs: string[]) {
	fs.mkdirSync(path.join(root, v, 'bin'), { recursive: true });
	for (const p of programs) fs.writeFileSync(path.join(root, v, 'bin', p), '');
}

describe('findPostgres', () => {
	it('is null without the folder or a version with its programs', () => {
		expect(findPostgres(path.join(root, 'absent'))).toBeNull();
		version('16', ['psql']);
		expect(findPostgres(root)).toBeNull();
	});
	it('takes the newest version that has initdb and pg_ctl (9 is older than 15)', () => {
		version('9', ['initdb', 'pg_ctl']);
		version('15', ['initdb', 'pg_ctl']);
		expect(findPostgres(root)).toBe(path.join(root, '15', 'bin'));
	});
});
