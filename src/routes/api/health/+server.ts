import { json } from '@sveltejs/kit';
import { schemaVersion } from '$lib/server/db/migrate';
import type { RequestHandler } from './$types';

/** GET /api/health: is the database reachable, what ran last, which schema. 503 when the database does not answer. */
export const GET: RequestHandler = async ({ locals }) => {
	const rt = locals.runtime;
	try {
		const t0 = performance.now();
		await rt.db.query('db/ping');
		const pingMs = Math.round((performance.now() - t0) * 10) / 10;
		const [lastRun] = await rt.db.query('data/last_run');
		return json({
			status: 'ok',
			database: { reachable: true, path: rt.config.dbPath, pingMs },
			schemaVersion: await schemaVersion(rt.db),
			lastIngestRun: lastRun ?? null,
			scheduler: rt.scheduler
				? {
						cron: rt.scheduler.cron,
						timeZone: rt.scheduler.timeZone,
						nextRun: rt.scheduler.nextRun()?.toISOString() ?? null,
						lastCheck: rt.lastScheduledCheck?.toISOString() ?? null
					}
				: null,
			demo: rt.demo,
			startedAt: rt.startedAt.toISOString()
		});
	} catch (e) {
		return json({ status: 'error', database: { reachable: false, error: (e as Error).message } }, { status: 503 });
	}
};
