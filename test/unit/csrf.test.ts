import { describe, expect, it } from 'vitest';
import { crossSiteFormReason } from '../../src/lib/server/csrf';

const h = (o: Record<string, string>) => new Headers(o);
const form = 'application/x-www-form-urlencoded';

describe('cross-site form check', () => {
	it('lets a same-host form post through over plain HTTP, under any host name', () => {
		expect(crossSiteFormReason('POST', h({ 'content-type': form, origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBeNull();
		expect(crossSiteFormReason('POST', h({ 'content-type': 'multipart/form-data; boundary=x', origin: 'http://care.intranet:3000', host: 'care.intranet:3000' }))).toBeNull();
		expect(crossSiteFormReason('POST', h({ 'content-type': form, origin: 'https://care.example', host: 'internal:3000', 'x-forwarded-host': 'care.example' }))).toBeNull();
	});
	it('refuses a form posted from another site, or without an Origin', () => {
		expect(crossSiteFormReason('POST', h({ 'content-type': form, origin: 'http://evil.example', host: 'localhost:3000' }))).toContain('forbidden');
		expect(crossSiteFormReason('POST', h({ 'content-type': 'text/plain', origin: 'http://localhost:3001', host: 'localhost:3000' }))).toContain('forbidden');
		expect(crossSiteFormReason('DELETE', h({ 'content-type': form, host: 'localhost:3000' }))).toContain('no Origin');
	});
	it('leaves reads and non-form requests alone (JSON APIs carry their own auth)', () => {
		expect(crossSiteFormReason('GET', h({ 'content-type': form, origin: 'http://evil.example', host: 'localhost:3000' }))).toBeNull();
		expect(crossSiteFormReason('POST', h({ 'content-type': 'application/json', host: 'localhost:3000' }))).toBeNull();
		expect(crossSiteFormReason('POST', h({ host: 'localhost:3000' }))).toBeNull();
	});
});
