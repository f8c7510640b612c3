/**
 * The mapping layer on real exports: the Technion bank call centre (calls) and ServiceNow
 * incidents (tickets), read from ../shared/data/real (or CARE_REAL_DATA_DIR), never copied
 * into the repository. Expected figures come from each folder's SOURCE.txt. Both load paths
 * (DuckDB's reader and JavaScript's) must give them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type RunSummary } from '../../src/lib/server/imports/ingest';
import { realDataAvailable, realDataDir, tempDb, type TempDb } from '../helpers/temp-db';

const available = realDataAvailable();

describe.runIf(available).each(['auto', 'js'] as const)('real files through their documented mappings (%s ingest path)', (ingestPath) => {
	let t: TempDb;
	let run: RunSummary;

	beforeAll(async () => {
		t = await tempDb({ CARE_INGEST_PATH: ingestPath });
		const real = realDataDir();
		// Copies into the temporary inbox (the ingest moves what it loads).
		t.drop('calls', 'technion-aug.csv', fs.readFileSync(path.join(real, 'technion_callcenter_aug1999', 'calls_1999_08_as_published.csv')));
		t.drop('tickets', 'servicenow.csv', fs.readFileSync(path.join(real, 'servicenow_incidents', 'incidents_summary.csv')));
		run = await runIngest(t.db, t.config, 'manual');
	});
	afterAll(() => t?.close());

	const one = async <T>(sql: string) => (await t.rows<T>(sql))[0]!;

	it('detects each layout from its header and loads every row', () => {
		const byName = Object.fromEntries(run.files.map((f) => [f.fileName, f]));
		// SOURCE.txt: 42,078 calls, of which 310 PHANTOM (line tests, skipped on purpose, counted).
		expect(byName['technion-aug.csv']).toMatchObject({ mapping: 'technion-calls', status: 'loaded', rowsRead: 42078, inserted: 41768, skipped: 310, rejected: 0 });
		// SOURCE.txt: 24,918 incidents, one row each.
		expect(byName['servicenow.csv']).toMatchObject({ mapping: 'servicenow-incidents', status: 'loaded', rowsRead: 24918, inserted: 24918, rejected: 0 });
		expect(run.status).toBe('ok');
		// Both files suit DuckDB's reader: they load natively unless the run forces JavaScript.
		expect(run.files.map((f) => f.ingestPath)).toEqual(ingestPath === 'js' ? ['js', 'js'] : ['native', 'native']);
	});

	it('Technion: answered and abandoned counts, waits and talk times match SOURCE.txt', async () => {
		const c = await one<Record<string, number>>(`
			select cast(count(*) filter (where outcome = 'answered') as integer) as answered,
			       cast(count(*) filter (where outcome = 'abandoned') as integer) as abandoned,
			       median(wait_seconds) filter (where outcome = 'answered' and wait_seconds > 0) as median_wait,
			       median(talk_seconds) filter (where outcome = 'answered') as median_talk,
			       cast(count(distinct agent) as integer) as agents,
			       cast(count(distinct customer_id) as integer) as customers
			from calls`);
		// AGENT 31,402 / HANG 10,366; median queue wait (answered) 83 s; median talk 110 s.
		expect(c).toMatchObject({ answered: 31402, abandoned: 10366, median_wait: 83, median_talk: 110 });
		// SOURCE.txt counts 32 "servers", one of which is NO_SERVER (nobody answered): 31 agents.
		expect(c.agents).toBe(31);
		// 4,743 identified customers in the file; 92 of them appear only on PHANTOM rows.
		expect(c.customers).toBe(4651);
	});

	it('Technion: clock times that pass midnight land on the next day', async () => {
		// Row "AA0206,47700,…,2010-08-02,23:54:40,…,ser_start 23:58:54, ser_exit 0:04:25" (Israel, UTC+3 in August).
		const r = await one<{ started: string; answered: string; ended: string }>(`
			select strftime(timezone('Asia/Jerusalem', started_at), '%Y-%m-%d %H:%M:%S') as started,
			       strftime(timezone('Asia/Jerusalem', answered_at), '%Y-%m-%d %H:%M:%S') as answered,
			       strftime(timezone('Asia/Jerusalem', ended_at), '%Y-%m-%d %H:%M:%S') as ended
			from calls where id = 'AA0206-47700'`);
		expect(r).toEqual({ started: '2010-08-02 23:54:40', answered: '2010-08-02 23:58:54', ended: '2010-08-03 00:04:25' });
		const bad = await one<{ n: number }>('select cast(count(*) as integer) as n from calls where ended_at < started_at or answered_at < started_at');
		expect(bad.n).toBe(0);
	});

	it('Technion: the week is not Monday-first: Friday stops early, Saturday opens in the evening', async () => {
		const share = await one<{ sat_evening: number; fri_afternoon: number; sun_vs_sat: number }>(`
			with local as (select dayofweek(timezone('Asia/Jerusalem', started_at)) as dow, hour(timezone('Asia/Jerusalem', started_at)) as h from calls)
			select avg(case when h >= 19 then 1 else 0 end) filter (where dow = 6) as sat_evening,
			       avg(case when h >= 15 then 1 else 0 end) filter (where dow = 5) as fri_afternoon,
			       count(*) filter (where dow = 0) / count(*) filter (where dow = 6) as sun_vs_sat
			from local`);
		// SOURCE.txt: "Friday traffic stops at 14:00 and Saturday resumes ~20:00-21:00".
		expect(share.sat_evening).toBeGreaterThan(0.85);
		expect(share.fri_afternoon).toBeLessThan(0.15);
		expect(share.sun_vs_sat).toBeGreaterThan(3);
	});

	it('ServiceNow: priorities, channels, open incidents and a known record', async () => {
		const p = await t.rows<{ priority: string; n: number }>('select priority, cast(count(*) as integer) as n from tickets group by 1 order by 2 desc');
		expect(p).toEqual([
			{ priority: 'normal', n: 23466 },
			{ priority: 'low', n: 774 },
			{ priority: 'high', n: 408 },
			{ priority: 'critical', n: 270 }
		]);
		const c = await one<Record<string, number>>(`
			select cast(count(*) filter (where channel = 'phone') as integer) as phone,
			       cast(count(*) filter (where resolved_at is null) as integer) as unresolved,
			       cast(count(distinct customer_id) as integer) as callers
			from tickets`);
		// Phone 24,688 + IVR 9 (IVR is a phone channel); resolved_at "?" on 1,556; 5,245 callers minus "?".
		expect(c).toEqual({ phone: 24697, unresolved: 1556, callers: 5244 });
		const inc = await one<Record<string, string>>(`
			select customer_id, status, team, assignee, strftime(created_at at time zone 'Asia/Tehran', '%Y-%m-%d %H:%M') as created,
			       strftime(resolved_at at time zone 'Asia/Tehran', '%Y-%m-%d %H:%M') as resolved
			from tickets where id = 'INC0000045'`);
		// Times without a zone are read in the unit's zone (Asia/Tehran by default), so wall-clock times are kept.
		expect(inc).toEqual({ customer_id: 'Caller 2403', status: 'closed', team: 'Group 56', assignee: null, created: '2016-02-29 01:16', resolved: '2016-02-29 11:29' });
	});

	it('ServiceNow: stub customers for the callers, and opened_at peaks on Monday', async () => {
		const stubs = await one<{ n: number }>('select cast(count(*) as integer) as n from customers where is_stub');
		expect(stubs.n).toBe(5244 + 4651);
		const byDay = await t.rows<{ dow: number; n: number }>(
			"select cast(dayofweek(timezone('Asia/Tehran', created_at)) as integer) as dow, cast(count(*) as integer) as n from tickets group by 1 order by 2 desc"
		);
		// SOURCE.txt: opened_at peaks Mon (5,947).
		expect(byDay[0]).toEqual({ dow: 1, n: 5947 });
	});
});
