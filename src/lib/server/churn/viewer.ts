/**
 * Who looks at churn data, and what they may see. Domain functions take the viewer and leave
 * customer names, contact details, survey comments and notes out for executives (they see
 * scores and reasons, not people). Care agents see the follow-ups and the customers on them.
 *
 * The viewer comes from the signed-in user (locals.user, src/lib/server/auth); the predicates
 * are the auth ones, so the rule "no PII for executives" is written once.
 */
import { canSeeComments as authComments, canSeeCustomerPii as authPii, type Role } from '../auth/roles';

export type { Role };

export interface ChurnViewer {
	role: Role;
	/** Who writes (follow-up outcomes, snoozes, exports): a login or a name. */
	login: string;
	name: string;
	/** The client's address (locals.ip), for the audit log. */
	ip?: string | null;
}

/** Everything (the command line, tests, the benchmark): never the viewer of a web request. */
export const LOCAL_OPERATOR: ChurnViewer = { role: 'admin', login: 'local', name: 'local' };

/** Customer names, contact persons, phones and e-mail addresses (the auth rule). */
export function canSeeCustomerPii(viewer: ChurnViewer): boolean {
	return authPii(viewer);
}

/** Free text: survey comments, follow-up notes (the auth rule). */
export function canSeeComments(viewer: ChurnViewer): boolean {
	return authComments(viewer);
}

/** Recording outcomes, snoozing, exporting the list. */
export function canWorkFollowUps(viewer: ChurnViewer): boolean {
	return viewer.role === 'care_agent' || viewer.role === 'support_lead' || viewer.role === 'admin';
}

/**
 * The viewer of a request: the signed-in user (or token, or the command line) of locals.user.
 * Without one (a route the policy left public, which no churn route is) the least: an
 * executive's view, which shows no customer data and records nothing.
 */
export function viewerOf(locals: { user?: { role: Role; login: string; name: string } | null; ip?: string | null }): ChurnViewer {
	const user = locals.user;
	const ip = locals.ip ?? null;
	return user ? { role: user.role, login: user.login, name: user.name || user.login, ip } : { role: 'executive', login: 'anonymous', name: 'anonymous', ip };
}
