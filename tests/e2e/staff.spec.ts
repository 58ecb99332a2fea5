import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN } from './ports';
import { InfoPage } from './support/info-page';

const codeFor = (base32: string) => generateTOTP(decodeBase32IgnorePadding(base32), 30, 6);

async function signIn(page: Page, password = E2E_ADMIN.password) {
  await page.goto('/de/staff/login/');
  await page.locator('#email').fill(E2E_ADMIN.email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
}

test.describe.configure({ mode: 'serial' });

test('the admin made by the command must enrol a second factor before seeing anything', async ({ page }) => {
  await page.goto('/de/staff/');
  await expect(page).toHaveURL(/\/de\/staff\/login\/$/);
  await new InfoPage(page).expectLoaded();

  await signIn(page, 'not the password at all');
  await expect(page.locator('.error-summary')).toContainText('stimmen nicht');

  await signIn(page);
  await expect(page).toHaveURL(/\/de\/staff\/totp-setup\/$/);
  // Nothing else is reachable until the second factor is set up.
  await page.goto('/de/staff/');
  await expect(page).toHaveURL(/\/de\/staff\/totp-setup\/$/);
  const key = (await page.locator('#totp-key').innerText()).trim();
  await page.locator('#code').fill('000000' === codeFor(key) ? '111111' : '000000');
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await page.locator('#code').fill(codeFor(key));
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('#recovery-codes li')).toHaveCount(8);
  await page.locator('main a.button').click();
  await expect(page.locator('#role')).toHaveText('Verwaltung');
  await new InfoPage(page).expectLoaded();

  // Next time: password, then a code from the app.
  await page.locator('form[action="/de/staff/logout/"] button').first().click();
  await expect(page).toHaveURL(/\/de\/staff\/login\/$/);
  await signIn(page);
  await expect(page).toHaveURL(/\/de\/staff\/totp\/$/);
  await page.locator('#code').fill(codeFor(key));
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('#signed-in')).toContainText(E2E_ADMIN.name);
});

test('a tampered session cookie and a cross-site sign-in get nowhere', async ({ page, context, request }) => {
  await context.addCookies([{ name: 'session', value: 'a'.repeat(32), domain: '127.0.0.1', path: '/' }]);
  await page.goto('/de/staff/');
  await expect(page).toHaveURL(/\/de\/staff\/login\/$/);
  const crossSite = await request.post('/de/staff/login/', {
    headers: { Origin: 'https://evil.example' },
    form: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  });
  expect(crossSite.status()).toBe(403);
  expect(crossSite.headers()['set-cookie'] ?? '').not.toContain('session=');
});
