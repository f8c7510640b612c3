import { json } from '@sveltejs/kit';
import { requestedFormat, withoutExportParams } from '$lib/server/export';
import { recordsTable } from '$lib/server/export/records';
import { sendTable } from '$lib/server/export/request';
import { by } from '$lib/server/auth/web';
import type { ParamError } from '$lib/filters';
import { translator } from '$lib/i18n/translate';
import { badRequest } from '$lib/server/filters';
import { dayParam, intParam, unknownParams } from '$lib/server/churn/params';
import { rankedRisk } from '$lib/server/churn/risk';
import { viewerOf } from '$lib/server/churn/viewer';
import type { RequestHandler } from './$types';

/**
 * The customers by churn risk, highest first: GET /api/customers/risk?limit=50&offset=0&as_of=YYYY-MM-DD&min_score=0
 * → [ { rank, customer_id, name, segment, score, change, factors: [ { factor, contribution } ], reasons: [ "silent for 74 days", … ], reason_keys } ]
 * as_of picks the newest day computed on or before it (the X-Risk-As-Of header says which).
 * Reasons are in the request's language (?lang=fa for Persian); names are null for executives.
 * With ?format=csv|xlsx|parquet|arrow: the same rows as a file (reasons joined), audited.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { format, error: formatError } = requestedFormat(url.searchParams);
	if (formatError) return json({ error: formatError, param: 'format' }, { status: 400 });
	const errors: ParamError[] = [];
	const params = withoutExportParams(url.searchParams);
	unknownParams(params, ['limit', 'offset', 'as_of', 'min_score'], errors);
	const limit = intParam(params, 'limit', 1, 1000, errors) ?? 50;
	const offset = intParam(params, 'offset', 0, 1_000_000, errors) ?? 0;
	const minScore = intParam(params, 'min_score', 0, 100, errors) ?? 0;
	const asOf = dayParam(params, 'as_of', errors);
	if (errors.length) return badRequest(errors);
	const list = await rankedRisk(locals.runtime.db, viewerOf(locals), { asOf, limit, offset, minScore });
	if (asOf && !list.asOf) return json({ error: `the risk was not computed on or before ${asOf}`, param: 'as_of' }, { status: 404 });
	const t = translator(locals.locale.language);
	const body = list.rows.map((r) => ({
		rank: r.rank,
		customer_id: r.customerId,
		name: r.name,
		segment: r.segment,
		score: r.score,
		previous_score: r.previousScore,
		change: r.change,
		factors: r.factors.map((f) => ({ factor: f.factor, contribution: f.contribution })),
		reasons: r.reasons.map((p) => t(p.key, p.params)),
		reason_keys: r.reasons
	}));
	if (format) return sendTable({ db: locals.runtime.db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/api/customers/risk' }, recordsTable('customers-risk', body), format, 'export.customers');
	return json(body, { headers: { 'x-risk-as-of': list.asOf ?? '', 'x-total-count': String(list.total) } });
};
