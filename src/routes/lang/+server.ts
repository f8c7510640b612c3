import { error, redirect } from '@sveltejs/kit';
import { isAvailable } from '$lib/i18n/translate';
import { setLanguage } from '$lib/server/auth/users';
import { localPath } from '$lib/server/auth/web';
import type { RequestHandler } from './$types';

/**
 * The language switch (a form in the header): remember the choice in a cookie and, for a
 * signed-in user, in their account (which wins over the cookie from then on), then go back.
 * `lang=auto` forgets the choice (cookie and account): the browser's language decides again.
 */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData();
	const lang = String(form.get('lang') ?? '');
	if (lang !== 'auto' && !isAvailable(lang)) error(400, `lang must be one of the available languages or "auto", not "${lang}"`);
	if (lang === 'auto') cookies.delete('lang', { path: '/' });
	else cookies.set('lang', lang, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: true, secure: locals.secure });
	if (locals.user?.kind === 'user' && locals.user.id !== null) await setLanguage(locals.runtime.db, locals.user.id, lang === 'auto' ? null : lang);
	redirect(303, localPath(form.get('return')));
};
