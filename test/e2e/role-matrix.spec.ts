/**
 * The role matrix: every route of src/routes (pages, their __data.json, form actions,
 * endpoints, downloads) requested as anonymous, as each demo account (a session) and with an
 * API token of each role, checked against the route policy; and nothing an executive receives
 * (page, page data, API answer) holds a customer's name, phone, e-mail address or comment.
 *
 * Routes come from the route tree and the policy, so pages added later are covered without
 * editing this file; a route parameter needs an example value below (the test says which).
 * This runs last (project "matrix"): it signs every demo account out everywhere.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { accessFor, isPagePolicy, METHODS, POLICY, type Access } from '../../src/lib/server/auth/policy';
import { ROLES, type Role } from '../../src/lib/server/auth/roles';
import { concretePath, routeParams, routeTree } from '../helpers/routes';
import { BASE_URL, customerDataIn, DEMO_LOGIN, demoCustomerData, E2E_DIR, signedInRequest, SIGNED_OUT } from './helpers';

type Outcome = 'allowed' | 'signin' | 'forbidden';

interface Probe {
	route: string;
	/** What is sent: "GET /data", "GET /data/__data.json", "POST /data?/upload". */
	label: string;
	send: (ctx: APIRequestContext) => Promise<APIResponse>;
	access: Access | null;
	/** A read whose answer an executive must not find customer data in. */
	read: boolean;
	/** Ends the session: sent last. */
	endsSession: boolean;
}

/** Example values for route parameters; [id] of the data files is the file uploaded below. */
const examples: Record<string, string> = { token: 'not-the-setup-token', login: 'demo-agent', key: 'calls:2026-11-07T10' };
const perRoute: Record<string, Record<string, string>> = { '/api/tokens/[id]': { id: '999999' }, '/tickets/[id]': { id: 'T000001' } };
const ENDS_SESSION = new Set(['/account?/logoutEverywhere', '/logout']);

function probes(): Probe[] {
	const out: Probe[] = [];
	for (const route of routeTree()) {
		const params = { ...examples, ...perRoute[route.id] };
		for (const p of routeParams(route.id)) expect(params[p], `give the parameter [${p}] of ${route.id} an example value in role-matrix.spec.ts`).toBeDefined();
		const url = concretePath(route.id, params);
		const entry = POLICY[route.id];
		const acc = (method: string, u = url) => accessFor(route.id, method, new URL(u, BASE_URL)).access;
		const origin = { origin: BASE_URL };
		if (route.page) {
			out.push({ route: route.id, label: `GET ${url}`, access: acc('GET'), read: true, endsSession: false, send: (c) => c.get(url, { headers: { accept: 'text/html' }, maxRedirects: 0 }) });
			const data = url === '/' ? '/__data.json' : `${url}/__data.json`;
			out.push({ route: route.id, label: `GET ${data}`, access: acc('GET'), read: true, endsSession: false, send: (c) => c.get(data, { maxRedirects: 0 }) });
			const actions = entry && isPagePolicy(entry) ? Object.keys(entry.actions ?? {}) : [];
			for (const a of actions) {
				const target = a === 'default' ? url : `${url}?/${a}`;
				out.push({
					route: route.id,
					label: `POST ${target}`,
					access: acc('POST', target),
					read: false,
					endsSession: ENDS_SESSION.has(target),
					send: (c) => c.post(target, { form: {}, headers: { ...origin, accept: 'application/json', 'x-sveltekit-action': 'true' }, maxRedirects: 0 })
				});
			}
		} else {
			const methods = entry && !isPagePolicy(entry) ? METHODS.filter((m) => entry[m] !== undefined) : ['GET' as const];
			for (const m of methods) {
				const api = url.startsWith('/api/');
				out.push({
					route: route.id,
					label: `${m} ${url}`,
					access: acc(m),
					read: m === 'GET',
					endsSession: ENDS_SESSION.has(url),
					send: (c) =>
						c.fetch(url, {
							method: m,
							maxRedirects: 0,
							headers: m === 'GET' || m === 'DELETE' ? {} : api ? { 'content-type': 'application/json' } : { ...origin, 'content-type': 'application/x-www-form-urlencoded' },
							data: m === 'GET' || m === 'DELETE' ? undefined : api ? '{}' : ''
						})
				});
			}
		}
	}
	// Session-ending requests last, "everywhere" before the plain sign-out.
	const ending = out.filter((p) => p.endsSession);
	return [...out.filter((p) => !p.endsSession), ...ending.filter((p) => p.label.includes('logoutEverywhere')), ...ending.filter((p) => !p.label.includes('logoutEverywhere'))];
}

/** What the answer says about access: let through, sent to sign in, or refused. */
async function outcome(res: APIResponse): Promise<Outcome> {
	const status = res.status();
	if (status === 401) return 'signin';
	if (status === 403) return 'forbidden';
	const location = res.headers()['location'] ?? '';
	if (status >= 300 && status < 400 && /^\/login(\?next=|$)/.test(location)) return 'signin';
	// SvelteKit's redirect for a data request or a form action: JSON naming the login page.
	if ((res.headers()['content-type'] ?? '').includes('json') && /"type":"redirect"[^}]*"location":"\/login(\?next=[^"]*)?"/.test(await res.text())) return 'signin';
	return 'allowed';
}

function expected(access: Access | null, role: Role | null): Outcome {
	if (access === null) return 'forbidden';
	if (access === 'public') return 'allowed';
	if (!role) return 'signin';
	return access.includes(role) ? 'allowed' : 'forbidden';
}

const planted = { names: ['شرکت آزمون ماتریس', 'نگار آزمونی', 'کاوه آزمونی'], phones: ['09990001122', '09990003344'], emails: ['negar@matrix.example'] };
/** The demo's customer data and the planted rows (read once the demo is loaded). */
let data: ReturnType<typeof demoCustomerData>;

test.describe.serial('role matrix', () => {
	const tokens = new Map<Role, string>();

	test.beforeAll(async ({ browser }) => {
		test.setTimeout(180_000);
		const pii = demoCustomerData();
		data = { names: [...pii.names, ...planted.names], phones: [...pii.phones, ...planted.phones], emails: [...pii.emails, ...planted.emails], comments: pii.comments };
		expect(pii.names.length).toBeGreaterThan(100);
		expect(pii.phones.length).toBeGreaterThan(100);
		expect(pii.comments.length).toBeGreaterThan(5);
		// A customers file with a rejected row: its rejects page holds a name and a phone as read.
		const page = await browser.newPage();
		await page.goto('/data');
		const csv = [
			'id,name,contact_name,contact_phone,contact_email,contract_start',
			`C9901,${planted.names[0]},${planted.names[1]},${planted.phones[0]},${planted.emails[0]},2020-01-01`,
			`C9902,شرکت دوم آزمون,${planted.names[2]},${planted.phones[1]},kaveh@matrix.example,not-a-date`
		].join('\n');
		await page.getByTestId('upload-file').setInputFiles({ name: 'matrix-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByTestId('upload-dataset').selectOption('customers');
		await page.getByRole('button', { name: 'Upload and load' }).click();
		await page.getByTestId('upload-result').getByRole('link', { name: 'See the rejected rows' }).click();
		await page.waitForURL(/\/data\/files\/\d+$/);
		examples.id = /\/data\/files\/(\d+)$/.exec(page.url())![1]!;
		// One API token per role, made by the administrator.
		for (const role of ROLES) {
			const res = await page.request.post('/api/tokens', { data: { name: `matrix ${role}`, role } });
			expect(res.status()).toBe(201);
			tokens.set(role, (await res.json()).token);
		}
		await page.close();
	});

	test('the customer-data check finds what an administrator may see', async ({ request }) => {
		const res = await request.get(`/data/files/${examples.id}/__data.json`);
		expect(res.status()).toBe(200);
		expect(customerDataIn(await res.text(), data)).toEqual(expect.arrayContaining([planted.names[2], planted.phones[1]]));
	});

	const principals: { name: string; role: Role | null; kind: 'anonymous' | 'session' | 'token' }[] = [
		{ name: 'anonymous', role: null, kind: 'anonymous' },
		...ROLES.map((role) => ({ name: `token of ${role}`, role, kind: 'token' as const })),
		...ROLES.map((role) => ({ name: `session of ${DEMO_LOGIN[role]}`, role, kind: 'session' as const }))
	];

	for (const who of principals) {
		test(`every route as ${who.name}`, async () => {
			test.setTimeout(300_000);
			const ctx =
				who.kind === 'session'
					? await signedInRequest(DEMO_LOGIN[who.role!])
					: await playwrightRequest.newContext({
							baseURL: BASE_URL,
							storageState: SIGNED_OUT,
							extraHTTPHeaders: who.kind === 'token' ? { authorization: `Bearer ${tokens.get(who.role!)}` } : {}
						});
			const wrong: string[] = [];
			const leaks: string[] = [];
			let reads = 0;
			for (const probe of probes()) {
				const res = await probe.send(ctx);
				const got = await outcome(res);
				const want = expected(probe.access, who.role);
				if (got !== want) wrong.push(`${probe.label}: ${got} (${res.status()}), expected ${want}`);
				if (got === 'allowed' && res.status() >= 500) wrong.push(`${probe.label}: server error ${res.status()}`);
				if (who.role === 'executive' && got === 'allowed' && probe.read) {
					reads++;
					const found = customerDataIn(await res.text(), data);
					if (found.length) leaks.push(`${probe.label}: ${found.slice(0, 5).join(' | ')}`);
				}
			}
			expect(wrong).toEqual([]);
			expect(leaks).toEqual([]);
			if (who.role === 'executive') expect(reads).toBeGreaterThanOrEqual(4); // the overview, its data, /api/overview, the account page…
			await ctx.dispose();
		});
	}

	test("the command line's hand-off token opens only the routes meant for it", async () => {
		const { token } = JSON.parse(fs.readFileSync(path.join(E2E_DIR, 'care.duckdb.server.json'), 'utf8')) as { token: string };
		const cli = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
		expect((await cli.get('/api/users')).status()).toBe(200);
		expect((await cli.get('/api/tokens')).status()).toBe(200);
		expect((await cli.get('/api/overview')).status()).toBe(401);
		// Restoring is for the command line only (no role may): it gets past the guard.
		expect((await cli.post('/api/restore', { data: { backup: 'no-such-backup' } })).status()).toBe(404);
		await cli.dispose();
	});
});
