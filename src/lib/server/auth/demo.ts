/**
 * Demo accounts: while the demo dataset is loaded and no real account exists, one account per
 * role lets a visitor see what each role sees. The login page lists them with their passwords
 * (they are not secret: a demo runs on loopback by default). Creating the first real
 * administrator removes them, their sessions and the tokens they made (users.ts).
 */
import type { Database } from '../db/database';
import type { Role } from './roles';
import { createUser, userCounts } from './users';

export interface DemoAccount {
	login: string;
	password: string;
	role: Role;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{ login: 'demo-executive', password: 'demo-executive', role: 'executive' },
	{ login: 'demo-lead', password: 'demo-lead', role: 'support_lead' },
	{ login: 'demo-agent', password: 'demo-agent', role: 'care_agent' },
	{ login: 'demo-admin', password: 'demo-admin', role: 'admin' }
];

/** Create the demo accounts unless a real account exists (or they exist already). Returns whether it did. */
export async function ensureDemoAccounts(db: Database): Promise<boolean> {
	const counts = await userCounts(db);
	if (counts.realUsers > 0 || counts.demoUsers > 0) return false;
	for (const a of DEMO_ACCOUNTS) await createUser(db, { login: a.login, role: a.role, password: a.password }, { actor: 'system' }, { demo: true });
	return true;
}

/** The demo accounts to list on the login page: those that exist now. */
export async function demoAccountsShown(db: Database): Promise<DemoAccount[]> {
	const { demoUsers } = await userCounts(db);
	return demoUsers > 0 ? [...DEMO_ACCOUNTS] : [];
}
