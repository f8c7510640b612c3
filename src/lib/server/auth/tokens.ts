/**
 * API tokens for the JSON API and scripts (`Authorization: Bearer care_…`), each scoped to a
 * role and passing the same route policy as a signed-in user of that role, pages included.
 * Made by an administrator (the tokens page, or `npm run user -- token`), shown once, stored
 * as a SHA-256 hash, revocable. Tokens made by a demo administrator are revoked with the
 * demo accounts.
 */
import type { Database } from '../db/database';
import { audit, type By } from '../audit';
import { AccountError } from './errors';
import { isRole, type Viewer } from './roles';
import { hashSecret, randomSecret } from './secrets';

export const TOKEN_PREFIX = 'care_';
/** last_used_at is written at most once a minute per token. */
const TOUCH_EVERY_MS = 60_000;

export interface TokenInfo {
	id: number;
	name: string;
	role: string;
	prefix: string;
	created_by: string;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
}

export function looksLikeToken(value: string): boolean {
	return value.startsWith(TOKEN_PREFIX);
}

export async function createToken(db: Database, input: { name: string; role: string }, by: By): Promise<{ id: number; token: string; name: string; role: string }> {
	const name = input.name.trim();
	if (!name || name.length > 80) throw new AccountError({ key: 'auth.token.nameInvalid' });
	if (!isRole(input.role)) throw new AccountError({ key: 'auth.role.invalid', params: { role: input.role } });
	const token = TOKEN_PREFIX + randomSecret();
	const actor = by.actor;
	const createdBy = actor === null ? 'unknown' : typeof actor === 'string' ? actor : actor.login;
	const demo = typeof actor === 'object' && actor !== null && 'demo' in actor && actor.demo;
	const [row] = await db.query<{ id: number }>('auth/token_insert', {
		name,
		role: input.role,
		token_hash: hashSecret(token),
		prefix: token.slice(0, TOKEN_PREFIX.length + 6),
		created_by: createdBy,
		created_by_demo: demo
	});
	await audit(db, { ...by, action: 'token.create', target: name, detail: { id: row!.id, role: input.role } });
	return { id: row!.id, token, name, role: input.role };
}

/** The viewer a token stands for, or null when it is unknown or revoked. */
export async function tokenViewer(db: Database, token: string, now: Date = new Date()): Promise<Viewer | null> {
	const [row] = await db.query<{ id: number; name: string; role: string; last_used_ms: number | null }>('auth/token_find', { token_hash: hashSecret(token) });
	if (!row || !isRole(row.role)) return null;
	if (!db.readOnly && (row.last_used_ms === null || now.getTime() - row.last_used_ms >= TOUCH_EVERY_MS)) await db.query('auth/token_touch', { id: row.id });
	return { kind: 'token', id: row.id, login: `token:${row.name}`, name: row.name, role: row.role, language: null, demo: false };
}

export async function listTokens(db: Database): Promise<TokenInfo[]> {
	return db.query<TokenInfo & Record<string, unknown>>('auth/tokens_list');
}

export async function revokeToken(db: Database, id: number, by: By): Promise<TokenInfo> {
	const [row] = await db.query<TokenInfo & Record<string, unknown>>('auth/token_by_id', { id });
	if (!row) throw new AccountError({ key: 'auth.token.notFound' }, 404);
	if (!row.revoked_at) {
		await db.query('auth/token_revoke', { id });
		await audit(db, { ...by, action: 'token.revoke', target: row.name, detail: { id } });
	}
	const [after] = await db.query<TokenInfo & Record<string, unknown>>('auth/token_by_id', { id });
	return after!;
}
