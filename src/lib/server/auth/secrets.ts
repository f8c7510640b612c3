/** Random secrets and the hashes stored in their place. */
import crypto from 'node:crypto';

/** 32 random bytes, URL-safe: a session id or a token's secret part. */
export function randomSecret(): string {
	return crypto.randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a session id or a token (both are long and random, so no salt is needed). */
export function hashSecret(secret: string): string {
	return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Compare two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}
