import { expect, test } from '@playwright/test';
import { mailsTo } from '../support/mail-api';
import { E2E_PORTS } from './ports';
import { BookingPage, uniqueEmail } from './support/booking-page';
import { InfoPage } from './support/info-page';

test.use({ locale: 'uk-UA' });

test('a newcomer shapes the checklist in Ukrainian, ticks documents, reads it offline, prints it and gets the same list by mail', async ({
  page,
  context,
}) => {
  const checklist = new InfoPage(page);
  await checklist.open('/uk/checklist/residence-permit-extension/');
  const names = page.locator('.documents li strong');
  const full = await names.count();

  await page.locator('#q-work-employed').check();
  await page.locator('#q-benefits-no').check();
  await page.locator('#q-married-yes').check();
  await page.locator('#q-children-no').check();
  await expect(names).not.toHaveCount(full);
  await expect(page.locator('.only-if')).toHaveCount(0);
  const tailored = await names.allInnerTexts();
  expect(tailored.length).toBeLessThan(full);
  await checklist.expectLoaded();

  await page.locator('.documents input[type=checkbox]').nth(0).check();
  await page.locator('.documents input[type=checkbox]').nth(2).check();
  await expect(page.locator('.documents li.ticked')).toHaveCount(2);

  // Once the service worker controls the page, the list lives on without a network.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.reload();
  await expect(page.locator('.documents li.ticked')).toHaveCount(2);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.documents li.ticked')).toHaveCount(2);
  await expect(page.locator('#q-married-yes')).toBeChecked();
  await expect(names).toHaveText(tailored);

  // The printout holds the list, not the questions or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.documents')).toBeVisible();
  await expect(page.locator('.checklist .questions')).toBeHidden();
  await expect(page.locator('.checklist .page-actions')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await context.setOffline(false);

  // The share link carries the answers, not the ticks.
  const shared = await page.locator('#share-link').inputValue();
  expect(shared).toContain('married=yes');
  expect(shared).toContain('work=employed');

  // Booking from the checklist brings the answers along: the mail lists the same documents.
  await page.locator('.checklist a.button.primary').click();
  const booking = new BookingPage(page, 'uk');
  await booking.chooseLocation('immigration-office');
  await booking.chooseTime(1);
  const email = uniqueEmail('checklist');
  await booking.fillDetails({ name: 'Оксана Коваль', email });
  await booking.book();
  await expect(page).toHaveURL(/\/uk\/manage\//);
  const [mail] = await mailsTo(E2E_PORTS.mailApi, email);
  const listed = (mail?.text ?? '').split('\n').filter((line) => line.startsWith('- '));
  expect(listed).toHaveLength(tailored.length);
  for (const name of tailored) expect(mail?.text).toContain(name);
  // And the manage page shows it too.
  await expect(page.locator('#bring-title + ul li')).toHaveCount(tailored.length);
});

test('the full list reads without JavaScript, every condition spelled out', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ar/checklist/family-reunification/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await page.locator('.documents li').count()).toBeGreaterThan(8);
  expect(await page.locator('.only-if').count()).toBeGreaterThan(2);
  await context.close();
});

for (const lang of ['de', 'ar', 'de-simple']) {
  test(`axe finds no violation on the checklist in ${lang}`, async ({ page }) => {
    await new InfoPage(page).open(`/${lang}/checklist/naturalisation-advice/`);
    await new InfoPage(page).open(`/${lang}/checklist/`);
  });
}
