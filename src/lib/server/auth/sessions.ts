/**
 * Sign-in sessions. The browser holds a random id in an httpOnly, SameSite=Lax cookie
 * (Secure when it came over HTTPS through the trusted proxy); the database holds its SHA-256
 * hash, the account, when it was last used and when it ends. A session ends at its absolute
 * end (sessionHours after sign-in), after idleMinutes without a request, at sign-out, at
 * "sign out everywhere", when its password is changed elsewhere, or when the account is
 * disabled. Roles are read from the account on every request, so a role change applies at once.
 *
 * On a read-only database (a read-only data folder: the dashboard still serves reads) sessions
 * cannot be stored: they are kept in this process's memory instead, until it stops.
 */
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Settings } from '../settings';
import { isRole, type Viewer } from './roles';
import { hashSecret, randomSecret } from './secrets';

export const SESSION_COOKIE = 'care_session';
/** Writing last_seen_at on every request would be a write per page view; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionPolicy {
	maxAgeMs: number;
	idleMs: number;
}

/** Session lengths: the environment (CARE_SESSION_HOURS, CARE_SESSION_IDLE_MINUTES) over the stored settings. */
export function sessionPolicy(settings: Pick<Settings, 'security'>, config: Pick<Config, 'sessionHours' | 'sessionIdleMinutes'>): SessionPolicy {
	return {
		maxAgeMs: (config.sessionHours ?? settings.security.sessionHours) * 3_600_000,
		idleMs: (config.sessionIdleMinutes ?? settings.security.idleMinutes) * 60_000
	};
}

/** Sessions of a read-only database, by id hash. */
const inMemory = new Map<string, { userId: number; lastSeenMs: number; expiresMs: number }>();

export interface NewSession {
	/** The cookie value (never stored). */
	id: string;
	idHash: string;
	expiresAt: Date;
}

export async function createSession(
	db: Database,
	userId: number,
	options: { policy: SessionPolicy; ip?: string | null; userAgent?: string | null; now?: Date }
): Promise<NewSession> {
	const now = (options.now ?? new Date()).getTime();
	const id = randomSecret();
	const idHash = hashSecret(id);
	const expires = now + options.policy.maxAgeMs;
	if (db.readOnly) {
		inMemory.set(idHash, { userId, lastSeenMs: now, expiresMs: expires });
		return { id, idHash, expiresAt: new Date(expires) };
	}
	await db.query('auth/session_insert', {
		id_hash: idHash,
		user_id: userId,
		now_ms: now,
		expires_ms: expires,
		ip: options.ip ?? null,
		user_agent: (options.userAgent ?? '').slice(0, 300) || null
	});
	return { id, idHash, expiresAt: new Date(expires) };
}

type SessionRow = {
	id_hash: string;
	last_seen_ms: number;
	expires_ms: number;
	user_id: number;
	login: string;
	display_name: string;
	role: string;
	language: 'en' | 'fa' | null;
	is_demo: boolean;
	disabled: boolean;
};

async function findSession(db: Database, idHash: string): Promise<SessionRow | null> {
	const m = inMemory.get(idHash);
	if (!m) return (await db.query<SessionRow>('auth/session_find', { id_hash: idHash }))[0] ?? null;
	const [u] = await db.query<Omit<SessionRow, 'id_hash' | 'last_seen_ms' | 'expires_ms' | 'user_id'> & { id: number }>('auth/user_by_id', { id: m.userId });
	return u ? { ...u, id_hash: idHash, user_id: u.id, last_seen_ms: m.lastSeenMs, expires_ms: m.expiresMs } : null;
}

export type SessionLookup = { viewer: Viewer; idHash: string } | { viewer: null; reason: 'unknown' | 'expired' | 'idle' | 'disabled' };

/** The signed-in user of a session cookie; an expired or idle session is deleted and refused. */
export async function sessionViewer(db: Database, cookie: string, policy: SessionPolicy, now: Date = new Date()): Promise<SessionLookup> {
	const idHash = hashSecret(cookie);
	const row = await findSession(db, idHash);
	if (!row) return { viewer: null, reason: 'unknown' };
	const t = now.getTime();
	const reason = row.disabled || !isRole(row.role) ? 'disabled' : t >= row.expires_ms ? 'expired' : t - row.last_seen_ms >= policy.idleMs ? 'idle' : null;
	if (reason) {
		await endSession(db, idHash);
		return { viewer: null, reason };
	}
	if (t - row.last_seen_ms >= TOUCH_EVERY_MS) {
		const m = inMemory.get(idHash);
		if (m) m.lastSeenMs = t;
		else await touch(db, idHash, t);
	}
	return {
		idHash,
		viewer: {
			kind: 'user',
			id: row.user_id,
			login: row.login,
			name: row.display_name,
			role: row.role as Viewer['role'],
			language: row.language,
			demo: row.is_demo
		}
	};
}

/**
 * Restart the session's idle clock. Two requests of one browser arriving together both touch
 * the row, and DuckDB refuses the second write ("Conflict on update"): the first has just
 * touched it, so the second is let go instead of failing the page.
 */
async function touch(db: Database, idHash: string, t: number): Promise<void> {
	try {
		await db.query('auth/session_touch', { id_hash: idHash, now_ms: t });
	} catch (e) {
		if (!/Conflict on update/i.test((e as Error).message)) throw e;
	}
}

export async function endSession(db: Database, idHash: string): Promise<void> {
	if (inMemory.delete(idHash) || db.readOnly) return;
	await db.query('auth/session_delete', { id_hash: idHash });
}

/** End every session of an account, but `keep` (the one asking, when it changes its password). */
export async function endUserSessions(db: Database, userId: number, keep: string | null = null): Promise<void> {
	for (const [hash, m] of inMemory) if (m.userId === userId && hash !== keep) inMemory.delete(hash);
	if (!db.readOnly) await db.query('auth/sessions_delete_user', { user_id: userId, keep });
}

export async function purgeExpiredSessions(db: Database, policy: SessionPolicy, now: Date = new Date()): Promise<void> {
	const t = now.getTime();
	for (const [hash, m] of inMemory) if (t >= m.expiresMs || t - m.lastSeenMs >= policy.idleMs) inMemory.delete(hash);
	if (!db.readOnly) await db.query('auth/sessions_delete_expired', { now_ms: t, idle_ms: policy.idleMs });
}
