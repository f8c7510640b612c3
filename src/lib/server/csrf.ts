/**
 * Cross-site form posts are refused. SvelteKit's own check compares the Origin header with
 * the server's origin, which adapter-node builds as https://… unless a proxy header or ORIGIN
 * says otherwise: on a plain-HTTP intranet address every form would fail, and a fixed ORIGIN
 * breaks the other names the same server is reached by (localhost, 127.0.0.1, its host name).
 * So svelte.config.js turns that check off (trustedOrigins: ['*']) and this one compares the
 * host of the Origin header with the Host the request was sent to.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A reason to refuse the request, or null when it may go on. */
export function crossSiteFormReason(method: string, headers: Headers): string | null {
	if (!UNSAFE.has(method)) return null;
	const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return null;
	const origin = headers.get('origin');
	const host = headers.get('x-forwarded-host') ?? headers.get('host');
	if (!origin || !host) return `Cross-site ${method} form submissions are forbidden (no Origin or Host header)`;
	let originHost: string;
	try {
		originHost = new URL(origin).host;
	} catch {
		return `Cross-site ${method} form submissions are forbidden (bad Origin header)`;
	}
	return originHost.toLowerCase() === host.split(',')[0]!.trim().toLowerCase() ? null : `Cross-site ${method} form submissions are forbidden`;
}
