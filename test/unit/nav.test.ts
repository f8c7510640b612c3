/** The navigation shows a role exactly the pages the route policy lets it open. */
import { describe, expect, it } from 'vitest';
import { NAV, navFor } from '../../src/lib/nav';
import { roleMayOpen } from '../../src/lib/server/auth/policy';
import { ROLES } from '../../src/lib/server/auth/roles';

describe('navigation', () => {
	for (const link of NAV) {
		it(`${link.href} is shown to the roles that may open it`, () => {
			expect([...link.roles].sort()).toEqual(ROLES.filter((r) => roleMayOpen(link.href, r)).sort());
		});
	}
	it('shows an executive no administration, an administrator everything', () => {
		expect(navFor('executive').map((l) => l.href)).toEqual(['/', '/at-risk', '/customers', '/surveys', '/calls', '/sla', '/peaks', '/staffing']);
		expect(navFor('care_agent').map((l) => l.href)).toEqual(['/', '/follow-ups', '/at-risk', '/customers', '/surveys', '/calls', '/sla']);
		expect(navFor('admin').map((l) => l.href)).toEqual(NAV.map((l) => l.href));
		expect(navFor(null)).toEqual([]);
	});
});
