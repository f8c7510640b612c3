/**
 * The command line's key to the running server: `npm run ingest`, `backup` and `restore` send
 * the token the server wrote to <db>.server.json (readable only by the account that runs the
 * server) as a bearer token. Compared in constant time.
 */
import crypto from 'node:crypto';

export function hasServerToken(request: Request, token: string): boolean {
	const given = Buffer.from((request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
	const expected = Buffer.from(token);
	return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export const TOKEN_REQUIRED = 'a valid token is required (see <database>.server.json)';
