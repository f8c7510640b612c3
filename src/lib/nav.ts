/**
 * The navigation: one line per page, with the roles that see the link. The server enforces
 * access through the route policy (src/lib/server/auth/policy.ts); this list only decides
 * which links a role is shown, and test/unit/nav.test.ts checks that it agrees with the policy.
 */
import type { MessageKey } from './i18n';
import type { Role } from './roles';

export interface NavLink {
	href: string;
	key: MessageKey;
	roles: readonly Role[];
	/** The link is current for every path under this one (default: href itself). */
	section?: string;
}

const EVERYONE: readonly Role[] = ['executive', 'support_lead', 'care_agent', 'admin'];

export const NAV: readonly NavLink[] = [
	{ href: '/', key: 'nav.overview', roles: EVERYONE },
	{ href: '/follow-ups', key: 'nav.followUps', roles: ['care_agent', 'support_lead', 'admin'] },
	{ href: '/at-risk', key: 'nav.atRisk', roles: EVERYONE },
	{ href: '/customers', key: 'nav.customers', roles: EVERYONE },
	{ href: '/surveys', key: 'nav.surveys', roles: EVERYONE },
	{ href: '/calls', key: 'nav.calls', roles: EVERYONE },
	{ href: '/sla', key: 'nav.sla', roles: EVERYONE },
	{ href: '/peaks', key: 'nav.peaks', roles: ['executive', 'support_lead', 'admin'] },
	{ href: '/staffing', key: 'nav.staffing', roles: ['executive', 'support_lead', 'admin'] },
	{ href: '/annotations', key: 'nav.annotations', roles: ['support_lead', 'admin'] },
	{ href: '/data', key: 'nav.data', roles: ['admin'] },
	{ href: '/admin/users', key: 'nav.admin', roles: ['admin'], section: '/admin' }
];

/** The links a role sees. */
export function navFor(role: Role | null | undefined): NavLink[] {
	return role ? NAV.filter((l) => l.roles.includes(role)) : [];
}
