/**
 * One ingest run of the torture harness, in its own process (node --import tsx), the way
 * `npm run ingest` runs one without a server. TORTURE_KILL_AT (after-stage | before-move |
 * after-move) and TORTURE_KILL_ON (the n-th time that point is reached) make it SIGKILL
 * itself there: inside a file's transaction, between a file's commit and its move, or
 * between the move and its record. The harness also kills it from outside at random times.
 * Prints one JSON line with the run's outcome.
 */
import { readConfig } from '../../src/lib/server/config';
import { backupsDir } from '../../src/lib/server/db/backup';
import { closeDatabase, openDatabase } from '../../src/lib/server/db/database';
import { migrate } from '../../src/lib/server/db/migrate';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { setLogger } from '../../src/lib/server/log';
import { seedSettings } from '../../src/lib/server/settings';

setLogger({ level: 'warn', destination: 2 });
const killAt = process.env.TORTURE_KILL_AT ?? 'none';
const killOn = Number(process.env.TORTURE_KILL_ON ?? 1);
let reached = 0;
const point = (name: string) => () => {
	if (name === killAt && ++reached >= killOn) process.kill(process.pid, 'SIGKILL');
};

const config = readConfig();
const db = await openDatabase(config.dbPath, { waitForLockMs: 30_000 });
await migrate(db, { backupDir: backupsDir(config) });
await seedSettings(db, config);
const run = await runIngest(db, config, 'cli', { afterStage: point('after-stage'), beforeMove: point('before-move'), afterMove: point('after-move') });
closeDatabase();
console.log(JSON.stringify({ id: run.id, status: run.status, files: run.files.length, problems: run.problems.map((p) => p.key) }));
