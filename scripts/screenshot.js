#!/usr/bin/env node
// Screenshots of a running dashboard, for the README and for looking at pages:
//   node scripts/screenshot.js [baseURL] [outDir] [--pages=/,/data] [--lang=en,fa] [--widths=1280,390] [--login=demo-admin] [--height=1100]
// Writes <outDir>/<page>-<lang>[-<width>].png (the width is left out at 1280, for the README):
// the whole page, or its first --height pixels (the README's pictures stay small).
// Signs in first as --login (default demo-admin; its password: CARE_SCREENSHOT_PASSWORD, or the
// login itself for a demo account); --login= (empty) stays signed out, for the login page.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from './chromium.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** @param {string} name @param {string} fallback @returns {string} */
const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const base = args[0] ?? 'http://127.0.0.1:3000';
const out = args[1] ?? 'docs';
const langs = option('lang', 'en').split(',');
const widths = option('widths', '1280').split(',').map(Number);
const pages = option('pages', '/,/data').split(',');
const login = option('login', 'demo-admin');
const maxHeight = Number(option('height', '0')) || null;
const password = process.env.CARE_SCREENSHOT_PASSWORD ?? login;
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: findChromium() ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
});
for (const lang of langs) {
	for (const width of widths) {
		const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: lang === 'fa' ? 'fa-IR' : 'en-US' });
		if (login) {
			await page.goto(`${base}/login`);
			await page.fill('input[name=login]', login);
			await page.fill('input[name=password]', password);
			await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.click('form.fields button[type=submit]')]);
		}
		for (const url of pages) {
			const name = url === '/' ? 'overview' : url.replace(/^\//, '').replace(/[/?=&]+/g, '-');
			await page.goto(base + url + (url.includes('?') ? '&' : '?') + `lang=${lang}`, { waitUntil: 'networkidle' });
			await page.waitForTimeout(600);
			const file = path.join(out, `${name}-${lang}${width === 1280 ? '' : `-${width}`}.png`);
			const height = await page.evaluate(() => document.documentElement.scrollHeight);
			await page.screenshot({ path: file, fullPage: true, ...(maxHeight ? { clip: { x: 0, y: 0, width, height: Math.min(maxHeight, height) } } : {}) });
			console.log(file);
		}
		await page.close();
	}
}
await browser.close();
