import { readFilters } from '$lib/server/filters';
import { ANSWER_PARAMS, listAnswers, parseAnswerQuery, answerViewerFor } from '$lib/server/kpi/answers';
import { filterOptions } from '$lib/server/kpi/common';
import { SURVEY_DIMENSIONS, surveyKpis, withSurveyGrain } from '$lib/server/kpi/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = locals.runtime;
	const request = await readFilters(db, locals.locale, url.searchParams, { accept: SURVEY_DIMENSIONS, known: ANSWER_PARAMS });
	const filters = withSurveyGrain(request.filters);
	const answerQuery = parseAnswerQuery(url.searchParams);
	const [kpis, answers, options] = await Promise.all([
		surveyKpis(db, filters, settings.kpi),
		listAnswers(db, filters, answerQuery.query, answerViewerFor(locals.user?.role)),
		filterOptions(db)
	]);
	return {
		today: request.today,
		filters,
		errors: [...request.errors, ...answerQuery.errors],
		notes: request.notes,
		kpis,
		answers,
		answerQuery: answerQuery.query,
		options,
		smallSampleMin: settings.kpi.smallSampleMin
	};
};
