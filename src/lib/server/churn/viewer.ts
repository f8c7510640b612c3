/**
 * Who looks at churn data, and what they may see. Domain functions take the viewer and leave
 * customer names, contact details, survey comments and notes out for executives (they see
 * scores and reasons, not people). Care agents see the follow-ups and the customers on them.
 *
 * The shape is the one of the accounts work (src/lib/server/auth: locals.user); until a request
 * carries a signed-in user, the local operator is treated as an administrator.
 */
export type Role = 'executive' | 'support_lead' | 'care_agent' | 'admin';

export interface ChurnViewer {
	role: Role;
	/** Who writes (follow-up outcomes, snoozes, exports): a login or a name. */
	login: string;
	name: string;
}

/** The operator of an installation without accounts. */
export const LOCAL_OPERATOR: ChurnViewer = { role: 'admin', login: 'local', name: 'local' };

/** Customer names, contact persons, phones and e-mail addresses. */
export function canSeeCustomerPii(viewer: ChurnViewer): boolean {
	return viewer.role !== 'executive';
}

/** Free text: survey comments, follow-up notes. */
export function canSeeComments(viewer: ChurnViewer): boolean {
	return viewer.role !== 'executive';
}

/** Recording outcomes, snoozing, exporting the list. */
export function canWorkFollowUps(viewer: ChurnViewer): boolean {
	return viewer.role === 'care_agent' || viewer.role === 'support_lead' || viewer.role === 'admin';
}

/** The viewer of a request (locals.user once accounts exist). */
export function viewerOf(locals: object): ChurnViewer {
	const user = (locals as { user?: { role?: unknown; login?: unknown; name?: unknown } | null }).user;
	if (user && typeof user.role === 'string' && ['executive', 'support_lead', 'care_agent', 'admin'].includes(user.role)) {
		return { role: user.role as Role, login: String(user.login ?? ''), name: String(user.name ?? user.login ?? '') };
	}
	return LOCAL_OPERATOR;
}
