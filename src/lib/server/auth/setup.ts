/**
 * The one-time setup link: while no real administrator exists, the server makes a random
 * token at start and prints http://…/setup/TOKEN to its log (only who runs the server sees
 * it). Opening it creates the first administrator; the link then stops working. The token
 * lives in memory: a restart prints a new one.
 */
import type { Database } from '../db/database';
import { randomSecret, sameSecret } from './secrets';
import { userCounts } from './users';

export class SetupLink {
	private token: string | null = null;

	/** A new token, replacing any earlier one. */
	create(): string {
		this.token = randomSecret();
		return this.token;
	}

	matches(token: string): boolean {
		return this.token !== null && sameSecret(token, this.token);
	}

	/** Used: the link works no more. */
	consume(): void {
		this.token = null;
	}

	get active(): boolean {
		return this.token !== null;
	}
}

/** Whether a first administrator still has to be created. */
export async function needsSetup(db: Database): Promise<boolean> {
	return (await userCounts(db)).realAdmins === 0;
}
