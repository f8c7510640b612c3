/**
 * User accounts: create, list, change role, reset or change a password, disable, choose a
 * language. Every change is written to the audit log with who made it. Two rules hold
 * whoever asks: there is always an enabled real administrator once one was created (the last
 * one cannot be demoted or disabled), and creating the first real administrator removes the
 * demo accounts (./demo.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { execOn, queryOn, type Database } from '../db/database';
import { audit, auditOn, type By } from '../audit';
import { AccountError } from './errors';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { isRole, type Role, type User } from './roles';
import { endUserSessions } from './sessions';

/** Lower-case letters, digits, dot, dash, underscore; 2 to 64 characters, starting with a letter or digit. */
const LOGIN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function normalizeLogin(login: string): string {
	return login.trim().toLowerCase();
}

export function loginProblem(login: string) {
	return LOGIN.test(login) ? null : ({ key: 'auth.login.invalid' } as const);
}

type UserRow = {
	id: number;
	login: string;
	display_name: string;
	role: string;
	language: 'en' | 'fa' | null;
	is_demo: boolean;
	disabled: boolean;
	created_at: string;
	last_login_at: string | null;
	password_hash?: string;
};

function toUser(r: UserRow): User {
	return {
		id: r.id,
		login: r.login,
		displayName: r.display_name,
		role: isRole(r.role) ? r.role : 'executive',
		language: r.language,
		demo: r.is_demo,
		disabled: r.disabled,
		createdAt: r.created_at,
		lastLoginAt: r.last_login_at
	};
}

export async function listUsers(db: Database): Promise<(User & { sessions: number })[]> {
	const rows = await db.query<UserRow & { sessions: number }>('auth/users_list');
	return rows.map((r) => ({ ...toUser(r), sessions: r.sessions }));
}

/** An account and its password hash (for signing in). */
export async function findUserForSignIn(db: Database, login: string): Promise<(User & { passwordHash: string }) | null> {
	const [row] = await db.query<UserRow>('auth/user_by_login', { login: normalizeLogin(login) });
	return row ? { ...toUser(row), passwordHash: row.password_hash! } : null;
}

export async function findUser(db: Database, id: number): Promise<User | null> {
	const [row] = await db.query<UserRow>('auth/user_by_id', { id });
	return row ? toUser(row) : null;
}

export async function findUserByLogin(db: Database, login: string): Promise<User | null> {
	const [row] = await db.query<UserRow>('auth/user_by_login', { login: normalizeLogin(login) });
	return row ? toUser(row) : null;
}

export interface UserCounts {
	realUsers: number;
	realAdmins: number;
	demoUsers: number;
}

export async function userCounts(db: Database): Promise<UserCounts> {
	const [r] = await db.query<{ real_users: number; real_admins: number; demo_users: number }>('auth/users_count');
	return { realUsers: r?.real_users ?? 0, realAdmins: r?.real_admins ?? 0, demoUsers: r?.demo_users ?? 0 };
}

/** Remove the demo accounts, their sessions and the tokens they made (inside a transaction). */
export async function removeDemoAccountsOn(conn: DuckDBConnection, by: By): Promise<void> {
	const [r] = await queryOn<{ demo_users: number }>(conn, 'auth/users_count');
	if (!r?.demo_users) return;
	await execOn(conn, 'auth/sessions_delete_demo');
	await execOn(conn, 'auth/tokens_revoke_demo');
	await execOn(conn, 'auth/demo_users_delete');
	await auditOn(conn, { ...by, action: 'demo.remove', detail: { accounts: r.demo_users } });
}

export interface NewUser {
	login: string;
	displayName?: string | null;
	role: string;
	password: string;
}

/** Create an account. The first real administrator removes the demo accounts. */
export async function createUser(db: Database, input: NewUser, by: By, options: { demo?: boolean } = {}): Promise<User> {
	const login = normalizeLogin(input.login);
	const problem = loginProblem(login);
	if (problem) throw new AccountError(problem);
	if (!isRole(input.role)) throw new AccountError({ key: 'auth.role.invalid', params: { role: input.role } });
	const role: Role = input.role;
	if (!options.demo) {
		const weak = passwordProblem(input.password, login);
		if (weak) throw new AccountError(weak);
	}
	const displayName = (input.displayName ?? '').trim().slice(0, 100) || login;
	if (await findUserByLogin(db, login)) throw new AccountError({ key: 'auth.login.taken', params: { login } }, 409);
	const passwordHash = await hashPassword(input.password);
	const id = await db.transaction(async (conn) => {
		const [row] = await queryOn<{ id: number }>(conn, 'auth/user_insert', { login, display_name: displayName, role, password_hash: passwordHash, is_demo: !!options.demo });
		await auditOn(conn, { ...by, action: 'user.create', target: login, detail: { role, demo: !!options.demo } });
		if (role === 'admin' && !options.demo) await removeDemoAccountsOn(conn, by);
		return row!.id;
	});
	return (await findUser(db, id))!;
}

async function mustFind(db: Database, id: number): Promise<User> {
	const user = await findUser(db, id);
	if (!user) throw new AccountError({ key: 'auth.user.notFound' }, 404);
	return user;
}

/** Refuse to leave the product without an enabled real administrator. */
async function keepAnAdmin(db: Database, user: User): Promise<void> {
	if (user.role !== 'admin' || user.demo || user.disabled) return;
	const { realAdmins } = await userCounts(db);
	if (realAdmins <= 1) throw new AccountError({ key: 'auth.user.lastAdmin' }, 409);
}

export async function setRole(db: Database, id: number, role: string, by: By): Promise<User> {
	if (!isRole(role)) throw new AccountError({ key: 'auth.role.invalid', params: { role } });
	const user = await mustFind(db, id);
	if (user.role === role) return user;
	if (role !== 'admin') await keepAnAdmin(db, user);
	await db.transaction(async (conn) => {
		await execOn(conn, 'auth/user_set_role', { id, role });
		await auditOn(conn, { ...by, action: 'user.role', target: user.login, detail: { from: user.role, to: role } });
		if (role === 'admin' && !user.demo) await removeDemoAccountsOn(conn, by);
	});
	return { ...user, role };
}

export async function setDisabled(db: Database, id: number, disabled: boolean, by: By): Promise<User> {
	const user = await mustFind(db, id);
	if (user.disabled === disabled) return user;
	if (disabled) await keepAnAdmin(db, user);
	await db.query('auth/user_set_disabled', { id, disabled });
	if (disabled) await endUserSessions(db, id);
	await audit(db, { ...by, action: disabled ? 'user.disable' : 'user.enable', target: user.login });
	return { ...user, disabled };
}

/** An administrator sets someone's password: every session of that account ends. */
export async function resetPassword(db: Database, id: number, password: string, by: By): Promise<void> {
	const user = await mustFind(db, id);
	const weak = passwordProblem(password, user.login);
	if (weak) throw new AccountError(weak);
	await db.query('auth/user_set_password', { id, password_hash: await hashPassword(password) });
	await endUserSessions(db, id);
	await audit(db, { ...by, action: 'user.password_reset', target: user.login });
}

/** A user changes their own password (the current one first); their other sessions end. */
export async function changeOwnPassword(db: Database, id: number, current: string, next: string, keepSession: string | null, by: By): Promise<void> {
	const [row] = await db.query<UserRow>('auth/user_by_id', { id });
	if (!row) throw new AccountError({ key: 'auth.user.notFound' }, 404);
	if (!(await verifyPassword(row.password_hash!, current))) throw new AccountError({ key: 'auth.password.currentWrong' });
	const weak = passwordProblem(next, row.login);
	if (weak) throw new AccountError(weak);
	if (next === current) throw new AccountError({ key: 'auth.password.unchanged' });
	await db.query('auth/user_set_password', { id, password_hash: await hashPassword(next) });
	await endUserSessions(db, id, keepSession);
	await audit(db, { ...by, action: 'password.change', target: row.login });
}

/** The account's interface language; null: none chosen, the browser's language decides. */
export async function setLanguage(db: Database, id: number, language: 'en' | 'fa' | null): Promise<void> {
	// (On a read-only database the language cookie still carries the choice.)
	if (!db.readOnly) await db.query('auth/user_set_language', { id, language });
}

/** End every session of an account (the user's "sign out everywhere", or an administrator's). */
export async function signOutEverywhere(db: Database, id: number, by: By): Promise<void> {
	const user = await mustFind(db, id);
	await endUserSessions(db, id);
	await audit(db, { ...by, action: 'logout.everywhere', target: user.login });
}
