/**
 * Browser tests drive the built app (`node build`) in Debian's Chromium. The server gets a
 * fresh data folder, so it generates and loads the demo dataset the way `npm start` does on
 * a new machine, with one demo account per role.
 *
 * Projects, in order: `setup` signs in as the demo administrator and saves the cookies;
 * `en` runs the tests signed in with them (tests of other roles sign in themselves);
 * `fa` runs *.fa.spec.ts as a Persian browser (fa-IR); `matrix` (the role matrix, which signs
 * every demo account out everywhere) runs last. Before `fa` and `matrix` a small setup forgets
 * the language the administrator's account remembered from the switch (lang-auto.setup.ts).
 */
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Made once by the runner; workers inherit the variable and reuse the folder.
process.env.CARE_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'care-e2e-'));
const port = Number(process.env.CARE_E2E_PORT ?? 4317);
process.env.CARE_E2E_PORT = String(port);
const adminState = path.join(process.env.CARE_E2E_DIR, 'admin-state.json');

export default defineConfig({
	testDir: 'test/e2e',
	outputDir: 'test-results',
	// Generous: the suite must pass on a busy 2-core machine (heavy tests set longer ones).
	timeout: 120_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		},
		viewport: { width: 1280, height: 900 },
		screenshot: 'only-on-failure'
	},
	// The same server seen by an English and a Persian browser (Accept-Language fa-IR, no choice
	// made): *.fa.spec.ts run as the Persian reader, everything else as the English one.
	projects: [
		{ name: 'setup', testMatch: /auth\.setup\.ts/, use: { locale: 'en-US' } },
		{ name: 'en', testIgnore: [/\.setup\.ts$/, /role-matrix\.spec\.ts/, /\.fa\.spec\.ts$/], use: { locale: 'en-US', storageState: adminState }, dependencies: ['setup'] },
		// The account remembers a language chosen with the switch: forget it between projects.
		{ name: 'fa-setup', testMatch: /lang-auto\.setup\.ts/, use: { locale: 'fa-IR', storageState: adminState }, dependencies: ['en'] },
		{ name: 'fa', testMatch: /\.fa\.spec\.ts$/, use: { locale: 'fa-IR', storageState: adminState }, dependencies: ['fa-setup'] },
		{ name: 'matrix-setup', testMatch: /lang-auto\.setup\.ts/, use: { locale: 'en-US', storageState: adminState }, dependencies: ['fa'] },
		{ name: 'matrix', testMatch: /role-matrix\.spec\.ts/, use: { locale: 'en-US', storageState: adminState }, dependencies: ['matrix-setup'] }
	],
	webServer: {
		command: 'node build',
		url: `http://127.0.0.1:${port}/api/health`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			HOST: '127.0.0.1',
			PORT: String(port),
			CARE_DATA_DIR: process.env.CARE_E2E_DIR,
			CARE_DEMO: 'auto',
			BODY_SIZE_LIMIT: '512M'
		}
	}
});
