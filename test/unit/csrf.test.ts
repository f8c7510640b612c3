import { describe, expect, it } from 'vitest';
import { crossSiteFormReason } from '../../src/lib/server/csrf';

const h = (o: Record<string, string>) => new Headers(o);
const form = 'application/x-www-form-urlencoded';

describe('cross-site form check', () => {
	it('lets a same-host form post through over plain HTTP, under any host name', () => {
		expect(crossSiteFormReason('POST', h({ 'content-type': form, origin: 'http://localhost:3000' }), 'localhost:3000')).toBeNull();
		expect(crossSiteFormReason('POST', h({ 'content-type': 'multipart/form-data; boundary=x', origin: 'http://care.intranet:3000' }), 'care.intranet:3000')).toBeNull();
		// Behind the trusted proxy the host is its X-Forwarded-Host (auth/network.ts decides which).
		expect(crossSiteFormReason('POST', h({ 'content-type': form, origin: 'https://care.example' }), 'care.example')).toBeNull();
	});
	it('refuses a form posted from another site, or without an Origin', () => {
		expect(crossSiteFormReason('POST', h({ 'content-type': form, origin: 'http://evil.example' }), 'localhost:3000')).toContain('forbidden');
		expect(crossSiteFormReason('POST', h({ 'content-type': 'text/plain', origin: 'http://localhost:3001' }), 'localhost:3000')).toContain('forbidden');
		expect(crossSiteFormReason('DELETE', h({ 'content-type': form }), 'localhost:3000')).toContain('no Origin');
		expect(crossSiteFormReason('POST', h({ 'content-type': form, origin: 'http://localhost:3000' }), null)).toContain('no Origin or Host');
	});
	it('leaves reads and non-form requests alone (JSON APIs carry their own auth)', () => {
		expect(crossSiteFormReason('GET', h({ 'content-type': form, origin: 'http://evil.example' }), 'localhost:3000')).toBeNull();
		expect(crossSiteFormReason('POST', h({ 'content-type': 'application/json' }), 'localhost:3000')).toBeNull();
		expect(crossSiteFormReason('POST', h({}), 'localhost:3000')).toBeNull();
	});
});
