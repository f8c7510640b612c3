import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { direction } from '$lib/calendar';
import { guard } from '$lib/server/auth/handle';
import { requestLocale } from '$lib/server/locale';
import { handleRequestLog, handleServerError } from '$lib/server/log';
import { getRuntime, startRuntime, stopRuntime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	await startRuntime();
	// adapter-node emits this after the HTTP server closed (SIGTERM, SIGINT).
	process.once('sveltekit:shutdown' as 'exit', (reason: unknown) => void stopRuntime(String(reason)));
};

const attachRuntime: Handle = async ({ event, resolve }) => {
	event.locals.runtime = await getRuntime();
	return resolve(event);
};

/** The language (the signed-in user's choice counts, so after the guard) and the page's lang and dir. */
const localize: Handle = ({ event, resolve }) => {
	const locale = requestLocale(event);
	event.locals.locale = locale;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale.language).replace('%dir%', direction(locale.language))
	});
};

export const handle = sequence(handleRequestLog, attachRuntime, guard, localize);
export const handleError = handleServerError;
