/**
 * A request's language and calendar: ?lang= (a link or a screenshot), then the signed-in
 * user's chosen language, then the language cookie (chosen before signing in), then the
 * browser's Accept-Language, then the unit's default.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { LocaleSettings } from '../calendar';
import { negotiateLanguage } from '../i18n/translate';

export function requestLocale(event: RequestEvent): LocaleSettings {
	const unit = event.locals.runtime.settings.unit;
	const choice = event.url.searchParams.get('lang') ?? event.locals.user?.language ?? event.cookies.get('lang');
	const language = negotiateLanguage(choice, event.request.headers.get('accept-language'), unit.language);
	return { language, calendar: unit.calendar, timeZone: unit.timeZone, weekStart: unit.weekStart };
}
