/**
 * Alerts: a peak under way today is recorded once, shown, and posted as JSON to the unit's
 * webhook; a failed post is retried on later ticks and recorded, and never stops the
 * scheduler. The receivers are HTTP servers of this test on 127.0.0.1.
 *
 * Fixture (Asia/Tehran): on the eight Saturdays before 21 Nov 2026, 5 incoming calls in each
 * hour from 08:00 to 11:59; on Saturday 21 Nov, 20 an hour from 08:00. "Now" is 21 Nov 12:30.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../../jobs/scheduler';
import { raiseAlerts, recentAlerts, runAlerts, unseenAlerts, markAlertsSeen, type AlertSource } from '../../src/lib/server/alerts/alerts';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { loadSettings, type Settings } from '../../src/lib/server/settings';
import { addDays } from '../../src/lib/calendar';
import { tempDb, type TempDb } from '../helpers/temp-db';

const TODAY = '2026-11-21';
const NOW = new Date('2026-11-21T09:00:00Z'); // 12:30 in Tehran
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

function calls(day: string, perHour: number, hours: number[], prefix: string): string[] {
	return hours.flatMap((h) =>
		Array.from({ length: perHour }, (_, i) => `${prefix}${day}-${h}-${i},C1,inbound,${day}T${String(h).padStart(2, '0')}:${String(i * 2).padStart(2, '0')}:00+03:30,answered`)
	);
}

interface Receiver {
	url: string;
	bodies: unknown[];
	close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 answering each post with the next status of `statuses` (the last one repeats); 0 = never answer. */
async function receiver(statuses: number[]): Promise<Receiver> {
	const bodies: unknown[] = [];
	let n = 0;
	const server = http.createServer((req, res) => {
		let data = '';
		req.on('data', (c) => (data += c));
		req.on('end', () => {
			bodies.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(data) });
			const status = statuses[Math.min(n++, statuses.length - 1)]!;
			if (status === 0) return; // hang: the client's time limit must end it
			res.writeHead(status).end(status === 200 ? 'ok' : 'no');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		bodies,
		close: () =>
			new Promise((r) => {
				server.closeAllConnections();
				server.close(() => r());
			})
	};
}

let t: TempDb;
let settings: Settings;
const quiet = () => {};
const env = (url: string) => ({ CARE_ALERT_WEBHOOK_URL: url });
const deliveries = () => t.rows<{ alert_id: number; attempt: number; ok: boolean; http_status: number | null; error: string | null }>('select * from alert_deliveries order by alert_id, attempt');

beforeAll(async () => {
	t = await tempDb();
	const lines = ['id,customer_id,direction,started_at,outcome'];
	for (let w = 1; w <= 8; w++) lines.push(...calls(addDays(TODAY, -7 * w), 5, [8, 9, 10, 11], 'h'));
	lines.push(...calls(TODAY, 20, [8, 9, 10, 11], 't'), ...calls(TODAY, 6, [12], 't'));
	t.drop('calls', 'calls.csv', lines.join('\n') + '\n');
	expect((await runIngest(t.db, t.config, 'manual')).status).toBe('ok');
	settings = await loadSettings(t.db);
	settings.alerts = { ...settings.alerts, maxAttempts: 3 };
	// The peaks as of 12:30 today.
	await refreshAll(t.db, settings, NOW);
});
afterAll(() => t?.close());
afterEach(async () => {
	await t.rows('delete from alerts');
	await t.rows('delete from alert_deliveries');
});

describe('raising alerts', () => {
	it('records one alert for the peak under way today, even with no webhook, and never repeats it', async () => {
		const first = await runAlerts({ db: t.db, settings, now: NOW }, { env: {}, log: quiet });
		expect(first.error).toBeNull();
		expect(first.raised).toHaveLength(1);
		const [alert] = await recentAlerts(t.db);
		// Today so far: 4 × 20 + 6 = 86 calls against a usual 4 × 5 = 20 by 12:59.
		expect(alert).toMatchObject({ kind: 'volume', metric: 'calls', delivery: 'not_configured', actual: 86, expected: 20, attempts: 0 });
		expect(alert!.message.key).toBe('alerts.message.volumeDay');
		expect(await unseenAlerts(t.db)).toBe(1);
		// Later ticks, the same peak: nothing new.
		expect((await runAlerts({ db: t.db, settings, now: minutes(5) }, { env: {}, log: quiet })).raised).toEqual([]);
		expect(await recentAlerts(t.db)).toHaveLength(1);
		await markAlertsSeen(t.db);
		expect(await unseenAlerts(t.db)).toBe(0);
	});

	it('treats a later episode of the same metric over an overlapping span as the same peak', async () => {
		const candidate = (key: string, start: string, end: string) => ({
			key,
			kind: 'volume' as const,
			metric: 'calls',
			peakKey: key,
			windowStart: start,
			windowEnd: end,
			actual: 1,
			expected: 1,
			upper: 1,
			message: { key: 'alerts.message.volumeDay' as const }
		});
		const source = (cs: ReturnType<typeof candidate>[]): AlertSource => ({ kind: 'volume', collect: async () => cs });
		const ctx = { db: t.db, settings, now: NOW };
		// First two hours above the band, then the whole day: one alert.
		await raiseAlerts(ctx, [source([candidate('volume:calls:x-08', '2026-11-21T04:30:00Z', '2026-11-21T06:30:00Z')])], null);
		expect(await raiseAlerts(ctx, [source([candidate('volume:calls:x-day', '2026-11-20T20:30:00Z', '2026-11-21T20:30:00Z')])], null)).toEqual([]);
		// Tickets over the same hours are another peak.
		const tickets = { ...candidate('volume:tickets:x', '2026-11-21T04:30:00Z', '2026-11-21T06:30:00Z'), metric: 'tickets' };
		expect(await raiseAlerts(ctx, [source([tickets])], null)).toHaveLength(1);
	});

	it('raises nothing for peaks that ended before today (loading old data rings no one)', async () => {
		const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
		expect((await runAlerts({ db: t.db, settings, now: tomorrow }, { env: {}, log: quiet })).raised).toEqual([]);
	});
});

describe('posting alerts to the webhook', () => {
	it('posts the alert as JSON once to a receiver that accepts it', async () => {
		const r = await receiver([200]);
		try {
			const run = await runAlerts({ db: t.db, settings, now: NOW }, { env: env(r.url), log: quiet });
			expect(run.deliveries).toEqual([expect.objectContaining({ ok: true, attempts: 1, delivery: 'sent' })]);
			expect(r.bodies).toHaveLength(1);
			const { method, type, body } = r.bodies[0] as { method: string; type: string; body: Record<string, unknown> };
			expect(method).toBe('POST');
			expect(type).toBe('application/json');
			expect(body).toMatchObject({ kind: 'volume', metric: 'calls', timeZone: 'Asia/Tehran', peak: { actual: 86, expected: 20 } });
			expect(body.text).toMatch(/^Incoming calls today so far: 86, against a usual 20 \(band up to \d+\): 4\.3× usual\.$/);
			expect(String(body.link)).toMatch(/^\/peaks\?peak=calls%3A2026-11-21T08$/);
			// Later ticks post nothing more.
			await runAlerts({ db: t.db, settings, now: minutes(1) }, { env: env(r.url), log: quiet });
			await runAlerts({ db: t.db, settings, now: minutes(10) }, { env: env(r.url), log: quiet });
			expect(r.bodies).toHaveLength(1);
			expect((await recentAlerts(t.db))[0]).toMatchObject({ delivery: 'sent', attempts: 1, lastError: null });
		} finally {
			await r.close();
		}
	});

	it('retries a receiver that fails, records every attempt, and gives up after maxAttempts', async () => {
		const r = await receiver([500]);
		const logged: string[] = [];
		try {
			const run1 = await runAlerts({ db: t.db, settings, now: NOW }, { env: env(r.url), log: (m) => logged.push(m) });
			expect(run1.error).toBeNull();
			expect(run1.deliveries).toEqual([expect.objectContaining({ ok: false, attempts: 1, delivery: 'pending', error: 'HTTP 500 Internal Server Error' })]);
			// Not due again for a minute; then retried after 1 and 2 more minutes.
			expect((await runAlerts({ db: t.db, settings, now: minutes(0.5) }, { env: env(r.url), log: quiet })).deliveries).toEqual([]);
			expect((await runAlerts({ db: t.db, settings, now: minutes(1) }, { env: env(r.url), log: quiet })).deliveries[0]).toMatchObject({ attempts: 2, delivery: 'pending' });
			expect((await runAlerts({ db: t.db, settings, now: minutes(2) }, { env: env(r.url), log: quiet })).deliveries).toEqual([]);
			expect((await runAlerts({ db: t.db, settings, now: minutes(3) }, { env: env(r.url), log: quiet })).deliveries[0]).toMatchObject({ attempts: 3, delivery: 'failed' });
			expect((await runAlerts({ db: t.db, settings, now: minutes(60) }, { env: env(r.url), log: quiet })).deliveries).toEqual([]);
			expect(r.bodies).toHaveLength(3);
			expect((await deliveries()).map((d) => [d.attempt, d.ok, d.http_status])).toEqual([
				[1, false, 500],
				[2, false, 500],
				[3, false, 500]
			]);
			expect((await recentAlerts(t.db))[0]).toMatchObject({ delivery: 'failed', attempts: 3, lastError: 'HTTP 500 Internal Server Error' });
			expect(logged.join('\n')).toMatch(/not delivered \(attempt 1, pending\): HTTP 500/);
		} finally {
			await r.close();
		}
	});

	it('delivers on a retry once the receiver is back', async () => {
		const r = await receiver([503, 200]);
		try {
			await runAlerts({ db: t.db, settings, now: NOW }, { env: env(r.url), log: quiet });
			const retry = await runAlerts({ db: t.db, settings, now: minutes(1) }, { env: env(r.url), log: quiet });
			expect(retry.deliveries[0]).toMatchObject({ ok: true, attempts: 2, delivery: 'sent' });
			expect((await deliveries()).map((d) => d.ok)).toEqual([false, true]);
		} finally {
			await r.close();
		}
	});

	it('records a receiver that is down or never answers, and carries on', async () => {
		const gone = await receiver([200]);
		const url = gone.url;
		await gone.close();
		const down = await runAlerts({ db: t.db, settings, now: NOW }, { env: env(url), log: quiet });
		expect(down.error).toBeNull();
		expect(down.deliveries[0]).toMatchObject({ ok: false, delivery: 'pending', error: 'ECONNREFUSED' });

		await t.rows('delete from alerts');
		const silent = await receiver([0]);
		try {
			const run = await runAlerts({ db: t.db, settings, now: NOW }, { env: env(silent.url), timeoutMs: 300, log: quiet });
			expect(run.deliveries[0]).toMatchObject({ ok: false, error: 'no answer within 0.3 s' });
		} finally {
			await silent.close();
		}
	});

	it('refuses a webhook URL that is not http(s), as a recorded failure', async () => {
		const run = await runAlerts({ db: t.db, settings, now: NOW }, { env: env('file:///etc/passwd'), log: quiet });
		expect(run.deliveries[0]).toMatchObject({ ok: false, error: '"file:///etc/passwd" is not an http or https URL' });
	});
});

describe('the scheduler survives', () => {
	it('a job that throws does not stop the next one', async () => {
		const ran: string[] = [];
		const logged: string[] = [];
		await runJobs(
			[
				{ name: 'ingest', run: async () => Promise.reject(new Error('disk full')) },
				{ name: 'alerts', run: async () => ran.push('alerts') }
			],
			(m, e) => logged.push(`${m} ${(e as Error).message}`)
		);
		expect(ran).toEqual(['alerts']);
		expect(logged).toEqual(['[scheduler] ingest failed: disk full']);
	});

	it('the alerts check reports a broken database instead of throwing', async () => {
		const broken = { query: async () => Promise.reject(new Error('the database is closed')) } as unknown as TempDb['db'];
		const run = await runAlerts({ db: broken, settings, now: NOW }, { env: {}, log: quiet });
		expect(run).toEqual({ raised: [], deliveries: [], error: 'the database is closed' });
	});
});
