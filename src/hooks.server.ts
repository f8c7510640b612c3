import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { direction } from '$lib/calendar';
import { negotiateLanguage } from '$lib/i18n';
import { crossSiteFormReason } from '$lib/server/csrf';
import { handleRequestLog, handleServerError } from '$lib/server/log';
import { getRuntime, startRuntime, stopRuntime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	await startRuntime();
	// adapter-node emits this after the HTTP server closed (SIGTERM, SIGINT).
	process.once('sveltekit:shutdown' as 'exit', (reason: unknown) => void stopRuntime(String(reason)));
};

const app: Handle = async ({ event, resolve }) => {
	const refused = crossSiteFormReason(event.request.method, event.request.headers);
	if (refused) return new Response(refused, { status: 403 });
	const runtime = await getRuntime();
	const unit = runtime.settings.unit;
	const language = negotiateLanguage(event.url.searchParams.get('lang') ?? event.cookies.get('lang'), event.request.headers.get('accept-language'), unit.language);
	event.locals.runtime = runtime;
	event.locals.locale = { language, calendar: unit.calendar, timeZone: unit.timeZone, weekStart: unit.weekStart, weekend: unit.weekend };
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', language).replace('%dir%', direction(language))
	});
};

export const handle = sequence(handleRequestLog, app);
export const handleError = handleServerError;
