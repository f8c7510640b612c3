/**
 * Filters of a request: the URL parsed against today (in the unit's zone) and the extent of
 * the loaded data, so the default period lands where the data is. Pages and API endpoints
 * call this; APIs answer a bad parameter with 400 through `badRequest`.
 */
import { json } from '@sveltejs/kit';
import { todayIn, type LocaleSettings } from '../calendar';
import { parseFilters, type DataExtent, type Dimension, type FilterResult, type ParamError } from '../filters';
import { inEnglishPhrase } from '../i18n/translate';
import type { Database } from './db/database';

/** First and last local day with any ticket, call or survey answer, from the rollups (null when empty). */
export async function dataExtent(db: Database): Promise<DataExtent | null> {
	// Reads the rollups only: cached until the next refresh (every page asks for it).
	const [row] = await db.cachedQuery<{ first_day: string | null; last_day: string | null }>('overview/data_extent');
	return row?.first_day && row.last_day ? { firstDay: row.first_day, lastDay: row.last_day } : null;
}

export interface RequestFilters extends FilterResult {
	today: string;
	extent: DataExtent | null;
}

export async function readFilters(
	db: Database,
	locale: Pick<LocaleSettings, 'timeZone'>,
	params: URLSearchParams,
	options: { accept: readonly Dimension[]; known?: readonly string[]; strict?: boolean }
): Promise<RequestFilters> {
	const today = todayIn(locale.timeZone);
	const extent = await dataExtent(db);
	return { ...parseFilters(params, { today, extent, ...options }), today, extent };
}

/** HTTP 400 for an API request with bad parameters: the first problem in English, naming the parameter. */
export function badRequest(errors: ParamError[]): Response {
	const first = errors[0]!;
	return json({ error: inEnglishPhrase(first), param: first.param, errors: errors.map((e) => ({ param: e.param, error: inEnglishPhrase(e) })) }, { status: 400 });
}
