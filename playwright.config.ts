/**
 * Browser tests drive the built app (`node build`) in Debian's Chromium. The server gets a
 * fresh data folder, so it generates and loads the demo dataset the way `npm start` does on
 * a new machine.
 */
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Made once by the runner; workers inherit the variable and reuse the folder.
process.env.CARE_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'care-e2e-'));
const port = Number(process.env.CARE_E2E_PORT ?? 4317);

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
		{ name: 'en', use: { locale: 'en-US' }, testIgnore: /\.fa\.spec\.ts$/ },
		{ name: 'fa', use: { locale: 'fa-IR' }, testMatch: /\.fa\.spec\.ts$/ }
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
