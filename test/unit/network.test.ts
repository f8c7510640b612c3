/**
 * The host check and forwarded headers: DNS rebinding ("Host: evil.example") is refused;
 * X-Forwarded-* count only when the socket's peer is the configured proxy.
 */
import { describe, expect, it } from 'vitest';
import { allowedHostnames, hostAllowed, hostnameOf, normalizeAddress, requestSite } from '../../src/lib/server/auth/network';
import { readConfig } from '../../src/lib/server/config';

describe('host check', () => {
	const allowed = allowedHostnames(['care.example', 'https://dash.example.org:8443'], ['10.1.2.3', '::ffff:192.168.0.9']);

	it('answers loopback, its own addresses and the configured names, on any port', () => {
		for (const host of ['localhost:3000', '127.0.0.1:4321', '[::1]:3000', '10.1.2.3:3000', '192.168.0.9', 'care.example', 'CARE.example:443', 'dash.example.org', 'care.example.'])
			expect(hostAllowed(host, allowed), host).toBe(true);
	});

	it('refuses other names (DNS rebinding) and a missing Host', () => {
		for (const host of ['evil.example', 'evil.example:3000', 'care.example.evil.example', '127.0.0.1.nip.io', '10.1.2.4:3000', '']) expect(hostAllowed(host, allowed), host).toBe(false);
		expect(hostAllowed(null, allowed)).toBe(false);
	});

	it('reads host names and addresses', () => {
		expect(hostnameOf('[::1]:3000')).toBe('::1');
		expect(hostnameOf('Care.Example:80')).toBe('care.example');
		expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
	});

	it('takes the allowed names from CARE_ALLOWED_HOSTS and ORIGIN, the proxy from CARE_TRUSTED_PROXY', () => {
		const c = readConfig({ CARE_ALLOWED_HOSTS: 'care.example, care.intranet:3000', ORIGIN: 'https://care.example.org', CARE_TRUSTED_PROXY: '10.0.0.2' }, '/tmp');
		expect(c.allowedHosts).toEqual(['care.example', 'care.intranet:3000', 'https://care.example.org']);
		expect(c.trustedProxies).toEqual(['10.0.0.2']);
		expect(readConfig({}, '/tmp').allowedHosts).toEqual([]);
	});
});

describe('forwarded headers', () => {
	const headers = new Headers({ host: 'internal:3000', 'x-forwarded-host': 'care.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7, 10.0.0.2' });

	it('are ignored from anyone but the trusted proxy', () => {
		expect(requestSite('198.51.100.1', headers, ['10.0.0.2'])).toEqual({ ip: '198.51.100.1', host: 'internal:3000', secure: false, viaProxy: false });
		expect(requestSite('::ffff:10.0.0.9', headers, [])).toEqual({ ip: '10.0.0.9', host: 'internal:3000', secure: false, viaProxy: false });
	});

	it('give the client, host and scheme when the trusted proxy sent them', () => {
		// The proxy appended its own hop (10.0.0.2) after the client: the client is the last untrusted address.
		expect(requestSite('::ffff:10.0.0.2', headers, ['10.0.0.2'])).toEqual({ ip: '203.0.113.7', host: 'care.example', secure: true, viaProxy: true });
		// A client that forges X-Forwarded-For gets its real address anyway: the proxy appends it last.
		const forged = new Headers({ host: 'care.example', 'x-forwarded-for': '1.2.3.4, 198.51.100.1' });
		expect(requestSite('10.0.0.2', forged, ['10.0.0.2']).ip).toBe('198.51.100.1');
		// Without X-Forwarded-Proto the request was plain HTTP.
		expect(requestSite('10.0.0.2', new Headers({ host: 'care.example' }), ['10.0.0.2']).secure).toBe(false);
	});
});
