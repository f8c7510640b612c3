/**
 * Login rate limits, in memory (rate-limiter-flexible; one server process holds them):
 * - per account: 5 failed sign-ins in a row lock the account for 15 minutes (a success resets
 *   the count), whichever addresses they came from: guessing one password slowly from many
 *   machines does not work;
 * - per address: 20 failed sign-ins or bad API tokens within 15 minutes lock the address out
 *   of signing in for 15 minutes: guessing many accounts from one machine does not work.
 * Unknown logins count like real ones, so the answer does not tell which logins exist.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface LimitOptions {
	accountFailures: number;
	addressFailures: number;
	/** Window in which failures add up, and how long a lock lasts. */
	windowSeconds: number;
	lockSeconds: number;
}

export const DEFAULT_LIMITS: LimitOptions = { accountFailures: 5, addressFailures: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

export class LoginLimits {
	private account: RateLimiterMemory;
	private address: RateLimiterMemory;

	constructor(readonly options: LimitOptions = DEFAULT_LIMITS) {
		this.account = new RateLimiterMemory({ keyPrefix: 'account', points: options.accountFailures, duration: options.windowSeconds });
		this.address = new RateLimiterMemory({ keyPrefix: 'address', points: options.addressFailures, duration: options.windowSeconds });
	}

	/** Milliseconds until the account and the address may try again (0: they may now). */
	async lockedFor(login: string | null, ip: string): Promise<{ ms: number; by: 'account' | 'address' | null }> {
		const [a, b] = await Promise.all([login ? this.account.get(login) : null, this.address.get(ip)]);
		const accountMs = a && a.consumedPoints >= this.options.accountFailures ? a.msBeforeNext : 0;
		const addressMs = b && b.consumedPoints >= this.options.addressFailures ? b.msBeforeNext : 0;
		if (accountMs <= 0 && addressMs <= 0) return { ms: 0, by: null };
		return accountMs >= addressMs ? { ms: accountMs, by: 'account' } : { ms: addressMs, by: 'address' };
	}

	/** A failed attempt (wrong password, unknown login, bad token); locks when the limit is reached. */
	async failed(login: string | null, ip: string): Promise<void> {
		if (login) {
			const a = await this.account.penalty(login);
			if (a.consumedPoints >= this.options.accountFailures) await this.account.block(login, this.options.lockSeconds);
		}
		const b = await this.address.penalty(ip);
		if (b.consumedPoints >= this.options.addressFailures) await this.address.block(ip, this.options.lockSeconds);
	}

	/** A successful sign-in clears the account's count (the address keeps its own). */
	async succeeded(login: string): Promise<void> {
		await this.account.delete(login);
	}
}

const KEY = Symbol.for('care-dashboard.login-limits');
type Pinned = { [KEY]?: LoginLimits };

/** The server's limits (one per process). */
export function loginLimits(): LoginLimits {
	const pinned = globalThis as Pinned;
	return (pinned[KEY] ??= new LoginLimits());
}
