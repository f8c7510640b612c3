/**
 * Parquet through DuckDB's own writer: the rows are appended to a table of a small in-memory
 * DuckDB of the export's own (never the dashboard's database: an export writes nothing there
 * and works when it is read-only), then COPY … TO (FORMAT parquet) writes a temporary file,
 * which is streamed to the client and gone once read.
 *
 * The statements are built here, not kept in queries/: the table's columns are the export's
 * (keys from the product's own column lists, quoted) and COPY takes no bound file name.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnType, ExportTable } from './table';
import { booleanOf, dayOf, instantOf, numberOf } from './table';

const SQL_TYPE: Record<ColumnType, string> = {
	text: 'varchar',
	integer: 'bigint',
	number: 'double',
	boolean: 'boolean',
	date: 'date',
	timestamp: 'timestamptz'
};

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

let engine: Promise<DuckDBInstance> | null = null;

/** The export's own in-memory DuckDB: one thread, a modest memory limit, no extension loading. */
function exportEngine(): Promise<DuckDBInstance> {
	engine ??= DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '512MB', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
	return engine;
}

/** Where temporary export files go (CARE_EXPORT_TMP, else the system's temporary folder). */
export function exportTmpDir(): string {
	return process.env.CARE_EXPORT_TMP || os.tmpdir();
}

async function appendRows(conn: DuckDBConnection, table: string, t: ExportTable): Promise<void> {
	const appender = await conn.createAppender(table);
	try {
		for (const row of t.rows) {
			t.columns.forEach((c, i) => {
				const v = row[i];
				// Everything goes in as text or null and is cast by the column's type in the COPY.
				let text: string | null;
				switch (c.type) {
					case 'integer':
					case 'number': {
						const n = numberOf(v ?? null);
						text = n === null ? null : c.type === 'integer' ? String(Math.round(n)) : String(n);
						break;
					}
					case 'boolean': {
						const b = booleanOf(v ?? null);
						text = b === null ? null : String(b);
						break;
					}
					case 'date':
						text = dayOf(v ?? null);
						break;
					case 'timestamp':
						text = instantOf(v ?? null)?.toISOString() ?? null;
						break;
					default:
						text = v === null || v === undefined ? null : String(v);
				}
				if (text === null) appender.appendNull();
				else appender.appendVarchar(text);
			});
			appender.endRow();
		}
	} finally {
		appender.closeSync();
	}
}

/**
 * Write a table as Parquet into a new temporary file and return its path; the caller streams
 * and removes it (see parquetStream).
 */
export async function writeParquet(t: ExportTable): Promise<string> {
	const instance = await exportEngine();
	const conn = await instance.connect();
	const name = `export_${crypto.randomBytes(6).toString('hex')}`;
	const file = path.join(exportTmpDir(), `care-${name}.parquet`);
	try {
		const staging = t.columns.map((c) => `${quote(c.key)} varchar`).join(', ');
		await conn.run(`create temp table ${name} (${staging || '"_" varchar'})`);
		if (t.columns.length) await appendRows(conn, name, t);
		const select = t.columns.length ? t.columns.map((c) => `cast(${quote(c.key)} as ${SQL_TYPE[c.type]}) as ${quote(c.key)}`).join(', ') : '*';
		await conn.run(`copy (select ${select} from ${name}) to ${literal(file)} (format parquet, compression zstd)`);
		return file;
	} catch (e) {
		fs.rmSync(file, { force: true });
		throw e;
	} finally {
		await conn.run(`drop table if exists ${name}`).catch(() => undefined);
		conn.closeSync();
	}
}

/**
 * The Parquet file of a table as a stream. The file is opened, then unlinked at once: the
 * stream reads the open file, and nothing stays on disk whether the client reads to the end,
 * stops early or the server stops.
 */
export async function parquetStream(t: ExportTable): Promise<{ stream: fs.ReadStream; size: number }> {
	const file = await writeParquet(t);
	try {
		const fd = fs.openSync(file, 'r');
		const size = fs.fstatSync(fd).size;
		return { stream: fs.createReadStream('', { fd, autoClose: true }), size };
	} finally {
		fs.rmSync(file, { force: true });
	}
}
