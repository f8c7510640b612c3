/**
 * DuckDB's memory: the product bounds it by default (a quarter of the machine's memory, between
 * 256 MB and 512 MB) instead of DuckDB's 80% of RAM, spills under the data folder, and takes both
 * from the environment; a malformed size stops the start with the variable's name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMemoryLimit, readConfig } from '../../src/lib/server/config';
import { closeDatabase, openDatabase } from '../../src/lib/server/db/database';

const GB = 1024 ** 3;

describe('DuckDB memory settings', () => {
	it('defaults to a quarter of the memory, between 256 MB and 512 MB', () => {
		expect(defaultMemoryLimit(24 * GB)).toBe('512MB');
		expect(defaultMemoryLimit(2 * GB)).toBe('512MB'); // 2 GB / 4
		expect(defaultMemoryLimit(1.5 * GB)).toBe('384MB');
		expect(defaultMemoryLimit(0.5 * GB)).toBe('256MB');
	});

	it('reads CARE_DUCKDB_MEMORY_LIMIT and CARE_DUCKDB_TEMP_DIR, and spills under the data folder by default', () => {
		const c = readConfig({ CARE_DATA_DIR: '/srv/care' }, '/');
		expect(c.duckdbMemoryLimit).toBe(defaultMemoryLimit());
		expect(c.duckdbTempDir).toBe('/srv/care/duckdb-tmp');
		const set = readConfig({ CARE_DATA_DIR: '/srv/care', CARE_DUCKDB_MEMORY_LIMIT: '2GB', CARE_DUCKDB_TEMP_DIR: '/scratch/duck' }, '/');
		expect(set.duckdbMemoryLimit).toBe('2GB');
		expect(set.duckdbTempDir).toBe('/scratch/duck');
		expect(() => readConfig({ CARE_DUCKDB_MEMORY_LIMIT: 'lots' }, '/')).toThrow(/CARE_DUCKDB_MEMORY_LIMIT=lots is not a memory size/);
	});

	it('opens the database with them', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-mem-'));
		const c = readConfig({ CARE_DATA_DIR: dir, CARE_DUCKDB_MEMORY_LIMIT: '300MB' }, dir);
		const db = await openDatabase(c.dbPath, { memoryLimit: c.duckdbMemoryLimit, tempDirectory: c.duckdbTempDir });
		try {
			const [row] = await db.withConnection(async (conn) =>
				(await conn.runAndReadAll(`select current_setting('memory_limit') as m, current_setting('temp_directory') as t`)).getRowObjectsJson()
			);
			// DuckDB reports the limit in its own units (300 MB = 286.1 MiB).
			expect(String(row!.m)).toMatch(/^286\.\d MiB$/);
			expect(row!.t).toBe(path.join(dir, 'duckdb-tmp'));
		} finally {
			closeDatabase();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
