/**
 * The one DuckDB instance of this process.
 *
 * A DuckDB file admits one writer process. The server owns it and runs the scheduler in
 * process; the CLI opens it only when no server holds it (see jobs/cli.ts). The instance is
 * pinned on globalThis: DuckDB's own instance cache keeps weak references, and a second
 * instance of the same file in one process would fight over the lock.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { log } from '../log';
import { paramNames, sql } from './queries';

export type Params = Record<string, DuckDBValue | undefined>;

export interface TransactionHooks {
	prepare?: (conn: DuckDBConnection) => Promise<void>;
	cleanup?: (conn: DuckDBConnection) => Promise<void>;
}
export type Row = Record<string, unknown>;

/** The error DuckDB raises when another process holds the file. */
export function isLockError(error: unknown): boolean {
	return error instanceof Error && /Could not set lock on file/i.test(error.message);
}

/** DuckDB stopped this instance after a failed write of its own files (a checkpoint on a full disk). */
export function isInvalidatedError(error: unknown): boolean {
	return error instanceof Error && /database has been invalidated/i.test(error.message);
}

/** Opening read-write failed because the folder or file cannot be written. */
function isNotWritableError(error: unknown): boolean {
	return error instanceof Error && /(Read-only file system|Permission denied|read-only)/i.test(error.message);
}

/** Connections kept open between requests; more are opened on demand and closed after use. */
const MAX_IDLE = 16;
/** Distinct cachedQuery results kept (query and parameters); the least recently used go first. */
const MAX_CACHED = 500;

export class Database {
	private idle: DuckDBConnection[] = [];
	private closed = false;
	/** Connections handed out and not yet given back. */
	private active = 0;
	/** Bumped when the instance is replaced; connections of an older one are closed, not pooled. */
	private generation = 0;
	/** While the instance is being replaced, new connections wait for this. */
	private gate: Promise<void> | null = null;
	private drained: (() => void) | null = null;
	private reopening: Promise<void> | null = null;
	/** Results of cachedQuery, valid until the next committed transaction (see there). */
	private cache = new Map<string, Promise<Row[]>>();

	constructor(
		readonly path: string,
		private instance: DuckDBInstance,
		private readonly options: OpenOptions = {},
		/** True when the file could only be opened read-only (a read-only data folder): reads work, writes fail. */
		readonly readOnly = false
	) {}

	private async acquire(): Promise<{ conn: DuckDBConnection; generation: number }> {
		while (this.gate) await this.gate;
		if (this.closed) throw new Error('the database is closed');
		this.active++;
		try {
			return { conn: this.idle.pop() ?? (await this.instance.connect()), generation: this.generation };
		} catch (e) {
			this.active--;
			throw e;
		}
	}

	private release(conn: DuckDBConnection, generation: number) {
		this.active--;
		if (this.closed || generation !== this.generation || this.idle.length >= MAX_IDLE) conn.closeSync();
		else this.idle.push(conn);
		if (this.active === 0) this.drained?.();
	}

	/** A connection outside the pool, for a long streamed read; the caller closes it. */
	async connect(): Promise<DuckDBConnection> {
		while (this.gate) await this.gate;
		if (this.closed) throw new Error('the database is closed');
		return this.instance.connect();
	}

	/** Run fn with a connection of its own (for a sequence of statements). */
	async withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
		const { conn, generation } = await this.acquire();
		try {
			return await fn(conn);
		} catch (e) {
			if (isInvalidatedError(e)) void this.recover(e);
			throw e;
		} finally {
			this.release(conn, generation);
		}
	}

	/**
	 * Run fn inside BEGIN … COMMIT; any throw rolls the whole transaction back. `prepare` runs
	 * on the same connection before BEGIN (work on temporary tables that may fail without
	 * aborting the transaction), `cleanup` after COMMIT or ROLLBACK, whatever happened.
	 */
	async transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>, hooks: TransactionHooks = {}): Promise<T> {
		const { conn, generation } = await this.acquire();
		let ok = false;
		try {
			await hooks.prepare?.(conn);
			await conn.run('BEGIN TRANSACTION');
			const result = await fn(conn);
			await conn.run('COMMIT');
			ok = true;
			this.cache.clear();
			return result;
		} catch (e) {
			if (isInvalidatedError(e)) void this.recover(e);
			throw e;
		} finally {
			if (!ok) {
				try {
					await conn.run('ROLLBACK');
				} catch {
					// the transaction may already be aborted (or never began); nothing more to undo
				}
			}
			try {
				await hooks.cleanup?.(conn);
			} finally {
				this.release(conn, generation);
			}
		}
	}

	/**
	 * Run a named query from queries/ with bound parameters and return its rows as JSON values.
	 * A query that meets a stopped instance is run once more on the reopened one (it did not run).
	 */
	async query<T extends Row = Row>(name: string, params?: Params): Promise<T[]> {
		try {
			return await this.withConnection((conn) => queryOn<T>(conn, name, params));
		} catch (e) {
			if (!isInvalidatedError(e)) throw e;
			await this.recover(e);
			return this.withConnection((conn) => queryOn<T>(conn, name, params));
		}
	}

	/**
	 * A named query over derived tables (the rollups, the calendar, each domain's refresh
	 * tables), answered from memory until the next committed transaction. Derived tables are
	 * only ever written inside db.transaction (refresh/index.ts), so a result cannot go stale;
	 * identical requests arriving together share one query. Never use it for tables written
	 * outside a transaction (settings, import records, follow-ups): use query(). The rows are
	 * shared between callers: read them, never change them.
	 */
	cachedQuery<T extends Row = Row>(name: string, params?: Params): Promise<T[]> {
		const key = params ? `${name}\u0000${JSON.stringify(params, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}` : name;
		let hit = this.cache.get(key);
		if (hit) {
			// Most recently used last: the Map's order is the eviction order.
			this.cache.delete(key);
			this.cache.set(key, hit);
		} else {
			hit = this.query(name, params);
			this.cache.set(key, hit);
			if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
			hit.catch(() => this.cache.get(key) === hit && this.cache.delete(key));
		}
		return hit as Promise<T[]>;
	}

	/**
	 * DuckDB invalidates an instance after a failed write of its own files (a checkpoint on a
	 * full disk). The file itself is intact (committed work is in it or in its WAL), so close
	 * the instance and open the file again; the dashboard keeps serving reads.
	 */
	private recover(cause: unknown): Promise<void> {
		this.reopening ??= this.reopen()
			.then(() => logInvalidation(cause, null))
			.catch((e) => logInvalidation(cause, e))
			.finally(() => (this.reopening = null));
		return this.reopening;
	}

	/**
	 * Close the instance and open the file again, running `between` while it is closed (a
	 * restore swaps the file there). Connections in use are waited for; new ones wait.
	 */
	async reopen(between?: () => Promise<void>): Promise<void> {
		while (this.gate) await this.gate;
		let open!: () => void;
		this.gate = new Promise((r) => (open = r));
		try {
			while (this.active > 0) await new Promise<void>((r) => (this.drained = r));
			this.drained = null;
			for (const conn of this.idle) conn.closeSync();
			this.idle = [];
			this.instance.closeSync();
			this.generation++;
			this.cache.clear();
			try {
				await between?.();
			} finally {
				this.instance = await createInstance(this.path, { ...this.options, waitForLockMs: Math.max(this.options.waitForLockMs ?? 0, 10_000) }, this.readOnly);
			}
		} finally {
			this.gate = null;
			open();
		}
	}

	close() {
		if (this.closed) return;
		this.closed = true;
		for (const conn of this.idle) conn.closeSync();
		this.idle = [];
		this.instance.closeSync();
	}

	get isClosed() {
		return this.closed;
	}
}

/**
 * The values a named query uses, out of a larger set: a domain function passes all its
 * filters and each query binds the ones it names. Undefined counts as null (filter not set).
 */
function bind(name: string, params?: Params): Record<string, DuckDBValue> | undefined {
	if (!params) return undefined;
	const used = paramNames(name);
	const out: Record<string, DuckDBValue> = {};
	for (const key of used) if (key in params) out[key] = params[key] === undefined ? null : params[key]!;
	return out;
}

function logInvalidation(cause: unknown, failed: unknown) {
	if (failed) log().fatal({ err: failed, cause: (cause as Error).message }, 'the database stopped after a failed write and could not be reopened');
	else log().error({ cause: (cause as Error).message }, 'the database stopped after a failed write (a full disk?) and was reopened');
}

/** Run a named query on a given connection (inside a transaction, say). */
export async function queryOn<T extends Row = Row>(conn: DuckDBConnection, name: string, params?: Params): Promise<T[]> {
	const t0 = PROFILE ? performance.now() : 0;
	try {
		const reader = await conn.runAndReadAll(sql(name), bind(name, params));
		return reader.getRowObjectsJson() as T[];
	} catch (e) {
		throw named(e, name);
	} finally {
		if (PROFILE) profiled(name, t0);
	}
}

/** CARE_PROFILE_SQL=1: every named statement run on a connection, with its time, on stderr (profiling aid). */
const PROFILE = process.env.CARE_PROFILE_SQL === '1';
function profiled(name: string, t0: number): void {
	process.stderr.write(`[sql] ${name} ${Math.round(performance.now() - t0)} ms\n`);
}

/** DuckDB's errors carry no stack: say which named statement failed (the message is kept). */
function named(e: unknown, name: string): unknown {
	if (e instanceof Error && !e.message.includes(`[${name}]`)) e.message = `${e.message} [${name}]`;
	return e;
}

/** Run a named statement on a connection, discarding any result. */
export async function execOn(conn: DuckDBConnection, name: string, params?: Params): Promise<void> {
	const t0 = PROFILE ? performance.now() : 0;
	try {
		await conn.run(sql(name), bind(name, params));
	} catch (e) {
		throw named(e, name);
	} finally {
		if (PROFILE) profiled(name, t0);
	}
}

const KEY = Symbol.for('care-dashboard.database');
type Pinned = { [KEY]?: Database };

export interface OpenOptions {
	/** Keep retrying for this long while another process holds the lock (the CLI, say). */
	waitForLockMs?: number;
	/** DuckDB's memory_limit, e.g. "1GB" (default: DuckDB's own, 80% of RAM; the product passes config.duckdbMemoryLimit). */
	memoryLimit?: string;
	/** DuckDB's temp_directory, where it spills what does not fit in memory_limit. */
	tempDirectory?: string;
	/** When the file cannot be opened for writing (a read-only folder), open it read-only instead of failing. */
	readOnlyFallback?: boolean;
}

async function createInstance(dbPath: string, options: OpenOptions, readOnly: boolean): Promise<DuckDBInstance> {
	const settings: Record<string, string> = {};
	if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
	if (options.tempDirectory) settings.temp_directory = options.tempDirectory;
	if (readOnly) settings.access_mode = 'READ_ONLY';
	const deadline = Date.now() + (options.waitForLockMs ?? 0);
	for (;;) {
		try {
			return await DuckDBInstance.create(dbPath, Object.keys(settings).length ? settings : undefined);
		} catch (error) {
			if (!isLockError(error) || Date.now() >= deadline) throw error;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
}

/**
 * Open (or return the already open) database of this process. Opening a second path while
 * one is open closes the first: tests open many temporary files one after another.
 */
export async function openDatabase(dbPath: string, options: OpenOptions = {}): Promise<Database> {
	const pinned = globalThis as Pinned;
	const current = pinned[KEY];
	if (current && !current.isClosed && current.path === dbPath) return current;
	if (current && !current.isClosed) current.close();

	let db: Database;
	try {
		fs.mkdirSync(path.dirname(dbPath), { recursive: true });
		db = new Database(dbPath, await createInstance(dbPath, options, false), options);
	} catch (error) {
		if (!options.readOnlyFallback || !isNotWritableError(error) || !fs.existsSync(dbPath)) throw error;
		log().error({ err: error, database: dbPath }, 'the database cannot be opened for writing: opened read-only (the dashboard shows what it has; nothing can be loaded)');
		db = new Database(dbPath, await createInstance(dbPath, options, true), options, true);
	}
	pinned[KEY] = db;
	return db;
}

/** The open database of this process, if any. */
export function currentDatabase(): Database | undefined {
	const db = (globalThis as Pinned)[KEY];
	return db && !db.isClosed ? db : undefined;
}

export function closeDatabase() {
	const pinned = globalThis as Pinned;
	pinned[KEY]?.close();
	delete pinned[KEY];
}
