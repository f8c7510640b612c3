/**
 * What the browser tests share: the signed-in state of the demo administrator (made by
 * auth.setup.ts), signing in as any demo account, and the demo's customer data (names,
 * phones, e-mail addresses, survey comments) that no executive may ever receive.
 */
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const E2E_DIR = process.env.CARE_E2E_DIR!;
export const BASE_URL = `http://127.0.0.1:${Number(process.env.CARE_E2E_PORT ?? 4317)}`;
/** The demo administrator's cookies, saved by the setup project; every test starts signed in with them. */
export const ADMIN_STATE = path.join(E2E_DIR, 'admin-state.json');
export const SIGNED_OUT = { cookies: [], origins: [] };

export type DemoRole = 'executive' | 'support_lead' | 'care_agent' | 'admin';
export const DEMO_LOGIN: Record<DemoRole, string> = {
	executive: 'demo-executive',
	support_lead: 'demo-lead',
	care_agent: 'demo-agent',
	admin: 'demo-admin'
};

/** Sign in through the login form (demo accounts: password = login). */
export async function signInPage(page: Page, login: string, password = login): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Login').fill(login);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByTestId('signed-in')).toBeVisible();
}

/** A request context of its own, signed in with a fresh session (its own cookie jar). */
export async function signedInRequest(login: string, password = login): Promise<APIRequestContext> {
	const ctx = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
	const res = await ctx.post('/login', { form: { login, password, next: '/' }, headers: { origin: BASE_URL, accept: 'text/html' }, maxRedirects: 0 });
	expect(res.status(), `sign in as ${login}`).toBe(303);
	return ctx;
}

/** Wait until the demo dataset is loaded (the administrator sees the demo state in /api/health). */
export async function waitForDemo(request: APIRequestContext): Promise<void> {
	await expect
		.poll(async () => ((await (await request.get('/api/health')).json()) as { demo?: { state: string } }).demo?.state, { timeout: 280_000, intervals: [500, 1000, 2000] })
		.toBe('loaded');
}

function csvRows(file: string): Record<string, string>[] {
	const [header, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
	const cols = header!.split(',');
	// The demo writer quotes fields with commas; a simple split is enough for the columns read here,
	// which come before any quoted field or are read by name from unquoted rows.
	return lines.map((l) => {
		const cells: string[] = [];
		let cur = '';
		let quoted = false;
		for (let i = 0; i < l.length; i++) {
			const ch = l[i]!;
			if (quoted) {
				if (ch === '"' && l[i + 1] === '"') (cur += '"'), i++;
				else if (ch === '"') quoted = false;
				else cur += ch;
			} else if (ch === '"') quoted = true;
			else if (ch === ',') cells.push(cur), (cur = '');
			else cur += ch;
		}
		cells.push(cur);
		return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
	});
}

function demoFile(dataset: string): string {
	const dir = path.join(E2E_DIR, 'processed', dataset);
	const name = fs.readdirSync(dir).find((f) => f.endsWith(`demo-${dataset}.csv`));
	if (!name) throw new Error(`no demo ${dataset} file in ${dir}`);
	return path.join(dir, name);
}

/**
 * Customer data of the demo: organisation names, contacts' names, phones and e-mail
 * addresses, survey comments. Contact names that are also staff names (owners, agents) are
 * left out: staff may appear in aggregated figures.
 */
export function demoCustomerData(): { names: string[]; phones: string[]; emails: string[]; comments: string[] } {
	const customers = csvRows(demoFile('customers'));
	const staff = new Set(customers.map((c) => c.owner));
	for (const call of csvRows(demoFile('calls'))) staff.add(call.agent!);
	const comments = new Set(csvRows(demoFile('survey_answers')).map((s) => s.comment!).filter((c) => c.length >= 12));
	return {
		names: [...new Set([...customers.map((c) => c.name!), ...customers.map((c) => c.contact_name!).filter((n) => !staff.has(n))])].filter((n) => n.length >= 5),
		phones: customers.map((c) => c.contact_phone!).filter(Boolean),
		emails: customers.map((c) => c.contact_email!).filter(Boolean),
		comments: [...comments]
	};
}

/** Which of the customer data appear in a body of text (JSON escapes undone first). */
export function customerDataIn(body: string, data: ReturnType<typeof demoCustomerData>): string[] {
	let text = body;
	try {
		text = body + '\n' + JSON.stringify(JSON.parse(body)); // normalised: \uXXXX escapes become characters
	} catch {
		// not JSON
	}
	text = text.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
	return [...data.names, ...data.phones, ...data.emails, ...data.comments].filter((s) => text.includes(s));
}
