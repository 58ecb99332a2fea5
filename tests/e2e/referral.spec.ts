import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateTOTP } from '@oslojs/otp';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_AUDITOR, E2E_COUNSELLORS, E2E_PORTS, E2E_RETENTION_SECONDS, E2E_TOTP_KEY } from './ports';
import { mailsTo } from '../support/mail-api';
import { InfoPage } from './support/info-page';
import { uniqueEmail } from './support/booking-page';

/** A member of staff in their own browser, signed in with password and second factor. */
async function staffPage(browser: Browser, person: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto('/de/staff/login/');
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(person.password);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL(/\/de\/staff\/totp\/$/);
  await page.locator('#code').fill(generateTOTP(E2E_TOTP_KEY, 30, 6));
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('#signed-in')).toBeVisible();
  return page;
}

/** Whether any file of the portal's PGlite database holds these bytes (UTF-8). */
function filesContain(text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : readFileSync(path.join(dir, entry.name)).includes(needle),
    );
  return walk(path.join(process.env.E2E_DATA_DIR ?? '', 'pglite'));
}

/** Counts every time the referral's page was shown: each one must be in the read log. */
function countReads(page: Page, reads: Map<string, number>, email: string) {
  page.on('response', (res) => {
    if (/\/staff\/referral\/\?id=/.test(res.url()) && res.status() === 200) reads.set(email, (reads.get(email) ?? 0) + 1);
  });
}

test('a newcomer in Farsi asks KIM for help with housing and work; two teams work it to the end; it is deleted after the period', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const reads = new Map<string, number>();
  const email = uniqueEmail('fa-referral');

  // The newcomer finds the request on the case-management page, in Farsi.
  await new InfoPage(page).open('/fa/case-management/');
  await page.locator('#ask-referral').click();
  await expect(page).toHaveURL(/\/fa\/referral\/$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await new InfoPage(page).expectLoaded();
  await page.locator('#topic-housing').check();
  await page.locator('#topic-work').check();
  await page.locator('#urgency-urgent').check();
  await page.locator('#field-name').fill('Reza Ahmadi');
  await page.locator('#contact-phone').check();
  await page.locator('#field-phone').fill('+49 170 5550123');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-message').fill('ما باید تا جمعه از آپارتمان بیرون برویم.');
  // Without consent: refused, told why in Farsi, nothing typed is lost.
  await page.locator('form.referral button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary a[href="#field-consent"]')).toBeVisible();
  await expect(page.locator('#field-name')).toHaveValue('Reza Ahmadi');
  await page.locator('#consent-box').check();
  await page.locator('form.referral button[type=submit]').click();
  await expect(page).toHaveURL(/\/fa\/referral\/sent\/\?ref=K-/);
  await new InfoPage(page).expectLoaded();
  const reference = (await page.locator('#reference').innerText()).trim();
  // The database's own files (heap and write-ahead log) hold the reference, but not the name.
  await expect.poll(() => filesContain(reference), { timeout: 10_000 }).toBe(true);
  expect(filesContain('Reza Ahmadi')).toBe(false);
  expect(filesContain('5550123')).toBe(false);
  const [receipt] = await mailsTo(E2E_PORTS.mailApi, email);
  expect(receipt?.text).toContain(reference);
  expect(receipt?.html).toContain('dir="rtl"');

  // The housing team's counsellor gets a mail with a link and nothing personal.
  const [notice] = await mailsTo(E2E_PORTS.mailApi, E2E_COUNSELLORS.housing.email);
  expect(`${notice?.subject} ${notice?.text} ${notice?.html}`).not.toMatch(/Reza|5550123|fa-referral|آپارتمان/);
  const link = /https?:\/\/\S+\/staff\/referral\/\?id=[0-9a-f-]{36}/.exec(notice?.text ?? '')?.[0];
  expect(link).toBeDefined();
  const path = new URL(link!).pathname + new URL(link!).search;

  const hana = await staffPage(browser, E2E_COUNSELLORS.housing);
  countReads(hana, reads, E2E_COUNSELLORS.housing.email);
  await hana.goto(path);
  await new InfoPage(hana).expectLoaded();
  await expect(hana.locator('#person-name')).toHaveText('Reza Ahmadi');
  await hana.locator('#claim').click();
  await expect(hana.locator('#referral-status')).toHaveText('übernommen');
  await hana.locator('#note').fill('Angerufen: Räumungsklage liegt vor. Zuerst Arbeit klären.');
  await hana.locator('#note-form button[type=submit]').click();
  await expect(hana.locator('#timeline')).toContainText('Räumungsklage');
  await hana.locator('#forward-team').selectOption('kim-work');
  await hana.locator('#forward-reason').fill('Arbeitsvertrag zuerst, dann Wohnung');
  await hana.locator('#forward').click();
  await expect(hana.locator('.success')).toBeVisible();
  expect((await hana.goto(path))?.status()).toBe(404);

  // A counsellor of another team learns nothing about it.
  const rosa = await staffPage(browser, E2E_COUNSELLORS.residence);
  expect((await rosa.goto(path))?.status()).toBe(404);
  expect((await rosa.request.get(`/api/kim/referrals/${new URL(link!).searchParams.get('id')}?format=json`)).status()).toBe(404);

  // The work team gets it, with the note and the reason, and closes it.
  const [forwarded] = await mailsTo(E2E_PORTS.mailApi, E2E_COUNSELLORS.work.email);
  expect(forwarded?.text).toContain(path);
  const wim = await staffPage(browser, E2E_COUNSELLORS.work);
  countReads(wim, reads, E2E_COUNSELLORS.work.email);
  await wim.goto('/de/staff/referrals/');
  await wim.locator('#inbox a', { hasText: reference }).click();
  await expect(wim.locator('#timeline')).toContainText('Arbeitsvertrag zuerst');
  await wim.locator('#claim').click();
  await wim.locator('#close').click();
  await expect(wim.locator('#referral-status')).toHaveText('abgeschlossen');

  // The read log shows every one of those reads, and no one else's.
  const admin = await staffPage(browser, E2E_AUDITOR);
  await admin.goto(`/de/staff/audit/?reference=${reference}`);
  await new InfoPage(admin).expectLoaded();
  const rows = admin.locator('#audit-log tbody tr');
  await expect(rows).toHaveCount([...reads.values()].reduce((a, b) => a + b, 0));
  for (const [who, count] of reads) await expect(rows.filter({ hasText: who })).toHaveCount(count);
  await expect(rows.filter({ hasText: E2E_COUNSELLORS.residence.email })).toHaveCount(0);

  // After the retention period the job strips it: the counsellor who closed it finds nothing.
  await expect
    .poll(async () => (await wim.request.get(path)).status(), { timeout: (E2E_RETENTION_SECONDS + 15) * 1000, intervals: [1000] })
    .toBe(404);
});
