#!/usr/bin/env node
// `npm start`: build the app when the build is missing or older than the sources, then
// serve it in this process (so SIGTERM reaches the server, which closes DuckDB cleanly).
// Listens on 127.0.0.1:3000 unless HOST / PORT say otherwise: the dashboard shows customer
// data, so it is not exposed to the network by default.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'build', '.built-at');
const SOURCES = ['src', 'queries', 'jobs', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** @param {string} p @returns {number} */
function newest(p) {
	const stat = fs.statSync(p, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	let max = stat.mtimeMs;
	for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
	return max;
}

const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
if (!fs.existsSync(path.join(root, 'build', 'index.js')) || changedAt > builtAt) {
	console.log(builtAt ? '[start] sources changed since the last build: building the app…' : '[start] building the app (first start)…');
	const t0 = Date.now();
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
	fs.writeFileSync(stamp, new Date().toISOString());
	console.log(`[start] built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

process.env.HOST ??= '127.0.0.1';
// Uploaded files arrive in one request body (adapter-node's default limit is 512 KB).
process.env.BODY_SIZE_LIMIT ??= '512M';
process.env.PORT ??= '3000';
process.chdir(root);
await import(path.join(root, 'build', 'index.js'));
