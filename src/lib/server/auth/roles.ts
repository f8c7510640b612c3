/**
 * Who may see what. Four roles (issue 9):
 * - executive: KPI pages, aggregated figures only; never a customer's name, phone or comment;
 * - support_lead: KPIs, ticket lists, peaks, SLA settings;
 * - care_agent: follow-ups and the customers on them;
 * - admin: everything, imports, settings, users.
 *
 * Domain functions take the viewer as an argument and ask these predicates, so the rule
 * "no PII for executives" is written once. Relative imports only: the CLI (tsx) and the
 * browser tests import this file too.
 */

import type { Role } from '../../roles';

export { ROLES, isRole, type Role } from '../../roles';

/**
 * Whoever sends the request: a signed-in user (session cookie), an API token scoped to a
 * role, or the command line on this machine (the hand-off token of the runtime file).
 */
export interface Viewer {
	kind: 'user' | 'token' | 'cli';
	/** users.id for a user, api_tokens.id for a token, null for the CLI. */
	id: number | null;
	/** The login of a user; "token:NAME" for a token; "cli" for the command line. */
	login: string;
	/** What the interface shows: the display name, the token's name. */
	name: string;
	role: Role;
	/** The user's chosen interface language (null: none chosen yet, or not a user). */
	language: 'en' | 'fa' | null;
	/** A demo account (demo dataset, no real user yet). */
	demo: boolean;
}

/** A user account as stored (no password hash). */
export interface User {
	id: number;
	login: string;
	displayName: string;
	role: Role;
	language: 'en' | 'fa' | null;
	demo: boolean;
	disabled: boolean;
	createdAt: string;
	lastLoginAt: string | null;
}

/** Names, phones and e-mail addresses of customers' contacts and customer organisations. */
export function canSeeCustomerPii(viewer: Pick<Viewer, 'role'> | null | undefined): boolean {
	return !!viewer && viewer.role !== 'executive';
}

/** Free-text survey comments and notes (they name people and quote customers). */
export function canSeeComments(viewer: Pick<Viewer, 'role'> | null | undefined): boolean {
	return !!viewer && viewer.role !== 'executive';
}

export function isAdmin(viewer: Pick<Viewer, 'role'> | null | undefined): boolean {
	return viewer?.role === 'admin';
}

/** The viewer as the browser may see it (the layout shows who is signed in). */
export function publicViewer(viewer: Viewer | null): { kind: Viewer['kind']; login: string; name: string; role: Role; demo: boolean } | null {
	return viewer && { kind: viewer.kind, login: viewer.login, name: viewer.name, role: viewer.role, demo: viewer.demo };
}
