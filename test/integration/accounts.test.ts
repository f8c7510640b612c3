/**
 * Accounts on a fresh database: creating users, demo accounts and their removal, the last
 * administrator, sessions (absolute expiry, idle timeout, sign-out everywhere, password
 * change), login rate limits, API token scope and revocation, and the audit entries all of
 * that leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/lib/server/audit';
import { DEMO_ACCOUNTS, demoAccountsShown, ensureDemoAccounts } from '../../src/lib/server/auth/demo';
import { AccountError } from '../../src/lib/server/auth/errors';
import { signIn } from '../../src/lib/server/auth/login';
import { LoginLimits } from '../../src/lib/server/auth/rate-limit';
import { createSession, sessionPolicy, sessionViewer } from '../../src/lib/server/auth/sessions';
import { needsSetup } from '../../src/lib/server/auth/setup';
import { createToken, revokeToken, tokenViewer } from '../../src/lib/server/auth/tokens';
import { changeOwnPassword, createUser, listUsers, resetPassword, setDisabled, setRole, userCounts } from '../../src/lib/server/auth/users';
import { loadSettings } from '../../src/lib/server/settings';
import { tempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
beforeAll(async () => {
	t = await tempDb();
});
afterAll(() => t.close());

const system = { actor: 'test', ip: '192.0.2.1' };
const policy = { maxAgeMs: 12 * 3_600_000, idleMs: 60 * 60_000 };
const at = (iso: string) => new Date(iso);
const problemOf = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		if (e instanceof AccountError) return e.phrase.key;
		throw e;
	}
	return null;
};

describe('demo accounts', () => {
	it('exist, one per role, while no real account does; the first real administrator removes them with their sessions and tokens', async () => {
		expect(await needsSetup(t.db)).toBe(true);
		expect(await ensureDemoAccounts(t.db)).toBe(true);
		expect(await ensureDemoAccounts(t.db)).toBe(false); // once
		expect((await demoAccountsShown(t.db)).map((a) => a.role).sort()).toEqual(['admin', 'care_agent', 'executive', 'support_lead']);
		const demoAdmin = (await listUsers(t.db)).find((u) => u.login === 'demo-admin')!;
		const session = await createSession(t.db, demoAdmin.id, { policy });
		const demoViewer = (await sessionViewer(t.db, session.id, policy)).viewer!;
		expect(demoViewer).toMatchObject({ login: 'demo-admin', role: 'admin', demo: true });
		const demoToken = await createToken(t.db, { name: 'made in the demo', role: 'admin' }, { actor: demoViewer });
		// A real executive does not end the demo; a real administrator does.
		await createUser(t.db, { login: 'exec', role: 'executive', password: 'exec-password-1' }, system);
		expect((await userCounts(t.db)).demoUsers).toBe(4);
		expect(await needsSetup(t.db)).toBe(true);
		await createUser(t.db, { login: 'Root', displayName: 'Ruth Admin', role: 'admin', password: 'correct horse battery' }, system);
		expect(await userCounts(t.db)).toEqual({ realUsers: 2, realAdmins: 1, demoUsers: 0 });
		expect(await demoAccountsShown(t.db)).toEqual([]);
		expect(await needsSetup(t.db)).toBe(false);
		expect((await sessionViewer(t.db, session.id, policy)).viewer).toBeNull();
		expect(await tokenViewer(t.db, demoToken.token)).toBeNull();
		// and they do not come back
		expect(await ensureDemoAccounts(t.db)).toBe(false);
		const log = await listAudit(t.db, { action: 'demo' });
		expect(log.rows.map((r) => [r.action, r.actor, r.detail])).toEqual([['demo.remove', 'test', { accounts: 4 }]]);
		expect(DEMO_ACCOUNTS.every((a) => a.login === a.password)).toBe(true);
	});
});

describe('accounts', () => {
	it('refuses bad logins, roles, weak passwords and duplicates, and stores no password', async () => {
		expect(await problemOf(createUser(t.db, { login: 'a', role: 'admin', password: 'long enough pw' }, system))).toBe('auth.login.invalid');
		expect(await problemOf(createUser(t.db, { login: 'bob smith', role: 'admin', password: 'long enough pw' }, system))).toBe('auth.login.invalid');
		expect(await problemOf(createUser(t.db, { login: 'bob', role: 'boss', password: 'long enough pw' }, system))).toBe('auth.role.invalid');
		expect(await problemOf(createUser(t.db, { login: 'bob', role: 'care_agent', password: 'short' }, system))).toBe('auth.password.tooShort');
		expect(await problemOf(createUser(t.db, { login: 'bobby.tables', role: 'care_agent', password: 'BOBBY.TABLES' }, system))).toBe('auth.password.isLogin');
		expect(await problemOf(createUser(t.db, { login: 'ROOT', role: 'care_agent', password: 'long enough pw' }, system))).toBe('auth.login.taken');
		const [row] = await t.rows<{ password_hash: string }>("select password_hash from users where login = 'root'");
		expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row!.password_hash).not.toContain('correct horse');
	});

	it('keeps one enabled real administrator', async () => {
		const root = (await listUsers(t.db)).find((u) => u.login === 'root')!;
		expect(await problemOf(setRole(t.db, root.id, 'executive', system))).toBe('auth.user.lastAdmin');
		expect(await problemOf(setDisabled(t.db, root.id, true, system))).toBe('auth.user.lastAdmin');
		const second = await createUser(t.db, { login: 'second', role: 'support_lead', password: 'second-password' }, system);
		await setRole(t.db, second.id, 'admin', system);
		expect((await setDisabled(t.db, root.id, true, system)).disabled).toBe(true);
		expect(await problemOf(setDisabled(t.db, second.id, true, system))).toBe('auth.user.lastAdmin');
		await setDisabled(t.db, root.id, false, system);
	});
});

describe('sessions', () => {
	it('end at their absolute expiry however active, and after the idle timeout', async () => {
		const exec = (await listUsers(t.db)).find((u) => u.login === 'exec')!;
		const s = await createSession(t.db, exec.id, { policy, now: at('2026-11-22T08:00:00Z') });
		// Used every 50 minutes: the idle clock restarts each time…
		for (const time of ['08:50', '09:40', '10:30', '11:20', '12:10', '13:00', '13:50', '14:40', '15:30', '16:20', '17:10', '18:00', '18:50', '19:40'])
			expect((await sessionViewer(t.db, s.id, policy, at(`2026-11-22T${time}:00Z`))).viewer?.login, time).toBe('exec');
		// …but 12 hours after sign-in it ends.
		expect(await sessionViewer(t.db, s.id, policy, at('2026-11-22T20:00:00Z'))).toEqual({ viewer: null, reason: 'expired' });
		expect(await sessionViewer(t.db, s.id, policy, at('2026-11-22T20:00:01Z'))).toEqual({ viewer: null, reason: 'unknown' });

		const idle = await createSession(t.db, exec.id, { policy, now: at('2026-11-22T08:00:00Z') });
		expect((await sessionViewer(t.db, idle.id, policy, at('2026-11-22T08:59:00Z'))).viewer).not.toBeNull();
		expect(await sessionViewer(t.db, idle.id, policy, at('2026-11-22T09:59:30Z'))).toEqual({ viewer: null, reason: 'idle' });
	});

	it('serve requests that arrive together, each touching the session (a conflict on the touch is no error)', async () => {
		const exec = (await listUsers(t.db)).find((u) => u.login === 'exec')!;
		const s = await createSession(t.db, exec.id, { policy, now: at('2026-11-22T08:00:00Z') });
		// A page and its data requests, two minutes later: every one touches the session at once.
		for (const minute of ['02', '04', '06', '08', '10']) {
			const lookups = await Promise.all(Array.from({ length: 8 }, () => sessionViewer(t.db, s.id, policy, at(`2026-11-22T08:${minute}:00Z`))));
			expect(lookups.map((l) => l.viewer?.login)).toEqual(Array(8).fill('exec'));
		}
	});

	it('take their lengths from the settings, the environment first', async () => {
		const settings = await loadSettings(t.db);
		expect(settings.security).toEqual({ sessionHours: 12, idleMinutes: 60 });
		expect(sessionPolicy(settings, { sessionHours: undefined, sessionIdleMinutes: undefined })).toEqual({ maxAgeMs: 43_200_000, idleMs: 3_600_000 });
		expect(sessionPolicy(settings, { sessionHours: 8, sessionIdleMinutes: 15 })).toEqual({ maxAgeMs: 28_800_000, idleMs: 900_000 });
	});

	it('end when the password changes (but the one that changed it), at a reset, and when the account is disabled', async () => {
		const u = await createUser(t.db, { login: 'agent1', role: 'care_agent', password: 'first password' }, system);
		const here = await createSession(t.db, u.id, { policy });
		const there = await createSession(t.db, u.id, { policy });
		const by = { actor: (await sessionViewer(t.db, here.id, policy)).viewer, ip: '192.0.2.5' };
		expect(await problemOf(changeOwnPassword(t.db, u.id, 'wrong password', 'second password', here.idHash, by))).toBe('auth.password.currentWrong');
		await changeOwnPassword(t.db, u.id, 'first password', 'second password', here.idHash, by);
		expect((await sessionViewer(t.db, here.id, policy)).viewer?.login).toBe('agent1');
		expect((await sessionViewer(t.db, there.id, policy)).viewer).toBeNull();

		await resetPassword(t.db, u.id, 'third password', system);
		expect((await sessionViewer(t.db, here.id, policy)).viewer).toBeNull();

		const again = await createSession(t.db, u.id, { policy });
		await setDisabled(t.db, u.id, true, system);
		expect((await sessionViewer(t.db, again.id, policy)).viewer).toBeNull();
		await setDisabled(t.db, u.id, false, system);
	});

	it('read the role from the account on every request', async () => {
		const u = await createUser(t.db, { login: 'promoted', role: 'executive', password: 'promoted-password' }, system);
		const s = await createSession(t.db, u.id, { policy });
		expect((await sessionViewer(t.db, s.id, policy)).viewer?.role).toBe('executive');
		await setRole(t.db, u.id, 'support_lead', system);
		expect((await sessionViewer(t.db, s.id, policy)).viewer?.role).toBe('support_lead');
	});
});

describe('signing in', () => {
	const input = (login: string, password: string, ip = '198.51.100.10') => ({ login, password, ip, policy });

	it('signs in with the right password, case-insensitively on the login, and records it', async () => {
		const limits = new LoginLimits();
		const r = await signIn(t.db, limits, input('EXEC', 'exec-password-1'));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.user.login).toBe('exec');
		expect((await sessionViewer(t.db, r.session.id, policy)).viewer?.login).toBe('exec');
		const wrong = await signIn(t.db, limits, input('exec', 'nope nope nope'));
		expect(wrong).toEqual({ ok: false, status: 401, problem: { key: 'auth.signIn.wrong' } });
		// An unknown login gets the same answer.
		expect(await signIn(t.db, limits, input('nobody', 'nope nope nope'))).toEqual(wrong);
		const log = (await listAudit(t.db, { action: 'login' })).rows;
		expect(log.slice(0, 3).map((e) => [e.action, e.actor, e.target, e.ip])).toEqual([
			['login.failed', null, 'nobody', '198.51.100.10'],
			['login.failed', null, 'exec', '198.51.100.10'],
			['login', 'exec', 'exec', '198.51.100.10']
		]);
		expect(log[0]!.detail).toEqual({ reason: 'unknown login' });
	});

	it('locks an account after 5 failures in a row, from any address, with a clear message; a success resets the count', async () => {
		const limits = new LoginLimits();
		for (let i = 1; i <= 4; i++) expect((await signIn(t.db, limits, input('root', 'guess ' + i, `203.0.113.${i}`))).ok).toBe(false);
		// The right password before the fifth failure resets the count.
		expect((await signIn(t.db, limits, input('root', 'correct horse battery'))).ok).toBe(true);
		for (let i = 1; i <= 5; i++) {
			const r = await signIn(t.db, limits, input('root', 'guess ' + i, `203.0.113.${i}`));
			expect(r.ok ? 0 : r.status).toBe(401);
		}
		const locked = await signIn(t.db, limits, input('root', 'correct horse battery', '203.0.113.99'));
		expect(locked).toEqual({ ok: false, status: 429, problem: { key: 'auth.signIn.lockedAccount', params: { minutes: 15 } } });
		// Other accounts are not locked.
		expect((await signIn(t.db, limits, input('exec', 'exec-password-1', '203.0.113.99'))).ok).toBe(true);
		expect((await listAudit(t.db, { action: 'login.locked' })).rows[0]).toMatchObject({ target: 'root', ip: '203.0.113.99', detail: { by: 'account' } });
	});

	it('locks an address after 20 failures on any accounts', async () => {
		const limits = new LoginLimits();
		for (let i = 0; i < 20; i++) await signIn(t.db, limits, input(`guess${i}`, 'nope nope nope', '198.51.100.77'));
		const r = await signIn(t.db, limits, input('exec', 'exec-password-1', '198.51.100.77'));
		expect(r).toEqual({ ok: false, status: 429, problem: { key: 'auth.signIn.lockedAddress', params: { minutes: 15 } } });
		expect((await signIn(t.db, limits, input('exec', 'exec-password-1', '198.51.100.78'))).ok).toBe(true);
	});

	it('refuses a disabled account', async () => {
		const u = await createUser(t.db, { login: 'leaver', role: 'care_agent', password: 'leaver password' }, system);
		await setDisabled(t.db, u.id, true, system);
		const r = await signIn(t.db, new LoginLimits(), input('leaver', 'leaver password'));
		expect(r).toMatchObject({ ok: false, status: 401 });
	});
});

describe('API tokens', () => {
	it('stand for their role, are stored hashed, and stop working when revoked', async () => {
		const made = await createToken(t.db, { name: 'grafana', role: 'executive' }, system);
		expect(made.token).toMatch(/^care_[A-Za-z0-9_-]{43}$/);
		const viewer = await tokenViewer(t.db, made.token);
		expect(viewer).toEqual({ kind: 'token', id: made.id, login: 'token:grafana', name: 'grafana', role: 'executive', language: null, demo: false });
		const [row] = await t.rows<{ token_hash: string; prefix: string }>(`select token_hash, prefix from api_tokens where id = ${made.id}`);
		expect(row!.token_hash).not.toContain(made.token.slice(5));
		expect(made.token.startsWith(row!.prefix)).toBe(true);
		expect(await tokenViewer(t.db, made.token + 'x')).toBeNull();
		await revokeToken(t.db, made.id, system);
		expect(await tokenViewer(t.db, made.token)).toBeNull();
		const log = (await listAudit(t.db, { action: 'token' })).rows;
		expect(log.map((e) => [e.action, e.target])).toEqual(expect.arrayContaining([['token.create', 'grafana'], ['token.revoke', 'grafana']]));
		expect(await problemOf(createToken(t.db, { name: ' ', role: 'admin' }, system))).toBe('auth.token.nameInvalid');
		expect(await problemOf(createToken(t.db, { name: 'x', role: 'root' }, system))).toBe('auth.role.invalid');
	});
});

describe('audit log', () => {
	it('pages and filters entries, newest first', async () => {
		const all = await listAudit(t.db, { perPage: 5 });
		expect(all.rows).toHaveLength(5);
		expect(all.pages).toBe(Math.ceil(all.total / 5));
		expect(all.rows[0]!.id).toBeGreaterThan(all.rows[4]!.id);
		const last = await listAudit(t.db, { perPage: 5, page: 999 });
		expect(last.page).toBe(all.pages);
		const byRoot = await listAudit(t.db, { actor: 'test', action: 'user.create' });
		expect(byRoot.rows.every((r) => r.actor === 'test' && r.action === 'user.create')).toBe(true);
		expect(byRoot.rows.map((r) => r.target)).toContain('root');
	});
});
