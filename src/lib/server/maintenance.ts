/**
 * Restoring a backup, for the server (which swaps the file under its open database) and for
 * the command line when no server runs. Either way the restored database is migrated to this
 * version's schema and its derived tables are rebuilt.
 */
import type { Config } from './config';
import { backupsDir, buildFromBackup, swapInRestored, type BackupManifest } from './db/backup';
import { closeDatabase, openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { exclusive } from './imports/ingest';
import { log } from './log';
import { refreshAll } from './refresh/index';
import { loadSettings, seedSettings, type Settings } from './settings';

export interface RestoreResult {
	backup: string;
	manifest: BackupManifest;
	/** Where the database file that was replaced is kept. */
	previous: string;
	schemaVersion: number;
	settings: Settings;
}

async function afterSwap(db: Database, config: Config): Promise<{ schemaVersion: number; settings: Settings }> {
	const schemaVersion = await migrate(db, { backupDir: backupsDir(config) });
	await seedSettings(db, config);
	const settings = await loadSettings(db);
	await refreshAll(db, settings);
	return { schemaVersion, settings };
}

/**
 * Restore `backupPath` into the database. With `db` (the server's open database) the swap
 * happens inside it, between ingest runs; without, the file must be free (no server).
 */
export function restoreDatabase(config: Config, backupPath: string, db?: Database): Promise<RestoreResult> {
	return exclusive(async () => {
		const t0 = performance.now();
		const newFile = `${config.dbPath}.restoring`;
		const manifest = await buildFromBackup(backupPath, newFile);
		// Without a server, this process opens the file (taking its lock) and swaps it the same way.
		const target = db ?? (await openDatabase(config.dbPath, { memoryLimit: config.duckdbMemoryLimit, tempDirectory: config.duckdbTempDir }));
		try {
			let previous = '';
			await target.reopen(async () => {
				previous = swapInRestored(config.dbPath, newFile);
			});
			const result = await afterSwap(target, config);
			log().info({ backup: backupPath, previous, ms: Math.round(performance.now() - t0), tables: manifest.tables }, 'backup restored');
			return { backup: backupPath, manifest, previous, ...result };
		} finally {
			if (!db) closeDatabase();
		}
	});
}
