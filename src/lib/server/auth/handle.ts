/**
 * The guard: one `handle` in front of every request SvelteKit serves (hooks.server.ts
 * composes it). In order:
 * 1. where the request came from (forwarded headers only from CARE_TRUSTED_PROXY) and the host
 *    check (only the names the server answers to: DNS rebinding gets 421);
 * 2. the cross-site form check, against that host;
 * 3. who asks: an API token (Authorization: Bearer), the CLI's hand-off token where the policy
 *    accepts it, or the session cookie; the result is locals.user (null: anonymous);
 * 4. the route policy (./policy.ts): anonymous visitors of a page go to /login, anonymous API
 *    callers get 401, other roles 403; a route without a policy entry is refused to everyone;
 * 5. security headers on every answer, no-store included (pages and downloads carry customer data).
 * Static assets never reach it: adapter-node serves them before SvelteKit.
 */
import { error, json, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage } from 'node:http';
import { audit } from '../audit';
import { crossSiteFormReason } from '../csrf';
import { requestLocale } from '../locale';
import { translator } from '../../i18n/translate';
import { accessFor, permits, POLICY, isPagePolicy } from './policy';
import { loginLimits } from './rate-limit';
import { hostAllowed, requestSite } from './network';
import type { Viewer } from './roles';
import { sameSecret } from './secrets';
import { SESSION_COOKIE, sessionPolicy, sessionViewer } from './sessions';
import { looksLikeToken, tokenViewer } from './tokens';

/** Headers on every answer. CSP for pages comes from svelte.config.js (kit.csp, with nonces). */
const HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	// same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts, failing the form check.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};
/** For answers that are not pages (JSON, CSV): nothing in them may load or run anything. */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function harden(response: Response): Response {
	let r = response;
	try {
		r.headers.set('x-content-type-options', 'nosniff');
	} catch {
		// Headers of some responses (Response.redirect, fetch) are immutable: copy them.
		r = new Response(r.body, r);
	}
	for (const [k, v] of Object.entries(HEADERS)) r.headers.set(k, v);
	if (!r.headers.has('cache-control')) r.headers.set('cache-control', 'no-store');
	if (!r.headers.has('content-security-policy')) r.headers.set('content-security-policy', NON_PAGE_CSP);
	return r;
}

/** The socket's peer address (adapter-node gives the Node request as platform.req; Vite's dev server does not). */
function peerAddress(event: RequestEvent): string {
	const req = (event.platform as { req?: IncomingMessage } | undefined)?.req;
	return req?.socket?.remoteAddress ?? event.getClientAddress();
}

type Authenticated = { viewer: Viewer | null; sessionHash: string | null } | { refused: Response };

async function authenticate(event: RequestEvent, cliAccepted: boolean): Promise<Authenticated> {
	const rt = event.locals.runtime;
	const authorization = event.request.headers.get('authorization');
	if (authorization !== null) {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
		const ip = event.locals.ip;
		const limits = loginLimits();
		const locked = await limits.lockedFor(null, ip);
		if (locked.ms > 0) return { refused: json({ error: 'too many failed attempts from this address; try again later' }, { status: 429, headers: { 'retry-after': String(Math.ceil(locked.ms / 1000)) } }) };
		const given = match?.[1] ?? '';
		if (given && cliAccepted && sameSecret(given, rt.token)) {
			return { viewer: { kind: 'cli', id: null, login: 'cli', name: 'command line', role: 'admin', language: null, demo: false }, sessionHash: null };
		}
		const viewer = given ? await tokenViewer(rt.db, given) : null;
		if (!viewer) {
			await limits.failed(null, ip);
			await audit(rt.db, { actor: null, action: 'token.refused', target: looksLikeToken(given) ? given.slice(0, 11) : null, detail: { route: event.route.id }, ip });
			return { refused: json({ error: 'a valid API token is required (Authorization: Bearer TOKEN)' }, { status: 401, headers: { 'www-authenticate': 'Bearer' } }) };
		}
		return { viewer, sessionHash: null };
	}
	const cookie = event.cookies.get(SESSION_COOKIE);
	if (!cookie) return { viewer: null, sessionHash: null };
	const found = await sessionViewer(rt.db, cookie, sessionPolicy(rt.settings, rt.config));
	if (!found.viewer) {
		event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.locals.secure });
		return { viewer: null, sessionHash: null };
	}
	return { viewer: found.viewer, sessionHash: found.idHash };
}

/** Where a signed-out visitor of a page is sent: the login page, coming back afterwards. */
function loginLocation(url: URL): string {
	const next = url.pathname + url.search;
	return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/**
 * The answer to a request the policy refuses: a signed-out visitor of a page (or one of its
 * forms) goes to the login page, and SvelteKit turns the thrown redirect into what a data
 * request or use:enhance expects; a signed-in user without the role gets the error page
 * (403); an API caller gets JSON (401 with WWW-Authenticate, or 403).
 */
function refuse(event: RequestEvent, viewer: Viewer | null, isPage: boolean, known: boolean): Response {
	const t = translator(requestLocale(event).language);
	const status = viewer || !known ? 403 : 401;
	const message = !known ? t('auth.refused.noPolicy') : viewer ? t('auth.refused.role') : t('auth.refused.signIn');
	const method = event.request.method;
	const read = method === 'GET' || method === 'HEAD';
	if (isPage && status === 401) redirect(303, loginLocation(read ? event.url : new URL(event.url.pathname, event.url)));
	if (isPage && event.request.headers.get('x-sveltekit-action') === 'true') return json({ type: 'error', error: { message } }, { status });
	if (isPage && read) error(status, { message });
	return json({ error: message }, { status, headers: status === 401 ? { 'www-authenticate': 'Bearer' } : {} });
}

export const guard: Handle = async ({ event, resolve }) => {
	const rt = event.locals.runtime;
	const site = requestSite(peerAddress(event), event.request.headers, rt.config.trustedProxies);
	event.locals.ip = site.ip;
	event.locals.secure = site.secure;
	event.locals.user = null;
	event.locals.sessionHash = null;

	if (!hostAllowed(site.host, rt.allowedHosts)) {
		return harden(
			new Response(`Misdirected request: this server does not answer to the host "${site.host ?? ''}". Add the name to CARE_ALLOWED_HOSTS if it is yours.\n`, {
				status: 421,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			})
		);
	}
	const crossSite = crossSiteFormReason(event.request.method, event.request.headers, site.host);
	if (crossSite) return harden(new Response(crossSite, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } }));

	const decision = event.route.id === null ? null : accessFor(event.route.id, event.request.method, event.url);
	const who = await authenticate(event, decision?.cli ?? false);
	if ('refused' in who) return harden(who.refused);
	event.locals.user = who.viewer;
	event.locals.sessionHash = who.sessionHash;

	// No route matched: SvelteKit answers 404 with the error page (the header shows who is signed in).
	if (event.route.id === null || decision === null) return harden(await resolve(event));

	const entry = POLICY[event.route.id];
	// (A route without an entry is guessed a page when a browser asks for HTML, for a readable refusal.)
	const isPage = entry ? isPagePolicy(entry) : event.isDataRequest || (event.request.headers.get('accept') ?? '').includes('text/html');
	if (decision.access === null) console.error(`[auth] refused ${decision.what}: the route policy (src/lib/server/auth/policy.ts) has no rule for it`);

	// The command line's token is only accepted where the entry says `cli: true`, and there it
	// may do what the entry allows the command line (restoring: nobody else).
	const allowed = who.viewer?.kind === 'cli' ? decision.cli : permits(decision.access, who.viewer);
	if (!allowed) return harden(refuse(event, who.viewer, isPage, decision.access !== null));
	return harden(await resolve(event));
};
