/**
 * The in-process scheduler. It runs inside the server, which owns the DuckDB file (one
 * writer process per file), and is stopped on shutdown before the database is closed.
 */
import cron, { type ScheduledTask } from 'node-cron';

export interface Scheduler {
	cron: string;
	timeZone: string;
	nextRun(): Date | null;
	stop(): Promise<void>;
}

export function isValidCron(expression: string): boolean {
	return cron.validate(expression);
}

export function startScheduler(expression: string, timeZone: string, job: () => Promise<unknown>): Scheduler {
	if (!cron.validate(expression)) throw new Error(`"${expression}" is not a valid cron expression`);
	const task: ScheduledTask = cron.schedule(
		expression,
		async () => {
			try {
				await job();
			} catch (e) {
				console.error('[scheduler] ingest failed:', e);
			}
		},
		{ name: 'ingest', timezone: timeZone, noOverlap: true }
	);
	return {
		cron: expression,
		timeZone,
		nextRun: () => task.getNextRun(),
		async stop() {
			await task.stop();
			await task.destroy();
		}
	};
}
