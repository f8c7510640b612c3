/**
 * A fresh database in a temporary folder, with the product's layout (inbox/, processed/,
 * failed/) and its migrations and settings applied. Each test gets its own (a copy of one made
 * per process).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig, type Config } from '../../src/lib/server/config';
import { closeDatabase, openDatabase, type Database } from '../../src/lib/server/db/database';
import { migrate } from '../../src/lib/server/db/migrate';
import { loadSettings, seedSettings } from '../../src/lib/server/settings';
import { ensureFresh } from '../../src/lib/server/refresh/index';

export interface TempDb {
	dir: string;
	config: Config;
	db: Database;
	/** Write a file into inbox/<dataset>/ (or inbox/<dataset>/<mapping>/). */
	drop(dataset: string, name: string, content: string | Buffer, mapping?: string): string;
	/** Rows of a one-off SQL statement (test assertions only; the product's SQL lives in queries/). */
	rows<T = Record<string, unknown>>(statement: string): Promise<T[]>;
	close(): void;
}

/**
 * A database migrated, seeded and refreshed once per test process and environment, copied for
 * each test: migrating and refreshing an empty database each time was most of many tests' time.
 */
const templates = new Map<string, Promise<string>>();
const templateDirs: string[] = [];
process.once('exit', () => {
	for (const dir of templateDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function template(env: Record<string, string>): Promise<string> {
	const key = JSON.stringify(env);
	let made = templates.get(key);
	if (!made) {
		made = (async () => {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-template-'));
			templateDirs.push(dir);
			const config = readConfig({ CARE_DATA_DIR: dir, ...env }, dir);
			const db = await openDatabase(config.dbPath);
			await migrate(db);
			await seedSettings(db, config);
			await ensureFresh(db, await loadSettings(db));
			closeDatabase();
			return config.dbPath;
		})();
		made.catch(() => templates.delete(key));
		templates.set(key, made);
	}
	return made;
}

export async function tempDb(env: Record<string, string> = {}): Promise<TempDb> {
	const source = await template(env);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-test-'));
	// CARE_INGEST_PATH=js in the environment runs every test's loads through the JavaScript path.
	const config = readConfig({ CARE_DATA_DIR: dir, CARE_INGEST_PATH: process.env.CARE_INGEST_PATH, ...env }, dir);
	fs.mkdirSync(path.dirname(config.dbPath), { recursive: true });
	fs.copyFileSync(source, config.dbPath);
	if (fs.existsSync(`${source}.wal`)) fs.copyFileSync(`${source}.wal`, `${config.dbPath}.wal`);
	const db = await openDatabase(config.dbPath);
	// Already the schema's newest version and fresh: both are checks that do nothing here.
	await migrate(db);
	await ensureFresh(db, await loadSettings(db));
	return {
		dir,
		config,
		db,
		drop(dataset, name, content, mapping) {
			const folder = path.join(config.inboxDir, dataset, ...(mapping ? [mapping] : []));
			fs.mkdirSync(folder, { recursive: true });
			const file = path.join(folder, name);
			fs.writeFileSync(file, content);
			return file;
		},
		rows: <T>(statement: string) => db.withConnection(async (c) => (await c.runAndReadAll(statement)).getRowObjectsJson() as T[]),
		close() {
			closeDatabase();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Where the real sample files are: ../shared/data/real, or CARE_REAL_DATA_DIR. */
export function realDataDir(): string {
	return path.resolve(process.env.CARE_REAL_DATA_DIR ?? path.join(process.cwd(), '..', 'shared', 'data', 'real'));
}

/**
 * Whether the real-data tests can run. On a user's clone the folder is absent and the tests
 * skip with a visible message; under CI (CI=true) a missing folder is a failure.
 */
export function realDataAvailable(): boolean {
	const dir = realDataDir();
	if (fs.existsSync(dir)) return true;
	if (process.env.CI === 'true') throw new Error(`CI=true but the real data folder ${dir} is missing (set CARE_REAL_DATA_DIR)`);
	console.warn(`\n[real-data] SKIPPED: ${dir} not found. Set CARE_REAL_DATA_DIR to the folder holding servicenow_incidents/ and technion_callcenter_aug1999/ to run these tests.\n`);
	return false;
}
