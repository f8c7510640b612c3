import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData, type DemoSummary } from '../../jobs/demo/generate';
import { UnitCalendar, dayNumber, dayString, weekday, yearsBefore } from '../../jobs/demo/tehran-calendar';
import { DATASETS, DATASET_NAMES, keyFields, type DatasetName } from '../../src/lib/server/imports/datasets';
import { parseDate, parseTimestamp } from '../../src/lib/server/imports/values';

const AS_OF = '2026-11-22';
type Row = Record<string, string>;

function readCsv(file: string): { header: string[]; rows: string[][] } {
	const parsed = Papa.parse<string[]>(fs.readFileSync(file, 'utf8'), { skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	const [header, ...rows] = parsed.data;
	return { header: header!, rows };
}

function records(file: string): { header: string[]; records: Row[]; ragged: number } {
	const { header, rows } = readCsv(file);
	const ragged = rows.filter((r) => r.length !== header.length).length;
	return { header, ragged, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

function filesOf(dir: string): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	const walk = (d: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, e.name);
			if (e.isDirectory()) walk(full);
			else out.set(path.relative(dir, full), fs.readFileSync(full));
		}
	};
	walk(dir);
	return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-generate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Generating and parsing the demo takes seconds on an idle machine and many more on a busy
// one: these tests have explicit generous timeouts, never Vitest's default 5 s.
const HEAVY = 120_000;

describe('demo data: determinism', () => {
	it('gives byte-identical files for the same options, and other files for another seed', { timeout: HEAVY }, async () => {
		const options = { asOf: '2025-06-10', years: 1, customers: 60 };
		await writeDemoData(path.join(tmp, 'a/inbox'), path.join(tmp, 'a/truth'), options);
		await writeDemoData(path.join(tmp, 'b/inbox'), path.join(tmp, 'b/truth'), options);
		await writeDemoData(path.join(tmp, 'c/inbox'), path.join(tmp, 'c/truth'), { ...options, seed: 7 });
		const a = filesOf(path.join(tmp, 'a'));
		const b = filesOf(path.join(tmp, 'b'));
		const c = filesOf(path.join(tmp, 'c'));
		expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
		expect(a.size).toBe(DATASET_NAMES.length + 1);
		for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
		expect(a.get('inbox/calls/demo-calls.csv')!.equals(c.get('inbox/calls/demo-calls.csv')!)).toBe(false);
	});
});

describe(`demo data as of ${AS_OF}`, { timeout: HEAVY }, () => {
	const inbox = path.join(tmp, 'full/inbox');
	const truthDir = path.join(tmp, 'full/truth');
	let summary: DemoSummary;
	const data = {} as Record<DatasetName, Row[]>;
	const shape = {} as Record<DatasetName, { header: string[]; ragged: number }>;
	let tickets: Map<string, Row>;
	let truth: Row[];
	const cal = new UnitCalendar();
	const day = (ts: string) => dayNumber(ts.slice(0, 10));

	beforeAll(async () => {
		summary = await writeDemoData(inbox, truthDir, { asOf: AS_OF });
		for (const name of DATASET_NAMES) {
			const r = records(path.join(inbox, name, `demo-${name}.csv`));
			data[name] = r.records;
			shape[name] = r;
		}
		tickets = new Map(data.tickets.map((t) => [t.id!, t]));
		truth = records(path.join(truthDir, 'demo-churn-truth.csv')).records;
	}, HEAVY);

	it('writes one CSV per dataset into <inbox>/<dataset>/, nothing half-written, the truth outside the inbox', () => {
		const written = [...filesOf(inbox).keys()].sort();
		expect(written).toEqual(DATASET_NAMES.map((n) => path.join(n, `demo-${n}.csv`)).sort());
		expect(summary.files.map((f) => f.dataset)).toEqual([...DATASET_NAMES]);
		for (const f of summary.files) expect(f.rows).toBe(data[f.dataset as DatasetName].length);
		expect(fs.existsSync(path.join(truthDir, 'demo-churn-truth.csv'))).toBe(true);
		const total = summary.files.reduce((s, f) => s + fs.statSync(f.path).size, 0);
		expect(total).toBeLessThan(40e6);
	});

	it('uses the field names of datasets.ts as headers, with every row complete', () => {
		for (const name of DATASET_NAMES) {
			expect(shape[name].header, name).toEqual(DATASETS[name].fields.map((f) => f.name));
			expect(shape[name].ragged, name).toBe(0);
		}
	});

	it('has unique keys in every file', () => {
		for (const name of DATASET_NAMES) {
			const key = keyFields(DATASETS[name]);
			const keys = new Set(data[name].map((r) => key.map((k) => r[k]).join('|')));
			expect(keys.size, name).toBe(data[name].length);
		}
	});

	it('has realistic volumes', () => {
		expect(data.customers.length).toBe(300);
		expect(data.calls.length).toBeGreaterThan(35_000);
		expect(data.calls.length).toBeLessThan(60_000);
		expect(data.tickets.length).toBeGreaterThan(22_000);
		expect(data.tickets.length).toBeLessThan(40_000);
		expect(data.product_activity.length).toBeLessThan(300_000);
	});

	it('only has required values, valid enums, parseable timestamps with an offset, and dates', () => {
		// Collected rather than asserted one by one: there are two million values.
		const bad: string[] = [];
		for (const name of DATASET_NAMES) {
			for (const field of DATASETS[name].fields) {
				const values = new Set(field.values ?? []);
				for (const r of data[name]) {
					const v = r[field.name]!;
					let ok = true;
					if (v === '') ok = !field.required;
					else if (field.type === 'enum') ok = values.has(v);
					else if (field.type === 'timestamp') {
						const p = parseTimestamp(v);
						ok = p.ok && /[+-]\d{2}:\d{2}$/.test(p.value);
					} else if (field.type === 'date') ok = parseDate(v).ok;
					else if (field.type === 'boolean') ok = v === 'true' || v === 'false';
					if (!ok && bad.length < 10) bad.push(`${name}.${field.name}="${v}"`);
				}
			}
		}
		expect(bad).toEqual([]);
	});

	it('spans two years ending on the last day', () => {
		const days = data.calls.map((c) => day(c.started_at!));
		expect(dayString(Math.max(...days))).toBe(AS_OF);
		const first = Math.min(...days);
		const expected = yearsBefore(dayNumber(AS_OF), 2);
		expect(first - expected).toBeGreaterThanOrEqual(0);
		expect(first - expected).toBeLessThanOrEqual(7);
	});

	it('refers only to tickets and customers that exist', () => {
		const customers = new Set(data.customers.map((c) => c.id));
		const missing: string[] = [];
		for (const name of ['tickets', 'calls', 'survey_answers', 'product_activity'] as const) {
			for (const r of data[name]) if (!customers.has(r.customer_id!)) missing.push(`${name}: customer ${r.customer_id}`);
		}
		for (const name of ['calls', 'survey_answers', 'ticket_status_changes'] as const) {
			for (const r of data[name]) if (r.ticket_id && !tickets.has(r.ticket_id)) missing.push(`${name}: ticket ${r.ticket_id}`);
		}
		expect(missing.slice(0, 10)).toEqual([]);
	});

	it('makes Saturday the busiest weekday and Friday the quietest', () => {
		const perWeekday = new Array<number>(7).fill(0);
		for (const c of data.calls) perWeekday[weekday(day(c.started_at!))]!++;
		const saturday = perWeekday[6]!;
		const friday = perWeekday[5]!;
		expect(Math.max(...perWeekday)).toBe(saturday);
		expect(Math.min(...perWeekday)).toBe(friday);
		// Saturday carries the weekend's backlog: clearly above an ordinary weekday.
		expect(saturday / perWeekday[1]!).toBeGreaterThan(1.2);
	});

	it('has 30-40 case-opening calls and 40-50 follow-ups on an ordinary working day', () => {
		// Ordinary: Saturday to Wednesday, no holiday, not in a release's or an incident's flood.
		const flooded = new Set<number>();
		for (const a of data.annotations) {
			const last = day(a.ends_at || a.starts_at!);
			for (let d = day(a.starts_at!); d <= last; d++) flooded.add(d);
			for (let i = 0, d = last; i < (a.kind === 'release' ? 3 : 1); i++) flooded.add((d = cal.nextWorkingDay(d)));
		}
		const cases = new Map<number, number>();
		const followUps = new Map<number, number>();
		for (const c of data.calls) {
			if (c.direction !== 'inbound') continue;
			const d = day(c.started_at!);
			const m = c.opened_case === 'true' ? cases : followUps;
			m.set(d, (m.get(d) ?? 0) + 1);
		}
		const ordinary: number[] = [];
		for (let d = dayNumber(AS_OF) - 720; d <= dayNumber(AS_OF); d++) if (cal.kind(d) === 'full' && !flooded.has(d)) ordinary.push(d);
		const mean = (m: Map<number, number>) => ordinary.reduce((s, d) => s + (m.get(d) ?? 0), 0) / ordinary.length;
		expect(ordinary.length).toBeGreaterThan(350);
		expect(mean(cases)).toBeGreaterThanOrEqual(30);
		expect(mean(cases)).toBeLessThanOrEqual(40);
		expect(mean(followUps)).toBeGreaterThanOrEqual(40);
		expect(mean(followUps)).toBeLessThanOrEqual(50);
	});

	it('keeps calls consistent: waits, talk, abandonment and the tickets they opened', () => {
		const bad: string[] = [];
		const check = (ok: boolean, c: Row, what: string) => {
			if (!ok && bad.length < 10) bad.push(`${c.id}: ${what}`);
		};
		let abandoned = 0;
		let inbound = 0;
		for (const c of data.calls) {
			const started = Date.parse(c.started_at!);
			if (c.direction === 'inbound') inbound++;
			if (c.outcome === 'abandoned') {
				if (c.direction === 'inbound') abandoned++;
				check(c.answered_at === '' && c.talk_seconds === '' && c.opened_case === 'false', c, 'abandoned with an answer');
				check(Date.parse(c.ended_at!) - started === Number(c.wait_seconds) * 1000, c, 'ended != started + wait');
				continue;
			}
			check(Date.parse(c.answered_at!) - started === Number(c.wait_seconds) * 1000, c, 'answered != started + wait');
			check(Date.parse(c.ended_at!) - Date.parse(c.answered_at!) === Number(c.talk_seconds) * 1000, c, 'ended != answered + talk');
			const t = c.ticket_id ? tickets.get(c.ticket_id) : undefined;
			if (c.opened_case === 'true') {
				check(t?.channel === 'phone' && t.customer_id === c.customer_id, c, 'opened a ticket that is not its phone ticket');
				check(!!t && Date.parse(t.created_at!) > started, c, 'ticket created before the call');
			} else if (t && c.direction === 'inbound') {
				check(t.customer_id === c.customer_id && Date.parse(t.created_at!) < started, c, 'follow-up about a later or foreign ticket');
			}
		}
		expect(bad).toEqual([]);
		expect(abandoned / inbound).toBeGreaterThan(0.04);
		expect(abandoned / inbound).toBeLessThan(0.11);
	});

	it("keeps every ticket's status history consistent with its timestamps", () => {
		const history = new Map<string, Row[]>();
		for (const s of data.ticket_status_changes) {
			const h = history.get(s.ticket_id!);
			if (h) h.push(s);
			else history.set(s.ticket_id!, [s]);
		}
		const bad: string[] = [];
		const check = (ok: boolean, t: Row, what: string) => {
			if (!ok && bad.length < 10) bad.push(`${t.id}: ${what}`);
		};
		let open = 0;
		for (const t of data.tickets) {
			const h = history.get(t.id!) ?? [];
			const times = h.map((s) => Date.parse(s.changed_at!));
			check(times.every((x, i) => i === 0 || x > times[i - 1]!), t, 'changes out of order');
			check(h[0]?.status === 'new' && h[0].changed_at === t.created_at, t, 'first change is not new at created_at');
			check(h[h.length - 1]?.status === t.status, t, 'status is not the last change');
			const at = (status: string) => h.find((s) => s.status === status)?.changed_at ?? '';
			check(at('open') === t.first_response_at, t, 'open != first_response_at');
			check(at('resolved') === t.resolved_at, t, 'resolved != resolved_at');
			check(at('closed') === t.closed_at, t, 'closed != closed_at');
			if (!t.resolved_at) open++;
			else check(t.status === 'resolved' || t.status === 'closed', t, 'resolved but status ' + t.status);
		}
		expect(bad).toEqual([]);
		const share = open / data.tickets.length;
		expect(share).toBeGreaterThan(0.01);
		expect(share).toBeLessThan(0.06);
	});

	it('answers written tickets that arrive after hours in working hours, from the next working day', () => {
		const bad: string[] = [];
		let checked = 0;
		for (const t of data.tickets) {
			if (t.channel === 'phone' || !t.first_response_at) continue;
			const created = t.created_at!;
			if (Number(created.slice(11, 13)) < 16) continue;
			const first = t.first_response_at;
			const [open, close] = cal.window(day(first)) ?? [0, -1];
			const second = Number(first.slice(11, 13)) * 3600 + Number(first.slice(14, 16)) * 60 + Number(first.slice(17, 19));
			if (day(first) < cal.nextWorkingDay(day(created)) || second < open || second > close) bad.push(`${t.id} ${created} -> ${first}`);
			checked++;
		}
		expect(bad.slice(0, 10)).toEqual([]);
		expect(checked).toBeGreaterThan(100);
	});

	it('has NPS and CSAT in the expected ranges', () => {
		const nps = data.survey_answers.filter((s) => s.kind === 'nps').map((s) => Number(s.score));
		const csat = data.survey_answers.filter((s) => s.kind === 'csat').map((s) => Number(s.score));
		const npsValue = (100 * (nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length)) / nps.length;
		const csatValue = (100 * csat.filter((s) => s >= 4).length) / csat.length;
		expect(npsValue).toBeGreaterThan(15);
		expect(npsValue).toBeLessThan(45);
		expect(csatValue).toBeGreaterThan(70);
		expect(csatValue).toBeLessThan(88);
	});

	it('plants silent churners whose silence and falling activity are in the data', () => {
		expect(truth.length).toBeGreaterThanOrEqual(15);
		expect(truth.length).toBeLessThanOrEqual(20);
		expect(truth.map((t) => t.customer_id).sort()).toEqual(summary.churned);
		const segments = new Set(truth.map((t) => data.customers.find((c) => c.id === t.customer_id)!.segment));
		expect(segments.size).toBeGreaterThanOrEqual(3);
		expect(truth.some((t) => t.left_on === '')).toBe(true);
		expect(truth.some((t) => t.left_on !== '')).toBe(true);
		const asOf = dayNumber(AS_OF);
		for (const t of truth) {
			const quiet = dayNumber(t.went_quiet_on!);
			expect(asOf - quiet).toBeGreaterThanOrEqual(21);
			expect(asOf - quiet).toBeLessThanOrEqual(400);
			expect(t.story!.length).toBeGreaterThan(40);
			const inbound = data.calls.filter((c) => c.customer_id === t.customer_id && c.direction === 'inbound');
			const opened = data.tickets.filter((x) => x.customer_id === t.customer_id);
			expect(inbound.filter((c) => day(c.started_at!) >= quiet)).toEqual([]);
			expect(opened.filter((x) => day(x.created_at!) >= quiet)).toEqual([]);
			// They had a rhythm to break: contacts in the half year before the silence.
			expect(inbound.filter((c) => day(c.started_at!) >= quiet - 180).length).toBeGreaterThan(5);
			const activity = data.product_activity.filter((a) => a.customer_id === t.customer_id).map((a) => ({ d: dayNumber(a.day!), n: Number(a.count) }));
			const avg = (from: number, to: number) => {
				const xs = activity.filter((a) => a.d >= from && a.d < to);
				return xs.reduce((s, a) => s + a.n, 0) / Math.max(1, xs.length);
			};
			if (t.left_on) {
				const left = dayNumber(t.left_on);
				expect(activity.filter((a) => a.d >= left && a.n > 0)).toEqual([]);
			} else {
				expect(avg(asOf - 14, asOf + 1)).toBeLessThan(0.8 * avg(quiet - 120, quiet - 30));
			}
		}
	});
});
