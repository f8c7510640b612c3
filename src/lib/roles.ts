/**
 * The four roles, for server and browser alike (the server side, with the viewer and the
 * predicates, is src/lib/server/auth/roles.ts).
 */
export const ROLES = ['executive', 'support_lead', 'care_agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
