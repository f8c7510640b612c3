#!/usr/bin/env node
// `npm test`: every test. Type check, unit and integration tests (Vitest), a production
// build, then the browser tests (Playwright with Debian's Chromium, found or installed first).
// `--e2e-only` runs only the build and the browser tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (/** @type {string} */ name) => path.join(root, 'node_modules', '.bin', name);
const e2eOnly = process.argv.includes('--e2e-only');

/** @param {string} title @param {string} command @param {string[]} args @param {Record<string, string>} [env] */
function step(title, command, args, env = {}) {
	console.log(`\n[test] ${title}`);
	const t0 = Date.now();
	const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) {
		console.error(`[test] FAILED: ${title}`);
		process.exit(r.status ?? 1);
	}
	console.log(`[test] ok: ${title} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

let chromium;
try {
	chromium = ensureChromium();
} catch (e) {
	console.error(`[test] ${/** @type {Error} */ (e).message}`);
	process.exit(1);
}

if (!e2eOnly) {
	step('generate SvelteKit types (svelte-kit sync)', bin('svelte-kit'), ['sync']);
	step('type check (svelte-check)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
	step('unit and integration tests (vitest)', bin('vitest'), ['run']);
}
step('production build', bin('vite'), ['build', '--logLevel', 'warn']);
step('browser tests (playwright, Chromium)', bin('playwright'), ['test'], { CHROMIUM_PATH: chromium });
console.log('\n[test] all tests passed');
