import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { mailsTo } from '../support/mail-api';
import { E2E_PORTS } from './ports';
import { BookingPage, uniqueEmail } from './support/booking-page';

for (const lang of ['ar', 'de']) {
  test(`a newcomer books, gets the mail, moves and cancels – ${lang}`, async ({ page }) => {
    const booking = new BookingPage(page, lang);
    await page.goto(`/${lang}/`);
    await page.locator(`main a[href="/${lang}/book/"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/book/$`));
    await booking.expectLoaded();
    await booking.chooseService('residence-permit-extension');
    await booking.chooseLocation('immigration-office');
    await booking.expectLoaded();
    // The document checklist is one tap away during booking.
    await expect(page.locator(`main a[href="/${lang}/checklist/residence-permit-extension/"]`)).toBeVisible();
    await booking.chooseTime(0);
    const email = uniqueEmail(lang);
    await booking.fillDetails({ name: lang === 'ar' ? 'أمل حداد' : 'Jana Nowak', email, needs: ['interpreter'] });
    await booking.expectLoaded();
    await booking.book();

    await expect(page).toHaveURL(new RegExp(`/${lang}/manage/\\?t=[a-z2-7]+&booked=1$`));
    await expect(page.locator('.success')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await booking.expectLoaded();

    const [confirmation] = await mailsTo(E2E_PORTS.mailApi, email);
    // The subject names the service as the person's language does.
    const common = JSON.parse(readFileSync(`locales/${lang}/common.json`, 'utf8')) as { office: { services: Record<string, string> } };
    expect(confirmation?.subject).toContain(common.office.services['residence-permit-extension']);
    expect(confirmation?.html).toContain(`dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
    const ics = confirmation?.attachments.find((a) => a.filename === 'appointment.ics');
    expect(ics?.content).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z/);
    const manageUrl = /https?:\/\/\S+\/manage\/\?t=[a-z2-7]+/.exec(confirmation?.text ?? '')?.[0];
    expect(manageUrl).toBeTruthy();

    // The link from the mail opens the appointment; move it to the second free time.
    await page.goto(manageUrl!);
    const before = await page.locator('.facts dd').nth(1).innerText();
    await page.locator('#move input[name=start]').nth(1).check();
    await page.locator('#move button[type=submit]').click();
    await expect(page).toHaveURL(/moved=1/);
    await expect(page.locator('.facts dd').nth(1)).not.toHaveText(before);
    await mailsTo(E2E_PORTS.mailApi, email, 2);

    await page.locator('form:has(input[value=cancel]) button').click();
    await expect(page).toHaveURL(/cancelled=1/);
    await expect(page.locator('#move')).toHaveCount(0);
    const mails = await mailsTo(E2E_PORTS.mailApi, email, 3);
    expect(mails.at(-1)?.attachments[0]?.content).toContain('STATUS:CANCELLED');
  });
}

test('booking works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
  const page = await context.newPage();
  const booking = new BookingPage(page, 'de');
  await page.goto('/de/book/');
  await booking.chooseService('integration-counselling');
  await booking.chooseLocation('integration-centre');
  await booking.chooseTime(2);
  const email = uniqueEmail('nojs');
  await booking.fillDetails({ name: 'Oleh Bondar', email });
  await booking.book();
  await expect(page).toHaveURL(/\/de\/manage\/\?t=.+&booked=1$/);
  await mailsTo(E2E_PORTS.mailApi, email);
  await context.close();
});

test('bad input gets a message per field in the person language, and keeps what was typed', async ({ page }) => {
  const booking = new BookingPage(page, 'uk');
  await page.goto('/uk/book/?service=settlement-permit&location=immigration-office');
  await booking.chooseTime(0);
  await booking.fillDetails({ name: 'Олена', email: 'not-an-address' });
  await booking.book();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.locator('a[href="#field-email"]')).toBeVisible();
  await expect(page.locator('#field-email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-name')).toHaveValue('Олена');
  await booking.expectLoaded();
});

test('a time taken meanwhile gets a clear answer and the next free times', async ({ page, request }) => {
  const booking = new BookingPage(page, 'en');
  await page.goto('/en/book/?service=employer-fast-lane&location=immigration-office');
  const start = await booking.chooseTime(3);
  // Someone else books the same time (the fast lane has one counter) before this person submits.
  const other = await request.post('/api/appointments', {
    data: {
      service: 'employer-fast-lane',
      location: 'immigration-office',
      start,
      name: 'Other Person',
      email: uniqueEmail('other'),
      language: 'en',
    },
  });
  expect(other.status()).toBe(201);
  await booking.fillDetails({ name: 'Late Person', email: uniqueEmail('late') });
  await booking.book();
  await expect(page.locator('.error-summary')).toContainText('Someone else has just booked this time');
  await expect(page.locator('.next-free a').first()).toBeVisible();
  await page.locator('.next-free a').first().click();
  await expect(page.locator('#field-name')).toHaveValue('Late Person');
  await booking.book();
  await expect(page).toHaveURL(/\/en\/manage\/\?t=.+&booked=1$/);
});
