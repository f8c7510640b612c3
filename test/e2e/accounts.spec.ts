/**
 * Accounts as people use them: the login page with the demo accounts, wrong passwords and the
 * lock after repeated failures, each role's navigation and refusals, the language kept in the
 * profile, an administrator managing users and API tokens, and the audit log of all of it.
 */
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { BASE_URL, signInPage, SIGNED_OUT } from './helpers';

test.describe('signed out', () => {
	test.use({ storageState: SIGNED_OUT });

	test('a page sends you to the login page, which lists the demo accounts and brings you back', async ({ page }) => {
		await page.goto('/data?x=1');
		await expect(page).toHaveURL('/login?next=%2Fdata%3Fx%3D1');
		const demo = page.getByTestId('demo-accounts');
		await expect(demo).toContainText('demo-executive');
		await expect(demo.locator('li')).toHaveCount(4);
		await page.getByTestId('demo-demo-admin').click();
		await expect(page).toHaveURL('/data?x=1');
		await page.screenshot({ path: 'test-results/after-login.png' });
	});

	test('a wrong password says so; five failures in a row lock the account with a clear message', async ({ page }) => {
		await page.goto('/login');
		for (let i = 1; i <= 5; i++) {
			await page.getByLabel('Login').fill('e2e-nobody');
			await page.getByLabel('Password').fill(`guess number ${i}`);
			await page.getByRole('button', { name: 'Sign in', exact: true }).click();
			await expect(page.getByTestId('login-error')).toHaveText('The login or the password is wrong.');
		}
		await page.getByLabel('Password').fill('guess number 6');
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page.getByTestId('login-error')).toHaveText('Too many failed sign-ins for this account. Try again in 15 minutes.');
	});

	test('each role sees its own links, and is refused the rest', async ({ page }) => {
		const expected = {
			'demo-executive': ['Overview', 'At risk', 'Customers', 'Surveys', 'Calls', 'SLA', 'Peaks', 'Staffing'],
			'demo-lead': ['Overview', 'Follow-ups', 'At risk', 'Customers', 'Surveys', 'Calls', 'SLA', 'Peaks', 'Staffing', 'Annotations'],
			'demo-agent': ['Overview', 'Follow-ups', 'At risk', 'Customers', 'Surveys', 'Calls', 'SLA'],
			'demo-admin': ['Overview', 'Follow-ups', 'At risk', 'Customers', 'Surveys', 'Calls', 'SLA', 'Peaks', 'Staffing', 'Annotations', 'Data', 'Administration']
		};
		for (const [login, links] of Object.entries(expected)) {
			await signInPage(page, login);
			// (Peaks may carry a badge of unseen alerts after its name.)
			await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(links.map((l) => new RegExp(`^${l}`)));
			if (login !== 'demo-admin') {
				const refused = await page.goto('/data');
				expect(refused!.status()).toBe(403);
				await expect(page.locator('body')).toContainText('Your role may not open this.');
				expect((await page.goto('/admin/users'))!.status()).toBe(403);
				await page.goto('/');
			}
			await page.getByTestId('logout').click();
			await expect(page).toHaveURL('/login?signed-out');
			await expect(page.getByRole('status')).toHaveText('You have signed out.');
		}
	});

	test("the language chosen while signed in is kept in the profile and wins over the browser's cookie", async ({ page, context }) => {
		await signInPage(page, 'demo-lead');
		await page.getByTestId('lang-fa').click();
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await page.getByTestId('logout').click();
		// Signed out, this browser's cookie says English…
		await context.addCookies([{ name: 'lang', value: 'en', url: BASE_URL }]);
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		// …and after signing in the profile's Persian wins.
		await page.getByLabel('Login').fill('demo-lead');
		await page.getByLabel('Password').fill('demo-lead');
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
		await expect(page.getByTestId('signed-in')).toContainText('سرپرست پشتیبانی');
		await page.getByTestId('lang-en').click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});
});

test('an administrator adds a user, who changes the password; disabling and signing out everywhere end access', async ({ page, browser }) => {
	await page.goto('/admin/users');
	await page.getByTestId('new-login').fill('e2e-exec');
	await page.getByLabel('Name').fill('Elham Executive');
	await page.getByTestId('new-role').selectOption('executive');
	await page.getByTestId('new-password').fill('first password 1');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByTestId('create-message')).toHaveText('Account e2e-exec created.');
	await expect(page.getByTestId('users').locator('tr[data-login="e2e-exec"]')).toContainText('Elham Executive');
	// A weak password is refused at the field, and nothing is created.
	// (the browser's own minlength check is lifted, to see the server's answer)
	await page.getByTestId('new-login').fill('e2e-weak');
	await page.getByTestId('new-password').evaluate((el: HTMLInputElement) => el.removeAttribute('minlength'));
	await page.getByTestId('new-password').fill('short');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByTestId('create-message')).toHaveText('The password needs at least 10 characters.');
	await expect(page.getByTestId('users').locator('tr[data-login="e2e-weak"]')).toHaveCount(0);

	const other = await browser.newContext({ storageState: SIGNED_OUT });
	const exec = await other.newPage();
	await signInPage(exec, 'e2e-exec', 'first password 1');
	await exec.getByRole('link', { name: 'Account and password' }).click();
	await exec.getByLabel('Current password').fill('first password 1');
	await exec.getByLabel('New password', { exact: true }).fill('second password 2');
	await exec.getByLabel('The new password again').fill('second password 2');
	await exec.getByRole('button', { name: 'Change the password' }).click();
	await expect(exec.getByTestId('password-changed')).toBeVisible();
	await exec.reload();
	await expect(exec.getByTestId('signed-in')).toContainText('Elham Executive');

	// Signed out everywhere by the administrator: the next page asks to sign in.
	await page.reload();
	await page.getByTestId('users').locator('tr[data-login="e2e-exec"]').getByRole('button', { name: 'Sign out everywhere' }).click();
	await expect(page.getByTestId('users-message')).toHaveText('Every session of that account was signed out.');
	await exec.reload();
	await expect(exec).toHaveURL(/\/login\?next=/);

	// Disabled: the right password no longer signs in.
	await page.getByTestId('toggle-e2e-exec').click();
	await expect(page.getByTestId('users-message')).toHaveText('e2e-exec can no longer sign in.');
	await exec.goto('/login');
	await exec.getByLabel('Login').fill('e2e-exec');
	await exec.getByLabel('Password').fill('second password 2');
	await exec.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(exec.getByTestId('login-error')).toBeVisible();
	await other.close();
});

test('an API token acts with its role on the API and on pages, until it is revoked', async ({ page }) => {
	await page.goto('/admin/tokens');
	await page.getByTestId('token-name').fill('e2e monitoring');
	await page.getByTestId('token-role').selectOption('executive');
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	const token = (await page.getByTestId('new-token').innerText()).trim();
	expect(token).toMatch(/^care_/);
	const api = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
	expect((await api.get('/api/overview')).status()).toBe(200);
	expect((await api.get('/')).status()).toBe(200);
	expect((await api.get('/data/files/1/rejects.csv')).status()).toBe(403);
	// The token is shown once: the list has its name and prefix only.
	await page.reload();
	const row = page.getByTestId('tokens').locator('tr', { hasText: 'e2e monitoring' });
	await expect(row).toContainText(token.slice(0, 11));
	await expect(page.locator('body')).not.toContainText(token);
	await row.getByRole('button', { name: 'Revoke' }).click();
	await expect(page.getByRole('status')).toHaveText('Token e2e monitoring revoked.');
	const after = await api.get('/api/overview');
	expect(after.status()).toBe(401);
	expect(after.headers()['www-authenticate']).toBe('Bearer');
	await api.dispose();
});

test('the audit log lists sign-ins, failures, account and token changes, imports and exports', async ({ page, request }) => {
	await request.get('/data/files/1/rejects.csv');
	await page.goto('/admin/audit');
	const table = page.getByTestId('audit');
	for (const action of ['login', 'login.failed', 'user.create', 'token.create', 'token.revoke', 'export.rejects']) await expect(table.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
	await page.getByTestId('audit-action').selectOption('login');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/action=login/);
	const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
	expect(new Set(actions)).toEqual(new Set(['login', 'login.failed', 'login.locked']));
	await expect(table.locator('tr[data-action="login.failed"]', { hasText: 'e2e-nobody' })).toHaveCount(5);
	await expect(table.locator('tr[data-action="login.locked"]', { hasText: 'e2e-nobody' })).toHaveCount(1);
});
