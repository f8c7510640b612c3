/**
 * A request's language and calendar: ?lang= (a link or a screenshot), then the signed-in
 * user's chosen language, then the language cookie (chosen before signing in), then the
 * browser's Accept-Language, then the unit's default.
 */
import { weekdayKinds } from './business-calendar/schedule';
import type { RequestEvent } from '@sveltejs/kit';
import type { LocaleSettings } from '../calendar';
import { negotiateLanguage } from '../i18n/translate';

export function requestLocale(event: RequestEvent): LocaleSettings {
	const { unit, business_calendar } = event.locals.runtime.settings;
	const choice = event.url.searchParams.get('lang') ?? event.locals.user?.language ?? event.cookies.get('lang');
	const language = negotiateLanguage(choice, event.request.headers.get('accept-language'), unit.language);
	// The weekend of the pickers: the weekdays without working hours in the business calendar.
	const weekend = weekdayKinds(business_calendar.week).flatMap((k, d) => (k === 'off' ? [d] : []));
	return { language, calendar: unit.calendar, timeZone: unit.timeZone, weekStart: unit.weekStart, weekend };
}
