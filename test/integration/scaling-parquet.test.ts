/**
 * The scale-out path of docs/scaling.md, on a small fixture: the loaded rows exported as
 * hive-partitioned Parquet by local month (DuckDB's COPY … PARTITION_BY), then a separate DuckDB
 * with no database file at all runs the product's own SQL over the files (the rollups of
 * queries/refresh/, then the NPS and calls-by-weekday queries of queries/kpi/ and queries/calls/)
 * and gets exactly the figures the database gives. The same files can be read by DuckDB from
 * object storage, or by Trino or Spark (docs/scaling.md).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { paramNames, sql } from '../../src/lib/server/db/queries';
import { tempDb, type TempDb } from '../helpers/temp-db';

const TZ = 'Asia/Tehran';
let t: TempDb;
let dir: string;

// Three months of answers and calls (Tehran, UTC+03:30); s4 is 21:00 UTC on 30 September,
// 00:30 on 1 October in Tehran: it belongs to October's partition and October's NPS.
const CUSTOMERS = 'id,name,segment\nC1,Alborz Bank,bank\nC2,Road Ministry,government';
const TICKETS = 'id,customer_id,channel,category,priority,team,status,created_at\nT1,C1,email,bug,high,support,resolved,2026-09-10T08:00:00Z\nT2,C2,phone,how_to,normal,technical,resolved,2026-10-12T08:00:00Z';
const ANSWERS = [
	'id,customer_id,ticket_id,kind,occasion,score,comment,answered_at,channel',
	's1,C1,T1,nps,post_ticket,10,,2026-09-11T09:00:00Z,email',
	's2,C2,,nps,periodic,3,,2026-09-15T09:00:00Z,web',
	's3,C1,,nps,periodic,9,,2026-09-20T09:00:00Z,web',
	's4,C2,,nps,periodic,6,,2026-09-30T21:00:00Z,web',
	's5,C1,T2,nps,post_ticket,10,,2026-10-13T09:00:00Z,email',
	's6,C2,,nps,happy_call,8,,2026-11-02T09:00:00Z,phone',
	's7,C1,,csat,post_ticket,4,,2026-11-03T09:00:00Z,email'
].join('\n');
const CALLS = [
	'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id',
	'k1,C1,inbound,support,2026-09-12T05:00:00Z,,,10,60,answered,a1,true,T1',
	'k2,C2,inbound,support,2026-09-12T05:30:00Z,,,40,,abandoned,,false,',
	'k3,C1,inbound,technical,2026-09-30T20:45:00Z,,,5,100,answered,a2,false,',
	'k4,C2,outbound,care,2026-10-03T07:00:00Z,,,0,30,answered,a3,,',
	'k5,C2,inbound,support,2026-10-17T06:10:00Z,,,20,90,answered,a1,true,T2',
	'k6,C1,inbound,support,2026-11-07T06:20:00Z,,,15,120,answered,a2,false,'
].join('\n');

beforeAll(async () => {
	t = await tempDb();
	t.drop('customers', 'c.csv', CUSTOMERS);
	t.drop('tickets', 't.csv', TICKETS);
	t.drop('survey_answers', 's.csv', ANSWERS);
	t.drop('calls', 'k.csv', CALLS);
	const run = await runIngest(t.db, t.config, 'manual');
	expect(run.status, run.error ?? '').toBe('ok');
	dir = path.join(t.dir, 'lake');
	fs.mkdirSync(dir, { recursive: true });
});
afterAll(() => t.close());

/** A named query's text and the values it uses, out of a larger set. */
function named(name: string, values: Record<string, string | null>) {
	const used = paramNames(name);
	return [sql(name), Object.fromEntries(Object.entries(values).filter(([k]) => used.has(k)))] as const;
}

const KPIS = { from: '2026-09-01', to: '2026-11-30', prev_from: '2026-06-03', grain: 'month', segment: null, channel: null, team: null, occasion: null, queue: null };

async function kpiFigures(conn: DuckDBConnection) {
	const out: Record<string, unknown[]> = {};
	for (const name of ['kpi/nps', 'calls/by_weekday_hour']) {
		const [text, values] = named(name, KPIS);
		out[name] = (await conn.runAndReadAll(text, values)).getRowObjectsJson().map((r) => JSON.stringify(r)).sort();
	}
	return out;
}

describe('scale-out over partitioned Parquet', () => {
	it('exports the loaded data by month and gets the same NPS and calls by weekday from the files', async () => {
		const quote = (p: string) => `'${p.replace(/'/g, "''")}'`;
		await t.db.withConnection(async (conn) => {
			// One folder per table, one sub-folder per local month (month=2026-09 …): a reader of one
			// month opens only that folder. Paths are the test's own (COPY takes no bound parameters).
			const tables: [string, string][] = [
				['tickets', 'created_at'],
				['calls', 'started_at'],
				['survey_answers', 'answered_at']
			];
			for (const [table, instant] of tables) {
				await conn.run(
					`copy (select *, strftime(timezone('${TZ}', ${instant}), '%Y-%m') as month from ${table}) to ${quote(path.join(dir, table))} (format parquet, partition_by (month))`
				);
			}
			await conn.run(`copy customers to ${quote(path.join(dir, 'customers.parquet'))} (format parquet)`);
			await conn.run(`copy calendar_days to ${quote(path.join(dir, 'calendar_days.parquet'))} (format parquet)`);
		});
		expect(fs.readdirSync(path.join(dir, 'survey_answers')).sort()).toEqual(['month=2026-09', 'month=2026-10', 'month=2026-11']);
		// s4 (21:00 UTC on 30 September) is in October's folder.
		const lake = await DuckDBInstance.create(':memory:');
		const conn = await lake.connect();
		try {
			const monthOf = await conn.runAndReadAll(`select month from read_parquet(${quote(path.join(dir, 'survey_answers', '*', '*.parquet'))}, hive_partitioning = true) where id = 's4'`);
			expect(monthOf.getRowObjectsJson()).toEqual([{ month: '2026-10' }]);

			// The files as the tables the product's SQL reads (the partition column left out).
			for (const table of ['tickets', 'calls', 'survey_answers']) {
				await conn.run(`create view ${table} as select * exclude (month) from read_parquet(${quote(path.join(dir, table, '*', '*.parquet'))}, hive_partitioning = true)`);
			}
			await conn.run(`create view customers as select * from read_parquet(${quote(path.join(dir, 'customers.parquet'))})`);
			await conn.run(`create view calendar_days as select * from read_parquet(${quote(path.join(dir, 'calendar_days.parquet'))})`);
			// The rollups the KPI queries read, by the product's own rollup SQL over every day.
			for (const rollup of ['rollup_survey_answers', 'rollup_surveys_daily', 'rollup_calls_hourly']) {
				const [text, values] = named(`refresh/${rollup}`, { tz: TZ, from: '-infinity', to: 'infinity', lo: '-infinity', hi: 'infinity' });
				await conn.run(`create table ${rollup} as\n${text}`, values);
			}
			const fromFiles = await kpiFigures(conn);
			const fromDatabase = await t.db.withConnection(kpiFigures);
			expect(fromFiles).toEqual(fromDatabase);

			// By hand, in the unit's (Jalali) months: Shahrivar 1405 (from 23 August) holds s1 10, s2 3,
			// s3 9: NPS = (2 − 1) / 3 × 100 = 33.3; Mehr (from 23 September) holds s4 6 (00:30 on
			// 1 October in Tehran) and s5 10: (1 − 1) / 2 × 100 = 0; Aban (from 23 October) s6 8: 0.
			const months = (fromDatabase['kpi/nps'] as string[]).map((r) => JSON.parse(r)).filter((r) => r.scope === 'period' && r.cohort === 'current');
			expect(months.map((r) => [r.key, r.promoters, r.detractors, r.n]).sort()).toEqual([
				['2026-08-23', 2, 1, 3],
				['2026-09-23', 1, 1, 2],
				['2026-10-23', 0, 0, 1]
			]);
		} finally {
			conn.closeSync();
			lake.closeSync();
		}
	}, 120_000);
});
