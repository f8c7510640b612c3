#!/usr/bin/env node
// Screenshots of a running dashboard, for the README and for looking at pages:
//   node scripts/screenshot.js [baseURL] [outDir] [--lang=fa]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from './chromium.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const base = args[0] ?? 'http://127.0.0.1:3000';
const out = args[1] ?? 'docs';
const lang = process.argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? 'en';
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: findChromium() ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: lang === 'fa' ? 'fa-IR' : 'en-US' });
for (const [name, url] of [
	['overview', '/'],
	['data', '/data']
]) {
	await page.goto(base + url, { waitUntil: 'networkidle' });
	await page.waitForTimeout(500);
	const file = path.join(out, `${name}-${lang}.png`);
	await page.screenshot({ path: file, fullPage: true });
	console.log(file);
}
await browser.close();
