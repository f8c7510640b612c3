/**
 * The in-process scheduler. It runs inside the server, which owns the DuckDB file (one
 * writer process per file), and is stopped on shutdown before the database is closed.
 *
 * Each tick runs its jobs in order (the ingest first, then the alerts check, which wants the
 * freshest data); a job that throws is logged and the next one still runs, and the next tick
 * comes as usual: nothing a job does can stop the scheduler.
 */
import cron, { type ScheduledTask } from 'node-cron';

export interface Scheduler {
	cron: string;
	timeZone: string;
	nextRun(): Date | null;
	stop(): Promise<void>;
}

export interface ScheduledJob {
	name: string;
	run: () => Promise<unknown>;
}

export function isValidCron(expression: string): boolean {
	return cron.validate(expression);
}

/** Run the jobs one after another, each failure logged and contained. */
export async function runJobs(jobs: ScheduledJob[], log: (message: string, error: unknown) => void = (m, e) => console.error(m, e)): Promise<void> {
	for (const job of jobs) {
		try {
			await job.run();
		} catch (e) {
			log(`[scheduler] ${job.name} failed:`, e);
		}
	}
}

export function startScheduler(expression: string, timeZone: string, job: () => Promise<unknown>, more: ScheduledJob[] = []): Scheduler {
	if (!cron.validate(expression)) throw new Error(`"${expression}" is not a valid cron expression`);
	const jobs: ScheduledJob[] = [{ name: 'ingest', run: job }, ...more];
	const task: ScheduledTask = cron.schedule(expression, () => runJobs(jobs), { name: 'ingest', timezone: timeZone, noOverlap: true });
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
