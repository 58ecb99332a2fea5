import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { seedOffice } from '../../db/seed';
import { closures, counterServices, counters, locations, openingHours, services } from '../../db/schema';
import { locations as officeLocations, services as officeServices } from '../../src/content/office';
import { testDatabases } from '../support/databases';

describe.each(testDatabases)('database on $name', (target) => {
  let handle: Awaited<ReturnType<typeof target.create>>;
  beforeAll(async () => {
    handle = await target.create();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('loads the office data once, and a second seed changes nothing', async () => {
    expect(await seedOffice(handle.db, [2026, 2027])).toBe(true);
    expect(await seedOffice(handle.db, [2026, 2027])).toBe(false);
    const count = async (table: typeof services | typeof locations | typeof counters | typeof closures) =>
      (await handle.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
    expect(await count(services)).toBe(officeServices.length);
    expect(await count(locations)).toBe(officeLocations.length);
    expect(await count(counters)).toBe(officeLocations.reduce((n, l) => n + l.counters.length, 0));
    expect(await count(closures)).toBe(22);
  });

  it('keeps opening hours as wall-clock times', async () => {
    const rows = await handle.db.select().from(openingHours).where(eq(openingHours.locationId, 'immigration-office'));
    expect(rows.find((r) => r.weekday === 4 && r.opens === '14:00:00')?.closes).toBe('17:30:00');
  });

  it('links counters to the services they serve', async () => {
    const rows = await handle.db.select().from(counterServices).where(eq(counterServices.serviceId, 'employer-fast-lane'));
    expect(rows).toHaveLength(1);
  });

  it('refuses impossible office data', async () => {
    await expect(
      handle.db.insert(openingHours).values({ locationId: 'housing-office', weekday: 8, opens: '09:00', closes: '10:00' }),
    ).rejects.toThrow();
    await expect(
      handle.db.insert(openingHours).values({ locationId: 'housing-office', weekday: 1, opens: '12:00', closes: '09:00' }),
    ).rejects.toThrow();
    await expect(handle.db.insert(closures).values({ startsOn: '2026-12-31', endsOn: '2026-12-01', reason: 'x' })).rejects.toThrow();
    await expect(handle.db.insert(counters).values({ locationId: 'nowhere', name: 'x' })).rejects.toThrow();
  });

  it('runs the migrations again without change', async () => {
    await handle.migrate();
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(services);
    expect(row?.n).toBe(officeServices.length);
  });
});
