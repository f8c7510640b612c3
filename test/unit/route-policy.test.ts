/**
 * Deny by default, checked: every route of src/routes has an entry in the route policy, the
 * entry matches what the route is (a page with its form actions, an endpoint with its
 * methods), and the policy names no route that does not exist. A page added without its
 * policy line fails here (and answers 403 in the product).
 */
import { describe, expect, it } from 'vitest';
import { accessFor, actionName, isPagePolicy, METHODS, permits, POLICY } from '../../src/lib/server/auth/policy';
import type { Viewer } from '../../src/lib/server/auth/roles';
import { concretePath, routeParams, routeTree } from '../helpers/routes';

const routes = routeTree();
const viewer = (role: Viewer['role']): Viewer => ({ kind: 'user', id: 1, login: 'x', name: 'x', role, language: null, demo: false });

describe('route policy', () => {
	it('finds the routes', () => {
		expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(['/', '/data', '/data/files/[id]/rejects.csv', '/login', '/api/health']));
	});

	for (const route of routes) {
		// Importing a route module loads its imports (the first one most of the app): a generous timeout.
		it(`${route.id} has a policy entry that matches the route`, { timeout: 60_000 }, async () => {
			expect(POLICY[route.id], `add '${route.id}' to src/lib/server/auth/policy.ts`).toBeDefined();
			const entry = POLICY[route.id]!;
			if (route.page) {
				expect(isPagePolicy(entry), `${route.id} is a page: give it { page: …, actions: … }`).toBe(true);
				expect(route.server, `${route.id} has both +page and +server; the policy cannot tell them apart`).toBeNull();
				const mod = route.pageServer ? ((await import(/* @vite-ignore */ route.pageServer)) as { actions?: Record<string, unknown> }) : {};
				const actions = Object.keys(mod.actions ?? {}).sort();
				expect(Object.keys(isPagePolicy(entry) ? (entry.actions ?? {}) : {}).sort(), `form actions of ${route.id}`).toEqual(actions);
			} else {
				expect(isPagePolicy(entry), `${route.id} is an endpoint: give it { GET: …, POST: … }`).toBe(false);
				const mod = (await import(/* @vite-ignore */ route.server!)) as Record<string, unknown>;
				const exported = METHODS.filter((m) => typeof mod[m] === 'function');
				const listed = METHODS.filter((m) => !isPagePolicy(entry) && entry[m] !== undefined);
				expect(listed, `methods of ${route.id}`).toEqual(exported);
			}
		});
	}

	it('names only routes that exist', () => {
		const ids = new Set(routes.map((r) => r.id));
		expect(Object.keys(POLICY).filter((id) => !ids.has(id))).toEqual([]);
	});

	it('decides by method and form action, denying what it does not list', () => {
		const url = (s: string) => new URL(s, 'http://localhost');
		expect(accessFor('/data', 'GET', url('/data')).access).toEqual(['admin']);
		expect(accessFor('/data', 'HEAD', url('/data')).access).toEqual(['admin']);
		expect(accessFor('/data', 'POST', url('/data?/run')).access).toEqual(['admin']);
		expect(accessFor('/data', 'POST', url('/data?/unknown')).access).toBeNull();
		expect(accessFor('/data', 'POST', url('/data')).access).toBeNull(); // no default action on /data
		expect(accessFor('/login', 'POST', url('/login?next=%2Fdata')).access).toBe('public');
		expect(accessFor('/api/overview', 'DELETE', url('/api/overview')).access).toBeNull();
		expect(accessFor('/nowhere', 'GET', url('/nowhere')).access).toBeNull();
		expect(accessFor('/api/ingest', 'POST', url('/api/ingest')).cli).toBe(true);
		expect(accessFor('/api/overview', 'GET', url('/api/overview')).cli).toBe(false);
		expect(actionName(url('/admin/users?/role'))).toBe('role');
		expect(actionName(url('/login'))).toBe('default');
	});

	it('lets a role through only where it is listed; anonymous only where public', () => {
		expect(permits(['admin'], viewer('admin'))).toBe(true);
		expect(permits(['admin'], viewer('executive'))).toBe(false);
		expect(permits(['admin'], null)).toBe(false);
		expect(permits('public', null)).toBe(true);
		expect(permits(null, viewer('admin'))).toBe(false);
	});

	it('keeps imports and administration to administrators', () => {
		for (const id of ['/data', '/data/files/[id]', '/data/files/[id]/rejects.csv', '/admin/users', '/admin/tokens', '/admin/audit', '/api/users', '/api/tokens'])
			for (const role of ['executive', 'support_lead', 'care_agent'] as const)
				expect(permits(accessFor(id, 'GET', new URL('http://localhost' + id)).access, viewer(role)), `${role} on ${id}`).toBe(false);
	});

	it('builds concrete paths for the browser tests', () => {
		expect(routeParams('/data/files/[id]/rejects.csv')).toEqual(['id']);
		expect(concretePath('/data/files/[id]/rejects.csv', { id: '7' })).toBe('/data/files/7/rejects.csv');
		expect(concretePath('/(app)/x/[[lang]]', { lang: 'fa' })).toBe('/x/fa');
		expect(() => concretePath('/a/[b]', {})).toThrow(/no example value for the parameter \[b\]/);
	});
});
