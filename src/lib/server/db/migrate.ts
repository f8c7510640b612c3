/**
 * Versioned migrations: queries/migrations/NNN_name.sql, applied in order at start, each in
 * its own transaction together with its row in schema_migrations.
 */
import type { Database } from './database';
import { queryNames, sql } from './queries';

export interface Migration {
	version: number;
	name: string;
	text: string;
}

export function listMigrations(): Migration[] {
	return queryNames('migrations').map((name) => {
		const base = name.slice('migrations/'.length);
		const match = /^(\d+)_(.+)$/.exec(base);
		if (!match) throw new Error(`migration file name must be NNN_name.sql: ${base}`);
		return { version: Number(match[1]), name: match[2]!, text: sql(name) };
	});
}

/** Apply the migrations the database has not seen; returns the schema version reached. */
export async function migrate(db: Database): Promise<number> {
	await db.withConnection(async (conn) => {
		await conn.run(
			'create table if not exists schema_migrations (version integer primary key, name varchar not null, applied_at timestamptz not null default now())'
		);
	});
	const applied = new Set(
		(await db.withConnection(async (conn) => (await conn.runAndReadAll('select version from schema_migrations')).getRowObjectsJson())).map(
			(r) => Number(r.version)
		)
	);
	let version = Math.max(0, ...applied);
	for (const m of listMigrations()) {
		if (applied.has(m.version)) continue;
		await db.transaction(async (conn) => {
			await conn.run(m.text);
			await conn.run('insert into schema_migrations (version, name) values ($version, $name)', { version: m.version, name: m.name });
		});
		// Write the new schema into the database file at once: DuckDB 1.5 cannot replay an
		// ALTER TABLE … ADD COLUMN on a table with a `default now()` column from its write-ahead
		// log ("Calling DatabaseManager::GetDefaultDatabase with no default database set"), so a
		// crash before the next automatic checkpoint would leave a file that does not open.
		await db.withConnection((conn) => conn.run('checkpoint'));
		version = Math.max(version, m.version);
	}
	return version;
}

export async function schemaVersion(db: Database): Promise<number> {
	const rows = await db.query<{ version: number | null }>('db/schema_version');
	return Number(rows[0]?.version ?? 0);
}
