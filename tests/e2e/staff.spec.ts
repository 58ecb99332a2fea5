import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_PORTS } from './ports';
import { mailsTo } from '../support/mail-api';
import { InfoPage } from './support/info-page';
import { BookingPage, uniqueEmail } from './support/booking-page';

const codeFor = (base32: string) => generateTOTP(decodeBase32IgnorePadding(base32), 30, 6);

async function signIn(page: Page, password = E2E_ADMIN.password) {
  await page.goto('/de/staff/login/');
  await page.locator('#email').fill(E2E_ADMIN.email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
}

test.describe.configure({ mode: 'serial' });

let adminKey = '';

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
  adminKey = key;
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

test('the admin invites a volunteer and a counsellor; the counsellor must enrol a second factor', async ({ page, browser }) => {
  await signIn(page);
  await page.locator('#code').fill(codeFor(adminKey));
  await page.locator('form button[type=submit]').click();
  await page.locator('a[href="/de/staff/users/"]').click();
  await new InfoPage(page).expectLoaded();
  const stamp = Date.now();
  const people = [
    { email: `vera-${stamp}@example.org`, name: 'Vera Volunteer', role: 'volunteer', language: 'uk' },
    { email: `kim-${stamp}@example.org`, name: 'Kim Counsellor', role: 'counsellor', language: 'de' },
  ];
  for (const person of people) {
    await page.locator('#invite-email').fill(person.email);
    await page.locator('#invite-name').fill(person.name);
    await page.locator('#invite-role').selectOption(person.role);
    await page.locator('#invite-language').selectOption(person.language);
    await page.locator('#invite-form button').click();
    await expect(page.locator('.success')).toBeVisible();
  }
  await expect(page.locator('#accounts')).not.toContainText(people[0]!.email); // not an account until accepted

  for (const person of people) {
    const [mail] = await mailsTo(E2E_PORTS.mailApi, person.email);
    const link = /https?:\/\/\S+\/staff\/invitation\/\?t=[a-z2-7]+/.exec(mail?.text ?? '')?.[0];
    expect(link).toContain(`/${person.language}/staff/invitation/`);
    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(link!);
    await new InfoPage(invitee).expectLoaded();
    await invitee.locator('#password').fill('my own long passphrase 2026');
    await invitee.locator('form button[type=submit]').click();
    if (person.role === 'counsellor') {
      await expect(invitee).toHaveURL(/\/de\/staff\/totp-setup\/$/);
    } else {
      await expect(invitee.locator('#signed-in')).toContainText(person.name);
      // A volunteer cannot reach the admin page, and learns nothing about it.
      const denied = await invitee.goto(`/${person.language}/staff/users/`);
      expect(denied?.status()).toBe(404);

      // The volunteer books for a client who agreed: the client and the volunteer get the mail.
      const booking = new BookingPage(invitee, person.language);
      await invitee.goto(`/${person.language}/book/?service=integration-counselling&location=integration-centre`);
      await booking.chooseTime(0);
      await expect(invitee.locator('#field-consent')).toBeVisible();
      const clientEmail = uniqueEmail('client');
      await booking.fillDetails({ name: 'Client Person', email: clientEmail });
      await booking.book();
      await expect(invitee.locator('.error-summary a[href="#field-consent"]')).toBeVisible();
      await invitee.locator('#consent').check();
      await booking.book();
      await expect(invitee).toHaveURL(/\/manage\/\?t=.+&booked=1$/);
      await mailsTo(E2E_PORTS.mailApi, clientEmail);
      const copies = await mailsTo(E2E_PORTS.mailApi, person.email, 2);
      expect(copies.at(-1)?.html).toContain('lang="uk"');

      // Their list shows it; they cancel it there.
      await invitee.goto(`/${person.language}/staff/appointments/`);
      await new InfoPage(invitee).expectLoaded();
      await expect(invitee.locator('#appointments-upcoming li')).toContainText('Client Person');
      await invitee.locator('#appointments-upcoming a[href*="?move="]').click();
      await invitee.locator('#move input[name=start]').nth(1).check();
      await invitee.locator('#move button[type=submit]').click();
      await expect(invitee.locator('.success')).toBeVisible();
      await mailsTo(E2E_PORTS.mailApi, clientEmail, 2);
      await invitee.locator('#appointments-upcoming form button').click();
      await expect(invitee.locator('.success')).toBeVisible();
      await mailsTo(E2E_PORTS.mailApi, clientEmail, 3);
    }
    // The link works once.
    const again = await invitee.goto(link!);
    expect(again?.status()).toBe(410);
    await context.close();
  }
});

for (const lang of ['ar', 'de-simple']) {
  test(`the sign-in, registration and reset pages pass axe in ${lang}`, async ({ page }) => {
    for (const path of ['login', 'register', 'reset']) await new InfoPage(page).open(`/${lang}/staff/${path}/`);
    const expired = await page.goto(`/${lang}/staff/reset/?t=${'a'.repeat(32)}`);
    expect(expired?.status()).toBe(410);
  });
}
