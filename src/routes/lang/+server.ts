import { error, redirect } from '@sveltejs/kit';
import { isAvailable } from '$lib/i18n/translate';
import type { RequestHandler } from './$types';

/** The language switch (a form in the header): remember the choice in a cookie, then go back. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
	const lang = String(form.get('lang') ?? '');
	if (!isAvailable(lang)) error(400, `lang must be one of the available languages, not "${lang}"`);
	cookies.set('lang', lang, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: true });
	const back = String(form.get('return') ?? '/');
	// Only a path of this site: never "//other.host" or an absolute URL.
	redirect(303, back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/');
};
