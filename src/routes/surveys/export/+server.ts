import { by } from '$lib/server/auth/web';
import { answerExport, tableContext } from '$lib/server/export/request';
import { withoutExportParams } from '$lib/server/export';
import { readFilters } from '$lib/server/filters';
import { ANSWER_PARAMS, EXPORT_ROWS, answerViewerFor, listAnswers, parseAnswerQuery } from '$lib/server/kpi/answers';
import { SURVEY_DIMENSIONS, surveyKpis, withSurveyGrain } from '$lib/server/kpi/surveys';
import { answersTable, surveyBreakdownTable, surveyPeriodTable } from '$lib/server/kpi/tables';
import type { RequestHandler } from './$types';

/**
 * The Surveys page's tables as files: GET /surveys/export?table=answers|by-period|by-segment|
 * by-channel|by-team|by-occasion&format=…&<the page's filters>. The answers hold every answer of
 * the filters (not one page), with customer names and comments only where the viewer's role may
 * see them; downloading them is recorded in the audit log.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const params = withoutExportParams(url.searchParams);
	const request = await readFilters(db, locals.locale, params, { accept: SURVEY_DIMENSIONS, known: ANSWER_PARAMS });
	const filters = withSurveyGrain(request.filters);
	const c = tableContext(locals.locale);
	let kpis: ReturnType<typeof surveyKpis> | null = null;
	const once = () => (kpis ??= surveyKpis(db, filters, settings.kpi));
	const breakdown = (d: (typeof SURVEY_DIMENSIONS)[number]) => ({ build: async () => surveyBreakdownTable(c, d, (await once()).breakdowns[d]) });
	return answerExport({ db, by: by(locals), locale: locals.locale, params: url.searchParams, page: '/surveys' }, {
		answers: {
			build: async () => {
				const viewer = answerViewerFor(locals.user?.role);
				const { query } = parseAnswerQuery(params);
				const list = await listAnswers(db, filters, { ...query, page: 1 }, viewer, EXPORT_ROWS);
				return answersTable(c, list.rows, viewer.comments);
			},
			audit: 'export.answers'
		},
		'by-period': { build: async () => surveyPeriodTable(c, filters.grain, (await once()).byPeriod) },
		'by-segment': breakdown('segment'),
		'by-channel': breakdown('channel'),
		'by-team': breakdown('team'),
		'by-occasion': breakdown('occasion')
	});
};
