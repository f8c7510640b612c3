/**
 * The demo dataset: two years of a care unit's calls, tickets, status changes, survey answers,
 * product activity and annotations for ~300 customers of an Iranian software company, in the
 * product's own CSV layout (one file per dataset, headers from datasets.ts), with planted
 * silent churners whose ground truth is written apart from the inbox. Deterministic: the same
 * options give byte-identical files. The model itself is in simulation.ts.
 */
import path from 'node:path';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../src/lib/server/imports/datasets';
import { csvText, writeFileAtomic, type Cell } from './csv';
import { simulate, type DemoData } from './simulation';
import { DAY, dayString } from './tehran-calendar';
import type { Customer, StoryKind } from './types';
import type { BusinessCalendarSettings } from '../../src/lib/server/business-calendar/schedule';

export interface DemoOptions {
	/** Last day of data (YYYY-MM-DD), a day in Asia/Tehran. */
	asOf: string;
	/** Years of history; default 2. */
	years?: number;
	/** Seed of the random source; default 1405. */
	seed?: number;
	/** Number of customers; default 300. */
	customers?: number;
	/** The moment of generation: no call, ticket, answer or status change comes after it (default: now). */
	now?: Date;
}

export interface DemoSummary {
	files: { dataset: string; path: string; rows: number }[];
	/** Ids of the planted silent churners (ground truth). */
	churned: string[];
	/** First and last day of the data (YYYY-MM-DD, Tehran). */
	firstDay: string;
	lastDay: string;
	/** The business calendar (week and holidays) the demo unit works by: store it as the unit's. */
	businessCalendar: BusinessCalendarSettings;
}

/** The demo data in memory, without writing files. */
export function generateDemo(options: DemoOptions): DemoData {
	return simulate(options);
}

// ---- CSV rows ----------------------------------------------------------------------------

const STORY_TEXT: Record<StoryKind, string> = {
	it_team_replaced: 'after a management change replaced its IT team, the new staff got slow answers to their how-to tickets and rated support poorly',
	feature_given_up: 'it asked for a feature it needed, followed it up by phone while the request sat on hold, and gave a low NPS',
	bug_took_weeks: 'a high-priority bug took weeks to fix despite repeated calls, one of them abandoned in the queue',
	letter_unanswered: 'a request sent by letter waited over a month for a first answer',
	slow_answers: 'slow first responses and long phone queues (several calls abandoned) ended in a low NPS'
};

function truthRows(data: DemoData): Cell[][] {
	// The silence starts the day after the customer's last inbound call or ticket.
	const lastContact = new Map<Customer, number>();
	const seen = (c: Customer, at: number) => lastContact.set(c, Math.max(lastContact.get(c) ?? -Infinity, at));
	for (const call of data.calls) if (call.direction === 'inbound') seen(call.customer, call.started);
	for (const t of data.tickets) seen(t.customer, t.created);
	return data.customers
		.filter((c) => c.churn)
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((c) => {
			const p = c.churn!;
			const quiet = dayString(Math.floor((lastContact.get(c) ?? p.quietDay * DAY - DAY) / DAY) + 1);
			const end =
				p.leftDay !== null
					? `then stopped using the product on ${dayString(p.leftDay)}, around its renewal on ${dayString(c.renewalDay)}`
					: `and its product use is falling ahead of its renewal on ${dayString(c.renewalDay)}`;
			const story = `${STORY_TEXT[p.story].replace(/^./, (s) => s.toUpperCase())}; it has not called or written since ${quiet}, ${end}.`;
			return [c.id, quiet, p.leftDay !== null ? dayString(p.leftDay) : '', story];
		});
}

function datasetRows(data: DemoData, name: DatasetName): Record<string, Cell>[] {
	const cal = data.calendar;
	const end = data.end;
	const ts = (wall: number | null) => (wall === null || wall >= end ? '' : cal.timestamp(wall));
	switch (name) {
		case 'customers':
			return data.customers.map((c) => ({
				id: c.id,
				name: c.name,
				segment: c.segment,
				contract_start: dayString(c.startDay),
				renewal_date: dayString(c.renewalDay),
				owner: c.owner,
				contact_name: c.contactName,
				contact_phone: c.contactPhone,
				contact_email: c.contactEmail,
				contact_since: c.contactSince === null ? '' : dayString(c.contactSince)
			}));
		case 'tickets':
			return data.tickets.map((t) => {
				const seen = t.changes.filter(([at]) => at < end);
				return {
					id: t.id,
					customer_id: t.customer.id,
					channel: t.channel,
					category: t.category,
					priority: t.priority,
					support_level: t.level,
					status: seen[seen.length - 1]![1],
					team: t.team,
					assignee: t.assignee,
					subject: t.subject,
					created_at: ts(t.created),
					first_response_at: ts(t.firstResponse),
					resolved_at: ts(t.resolved),
					closed_at: ts(t.closed)
				};
			});
		case 'ticket_status_changes':
			return data.tickets.flatMap((t) => t.changes.filter(([at]) => at < end).map(([at, status]) => ({ ticket_id: t.id, changed_at: ts(at), status })));
		case 'calls':
			return data.calls.map((c) => ({
				id: c.id,
				customer_id: c.customer.id,
				direction: c.direction,
				queue: c.queue,
				started_at: ts(c.started),
				answered_at: ts(c.answered),
				ended_at: ts(c.ended),
				wait_seconds: c.wait,
				talk_seconds: c.talk,
				outcome: c.answered === null ? 'abandoned' : 'answered',
				agent: c.agent,
				opened_case: c.openedCase,
				ticket_id: c.ticket?.id ?? ''
			}));
		case 'survey_answers':
			return data.surveys.map((s) => ({
				id: s.id,
				customer_id: s.customer.id,
				ticket_id: s.ticket?.id ?? '',
				kind: s.kind,
				occasion: s.occasion,
				score: s.score,
				comment: s.comment,
				answered_at: ts(s.answered),
				channel: s.channel
			}));
		case 'product_activity':
			return data.activity.map(([c, day, count]) => ({ customer_id: c.id, day: cal.dateText(day), kind: 'active_users', count }));
		case 'annotations':
			return data.annotations.map((a) => ({ id: a.id, kind: a.kind, starts_at: ts(a.starts), ends_at: ts(a.ends), title: a.title, description: a.description }));
	}
}

/** Header of a dataset's CSV: its field names in the order of datasets.ts. */
export function demoHeader(name: DatasetName): string[] {
	return DATASETS[name].fields.map((f) => f.name);
}

export async function writeDemoData(inboxDir: string, truthDir: string, options: DemoOptions): Promise<DemoSummary> {
	const data = generateDemo(options);
	const files: DemoSummary['files'] = [];
	// Customers first, so that a scan that starts midway finds the customers the others name.
	for (const name of DATASET_NAMES) {
		const header = demoHeader(name);
		const rows = datasetRows(data, name).map((r) => header.map((h) => r[h]));
		const file = path.join(inboxDir, name, `demo-${name}.csv`);
		await writeFileAtomic(file, csvText(header, rows));
		files.push({ dataset: name, path: file, rows: rows.length });
	}
	await writeFileAtomic(path.join(truthDir, 'demo-churn-truth.csv'), csvText(['customer_id', 'went_quiet_on', 'left_on', 'story'], truthRows(data)));
	const churned = data.customers.filter((c) => c.churn).map((c) => c.id).sort();
	return { files, churned, firstDay: dayString(data.first), lastDay: dayString(data.last), businessCalendar: data.calendar.business.settings };
}

/** Staff names used in the demo data, for settings or fixtures that need them. */
export { CARE_STAFF, SUPPORT_AGENTS, TECHNICAL_AGENTS } from './names';
export { unitHolidays } from './tehran-calendar';
