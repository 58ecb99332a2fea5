import { expect, type Page } from '@playwright/test';
import { InfoPage } from './info-page';

/** The booking flow, driven the way a person does: choose, press Next, fill in, book. */
export class BookingPage extends InfoPage {
  constructor(
    page: Page,
    readonly lang: string,
  ) {
    super(page);
  }

  async chooseService(id: string) {
    await this.page.locator(`input[name=service][value="${id}"]`).check();
    await this.next();
  }

  async chooseLocation(id: string) {
    await this.page.locator(`input[name=location][value="${id}"]`).check();
    await this.next();
  }

  /** Picks the n-th free time of the first free day; returns its ISO value. */
  async chooseTime(n = 0): Promise<string> {
    const time = this.page.locator('input[name=start]').nth(n);
    await expect(time).toBeVisible();
    const value = (await time.getAttribute('value')) ?? '';
    await time.check();
    await this.page.locator('form:has(input[name=start]) button[type=submit]').click();
    await expect(this.page.locator('#field-name')).toBeVisible();
    return value;
  }

  async fillDetails(details: { name: string; email: string; needs?: string[] }) {
    await this.page.locator('#field-name').fill(details.name);
    await this.page.locator('#field-email').fill(details.email);
    for (const need of details.needs ?? []) await this.page.locator(`input[name=needs][value="${need}"]`).check();
  }

  async book() {
    await this.page.locator('form[method=post] button[type=submit]').click();
  }

  private async next() {
    await this.page.locator('form:visible button[type=submit]').first().click();
  }
}

export const uniqueEmail = (who: string) => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
