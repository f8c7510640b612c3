/**
 * The audit log: who did what, when, from where. Sign-ins (and failed ones), user and token
 * changes, imports, exports, settings changes and follow-up outcomes are recorded by calling
 * `audit(db, { actor, action, target, detail, ip })` where they happen.
 *
 * Append-only: the product has no statement that changes or deletes an entry
 * (test/unit/audit-append-only.test.ts reads every query to make sure).
 *
 * Action names are dotted, domain first: 'login', 'login.failed', 'user.create',
 * 'token.revoke', 'import.upload', 'export.rejects', 'settings.change', 'followup.outcome'.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryOn, type Database } from '../db/database';
import type { Viewer } from '../auth/roles';
import { log } from '../log';

/**
 * Who did it: a viewer (user, token, CLI; a domain's own viewer such as the churn one will do:
 * only the login and role are kept), a name ('system'), or null (not signed in).
 */
export type Actor = Viewer | Pick<Viewer, 'login' | 'role'> | string | null;

export interface AuditEntry {
	actor: Actor;
	action: string;
	/** What it was done to: a login, a file name, a token name, a setting key. */
	target?: string | null;
	/** Anything else worth keeping (counts, old and new values); never a secret. */
	detail?: Record<string, unknown> | null;
	/** The client's address (locals.ip). */
	ip?: string | null;
}

/** The attribution of a change: who, and from where (locals.user, locals.ip). */
export interface By {
	actor: Actor;
	ip?: string | null;
}

function params(entry: AuditEntry) {
	const a = entry.actor;
	return {
		actor: a === null ? null : typeof a === 'string' ? a : a.login,
		actor_role: a === null || typeof a === 'string' ? null : a.role,
		action: entry.action,
		target: entry.target ?? null,
		detail: entry.detail ? JSON.stringify(entry.detail) : null,
		ip: entry.ip ?? null
	};
}

/** Record one entry (on a read-only database, where nothing can be written, in the log instead). */
export async function audit(db: Database, entry: AuditEntry): Promise<void> {
	if (db.readOnly) {
		log().warn({ audit: params(entry) }, 'audit entry not stored: the database is read-only');
		return;
	}
	await db.query('audit/insert', params(entry));
}

/** Record one entry on a connection, inside the transaction that made the change. */
export async function auditOn(conn: DuckDBConnection, entry: AuditEntry): Promise<void> {
	await queryOn(conn, 'audit/insert', params(entry));
}

export interface AuditRow {
	id: number;
	at: string;
	actor: string | null;
	actor_role: string | null;
	action: string;
	target: string | null;
	detail: Record<string, unknown> | null;
	ip: string | null;
}

export interface AuditFilter {
	/** An action or an action kind ('login' also selects 'login.failed'). */
	action?: string | null;
	actor?: string | null;
	page?: number;
	perPage?: number;
}

export async function listAudit(db: Database, filter: AuditFilter = {}): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number; perPage: number }> {
	const perPage = filter.perPage ?? 100;
	const where = { action: filter.action || null, actor: filter.actor || null };
	const [{ n: total } = { n: 0 }] = await db.query<{ n: number }>('audit/count', where);
	const pages = Math.max(1, Math.ceil(total / perPage));
	const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pages);
	const rows = await db.query<Omit<AuditRow, 'detail'> & { detail: string | null }>('audit/list', { ...where, limit: perPage, offset: (page - 1) * perPage });
	return { rows: rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null })), total, page, pages, perPage };
}

/** The actions recorded so far, with how many entries each. */
export async function auditActions(db: Database): Promise<{ action: string; n: number }[]> {
	return db.query<{ action: string; n: number }>('audit/actions');
}
