/**
 * Backups and restores of the whole database.
 *
 * A backup is a folder (data/backups/<time>-<reason>/) written by DuckDB's EXPORT DATABASE:
 * schema.sql (tables, sequences with their current values, macros, indexes), load.sql, one
 * Parquet file per table, and manifest.json (when, why, schema version, rows per table). It
 * is taken inside one transaction, so it is a consistent snapshot even while the server
 * loads files, and Parquet keeps it readable by any later DuckDB. The folder is written as
 * <name>.part and renamed when complete: a folder without .part is a whole backup.
 *
 * A restore builds a new database file from a backup beside the live one, checks every
 * table's row count against the manifest, and only then swaps the files (the old one is kept
 * as <db>.before-restore-<time>). The server does the swap itself while it runs (the
 * connections wait a moment); `npm run restore` hands the work to it, like `npm run ingest`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { log } from '../log';
import { checkDataFolder, StorageError } from '../storage';
import type { Database } from './database';

export const BACKUP_FORMAT = 'care-dashboard-backup';

export interface BackupManifest {
	format: typeof BACKUP_FORMAT;
	version: 1;
	createdAt: string;
	/** manual | pre-migration-vN | before-restore */
	reason: string;
	schemaVersion: number;
	duckdbVersion: string;
	/** Rows of every table at the moment of the backup. */
	tables: Record<string, number>;
}

export interface BackupResult {
	path: string;
	manifest: BackupManifest;
	bytes: number;
}

export function backupsDir(config: Pick<Config, 'dataDir'>): string {
	return path.join(config.dataDir, 'backups');
}

function stamp(d = new Date()): string {
	return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * A path as an SQL string literal. EXPORT DATABASE and COPY take no bound parameters; the
 * paths are the product's own folders (or one an operator named on the command line).
 */
function sqlPath(p: string): string {
	return `'${p.replace(/'/g, "''")}'`;
}

function folderBytes(dir: string): number {
	let total = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
	}
	return total;
}

/** Take a backup of the open database into `intoDir` (created if needed). */
export async function backupDatabase(db: Database, intoDir: string, reason = 'manual'): Promise<BackupResult> {
	const dbBytes = fs.statSync(db.path, { throwIfNoEntry: false })?.size ?? 0;
	// Parquet with zstd is smaller than the database file; the file's size is a safe bound.
	const room = checkDataFolder(intoDir, dbBytes);
	if (room) throw new StorageError(room);
	const target = path.join(intoDir, `${stamp()}-${reason}`);
	const part = `${target}.part`;
	fs.rmSync(part, { recursive: true, force: true });
	try {
		const manifest = await db.withConnection(async (conn) => {
			// A pooled connection may still hold the temp tables of a refresh step (staging);
			// EXPORT DATABASE would write them too, and the restore would then fail on them.
			const temps = (await conn.runAndReadAll('select table_name from duckdb_tables() where temporary')).getRowObjectsJson() as { table_name: string }[];
			for (const { table_name } of temps) await conn.run(`drop table if exists temp."${table_name.replace(/"/g, '""')}"`);
			// One transaction: the row counts and the export see the same snapshot.
			await conn.run('begin transaction');
			try {
				const tables = (
					await conn.runAndReadAll("select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main' and not temporary order by table_name")
				).getRowObjectsJson() as { table_name: string }[];
				const counts: Record<string, number> = {};
				for (const { table_name } of tables) {
					const [row] = (await conn.runAndReadAll(`select cast(count(*) as double) as n from "${table_name.replace(/"/g, '""')}"`)).getRowObjectsJson();
					counts[table_name] = Number(row!.n);
				}
				const [version] = (await conn.runAndReadAll('select cast(coalesce(max(version), 0) as integer) as v from schema_migrations')).getRowObjectsJson();
				const [duck] = (await conn.runAndReadAll('select version() as v')).getRowObjectsJson();
				await conn.run(`export database ${sqlPath(part)} (format parquet, compression zstd)`);
				await conn.run('commit');
				return {
					format: BACKUP_FORMAT,
					version: 1,
					createdAt: new Date().toISOString(),
					reason,
					schemaVersion: Number(version!.v),
					duckdbVersion: String(duck!.v),
					tables: counts
				} satisfies BackupManifest;
			} catch (e) {
				await conn.run('rollback').catch(() => undefined);
				throw e;
			}
		});
		fs.writeFileSync(path.join(part, 'manifest.json'), JSON.stringify(manifest, null, 2));
		fs.renameSync(part, target);
		const bytes = folderBytes(target);
		log().info({ backup: target, reason, bytes, tables: Object.keys(manifest.tables).length }, 'backup written');
		return { path: target, manifest, bytes };
	} catch (e) {
		fs.rmSync(part, { recursive: true, force: true });
		throw e;
	}
}

/** The manifest of a backup folder, or an error saying what is wrong with it. */
export function readManifest(backupPath: string): BackupManifest {
	const file = path.join(backupPath, 'manifest.json');
	if (!fs.existsSync(file)) throw new Error(`${backupPath} is not a backup of this product (no manifest.json)`);
	const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
	if (manifest.format !== BACKUP_FORMAT) throw new Error(`${backupPath} is not a backup of this product (format ${String(manifest.format)})`);
	for (const f of ['schema.sql', 'load.sql']) if (!fs.existsSync(path.join(backupPath, f))) throw new Error(`${backupPath} is incomplete: ${f} is missing`);
	return manifest;
}

/** Whole backups in a folder, newest first. */
export function listBackups(intoDir: string): { path: string; manifest: BackupManifest }[] {
	if (!fs.existsSync(intoDir)) return [];
	const out: { path: string; manifest: BackupManifest }[] = [];
	for (const entry of fs.readdirSync(intoDir, { withFileTypes: true })) {
		if (!entry.isDirectory() || entry.name.endsWith('.part')) continue;
		try {
			out.push({ path: path.join(intoDir, entry.name), manifest: readManifest(path.join(intoDir, entry.name)) });
		} catch {
			// not a backup folder
		}
	}
	return out.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}

/** The backup a user named: a folder path, or the name of a folder in the backups folder, or "latest". */
export function resolveBackup(name: string, intoDir: string): string {
	if (name === 'latest') {
		const [newest] = listBackups(intoDir);
		if (!newest) throw new Error(`there is no backup in ${intoDir}`);
		return newest.path;
	}
	const direct = path.resolve(name);
	if (fs.existsSync(path.join(direct, 'manifest.json'))) return direct;
	const inFolder = path.join(intoDir, name);
	if (fs.existsSync(path.join(inFolder, 'manifest.json'))) return inFolder;
	throw new Error(`no backup at ${direct} or ${inFolder}`);
}

/**
 * Build a database file from a backup at `newFile` and check it; does not touch the live one.
 * COPY statements of load.sql name the folder the backup was written to; they are pointed
 * at the folder it is in now.
 */
export async function buildFromBackup(backupPath: string, newFile: string): Promise<BackupManifest> {
	const manifest = readManifest(backupPath);
	for (const f of [newFile, `${newFile}.wal`]) fs.rmSync(f, { force: true });
	const instance = await DuckDBInstance.create(newFile);
	const conn = await instance.connect();
	try {
		await conn.run(fs.readFileSync(path.join(backupPath, 'schema.sql'), 'utf8'));
		const load = fs.readFileSync(path.join(backupPath, 'load.sql'), 'utf8').replace(/FROM '((?:[^']|'')*)'/g, (_all, written: string) => {
			const file = path.join(backupPath, path.basename(written.replace(/''/g, "'")));
			if (!fs.existsSync(file)) throw new Error(`${backupPath} is incomplete: ${path.basename(file)} is missing`);
			return `FROM ${sqlPath(file)}`;
		});
		if (load.trim()) await conn.run(load);
		for (const [table, expected] of Object.entries(manifest.tables)) {
			const [row] = (await conn.runAndReadAll(`select cast(count(*) as double) as n from "${table.replace(/"/g, '""')}"`)).getRowObjectsJson();
			if (Number(row!.n) !== expected) throw new Error(`the backup does not check out: ${table} has ${String(row!.n)} rows, the manifest says ${expected}`);
		}
		await conn.run('checkpoint');
	} catch (e) {
		conn.closeSync();
		instance.closeSync();
		for (const f of [newFile, `${newFile}.wal`]) fs.rmSync(f, { force: true });
		throw e;
	}
	conn.closeSync();
	instance.closeSync();
	return manifest;
}

/**
 * Put the file built by buildFromBackup in place of the database file (closed by the caller
 * or inside Database.reopen). The old file and its WAL are kept beside it; returns its path.
 */
export function swapInRestored(dbPath: string, newFile: string): string {
	const kept = `${dbPath}.before-restore-${stamp()}`;
	if (fs.existsSync(dbPath)) fs.renameSync(dbPath, kept);
	if (fs.existsSync(`${dbPath}.wal`)) fs.renameSync(`${dbPath}.wal`, `${kept}.wal`);
	fs.renameSync(newFile, dbPath);
	return kept;
}
