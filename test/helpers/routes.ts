/**
 * The route tree of src/routes as SvelteKit sees it: each folder holding a +page.svelte
 * (a page) or a +server.ts (an endpoint), with its route id ("/data/files/[id]"). The route
 * policy test and the browser tests (role matrix, no outbound requests) walk it, so pages
 * added later are covered without touching the tests.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROUTES_DIR = path.resolve(import.meta.dirname, '../../src/routes');

export interface RouteFiles {
	id: string;
	dir: string;
	page: boolean;
	pageServer: string | null;
	server: string | null;
}

export function routeTree(dir = ROUTES_DIR): RouteFiles[] {
	const out: RouteFiles[] = [];
	const walk = (d: string) => {
		const names = fs.readdirSync(d);
		const rel = path.relative(ROUTES_DIR, d).split(path.sep).join('/');
		const id = '/' + rel;
		const file = (base: string) => ['.ts', '.js'].map((ext) => path.join(d, base + ext)).find((f) => fs.existsSync(f)) ?? null;
		const page = names.includes('+page.svelte');
		const server = file('+server');
		if (page || server) out.push({ id: id === '/' ? '/' : id, dir: d, page, pageServer: file('+page.server'), server });
		for (const n of names) if (fs.statSync(path.join(d, n)).isDirectory()) walk(path.join(d, n));
	};
	walk(dir);
	return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Parameter names of a route id: "/data/files/[id]/rejects.csv" → ["id"]. Optional and rest parameters included. */
export function routeParams(id: string): string[] {
	return [...id.matchAll(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]{1,2}/g)].map((m) => m[1]!);
}

/** A concrete path for a route id, with the given parameter values; (groups) vanish. */
export function concretePath(id: string, params: Record<string, string>): string {
	const p = id
		.replace(/\/\([^)]+\)/g, '')
		.replace(/\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]{1,2}/g, (_, name: string) => {
			const v = params[name];
			if (v === undefined) throw new Error(`no example value for the parameter [${name}] of ${id}: add one to the test`);
			return encodeURIComponent(v);
		});
	return p || '/';
}
