/**
 * Our SLA clock against ServiceNow's own verdict, on the real incident export
 * (../shared/data/real/servicenow_incidents/incidents_summary.csv, 24,918 incidents; UCI 498).
 *
 * ServiceNow's `made_sla` flag says whether the help desk counted an incident within its SLA.
 * Its SLA definitions and schedule are not in the export, so we state a calendar and targets and
 * measure how often our resolution verdict (met / breached) agrees, for incidents with a recorded
 * resolution:
 *   calendar: Monday-Friday 08:00-18:00, America/Sao_Paulo (the data's authors are in São Paulo;
 *     the export's times carry no zone), no holidays; no pauses (the summary has no status history);
 *   resolution targets in business hours: critical 4, high 8, normal 40 (four 10-hour days), low 80.
 * The figures are printed and written into the README ("SLA compliance … agreement with ServiceNow").
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, saveSetting } from '../../src/lib/server/settings';
import { refreshAll } from '../../src/lib/server/refresh/index';
import { addPolicyVersion, PRIORITIES, type Priority } from '../../src/lib/server/sla/policies';
import { realDataAvailable, realDataDir, tempDb, type TempDb } from '../helpers/temp-db';

const run = realDataAvailable();
const HOURS: Record<Priority, number> = { critical: 4, high: 8, normal: 40, low: 80 };

let t: TempDb;
let verdicts: Map<string, boolean>;

beforeAll(async () => {
	if (!run) return;
	t = await tempDb({ CARE_TIME_ZONE: 'America/Sao_Paulo' });
	const file = path.join(realDataDir(), 'servicenow_incidents', 'incidents_summary.csv');
	const text = fs.readFileSync(file, 'utf8');
	verdicts = new Map(
		Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
			.data.filter((r) => r.resolved_at)
			.map((r) => [r.number!, r.made_sla === 'true'])
	);
	const settings = await loadSettings(t.db);
	const weekday = [{ start: '08:00', end: '18:00' }];
	settings.business_calendar = { week: [[], weekday, weekday, weekday, weekday, weekday, []], holidays: [] };
	settings.sla = { ...settings.sla, pauseStatuses: [] };
	await saveSetting(t.db, 'business_calendar', settings.business_calendar);
	await saveSetting(t.db, 'sla', settings.sla);
	await t.db.transaction((conn) =>
		addPolicyVersion(
			conn,
			'1970-01-01',
			PRIORITIES.map((priority) => ({ priority, tier: '', firstResponseMinutes: null, firstResponseClock: 'business', resolutionMinutes: HOURS[priority] * 60, resolutionClock: 'business' }))
		)
	);
	t.drop('tickets', 'servicenow.csv', text);
	const result = await runIngest(t.db, t.config, 'manual');
	expect(result.files[0]).toMatchObject({ mapping: 'servicenow-incidents', inserted: 24918 });
	await refreshAll(t.db, settings, new Date('2017-03-01T00:00:00Z'));
}, 300_000);
afterAll(() => t?.close());

describe.skipIf(!run)('SLA clock vs ServiceNow made_sla', () => {
	it('agrees with the help desk on most resolved incidents; the figures by priority', async () => {
		const rows = await t.rows<{ id: string; priority: Priority; state: string }>(
			`select ticket_id as id, priority, sla_state(res_target_s, res_stopped, res_paused, res_elapsed_s, res_due_at, res_risk_at, res_risk_s, now()) as state from sla_clocks`
		);
		const table: Record<string, { n: number; agree: number; oursMet: number; theirsMet: number }> = {};
		for (const r of rows) {
			const theirs = verdicts.get(r.id);
			if (theirs === undefined || (r.state !== 'met' && r.state !== 'breached')) continue;
			const ours = r.state === 'met';
			for (const key of [r.priority, 'all']) {
				const x = (table[key] ??= { n: 0, agree: 0, oursMet: 0, theirsMet: 0 });
				x.n++;
				if (ours === theirs) x.agree++;
				if (ours) x.oursMet++;
				if (theirs) x.theirsMet++;
			}
		}
		const pct = (a: number, b: number) => ((100 * a) / b).toFixed(1) + '%';
		console.log(
			'\n[servicenow] resolution verdicts, ours vs made_sla (Mon-Fri 08:00-18:00 America/Sao_Paulo; targets 4/8/40/80 business hours):\n' +
				Object.entries(table)
					.map(([k, x]) => `  ${k.padEnd(8)} n=${x.n}  agree ${pct(x.agree, x.n)}  met: ours ${pct(x.oursMet, x.n)}, ServiceNow ${pct(x.theirsMet, x.n)}`)
					.join('\n')
		);
		const all = table.all!;
		// Every incident with a recorded resolution is compared (23,362 of 24,918).
		expect(all.n).toBe(verdicts.size);
		// A floor, not the figure: the agreement is reported above and in the README.
		expect(all.agree / all.n).toBeGreaterThan(0.8);
	});
});
