/**
 * Signing in: rate limits first, then the password, then a new session. Every attempt is in
 * the audit log: 'login', 'login.failed' (with the login tried), 'login.locked'.
 */
import type { Database } from '../db/database';
import { audit } from '../audit';
import type { Phrase } from '../../i18n/translate';
import { verifyPassword } from './passwords';
import type { LoginLimits } from './rate-limit';
import { createSession, purgeExpiredSessions, type NewSession, type SessionPolicy } from './sessions';
import { findUserForSignIn, normalizeLogin } from './users';
import type { User } from './roles';

export type SignInResult = { ok: true; user: User; session: NewSession } | { ok: false; status: 400 | 401 | 429; problem: Phrase };

export async function signIn(
	db: Database,
	limits: LoginLimits,
	input: { login: string; password: string; ip: string; userAgent?: string | null; policy: SessionPolicy; now?: Date }
): Promise<SignInResult> {
	const login = normalizeLogin(input.login).slice(0, 64);
	if (!login || !input.password) return { ok: false, status: 400, problem: { key: 'auth.signIn.missing' } };
	const locked = await limits.lockedFor(login, input.ip);
	if (locked.ms > 0) {
		// An attempt on a locked account counts against the address too, so that hammering it from
		// one address is soon refused by the address lock, which writes nothing more to the log.
		if (locked.by === 'account') {
			await limits.failed(null, input.ip);
			await audit(db, { actor: null, action: 'login.locked', target: login, detail: { by: locked.by }, ip: input.ip });
		}
		const minutes = Math.max(1, Math.ceil(locked.ms / 60_000));
		return { ok: false, status: 429, problem: { key: locked.by === 'account' ? 'auth.signIn.lockedAccount' : 'auth.signIn.lockedAddress', params: { minutes } } };
	}
	const user = await findUserForSignIn(db, login);
	const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password.slice(0, 1000));
	if (!user || !passwordOk || user.disabled) {
		await limits.failed(login, input.ip);
		await audit(db, { actor: null, action: 'login.failed', target: login, detail: { reason: !user ? 'unknown login' : !passwordOk ? 'wrong password' : 'disabled' }, ip: input.ip });
		return { ok: false, status: 401, problem: { key: 'auth.signIn.wrong' } };
	}
	await limits.succeeded(login);
	await purgeExpiredSessions(db, input.policy, input.now);
	const session = await createSession(db, user.id, { policy: input.policy, ip: input.ip, userAgent: input.userAgent, now: input.now });
	if (!db.readOnly) await db.query('auth/user_signed_in', { id: user.id });
	const { passwordHash: _hash, ...plain } = user;
	await audit(db, { actor: { kind: 'user', id: user.id, login: user.login, name: user.displayName, role: user.role, language: user.language, demo: user.demo }, action: 'login', target: user.login, ip: input.ip });
	return { ok: true, user: plain, session };
}
