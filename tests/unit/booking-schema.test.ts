import { describe, expect, it } from 'vitest';
import { appointmentMinutes, parseBookingRequest } from '../../src/domain/booking-schema';
import { calendarFile, foldLine } from '../../src/domain/ics';

const valid = {
  service: 'blue-card',
  location: 'immigration-office',
  start: '2026-12-01T08:00:00+01:00',
  name: 'Amal Haddad',
  email: 'amal@example.org',
  language: 'ar',
};

describe('parseBookingRequest', () => {
  it('accepts a complete request and fills defaults', () => {
    const result = parseBookingRequest(valid);
    expect(result).toEqual({ ok: true, value: { ...valid, persons: 1, needs: [], checklist: {} } });
  });
  it('names the field and the message key for each problem', () => {
    const result = parseBookingRequest({ ...valid, email: 'not-an-address', name: ' ', persons: 9, needs: ['helicopter'] });
    expect(result).toEqual({
      ok: false,
      errors: { email: 'errors.email', name: 'errors.nameRequired', persons: 'errors.persons', needs: 'errors.needs' },
    });
  });
  it('refuses wrong types and missing fields without throwing', () => {
    for (const input of [
      null,
      42,
      'x',
      [],
      { ...valid, start: 'tomorrow' },
      { ...valid, service: '../../etc' },
      { ...valid, name: 'x'.repeat(500) },
    ]) {
      expect(parseBookingRequest(input).ok).toBe(false);
    }
  });
  it('lengthens a family appointment per extra person', () => {
    expect(appointmentMinutes({ durationMinutes: 30, extraPersonMinutes: 10 }, 1)).toBe(30);
    expect(appointmentMinutes({ durationMinutes: 30, extraPersonMinutes: 10 }, 4)).toBe(60);
  });
});

describe('calendarFile', () => {
  it('writes a valid event in UTC with escaped text', () => {
    const ics = calendarFile({
      uid: 'a1@portal',
      start: new Date('2026-12-01T07:00:00Z'),
      end: new Date('2026-12-01T07:30:00Z'),
      stamp: new Date('2026-11-28T10:00:00Z'),
      summary: 'Termin; Blaue Karte',
      location: 'Musterplatz 1, Musterstadt',
      description: 'Line 1\nLine 2',
    });
    expect(ics).toContain('DTSTART:20261201T070000Z\r\n');
    expect(ics).toContain('SUMMARY:Termin\\; Blaue Karte');
    expect(ics).toContain('LOCATION:Musterplatz 1\\, Musterstadt');
    expect(ics).toContain('DESCRIPTION:Line 1\\nLine 2');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
  it('folds long lines without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'موعد '.repeat(30)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'موعد '.repeat(30)}`);
  });
});
