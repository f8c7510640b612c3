/**
 * Where the product keeps its files and how it is switched, read from the environment once.
 * Kept free of SvelteKit imports ($env, $lib) so that the command-line jobs (run with tsx)
 * and the server share it. Every variable is listed in the README's configuration table.
 */
import os from 'node:os';
import path from 'node:path';

export const INGEST_PATHS = ['auto', 'js'] as const;
export type IngestPath = (typeof INGEST_PATHS)[number];

export interface Config {
	/** Root of runtime data: the DuckDB file, inbox/, processed/, failed/. */
	dataDir: string;
	dbPath: string;
	inboxDir: string;
	processedDir: string;
	failedDir: string;
	/** The unit's own column mappings (*.json). */
	mappingsDir: string;
	/** Cron expression for the ingest job; when set it overrides the stored setting. */
	ingestCron: string | undefined;
	/** 'off' disables the scheduler (the "run now" button and the CLI still work). */
	scheduler: 'on' | 'off';
	/** 'auto': generate and load the demo dataset when the database is empty; 'off': never. */
	demo: 'auto' | 'off';
	/** Last day of the demo data (YYYY-MM-DD); default: today in the unit's time zone. */
	demoAsOf: string | undefined;
	/** Time zone used for the first settings when the database is new. */
	timeZone: string | undefined;
	/**
	 * DuckDB memory_limit (e.g. "1GB"): CARE_DUCKDB_MEMORY_LIMIT, or defaultMemoryLimit() (not
	 * DuckDB's own 80% of RAM: the server shares the machine, and a large load spills instead).
	 */
	duckdbMemoryLimit: string;
	/** Where DuckDB spills what does not fit in memory_limit: CARE_DUCKDB_TEMP_DIR, or <data>/duckdb-tmp. */
	duckdbTempDir: string;
	/**
	 * How files are read (CARE_INGEST_PATH): 'auto' loads CSV and Parquet with DuckDB where the
	 * file and its mapping allow (imports/native/), the rest with JavaScript; 'js' loads every
	 * file with JavaScript.
	 */
	ingestPath: IngestPath;
	/**
	 * Host names (or origins) the server answers to besides loopback and its own addresses:
	 * CARE_ALLOWED_HOSTS (comma-separated) and the host of ORIGIN.
	 */
	allowedHosts: string[];
	/** Addresses of the reverse proxy whose X-Forwarded-* headers are believed (CARE_TRUSTED_PROXY). */
	trustedProxies: string[];
	/** Sign-in sessions: hours a session lasts, minutes of inactivity that end it; override the stored settings. */
	sessionHours: number | undefined;
	sessionIdleMinutes: number | undefined;
}

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
	if (value === undefined || value === '') return fallback;
	const v = value.trim().toLowerCase();
	if ((allowed as readonly string[]).includes(v)) return v as T;
	throw new Error(`${name}=${value} is not one of ${allowed.join(', ')}`);
}

/**
 * The memory DuckDB may use by default: a quarter of the machine's memory, at least 256 MB and
 * at most 512 MB. DuckDB spills to its temp directory beyond the limit, and allocates some memory
 * outside it; with 512 MB, loading 10M tickets, 30M calls and 2M answers and their first refresh
 * peaked at about 1.2 GB of resident memory (with 1 GB: 2.0 GB; docs/benchmarks.md). Raise it with
 * CARE_DUCKDB_MEMORY_LIMIT on a machine that has the room.
 */
export function defaultMemoryLimit(totalBytes = os.totalmem()): string {
	const mb = Math.round(Math.min(512, Math.max(256, totalBytes / 4 / 1024 / 1024)));
	return `${mb}MB`;
}

/** A memory size DuckDB understands: a number and a unit (KB, MB, GB, TB, or KiB … TiB). */
function memorySize(name: string, value: string | undefined): string | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const v = value.trim();
	if (/^\d+(\.\d+)?\s*(K|M|G|T)i?B$/i.test(v)) return v;
	throw new Error(`${name}=${value} is not a memory size such as 512MB or 2GB`);
}

function list(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

function positive(name: string, value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${value} is not a positive number`);
	return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
	const dataDir = path.resolve(cwd, env.CARE_DATA_DIR || 'data');
	return {
		dataDir,
		dbPath: path.resolve(cwd, env.CARE_DB_PATH || path.join(dataDir, 'care.duckdb')),
		inboxDir: path.resolve(cwd, env.CARE_INBOX_DIR || path.join(dataDir, 'inbox')),
		processedDir: path.join(dataDir, 'processed'),
		failedDir: path.join(dataDir, 'failed'),
		mappingsDir: path.resolve(cwd, env.CARE_MAPPINGS_DIR || path.join(dataDir, 'mappings')),
		ingestCron: env.CARE_INGEST_CRON || undefined,
		scheduler: choice('CARE_SCHEDULER', env.CARE_SCHEDULER, ['on', 'off'] as const, 'on'),
		demo: choice('CARE_DEMO', env.CARE_DEMO, ['auto', 'off'] as const, 'auto'),
		demoAsOf: env.CARE_DEMO_AS_OF || undefined,
		timeZone: env.CARE_TIME_ZONE || undefined,
		duckdbMemoryLimit: memorySize('CARE_DUCKDB_MEMORY_LIMIT', env.CARE_DUCKDB_MEMORY_LIMIT) ?? defaultMemoryLimit(),
		duckdbTempDir: path.resolve(cwd, env.CARE_DUCKDB_TEMP_DIR || path.join(dataDir, 'duckdb-tmp')),
		ingestPath: choice('CARE_INGEST_PATH', env.CARE_INGEST_PATH, INGEST_PATHS, 'auto'),
		allowedHosts: [...list(env.CARE_ALLOWED_HOSTS), ...list(env.ORIGIN)],
		trustedProxies: list(env.CARE_TRUSTED_PROXY),
		sessionHours: positive('CARE_SESSION_HOURS', env.CARE_SESSION_HOURS),
		sessionIdleMinutes: positive('CARE_SESSION_IDLE_MINUTES', env.CARE_SESSION_IDLE_MINUTES)
	};
}
