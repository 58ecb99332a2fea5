import { expect, test } from '@playwright/test';
import { InfoPage } from './support/info-page';

test.use({ locale: 'uk-UA', extraHTTPHeaders: { 'Accept-Language': 'uk-UA,uk;q=0.9' } });

test('a newcomer lands in their language, switches to Arabic, searches, and reads offline', async ({ page, context }) => {
  const portal = new InfoPage(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/uk\/$/);
  await expect(portal.html()).toHaveAttribute('lang', 'uk');
  await portal.expectLoaded();

  await portal.chooseLanguage('العربية');
  await expect(page).toHaveURL(/\/ar\/$/);
  await expect(portal.html()).toHaveAttribute('dir', 'rtl');
  await portal.expectLoaded();
  // The header mirrors: the site name starts on the right.
  const brand = await page.locator('.brand').boundingBox();
  expect((brand?.x ?? 0) + (brand?.width ?? 0)).toBeGreaterThan(300);

  // The explicit choice is remembered over the browser's Ukrainian.
  await page.goto('/');
  await expect(page).toHaveURL(/\/ar\/$/);

  // A German word from a letter finds the Arabic page that explains it.
  await page.locator('.tools a[href="/ar/search/"]').click();
  await page.locator('#q').fill('Fiktionsbescheinigung');
  await page.locator('form.search button').click();
  const hit = page.locator('.results a[href="/ar/residence-permit-extension/"]');
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/ar\/residence-permit-extension\/$/);
  await portal.expectLoaded();
  const title = await page.locator('h1').innerText();

  // Visited once with the service worker in control, the page stays readable offline.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.reload();
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('h1')).toHaveText(title);
  await expect(portal.html()).toHaveAttribute('dir', 'rtl');

  // A page never visited shows the offline page in the reader's language.
  await page.goto('/ar/events/').catch(() => undefined);
  await expect(portal.html()).toHaveAttribute('lang', 'ar');
  await context.setOffline(false);
});

test('the language switcher keeps the page', async ({ page }) => {
  const portal = new InfoPage(page);
  await portal.open('/de/settlement-permit/');
  await portal.chooseLanguage('Türkçe');
  await expect(page).toHaveURL(/\/tr\/settlement-permit\/$/);
  await expect(portal.html()).toHaveAttribute('lang', 'tr');
});

test('keyboard users can skip to the content', async ({ page }) => {
  await page.goto('/de/contact/');
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('printing leaves out navigation and keeps the text', async ({ page }) => {
  await page.goto('/de/residence-permit-extension/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header .tools')).toBeHidden();
  for (const actions of await page.locator('.page-actions').all()) await expect(actions).toBeHidden();
  await expect(page.locator('main h1')).toBeVisible();
});
