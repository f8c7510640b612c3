/**
 * Where a request came from and which host it was sent to, trusting forwarded headers only
 * from a configured reverse proxy (CARE_TRUSTED_PROXY), and the host check that stops DNS
 * rebinding: a page on evil.example whose name is made to resolve to this server sends
 * "Host: evil.example", which is not one of the names the server answers to.
 *
 * Allowed host names: loopback (localhost, 127.0.0.1, ::1), the machine's own interface
 * addresses (an address cannot be rebound), the host of ORIGIN, and CARE_ALLOWED_HOSTS.
 * Ports are not compared: a rebinding attack cannot choose the host name, whatever the port.
 */
import os from 'node:os';

export interface RequestSite {
	/** The client's address: the socket's peer, or what a trusted proxy says it forwarded for. */
	ip: string;
	/** Host header (or X-Forwarded-Host from a trusted proxy), as sent, with its port. */
	host: string | null;
	/** The browser reached us over HTTPS (only a trusted proxy can say so: node serves plain HTTP). */
	secure: boolean;
	/** The request came through the trusted proxy. */
	viaProxy: boolean;
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; "[::1]" → "::1"; lower case. */
export function normalizeAddress(address: string): string {
	let a = address.trim().toLowerCase();
	if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
	if (a.startsWith('::ffff:') && a.includes('.')) a = a.slice('::ffff:'.length);
	return a;
}

/** The host name of a Host header value: "care.example:3000" → "care.example", "[::1]:3000" → "::1". */
export function hostnameOf(host: string): string | null {
	const h = host.trim().toLowerCase();
	if (!h) return null;
	if (h.startsWith('[')) {
		const end = h.indexOf(']');
		return end > 0 ? h.slice(1, end) : null;
	}
	const colon = h.indexOf(':');
	if (colon >= 0 && h.indexOf(':', colon + 1) >= 0) return h; // a bare IPv6 address
	const name = colon >= 0 ? h.slice(0, colon) : h;
	return name.endsWith('.') ? name.slice(0, -1) : name;
}

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** The machine's own interface addresses. */
export function ownAddresses(): string[] {
	return Object.values(os.networkInterfaces())
		.flat()
		.filter((i): i is os.NetworkInterfaceInfo => !!i)
		.map((i) => normalizeAddress(i.address));
}

/** Host names the server answers to: loopback, its own addresses, and the configured names. */
export function allowedHostnames(configured: readonly string[], own: readonly string[] = ownAddresses()): Set<string> {
	const names = new Set<string>([...LOOPBACK, ...own.map(normalizeAddress)]);
	for (const c of configured) {
		const name = hostnameOf(c.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '');
		if (name) names.add(normalizeAddress(name));
	}
	return names;
}

export function hostAllowed(host: string | null, allowed: ReadonlySet<string>): boolean {
	const name = host ? hostnameOf(host) : null;
	return !!name && allowed.has(normalizeAddress(name));
}

/** The first value of a comma-separated forwarded header. */
function first(value: string | null): string | null {
	const v = value?.split(',')[0]?.trim();
	return v ? v : null;
}

/**
 * The request's client, host and scheme. Forwarded headers (X-Forwarded-For, -Proto, -Host)
 * count only when the socket's peer is one of the trusted proxies; from anyone else they
 * are ignored, so a client cannot claim another address, host or HTTPS.
 */
export function requestSite(peer: string, headers: Headers, trustedProxies: readonly string[]): RequestSite {
	const from = normalizeAddress(peer);
	const trusted = new Set(trustedProxies.map(normalizeAddress));
	if (!trusted.has(from)) return { ip: from, host: headers.get('host'), secure: false, viaProxy: false };
	// X-Forwarded-For lists every hop; the client is the last one that is not a trusted proxy.
	const hops = (headers.get('x-forwarded-for') ?? '')
		.split(',')
		.map((h) => normalizeAddress(h))
		.filter(Boolean);
	let ip = from;
	for (let i = hops.length - 1; i >= 0; i--) {
		ip = hops[i]!;
		if (!trusted.has(ip)) break;
	}
	return {
		ip,
		host: first(headers.get('x-forwarded-host')) ?? headers.get('host'),
		secure: first(headers.get('x-forwarded-proto'))?.toLowerCase() === 'https',
		viaProxy: true
	};
}
