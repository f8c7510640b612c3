import { json } from '@sveltejs/kit';
import { schemaVersion } from '$lib/server/db/migrate';
import { isAdmin } from '$lib/server/auth/roles';
import type { RequestHandler } from './$types';

/**
 * GET /api/health, open to monitoring: up, schema version, the last ingest run's status and
 * end; 503 when the database does not answer. Nothing else to anyone: no paths, no errors'
 * text. An administrator (session or token) also gets the scheduler and the demo state.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const rt = locals.runtime;
	try {
		const [lastRun] = await rt.db.query<{ status: string; trigger: string; finished_at: string | null }>('data/last_run');
		const open = {
			status: 'ok',
			schemaVersion: await schemaVersion(rt.db),
			lastIngestRun: lastRun ? { status: lastRun.status, finishedAt: lastRun.finished_at } : null
		};
		if (!isAdmin(locals.user)) return json(open);
		return json({
			...open,
			lastIngestRun: lastRun ? { status: lastRun.status, trigger: lastRun.trigger, finishedAt: lastRun.finished_at } : null,
			scheduler: rt.scheduler
				? {
						cron: rt.scheduler.cron,
						timeZone: rt.scheduler.timeZone,
						nextRun: rt.scheduler.nextRun()?.toISOString() ?? null,
						lastCheck: rt.lastScheduledCheck?.toISOString() ?? null
					}
				: null,
			demo: { state: rt.demo.state, asOf: rt.demo.asOf ?? null },
			startedAt: rt.startedAt.toISOString()
		});
	} catch {
		return json({ status: 'error' }, { status: 503 });
	}
};
