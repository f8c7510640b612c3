/**
 * Cross-site form posts are refused. SvelteKit's own check compares the Origin header with
 * the server's origin, which adapter-node builds as https://… unless a proxy header or ORIGIN
 * says otherwise: on a plain-HTTP intranet address every form would fail, and a fixed ORIGIN
 * breaks the other names the same server is reached by (localhost, 127.0.0.1, its host name).
 * So svelte.config.js turns that check off (trustedOrigins: ['*']) and this one compares the
 * host of the Origin header with the host the request was sent to: the Host header, or
 * X-Forwarded-Host when a trusted proxy sent it (see auth/network.ts). That host has passed
 * the host check first, so a rebound name with a matching Origin does not get this far.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A reason to refuse the request, or null when it may go on; `host` is the host it was sent to. */
export function crossSiteFormReason(method: string, headers: Headers, host: string | null): string | null {
	if (!UNSAFE.has(method)) return null;
	const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return null;
	const origin = headers.get('origin');
	if (!origin || !host) return `Cross-site ${method} form submissions are forbidden (no Origin or Host header)`;
	let originHost: string;
	try {
		originHost = new URL(origin).host;
	} catch {
		return `Cross-site ${method} form submissions are forbidden (bad Origin header)`;
	}
	return originHost.toLowerCase() === host.trim().toLowerCase() ? null : `Cross-site ${method} form submissions are forbidden`;
}
