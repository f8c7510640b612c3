/**
 * The benchmark's PostgreSQL side (`npm run bench -- --scale …`): what a user would otherwise
 * do, point a BI tool at the help desk's own PostgreSQL database and run the KPI queries there.
 *
 * From Debian's packages (/usr/lib/postgresql/<version>/bin): a new cluster in a temporary
 * folder (initdb), started on a free loopback port only (pg_ctl), given the settings a careful
 * administrator of a 2-core machine would (shared_buffers as large as DuckDB's memory limit,
 * work_mem, parallel workers, SSD costs), loaded with the same CSV files the product loaded
 * (COPY, through psql's \copy), then indexed on every column the queries filter or join on,
 * given expression statistics on what they group by (CREATE STATISTICS) and ANALYZEd: a fair
 * peer. The same SQL (scripts/bench-sql/*.sql) then runs on both engines, and the figures are
 * compared row for row. Run as root, the cluster's programs run as the postgres user.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';

export { findPostgres, INSTALL_HINT } from './postgres.js';

export interface Kpi {
	name: string;
	sql: string;
}

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-sql');

/** The KPI queries both engines run (scripts/bench-sql/*.sql), in a fixed order. */
export function benchKpis(): Kpi[] {
	return ['nps_by_month', 'csat_by_month', 'sla_by_priority', 'calls_weekday_hour', 'customer_silence'].map((name) => ({
		name,
		sql: fs.readFileSync(path.join(SQL_DIR, `${name}.sql`), 'utf8')
	}));
}

export type Row = Record<string, unknown>;

export interface Engine {
	name: string;
	query(sql: string, params: string[]): Promise<Row[]>;
}

export function duckEngine(conn: DuckDBConnection): Engine {
	return {
		name: 'DuckDB',
		query: async (sql, params) => (await conn.runAndReadAll(sql, params)).getRowObjectsJson() as Row[]
	};
}

/** Rows as comparable text: numbers rounded to 6 places (the engines' numeric types differ), dates as YYYY-MM-DD. */
export function normalise(rows: Row[]): string[] {
	return rows.map((r) =>
		JSON.stringify(
			Object.values(r).map((v) => {
				if (v instanceof Date) return v.toISOString().slice(0, 10);
				if (typeof v === 'bigint') return Number(v);
				if (typeof v === 'number') return Math.round(v * 1e6) / 1e6;
				if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1e6) / 1e6;
				return v;
			})
		)
	);
}

export interface Timing {
	first: number;
	p50: number;
	p95: number;
	rows: number;
	result: string[];
}

/** The first (cold) run, then `runs` warm runs: milliseconds, and the normalised result. */
export async function timeQuery(engine: Engine, kpi: Kpi, params: string[], runs: number): Promise<Timing> {
	let t0 = performance.now();
	const rows = await engine.query(kpi.sql, params);
	const first = performance.now() - t0;
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		t0 = performance.now();
		await engine.query(kpi.sql, params);
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.max(0, Math.ceil(q * times.length) - 1))] ?? first;
	return { first, p50: at(0.5), p95: at(0.95), rows: rows.length, result: normalise(rows) };
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as net.AddressInfo).port;
			s.close(() => resolve(port));
		});
	});
}

const asRoot = process.getuid?.() === 0;

/** Run one of PostgreSQL's programs (as the postgres user when this process is root). */
function pgRun(bin: string, program: string, args: string[], opts: { input?: string } = {}) {
	const exe = path.join(bin, program);
	const [cmd, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
	const r = spawnSync(cmd, full, { encoding: 'utf8', input: opts.input, maxBuffer: 64 << 20 });
	if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${r.stderr || r.stdout || r.error}`);
	return r.stdout;
}

export interface PgServer {
	bin: string;
	dir: string;
	port: number;
	client: pg.Client;
	engine: Engine;
	/** Run psql (client side: \copy reads files as this process). */
	psql(command: string): Promise<void>;
	stop(): Promise<void>;
}

export interface PgOptions {
	/** shared_buffers, e.g. "1GB" (the same as DuckDB's memory limit). */
	sharedBuffers: string;
}

/** initdb a temporary cluster, start it on a free loopback port, connect. */
export async function startPostgres(bin: string, options: PgOptions): Promise<PgServer> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-bench-pg-'));
	const data = path.join(dir, 'data');
	fs.mkdirSync(data);
	if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
	pgRun(bin, 'initdb', ['-D', data, '-E', 'UTF8', '--locale=C', '--auth=trust', '-U', 'postgres']);
	const port = await freePort();
	const cpus = os.cpus().length;
	const settings = [
		`listen_addresses=127.0.0.1`,
		`port=${port}`,
		`unix_socket_directories=''`,
		`shared_buffers=${options.sharedBuffers}`,
		'work_mem=64MB',
		'maintenance_work_mem=512MB',
		'effective_cache_size=4GB',
		`max_parallel_workers_per_gather=${Math.max(1, cpus)}`,
		`max_parallel_workers=${Math.max(2, cpus)}`,
		'random_page_cost=1.1',
		'fsync=off',
		'synchronous_commit=off',
		'full_page_writes=off',
		'max_wal_size=8GB',
		'jit=off',
		'timezone=UTC'
	];
	pgRun(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '120', '-o', settings.map((s) => `-c ${s}`).join(' '), 'start']);
	const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
	await client.connect();
	const engine: Engine = { name: 'PostgreSQL', query: async (sql, params) => (await client.query(sql, params)).rows as Row[] };
	return {
		bin,
		dir,
		port,
		client,
		engine,
		psql: (command) =>
			new Promise((resolve, reject) => {
				const child = spawn(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
				let err = '';
				child.stderr.on('data', (d) => (err += d));
				child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql: ${err}`))));
			}),
		stop: async () => {
			await client.end().catch(() => undefined);
			try {
				pgRun(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

/** The help desk's tables as a PostgreSQL user would have them: the product's columns and types. */
const SCHEMA = [
	`create table customers (id text primary key, name text, segment text, contract_start date, renewal_date date, owner text,
		contact_name text, contact_phone text, contact_email text, tier text, contact_since date)`,
	`create table tickets (id text primary key, customer_id text, channel text, category text, priority text, support_level text,
		status text, team text, assignee text, subject text, created_at timestamptz not null, first_response_at timestamptz,
		resolved_at timestamptz, closed_at timestamptz, source_first_reply_minutes double precision,
		source_first_reply_business_minutes double precision, source_resolution_minutes double precision,
		source_resolution_business_minutes double precision, reopen_count integer, tags text)`,
	`create table calls (id text primary key, customer_id text, direction text not null, queue text, started_at timestamptz not null,
		answered_at timestamptz, ended_at timestamptz, wait_seconds double precision, talk_seconds double precision,
		outcome text not null, agent text, opened_case boolean, ticket_id text)`,
	`create table survey_answers (id text primary key, customer_id text, ticket_id text, kind text not null, occasion text,
		score integer not null, comment text, answered_at timestamptz not null, channel text, state text, offered_at timestamptz)`
];

/** Indexes on what the queries filter and join on, statistics on what they group by. */
const TUNING = [
	'create index on tickets (created_at)',
	'create index on tickets (customer_id, created_at)',
	'create index on calls (started_at)',
	'create index on calls (direction, started_at)',
	'create index on calls (customer_id, started_at)',
	'create index on survey_answers (kind, answered_at)',
	'create index on survey_answers (customer_id, answered_at)',
	`create statistics calls_local_hour on (extract(dow from started_at at time zone 'Asia/Tehran')), (extract(hour from started_at at time zone 'Asia/Tehran')) from calls`,
	`create statistics calls_local_day on (cast(started_at at time zone 'Asia/Tehran' as date)) from calls`,
	`create statistics answers_local_month on (date_trunc('month', answered_at at time zone 'Asia/Tehran')) from survey_answers`,
	`create statistics tickets_local_day on (cast(created_at at time zone 'Asia/Tehran' as date)) from tickets`,
	'create statistics tickets_priority on priority, created_at from tickets',
	'analyze'
];

export interface LoadFigures {
	copySeconds: number;
	indexSeconds: number;
	bytes: number;
}

/** Create the tables, COPY the CSV files in (header row; empty cells are null), index and analyze. */
export async function loadPostgres(server: PgServer, files: Record<'customers' | 'tickets' | 'calls' | 'survey_answers', string>): Promise<LoadFigures> {
	for (const statement of SCHEMA) await server.client.query(statement);
	let t0 = performance.now();
	for (const [table, file] of Object.entries(files)) {
		// The file's own header names the columns (paths and names are the benchmark's own).
		const fd = fs.openSync(file, 'r');
		const head = Buffer.alloc(4096);
		const n = fs.readSync(fd, head, 0, head.length, 0);
		fs.closeSync(fd);
		const header = head.subarray(0, n).toString('utf8').split('\n')[0]!.trim();
		const quoted = file.replace(/'/g, "''");
		await server.psql(`\\copy ${table} (${header}) from '${quoted}' with (format csv, header true)`);
	}
	const copySeconds = (performance.now() - t0) / 1000;
	t0 = performance.now();
	for (const statement of TUNING) await server.client.query(statement);
	const indexSeconds = (performance.now() - t0) / 1000;
	const [size] = (await server.client.query('select pg_database_size(current_database())::bigint as b')).rows as { b: string }[];
	return { copySeconds, indexSeconds, bytes: Number(size!.b) };
}
