/**
 * The survey answers list of the Surveys page: filterable by kind, score band, occasion,
 * segment, channel, team and customer, searchable, sorted and paged on the server.
 *
 * What a viewer may see is decided here, not in the page: comments and customer names leave
 * the database only for a viewer allowed to see them (executives see scores and ids only), and
 * the search does not look into what the viewer cannot see, so it cannot be used to probe it.
 */
import { canSeeComments, canSeeCustomerPii, type Role } from '../auth/roles';
import { MAX_TEXT, type Filters, type ParamError } from '../../filters';
import type { Database } from '../db/database';
import { bandOf, SCORE_BANDS, SURVEY_DIMENSIONS, type ScoreBand } from './surveys';

/** What the viewer of the list may see (from the signed-in user's role). */
export interface AnswerViewer {
	/** Customer organisations' names (and their contacts). */
	customerNames: boolean;
	/** Free-text comments: they quote customers and name people. */
	comments: boolean;
}

/** Everything: for the benchmark and the command line, never for a request. */
export const UNRESTRICTED: AnswerViewer = { customerNames: true, comments: true };

/**
 * What the signed-in role may see (the auth predicates): executives see aggregated figures,
 * scores and ids, never a customer's name or words; nobody signed in sees neither.
 */
export function answerViewerFor(role: Role | null | undefined): AnswerViewer {
	const viewer = role ? { role } : null;
	return { customerNames: canSeeCustomerPii(viewer), comments: canSeeComments(viewer) };
}

export const ANSWER_SORTS = ['answered_at', 'score'] as const;
export type AnswerSort = (typeof ANSWER_SORTS)[number];
export const PAGE_SIZE = 25;
/** The most rows a download of the list holds. */
export const EXPORT_ROWS = 100_000;
/** Longest search text accepted. */
export const MAX_QUERY = 100;

export interface AnswerQuery {
	kind: 'nps' | 'csat' | null;
	band: ScoreBand | null;
	customer: string | null;
	q: string | null;
	sort: AnswerSort;
	dir: 'asc' | 'desc';
	page: number;
}

/** The list's own URL parameters (kind, band, customer, q, sort, dir, page); a bad one is reported and ignored. */
export function parseAnswerQuery(params: URLSearchParams): { query: AnswerQuery; errors: ParamError[] } {
	const errors: ParamError[] = [];
	const oneOf = <T extends string>(name: string, values: readonly T[]): T | null => {
		const raw = params.get(name);
		if (raw === null || raw === '') return null;
		if ((values as readonly string[]).includes(raw)) return raw as T;
		errors.push({ param: name, key: 'filter.error.notInList', params: { param: name, value: raw.slice(0, 40), allowed: values.join(', ') } });
		return null;
	};
	const text = (name: string, max: number): string | null => {
		const raw = params.get(name)?.trim();
		if (!raw) return null;
		if (raw.length > max || /\p{Cc}/u.test(raw)) {
			errors.push({ param: name, key: 'filter.error.badValue', params: { param: name, max } });
			return null;
		}
		return raw;
	};
	const kind = oneOf('kind', ['nps', 'csat'] as const);
	const band = oneOf('band', SCORE_BANDS);
	const sort = oneOf('sort', ANSWER_SORTS) ?? 'answered_at';
	const dir = oneOf('dir', ['asc', 'desc'] as const) ?? 'desc';
	let page = 1;
	const rawPage = params.get('page');
	if (rawPage) {
		if (/^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
		else errors.push({ param: 'page', key: 'filter.error.notNumber', params: { param: 'page', value: rawPage.slice(0, 40), min: 1, max: 999999 } });
	}
	return { query: { kind, band, customer: text('customer', MAX_TEXT), q: text('q', MAX_QUERY), sort, dir, page }, errors };
}

/** The list's own parameters, beside the filters. */
export const ANSWER_PARAMS = ['kind', 'band', 'customer', 'q', 'sort', 'dir', 'page'] as const;

export interface Answer {
	id: string;
	answeredAt: string;
	kind: 'nps' | 'csat';
	score: number;
	band: ScoreBand;
	occasion: string | null;
	channel: string | null;
	/** Null when there is none, or the viewer may not see it. */
	comment: string | null;
	customerId: string | null;
	customerName: string | null;
	segment: string | null;
	ticketId: string | null;
}

export interface AnswerPage {
	rows: Answer[];
	total: number;
	page: number;
	pageSize: number;
	viewer: AnswerViewer;
}

interface AnswerRow extends Record<string, unknown> {
	id: string;
	answered_at: string;
	kind: 'nps' | 'csat';
	score: number;
	occasion: string | null;
	channel: string | null;
	comment: string | null;
	customer_id: string | null;
	customer_name: string | null;
	segment: string | null;
	ticket_id: string | null;
	total: number;
}

/** One page of the answers (a download asks for one page of up to EXPORT_ROWS). */
export async function listAnswers(db: Database, filters: Filters, query: AnswerQuery, viewer: AnswerViewer, pageSize = PAGE_SIZE): Promise<AnswerPage> {
	const params: Record<string, string | number | boolean | null> = {
		from: filters.range.from,
		to: filters.range.to,
		kind: query.kind,
		band: query.band,
		customer: query.customer,
		q: query.q,
		show_comments: viewer.comments,
		show_names: viewer.customerNames,
		sort: query.sort,
		dir: query.dir,
		limit: pageSize,
		offset: (query.page - 1) * pageSize
	};
	for (const d of SURVEY_DIMENSIONS) params[d] = filters.dims[d] ?? null;
	const rows = await db.query<AnswerRow>('surveys/answers', params);
	return {
		rows: rows.map((r) => ({
			id: r.id,
			answeredAt: r.answered_at,
			kind: r.kind,
			score: r.score,
			band: bandOf(r.kind, r.score),
			occasion: r.occasion,
			channel: r.channel,
			comment: viewer.comments ? r.comment || null : null,
			customerId: r.customer_id,
			customerName: viewer.customerNames ? r.customer_name : null,
			segment: r.segment,
			ticketId: r.ticket_id || null
		})),
		total: rows[0]?.total ?? 0,
		page: query.page,
		pageSize,
		viewer
	};
}

