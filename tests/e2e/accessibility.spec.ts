import { test } from '@playwright/test';
import { InfoPage } from './support/info-page';

const pageTypes: [string, string, number][] = [
  ['start', '', 200],
  ['area', 'migration/', 200],
  ['topic', 'residence-permit-extension/', 200],
  ['contact', 'contact/', 200],
  ['emergency', 'emergency/', 200],
  ['accessibility statement', 'accessibility/', 200],
  ['search', 'search/?q=Pass', 200],
  ['offline', 'offline/', 200],
  ['not found', 'no-such-page/', 404],
];

for (const lang of ['de', 'ar', 'de-simple']) {
  for (const [type, route, status] of pageTypes) {
    test(`axe finds no WCAG 2.2 AA violation: ${type} in ${lang}`, async ({ page }) => {
      await new InfoPage(page).open(`/${lang}/${route}`, status);
    });
  }
}
