import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Page object for any page with the portal's shell (info pages, search, 404, offline). */
export class InfoPage {
  constructor(readonly page: Page) {}

  async open(path: string, expectedStatus = 200): Promise<this> {
    const response = await this.page.goto(path);
    expect(response?.status(), path).toBe(expectedStatus);
    await this.expectLoaded();
    return this;
  }

  /** Loaded means: a heading, no horizontal scrolling on the phone, and no axe violations. */
  async expectLoaded(): Promise<void> {
    await expect(this.page.locator('h1')).toBeVisible();
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scroll').toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page: this.page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  html() {
    return this.page.locator('html');
  }

  async chooseLanguage(name: string): Promise<void> {
    await this.page.locator('details.lang summary').click();
    await this.page.getByRole('link', { name, exact: true }).click();
  }
}
