/**
 * Small pieces the account routes share: the session cookie, safe return paths, and who a
 * change is attributed to.
 */
import type { Cookies } from '@sveltejs/kit';
import type { By } from '../audit';
import { SESSION_COOKIE, type NewSession } from './sessions';

/** httpOnly (no script reads it), SameSite=Lax (no cross-site form carries it), Secure over HTTPS. */
export function setSessionCookie(cookies: Cookies, session: NewSession, secure: boolean): void {
	cookies.set(SESSION_COOKIE, session.id, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expiresAt });
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** A path of this site to go back to: never "//other.host", "/\\other.host" or an absolute URL. */
export function localPath(value: unknown, fallback = '/'): string {
	const s = typeof value === 'string' ? value : '';
	return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') && !/[\r\n]/.test(s) ? s : fallback;
}

/** Who makes a change and from where: the signed-in viewer and the client's address. */
export function by(locals: App.Locals): By {
	return { actor: locals.user, ip: locals.ip };
}
