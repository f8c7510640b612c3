/**
 * Before the browser tests: the server on a fresh data folder has created one demo account per
 * role and is loading the demo dataset. Sign in as the demo administrator through the login
 * page, keep the cookies for the other tests, and wait for the demo data.
 */
import { expect, test as setup } from '@playwright/test';
import { ADMIN_STATE, waitForDemo } from './helpers';

setup.use({ storageState: { cookies: [], origins: [] } });

setup('sign in as the demo administrator', async ({ page }) => {
	// The demo accounts appear as the demo starts loading, a moment after the server answers.
	await expect(async () => {
		await page.goto('/login');
		await expect(page.getByTestId('demo-accounts')).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 60_000 });
	await page.getByTestId('demo-demo-admin').click();
	await expect(page).toHaveURL('/');
	await expect(page.getByTestId('signed-in')).toContainText('Administrator');
	await page.context().storageState({ path: ADMIN_STATE });
	await waitForDemo(page.request);
});
