/**
 * The navigation: one line per page, with the roles that see the link and the group it stands
 * in (the groups are separated on a wide screen and headed in the phone menu). The server
 * enforces access through the route policy (src/lib/server/auth/policy.ts); this list only
 * decides which links a role is shown, and test/unit/nav.test.ts checks that it agrees with the
 * policy.
 */
import type { MessageKey } from './i18n';
import type { Role } from './roles';

/** Groups of pages, in the order they stand: what the care unit, the figures, the workload and the system are about. */
export const NAV_GROUPS = ['home', 'care', 'figures', 'workload', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavLink {
	href: string;
	key: MessageKey;
	group: NavGroup;
	roles: readonly Role[];
	/** The link is current for every path under this one (default: href itself). */
	section?: string;
}

const EVERYONE: readonly Role[] = ['executive', 'support_lead', 'care_agent', 'admin'];

export const NAV: readonly NavLink[] = [
	{ href: '/', key: 'nav.overview', group: 'home', roles: EVERYONE },
	{ href: '/follow-ups', key: 'nav.followUps', group: 'care', roles: ['care_agent', 'support_lead', 'admin'] },
	{ href: '/at-risk', key: 'nav.atRisk', group: 'care', roles: EVERYONE },
	{ href: '/customers', key: 'nav.customers', group: 'care', roles: EVERYONE },
	{ href: '/surveys', key: 'nav.surveys', group: 'figures', roles: EVERYONE },
	{ href: '/calls', key: 'nav.calls', group: 'figures', roles: EVERYONE },
	{ href: '/sla', key: 'nav.sla', group: 'figures', roles: EVERYONE },
	{ href: '/peaks', key: 'nav.peaks', group: 'workload', roles: ['executive', 'support_lead', 'admin'] },
	{ href: '/staffing', key: 'nav.staffing', group: 'workload', roles: ['executive', 'support_lead', 'admin'] },
	{ href: '/annotations', key: 'nav.annotations', group: 'workload', roles: ['support_lead', 'admin'] },
	{ href: '/data', key: 'nav.data', group: 'system', roles: ['admin'] },
	{ href: '/admin/users', key: 'nav.admin', group: 'system', roles: ['admin'], section: '/admin' }
];

/** The links a role sees. */
export function navFor(role: Role | null | undefined): NavLink[] {
	return role ? NAV.filter((l) => l.roles.includes(role)) : [];
}

/** The links a role sees, by group, in order; groups without a link for the role left out. */
export function navGroupsFor(role: Role | null | undefined): { group: NavGroup; links: NavLink[] }[] {
	const links = navFor(role);
	return NAV_GROUPS.map((group) => ({ group, links: links.filter((l) => l.group === group) })).filter((g) => g.links.length > 0);
}
