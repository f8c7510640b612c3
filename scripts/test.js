#!/usr/bin/env node
// `npm test`: every test. Type check and a production build, then the unit and integration
// tests (Vitest) and the browser tests (Playwright with Debian's Chromium, found or installed
// first) side by side: each waits on DuckDB, child processes and the browser much of the time,
// so together they take far less than one after the other. The browser tests' output is
// printed when they end, prefixed [e2e]. `--e2e-only` runs only the build and the browser
// tests; `--serial` (or CARE_TEST_SERIAL=1) runs the two one after the other.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (/** @type {string} */ name) => path.join(root, 'node_modules', '.bin', name);
const e2eOnly = process.argv.includes('--e2e-only');
const serial = process.argv.includes('--serial') || process.env.CARE_TEST_SERIAL === '1';

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

/**
 * Run a step with its output held back (printed, each line prefixed, when it ends).
 * @param {string} title @param {string} prefix @param {string} command @param {string[]} args @param {Record<string, string>} [env]
 * @returns {Promise<{ title: string, ok: boolean, seconds: number }>}
 */
function held(title, prefix, command, args, env = {}) {
	console.log(`\n[test] ${title}: started beside the others, output when it ends`);
	const t0 = Date.now();
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
		/** @type {Buffer[]} */
		const out = [];
		child.stdout.on('data', (b) => out.push(b));
		child.stderr.on('data', (b) => out.push(b));
		child.on('close', (code) => {
			const seconds = Math.round((Date.now() - t0) / 1000);
			const text = Buffer.concat(out).toString('utf8');
			console.log(`\n[test] ---- ${title} (output) ----`);
			for (const line of text.split('\n')) console.log(`${prefix} ${line}`);
			console.log(`[test] ${code === 0 ? 'ok' : 'FAILED'}: ${title} (${seconds} s)`);
			resolve({ title, ok: code === 0, seconds });
		});
	});
}

/**
 * Run a step with its output shown as it comes.
 * @param {string} title @param {string} command @param {string[]} args @param {Record<string, string>} [env]
 * @returns {Promise<{ title: string, ok: boolean, seconds: number }>}
 */
function live(title, command, args, env = {}) {
	console.log(`\n[test] ${title}`);
	const t0 = Date.now();
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('close', (code) => {
			const seconds = Math.round((Date.now() - t0) / 1000);
			console.log(`[test] ${code === 0 ? 'ok' : 'FAILED'}: ${title} (${seconds} s)`);
			resolve({ title, ok: code === 0, seconds });
		});
	});
}

const vitestTitle = 'unit and integration tests (vitest)';
const e2eTitle = 'browser tests (playwright, Chromium)';
const e2eEnv = { CHROMIUM_PATH: chromium };

if (!e2eOnly) {
	step('generate SvelteKit types (svelte-kit sync)', bin('svelte-kit'), ['sync']);
	step('type check (svelte-check)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
}
// Built before the tests start, so that Vitest's own writes to .svelte-kit cannot meet the build's.
step('production build', bin('vite'), ['build', '--logLevel', 'warn']);
if (e2eOnly) step(e2eTitle, bin('playwright'), ['test'], e2eEnv);
else if (serial) {
	step(vitestTitle, bin('vitest'), ['run']);
	step(e2eTitle, bin('playwright'), ['test'], e2eEnv);
} else {
	const results = await Promise.all([live(vitestTitle, bin('vitest'), ['run']), held(e2eTitle, '[e2e]', bin('playwright'), ['test'], e2eEnv)]);
	const failed = results.filter((r) => !r.ok);
	if (failed.length) {
		console.error(`\n[test] FAILED: ${failed.map((r) => r.title).join(', ')}`);
		process.exit(1);
	}
}
console.log('\n[test] all tests passed');
