/**
 * Passwords: argon2id through @node-rs/argon2 (prebuilt binaries, no install script), with
 * its defaults (19 MiB, 2 passes, 1 lane: OWASP's recommended argon2id parameters), stored
 * as the PHC string, which carries its own salt and parameters.
 */
import { hash, verify } from '@node-rs/argon2';
import type { Phrase } from '../../i18n/translate';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../password-rules';

export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

/** A fixed hash to verify against when the login is unknown, so that both cost the same time. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
	decoy ??= hash('not a password of anyone');
	try {
		return await verify(stored ?? (await decoy), password);
	} catch {
		return false;
	}
}

/** Why a new password is refused, or null. */
export function passwordProblem(password: string, login?: string): Phrase | null {
	if ([...password].length < MIN_PASSWORD_LENGTH) return { key: 'auth.password.tooShort', params: { min: MIN_PASSWORD_LENGTH } };
	if ([...password].length > MAX_PASSWORD_LENGTH) return { key: 'auth.password.tooLong', params: { max: MAX_PASSWORD_LENGTH } };
	if (login && password.trim().toLowerCase() === login.toLowerCase()) return { key: 'auth.password.isLogin' };
	return null;
}
