/**
 * Nothing leaves the machine: every page of the route tree, opened in Chromium as the
 * administrator and as an executive (and the login page signed out), makes requests to this
 * server only, and breaks no rule of the Content-Security-Policy.
 */
import { expect, test, type Page } from '@playwright/test';
import { isPagePolicy, POLICY } from '../../src/lib/server/auth/policy';
import { concretePath, routeParams, routeTree } from '../helpers/routes';
import { BASE_URL, signInPage, SIGNED_OUT } from './helpers';

const examples: Record<string, string> = { id: '1', token: 'not-the-setup-token', key: 'calls:2026-11-07T10' };

function pagePaths(): string[] {
	return routeTree()
		.filter((r) => r.page && POLICY[r.id] && isPagePolicy(POLICY[r.id]!))
		.map((r) => {
			for (const p of routeParams(r.id)) expect(examples[p], `give the parameter [${p}] of ${r.id} an example value in no-outbound.spec.ts`).toBeDefined();
			return concretePath(r.id, examples);
		});
}

/** Open each page in each language, wait until the network is idle, move over the charts; return the foreign requests and CSP violations. */
async function visitAll(page: Page, paths: string[], langs: readonly string[] = ['en', 'fa']): Promise<{ foreign: string[]; violations: string[]; seen: number }> {
	const own = new URL(BASE_URL).origin;
	const foreign: string[] = [];
	const violations: string[] = [];
	let seen = 0;
	page.on('request', (r) => {
		seen++;
		const url = new URL(r.url());
		if (url.protocol === 'data:' || url.protocol === 'blob:') return;
		if (url.origin !== own) foreign.push(`${page.url()} → ${r.url()}`);
	});
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
	});
	for (const p of paths) {
		for (const lang of langs) {
			await page.goto(`${p}${p.includes('?') ? '&' : '?'}lang=${lang}`, { waitUntil: 'networkidle' });
			for (const chart of await page.locator('[data-testid=chart] svg').all()) {
				const box = await chart.boundingBox();
				if (box) await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
			}
			await page.waitForTimeout(200);
		}
	}
	return { foreign, violations, seen };
}

test('every page as the administrator requests nothing but this server', async ({ page }) => {
	test.setTimeout(240_000);
	const paths = pagePaths();
	expect(paths).toEqual(expect.arrayContaining(['/', '/data', '/admin/users', '/admin/audit', '/login']));
	const { foreign, violations, seen } = await visitAll(page, paths);
	expect(seen).toBeGreaterThan(paths.length * 2);
	expect(foreign).toEqual([]);
	expect(violations).toEqual([]);
	// The listener does hear the policy: an injected inline script and an outside fetch are refused and reported.
	await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.injected = true';
		document.body.append(s);
		void fetch('https://cdn.example.invalid/x.js').catch(() => null);
	});
	await expect.poll(() => violations.some((v) => /script-src/.test(v)) && violations.some((v) => /connect-src/.test(v))).toBe(true);
	expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});

test.describe('signed out, and as an executive', () => {
	test.use({ storageState: SIGNED_OUT });
	test('the pages they may open request nothing but this server', async ({ page }) => {
		test.setTimeout(240_000);
		const login = await visitAll(page, ['/login']);
		expect(login.foreign).toEqual([]);
		await signInPage(page, 'demo-executive');
		// The administrator's pass covers both languages; the executive's (other pages refused,
		// names left out) once, in Persian, the first users' language.
		const { foreign, violations } = await visitAll(page, pagePaths(), ['fa']);
		expect(foreign).toEqual([]);
		expect(violations).toEqual([]);
	});
});
