/**
 * `npm run user -- …`: accounts and API tokens from the command line, for the first
 * administrator and for scripts. Like `npm run ingest`, it asks the running server (the
 * hand-off token of <db>.server.json) and opens the database itself only when no server runs.
 *
 *   add LOGIN --role ROLE [--name NAME]   create an account; the password comes from stdin
 *   password LOGIN                        set a new password (from stdin); its sessions end
 *   role LOGIN ROLE | disable LOGIN | enable LOGIN
 *   token --role ROLE --name NAME         create an API token and print it (only it, on stdout)
 *   revoke-token ID
 *   list                                  accounts and tokens
 *
 * On a terminal the password is asked twice without echo; otherwise stdin is read whole
 * (`printf '%s' "$PASSWORD" | npm run user -- add …`), less one trailing newline.
 */
import { parseArgs } from 'node:util';
import { inEnglishPhrase } from '../src/lib/i18n/translate';
import type { Config } from '../src/lib/server/config';
import { closeDatabase, isLockError, openDatabase, type Database } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrate';
import { readRuntimeFile } from '../src/lib/server/runtime';
import { seedSettings } from '../src/lib/server/settings';
import { AccountError } from '../src/lib/server/auth/errors';
import { ROLES } from '../src/lib/server/auth/roles';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../src/lib/server/auth/tokens';
import { createUser, findUser, findUserByLogin, listUsers, resetPassword, setDisabled, setRole } from '../src/lib/server/auth/users';
import type { User } from '../src/lib/server/auth/roles';

export const USER_USAGE = [
	'usage: npm run user -- add LOGIN --role ROLE [--name NAME]   (password from stdin)',
	'       npm run user -- password LOGIN                         (password from stdin)',
	'       npm run user -- role LOGIN ROLE | disable LOGIN | enable LOGIN',
	'       npm run user -- token --role ROLE --name NAME          (prints the token)',
	'       npm run user -- revoke-token ID',
	'       npm run user -- list',
	`roles: ${ROLES.join(', ')}`
].join('\n');

class UsageError extends Error {}

/** What the command does: through the server's API, or on the database directly. */
interface Backend {
	add(login: string, role: string, password: string, name: string | null): Promise<User>;
	patch(login: string, change: { role?: string; password?: string; disabled?: boolean }): Promise<User>;
	token(name: string, role: string): Promise<{ id: number; token: string }>;
	revoke(id: number): Promise<TokenInfo>;
	list(): Promise<{ users: User[]; tokens: TokenInfo[] }>;
}

function serverBackend(url: string, token: string): Backend {
	const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const res = await fetch(url + path, {
			method,
			headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await res.text();
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch {
			data = { error: text };
		}
		if (!res.ok) throw new Error((data as { error?: string }).error ?? `the server answered ${res.status}`);
		return data as T;
	};
	return {
		add: async (login, role, password, name) => (await call<{ user: User }>('POST', '/api/users', { login, role, password, name })).user,
		patch: async (login, change) => (await call<{ user: User }>('PATCH', `/api/users/${encodeURIComponent(login)}`, change)).user,
		token: (name, role) => call('POST', '/api/tokens', { name, role }),
		revoke: async (id) => (await call<{ token: TokenInfo }>('DELETE', `/api/tokens/${id}`)).token,
		list: async () => ({ users: (await call<{ users: User[] }>('GET', '/api/users')).users, tokens: (await call<{ tokens: TokenInfo[] }>('GET', '/api/tokens')).tokens })
	};
}

function databaseBackend(db: Database): Backend {
	const by = { actor: 'cli', ip: null };
	const mustFind = async (login: string) => {
		const user = await findUserByLogin(db, login);
		if (!user) throw new Error(`no account "${login}"`);
		return user;
	};
	return {
		add: (login, role, password, name) => createUser(db, { login, role, password, displayName: name }, by),
		patch: async (login, change) => {
			const user = await mustFind(login);
			if (change.role !== undefined) await setRole(db, user.id, change.role, by);
			if (change.password !== undefined) await resetPassword(db, user.id, change.password, by);
			if (change.disabled !== undefined) await setDisabled(db, user.id, change.disabled, by);
			return (await findUser(db, user.id))!;
		},
		token: (name, role) => createToken(db, { name, role }, by),
		revoke: (id) => revokeToken(db, id, by),
		list: async () => ({ users: await listUsers(db), tokens: await listTokens(db) })
	};
}

/** A password typed on the terminal without echo. */
function promptHidden(prompt: string): Promise<string> {
	const stdin = process.stdin;
	process.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.resume();
	stdin.setEncoding('utf8');
	let value = '';
	return new Promise((resolve, reject) => {
		const done = (error?: Error) => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
			if (error) reject(error);
			else resolve(value);
		};
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') return done();
				if (ch === '\u0003' || ch === '\u0004') return done(new Error('cancelled'));
				if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
				else value += ch;
			}
		};
		stdin.on('data', onData);
	});
}

async function readPassword(login: string): Promise<string> {
	if (process.stdin.isTTY) {
		const first = await promptHidden(`Password for ${login}: `);
		const again = await promptHidden('The same password again: ');
		if (first !== again) throw new Error('the two passwords differ');
		return first;
	}
	const chunks: Buffer[] = [];
	for await (const c of process.stdin) chunks.push(Buffer.from(c as Buffer));
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function withBackend<T>(config: Config, run: (b: Backend) => Promise<T>): Promise<T> {
	const server = readRuntimeFile(config);
	if (server) {
		console.error(`the server (pid ${server.pid}) holds ${config.dbPath}; asking it at ${server.url}`);
		return run(serverBackend(server.url, server.token));
	}
	let db: Database;
	try {
		db = await openDatabase(config.dbPath, { memoryLimit: config.duckdbMemoryLimit, tempDirectory: config.duckdbTempDir });
	} catch (e) {
		if (isLockError(e)) throw new Error(`${config.dbPath} is held by another process and no running server answers for it; try again when it has finished`);
		throw e;
	}
	try {
		await migrate(db);
		await seedSettings(db, config);
		return await run(databaseBackend(db));
	} finally {
		closeDatabase();
	}
}

function describeUser(u: User): string {
	return `${u.login} (${u.role}${u.demo ? ', demo' : ''}${u.disabled ? ', disabled' : ''})`;
}

export async function userCommand(config: Config, argv: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { role: { type: 'string' }, name: { type: 'string' } }
	});
	const [sub, ...rest] = positionals;
	const need = (value: string | undefined, what: string): string => {
		if (!value) throw new UsageError(`missing ${what}`);
		return value;
	};
	try {
		switch (sub) {
			case 'add': {
				const login = need(rest[0], 'LOGIN');
				const role = need(values.role, '--role ROLE');
				const password = await readPassword(login);
				const user = await withBackend(config, (b) => b.add(login, role, password, values.name ?? null));
				console.error(`created the account ${describeUser(user)}`);
				return;
			}
			case 'password': {
				const login = need(rest[0], 'LOGIN');
				const password = await readPassword(login);
				await withBackend(config, (b) => b.patch(login, { password }));
				console.error(`new password set for ${login}; its sessions were signed out`);
				return;
			}
			case 'role': {
				const user = await withBackend(config, (b) => b.patch(need(rest[0], 'LOGIN'), { role: need(rest[1] ?? values.role, 'ROLE') }));
				console.error(`role changed: ${describeUser(user)}`);
				return;
			}
			case 'disable':
			case 'enable': {
				const user = await withBackend(config, (b) => b.patch(need(rest[0], 'LOGIN'), { disabled: sub === 'disable' }));
				console.error(`${sub}d: ${describeUser(user)}`);
				return;
			}
			case 'token': {
				const created = await withBackend(config, (b) => b.token(need(values.name, '--name NAME'), need(values.role, '--role ROLE')));
				// Only the token on stdout, so that `TOKEN=$(npm run -s user -- token …)` works.
				process.stdout.write(created.token + '\n');
				console.error(`API token #${created.id} created (role ${values.role}); it is not shown again`);
				return;
			}
			case 'revoke-token': {
				const id = Number(need(rest[0], 'ID'));
				if (!Number.isInteger(id)) throw new UsageError(`ID must be a token number, not "${rest[0]}"`);
				const token = await withBackend(config, (b) => b.revoke(id));
				console.error(`token #${token.id} (${token.name}) revoked`);
				return;
			}
			case 'list': {
				const { users, tokens } = await withBackend(config, (b) => b.list());
				console.log('accounts:');
				for (const u of users) console.log(`  ${describeUser(u).padEnd(40)} last sign-in ${u.lastLoginAt ?? 'never'}`);
				console.log('API tokens:');
				for (const t of tokens) console.log(`  #${String(t.id).padEnd(4)} ${t.name.padEnd(24)} ${t.role.padEnd(13)} ${t.prefix}…  ${t.revoked_at ? `revoked ${t.revoked_at}` : `last used ${t.last_used_at ?? 'never'}`}`);
				return;
			}
			default:
				throw new UsageError(sub ? `unknown command "${sub}"` : 'missing a command');
		}
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`error: ${e.message}\n${USER_USAGE}`);
			process.exitCode = 2;
			return;
		}
		throw e instanceof AccountError ? new Error(inEnglishPhrase(e.phrase)) : e;
	}
}
