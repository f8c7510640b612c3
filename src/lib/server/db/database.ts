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
import { paramNames, sql } from './queries';

export type Params = Record<string, DuckDBValue | undefined>;
export type Row = Record<string, unknown>;

/** The error DuckDB raises when another process holds the file. */
export function isLockError(error: unknown): boolean {
	return error instanceof Error && /Could not set lock on file/i.test(error.message);
}

export class Database {
	private idle: DuckDBConnection[] = [];
	private closed = false;

	constructor(
		readonly path: string,
		private instance: DuckDBInstance
	) {}

	private async acquire(): Promise<DuckDBConnection> {
		if (this.closed) throw new Error('the database is closed');
		const conn = this.idle.pop() ?? (await this.instance.connect());
		return conn;
	}

	private release(conn: DuckDBConnection) {
		if (this.closed || this.idle.length >= 4) conn.closeSync();
		else this.idle.push(conn);
	}

	/** A connection outside the pool, for a long streamed read; the caller closes it. */
	async connect(): Promise<DuckDBConnection> {
		if (this.closed) throw new Error('the database is closed');
		return this.instance.connect();
	}

	/** Run fn with a connection of its own (for a sequence of statements). */
	async withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
		const conn = await this.acquire();
		try {
			return await fn(conn);
		} finally {
			this.release(conn);
		}
	}

	/** Run fn inside BEGIN … COMMIT; any throw rolls the whole transaction back. */
	async transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
		const conn = await this.acquire();
		let ok = false;
		try {
			await conn.run('BEGIN TRANSACTION');
			const result = await fn(conn);
			await conn.run('COMMIT');
			ok = true;
			return result;
		} finally {
			if (!ok) {
				try {
					await conn.run('ROLLBACK');
				} catch {
					// the transaction may already be aborted; nothing more to undo
				}
			}
			this.release(conn);
		}
	}

	/** Run a named query from queries/ with bound parameters and return its rows as JSON values. */
	async query<T extends Row = Row>(name: string, params?: Params): Promise<T[]> {
		return this.withConnection((conn) => queryOn<T>(conn, name, params));
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

/** Run a named query on a given connection (inside a transaction, say). */
export async function queryOn<T extends Row = Row>(conn: DuckDBConnection, name: string, params?: Params): Promise<T[]> {
	const reader = await conn.runAndReadAll(sql(name), bind(name, params));
	return reader.getRowObjectsJson() as T[];
}

/** Run a named statement on a connection, discarding any result. */
export async function execOn(conn: DuckDBConnection, name: string, params?: Params): Promise<void> {
	await conn.run(sql(name), bind(name, params));
}

const KEY = Symbol.for('care-dashboard.database');
type Pinned = { [KEY]?: Database };

export interface OpenOptions {
	/** Keep retrying for this long while another process holds the lock (the CLI, say). */
	waitForLockMs?: number;
	/** DuckDB's memory_limit, e.g. "1GB". */
	memoryLimit?: string;
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

	fs.mkdirSync(path.dirname(dbPath), { recursive: true });
	const deadline = Date.now() + (options.waitForLockMs ?? 0);
	for (;;) {
		try {
			const instance = await DuckDBInstance.create(dbPath, options.memoryLimit ? { memory_limit: options.memoryLimit } : undefined);
			const db = new Database(dbPath, instance);
			pinned[KEY] = db;
			return db;
		} catch (error) {
			if (!isLockError(error) || Date.now() >= deadline) throw error;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
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
