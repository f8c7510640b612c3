/**
 * The query registry: every SQL statement the product runs lives in `queries/**.sql`, one
 * statement per file, named by its path without the extension ("kpi/nps").
 *
 * Inside the app (Vite, Vitest) the files are bundled with import.meta.glob, so the built
 * server needs no queries/ folder beside it. The command-line jobs run under tsx, where
 * import.meta.env is undefined, and read the same files from disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function loadFromDisk(): Record<string, string> {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../queries');
	const out: Record<string, string> = {};
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.sql')) out['/queries/' + path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
		}
	};
	walk(root);
	return out;
}

const files: Record<string, string> = import.meta.env
	? import.meta.glob('/queries/**/*.sql', { query: '?raw', import: 'default', eager: true })
	: loadFromDisk();

const registry = new Map<string, string>();
for (const [file, text] of Object.entries(files)) {
	registry.set(file.replace(/^\/queries\//, '').replace(/\.sql$/, ''), text);
}

/** The SQL text of a named query; throws for an unknown name so a typo fails loudly. */
export function sql(name: string): string {
	const text = registry.get(name);
	if (text === undefined) throw new Error(`unknown query "${name}" (no queries/${name}.sql)`);
	return text;
}

/** Names of the queries under a folder, sorted (used for migrations). */
export function queryNames(folder: string): string[] {
	const prefix = folder.endsWith('/') ? folder : folder + '/';
	return [...registry.keys()].filter((k) => k.startsWith(prefix)).sort();
}

const paramCache = new Map<string, Set<string>>();

/** The $parameters a named query references (DuckDB refuses a bound value the statement does not use). */
export function paramNames(name: string): Set<string> {
	let names = paramCache.get(name);
	if (!names) {
		// Comments are left out: a header may mention a $param the statement does not use.
		const text = sql(name).replace(/--[^\n]*/g, '');
		names = new Set([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
		paramCache.set(name, names);
	}
	return names;
}
