import { generateTOTP } from '@oslojs/otp';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_AUDITOR, E2E_COUNTER, E2E_PORTS, E2E_TOTP_KEY } from './ports';
import { mailsTo } from '../support/mail-api';
import { InfoPage } from './support/info-page';
import { uniqueEmail } from './support/booking-page';
import { FIGURES_SERVICE, NO_SHOW_TODAY, SEEDED_PAST } from './support/seeded-office';

const BERLIN = { timeZone: 'Europe/Berlin' } as const;
const berlinDay = (d: Date) => d.toLocaleDateString('sv-SE', BERLIN);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function freeSlots(request: APIRequestContext, service: string, location: string, days = 60) {
  const res = await request.get(`/api/availability?service=${service}&location=${location}&days=${days}`);
  return ((await res.json()) as { slots: { start: string; capacityLeft: number }[] }).slots;
}

async function book(request: APIRequestContext, start: string, name: string, email: string) {
  const res = await request.post('/api/appointments', {
    data: { service: 'housing-counselling', location: 'housing-office', start, name, email, language: 'uk' },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { appointment: { reference: string } }).appointment;
}

/** The QR code in a mail, read back as a phone camera would. */
function readQr(base64: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function admin(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  await page.goto('/de/staff/login/');
  await page.locator('#email').fill(E2E_AUDITOR.email);
  await page.locator('#password').fill(E2E_AUDITOR.password);
  await page.locator('form button[type=submit]').click();
  await page.locator('#code').fill(generateTOTP(E2E_TOTP_KEY, 30, 6));
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('#signed-in')).toBeVisible();
  return page;
}

test.describe.configure({ mode: 'serial' });

test('the counter checks a booked person in by the QR code in the mail and marks another as not come', async ({ browser, request }) => {
  const [slot] = await freeSlots(request, 'housing-counselling', 'housing-office');
  const email = uniqueEmail('qr');
  const booked = await book(request, slot!.start, 'Olena Kovalenko', email);
  const [mail] = await mailsTo(E2E_PORTS.mailApi, email);
  const qr = mail?.attachments.find((a) => a.contentType === 'image/png');
  // The image sits in the mail's HTML (mailparser shows the cid: part inline as a data: URL).
  expect(mail?.html).toMatch(/<img src="(cid:check-in|data:image\/png;base64,[^"]+)" alt="[^"]*T-/);
  const url = readQr(qr!.base64);
  expect(url).toMatch(new RegExp(`/staff/checkin/${booked.reference}$`));

  // The counter's tablet opens the scanned link: sign in, then straight to that person.
  const tablet = await (await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, locale: 'de-DE' })).newPage();
  await tablet.goto(new URL(url!).pathname);
  await expect(tablet).toHaveURL(/\/de\/staff\/login\/\?next=/);
  await tablet.locator('#email').fill(E2E_COUNTER.email);
  await tablet.locator('#password').fill(E2E_COUNTER.password);
  await tablet.locator('form button[type=submit]').click();
  await expect(tablet.locator('#scanned')).toContainText('Olena Kovalenko');
  await new InfoPage(tablet).expectLoaded();
  await tablet.locator('#scanned-check-in').click();
  await expect(tablet.locator('.success')).toContainText('Olena Kovalenko');
  await expect(tablet.locator('#day-list li', { hasText: 'Olena Kovalenko' }).locator('.desk-status')).toHaveText('angemeldet');

  // Today's list at the housing office: the person booked for an hour ago did not come.
  await tablet.goto(`/de/staff/desk/?location=${NO_SHOW_TODAY.locationId}`);
  const late = tablet.locator('#day-list li', { hasText: NO_SHOW_TODAY.name });
  await late.locator('button[data-action="noShow"]').click();
  await expect(tablet.locator('#day-list li', { hasText: NO_SHOW_TODAY.name }).locator('.desk-status')).toHaveText('nicht erschienen');

  // A booking arriving for the shown day appears without reloading the page.
  await tablet.goto(`/de/staff/desk/?location=housing-office&day=${berlinDay(new Date(slot!.start))}`);
  await tablet.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
  const later = (await freeSlots(request, 'housing-counselling', 'housing-office')).find(
    (s) => berlinDay(new Date(s.start)) === berlinDay(new Date(slot!.start)),
  );
  if (later) {
    await book(request, later.start, 'Live Update Person', uniqueEmail('live'));
    await expect(tablet.locator('#day-list')).toContainText('Live Update Person', { timeout: 25_000 });
    expect(await tablet.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
  }
});

test('an admin adds a closure that hits two appointments, and both people get the mail', async ({ browser, request }) => {
  // Two people booked on a day a week or more ahead.
  const slots = await freeSlots(request, 'housing-counselling', 'housing-office');
  const day = berlinDay(new Date(slots.find((s) => berlinDay(new Date(s.start)) >= addDays(berlinDay(new Date()), 7))!.start));
  const onDay = slots.filter((s) => berlinDay(new Date(s.start)) === day);
  const people = [
    { name: 'Amal Haddad', email: uniqueEmail('closure-a') },
    { name: 'Bogdan Popescu', email: uniqueEmail('closure-b') },
  ];
  const references: string[] = [];
  for (const [i, p] of people.entries()) references.push((await book(request, onDay[i * 2]!.start, p.name, p.email)).reference);

  const page = await admin(browser);
  await page.goto('/de/staff/office/');
  await new InfoPage(page).expectLoaded();
  await page.locator('#closure-location').selectOption('housing-office');
  await page.locator('#closure-from').fill(day);
  await page.locator('#closure-reason').fill('Wasserschaden im Gebäude');
  await page.locator('#add-closure button[type=submit]').click();
  await expect(page.locator('#hit-list li')).toHaveCount(2);
  for (const p of people) await expect(page.locator('#hit-list')).toContainText(p.name);
  await page.locator('#notify').click();
  await expect(page.locator('.success')).toBeVisible();
  for (const [i, p] of people.entries()) {
    const mails = await mailsTo(E2E_PORTS.mailApi, p.email, 2);
    const notice = mails.find((m) => m.text.includes('Wasserschaden'));
    expect(notice?.html).toContain('lang="uk"');
    const link = /https?:\/\/\S+\/manage\/\?t=[a-z2-7]+/.exec(notice?.text ?? '')?.[0];
    // The new link opens the appointment, where a new time can be chosen.
    const manage = await (await browser.newContext()).newPage();
    await manage.goto(new URL(link!).pathname + new URL(link!).search);
    await expect(manage.locator('h1')).toBeVisible();
    await expect(manage.locator('main')).toContainText(references[i]!);
    await expect(manage.locator('form#move')).toHaveCount(1);
  }
  // Nobody can book the closed day any more.
  expect((await freeSlots(request, 'housing-counselling', 'housing-office')).some((s) => berlinDay(new Date(s.start)) === day)).toBe(false);
});

test('the figures and the public waiting times show what the seeded data and the availability say', async ({ browser, page, request }) => {
  const today = berlinDay(new Date());
  const from = addDays(today, -28);
  const to = addDays(today, -1);
  // Computed here, from the seed list alone.
  const inPeriod = SEEDED_PAST.filter((a) => a.daysAgo >= 1 && a.daysAgo <= 28);
  const noShows = inPeriod.filter((a) => a.status === 'no_show').length;
  const over = inPeriod.filter((a) => a.status !== 'cancelled').length;
  const expected = {
    appointments: String(inPeriod.length),
    walkIns: String(inPeriod.filter((a) => a.walkIn).length),
    cancelled: String(inPeriod.filter((a) => a.status === 'cancelled').length),
    noShows: String(noShows),
    noShowRate: new Intl.NumberFormat('de', { style: 'percent', maximumFractionDigits: 1 }).format(noShows / over),
  };
  const admin$ = await admin(browser);
  await admin$.goto(`/de/staff/figures/?from=${from}&to=${to}`);
  await new InfoPage(admin$).expectLoaded();
  const row = admin$.locator(
    `#appointment-table tr[data-service="${FIGURES_SERVICE.serviceId}"][data-location="${FIGURES_SERVICE.locationId}"]`,
  );
  for (const [figure, value] of Object.entries(expected)) await expect(row.locator(`[data-figure="${figure}"]`)).toHaveText(value);
  // The weekly chart (and its table) adds up to the same appointments: only the seed lies in the past.
  const weekly = await admin$.locator('#weekly-chart tbody tr td:nth-child(2)').allTextContents();
  expect(weekly.reduce((sum, n) => sum + Number(n), 0)).toBe(over);
  await expect(admin$.locator('#weekly-chart svg rect[height]:not([height="0"])').first()).toBeVisible();
  const csv = await admin$.request.get(`/api/figures.csv?from=${from}&to=${to}`);
  expect(await csv.text()).toContain(
    `appointments,${FIGURES_SERVICE.serviceId},${FIGURES_SERVICE.locationId},${from},${to},,${expected.appointments},`,
  );

  // Waiting time: days from today to the first free slot, per service, from the public availability.
  await new InfoPage(page).open('/ar/waiting-times/');
  const services = (await (await request.get('/api/services?lang=de')).json()) as {
    services: { id: string; locations: { id: string }[] }[];
  };
  for (const service of services.services) {
    let best: number | null = null;
    for (const location of service.locations) {
      const [first] = await freeSlots(request, service.id, location.id, 100);
      if (!first) continue;
      const days = Math.round(
        (Date.parse(`${berlinDay(new Date(first.start))}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
      );
      best = best === null ? days : Math.min(best, days);
    }
    await expect(page.locator(`#waiting-times li[data-service="${service.id}"]`)).toHaveAttribute(
      'data-days',
      best === null ? '' : String(best),
    );
  }
});
