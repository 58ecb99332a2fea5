/**
 * When a closure or new opening hours hit booked appointments: list them for the admin, and on
 * the admin's word tell each person by mail, with a new link to choose another time.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { appointments, locations, openingHours, users } from '../../../db/schema';
import { hitByClosure, outsideHours, type ClosureSpan } from '../../domain/disruptions';
import { formatDateTime } from '../../i18n/format';
import { useTranslations } from '../../i18n/i18n';
import { manageUrl } from '../booking/appointments';
import type { BookingDeps } from '../booking/appointments';
import { composeMail } from '../mail/compose';
import { enqueueMail } from '../mail/outbox';
import { generateSecretToken, hashToken } from '../tokens';

export type Booked = typeof appointments.$inferSelect;

async function upcoming(db: Db, now: Date, locationId?: string): Promise<Booked[]> {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.status, 'booked'),
        gt(appointments.startsAt, now),
        locationId ? eq(appointments.locationId, locationId) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

export async function hitByClosureList(db: Db, closure: ClosureSpan, now: Date): Promise<Booked[]> {
  return (await upcoming(db, now, closure.locationId ?? undefined)).filter((a) => hitByClosure(a, closure));
}

export async function outsideHoursList(db: Db, locationId: string, now: Date): Promise<Booked[]> {
  const hours = (await db.select().from(openingHours).where(eq(openingHours.locationId, locationId))).map((h) => ({
    weekday: h.weekday,
    opens: h.opens.slice(0, 5),
    closes: h.closes.slice(0, 5),
  }));
  return (await upcoming(db, now, locationId)).filter((a) => outsideHours(a, hours));
}

/** Mails each person (and the volunteer who booked for them) once; returns how many were told. */
export async function notifyDisrupted(deps: BookingDeps, ids: string[], reason: string): Promise<number> {
  if (ids.length === 0) return 0;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ a: appointments, street: locations.street, postcode: locations.postcode, city: locations.city, phone: locations.phone })
      .from(appointments)
      .innerJoin(locations, eq(locations.id, appointments.locationId))
      .where(
        and(
          inArray(appointments.id, ids),
          eq(appointments.status, 'booked'),
          isNull(appointments.disruptionNoticeAt),
          // Only people we can write to; the admin calls the others (the list says so).
          or(isNotNull(appointments.email), isNotNull(appointments.bookedBy)),
        ),
      )
      .for('update', { of: appointments });
    for (const { a, street, postcode, city, phone } of rows) {
      const token = generateSecretToken();
      await tx
        .update(appointments)
        .set({ moveTokenHash: hashToken(token), disruptionNoticeAt: now })
        .where(eq(appointments.id, a.id));
      const [volunteer] = a.bookedBy
        ? await tx.select({ email: users.email, language: users.language }).from(users).where(eq(users.id, a.bookedBy))
        : [];
      const recipients = [
        ...(a.email ? [{ to: a.email, lang: a.language }] : []),
        ...(volunteer ? [{ to: volunteer.email, lang: volunteer.language }] : []),
      ];
      for (const r of recipients) {
        const t = useTranslations(r.lang);
        const mail = composeMail(r.lang, t('mail:disruption.subject', { when: formatDateTime(r.lang, a.startsAt) }), [
          { kind: 'p', text: t('mail:greeting', { name: a.name }) },
          { kind: 'p', text: t('mail:disruption.intro') },
          ...(reason ? [{ kind: 'p' as const, text: reason }] : []),
          {
            kind: 'facts',
            rows: [
              [t('mail:labels.what'), t(`common:office.services.${a.serviceId}`)],
              [t('mail:labels.when'), formatDateTime(r.lang, a.startsAt)],
              [t('mail:labels.where'), `${t(`common:office.locations.${a.locationId}`)}, ${street}, ${postcode} ${city}, ${phone}`],
              [t('mail:labels.reference'), a.reference],
            ],
          },
          { kind: 'link', label: t('mail:disruption.move'), url: manageUrl(deps.origin, a.language, token) },
          { kind: 'p', text: t('mail:disruption.sorry') },
        ]);
        await enqueueMail(tx, { kind: 'disruption', to: r.to, mail, now, appointmentId: a.id });
      }
    }
    return rows.length;
  });
}
