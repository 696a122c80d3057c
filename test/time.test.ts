import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendars } from '../src/time/calendar.js';
import { addDuration } from '../src/time/duration.js';
import { formatInstant, formatLocalDate, parseInstant } from '../src/time/instant.js';
import { offsetMinutes } from '../src/time/zone.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';

describe('parseInstant', () => {
  it('reads an offset as absolute and an offset-less time in the zone', () => {
    expect(parseInstant('2026-03-02T10:00:00+08:00', SH)).toBe(Date.UTC(2026, 2, 2, 2));
    expect(parseInstant('2026-03-02T10:00:00', SH)).toBe(Date.UTC(2026, 2, 2, 2));
    expect(parseInstant('2026-03-02T02:00:00Z', NY)).toBe(Date.UTC(2026, 2, 2, 2));
    expect(parseInstant('2026-03-02T10:00', SH)).toBe(Date.UTC(2026, 2, 2, 2));
    expect(parseInstant('2026-03-02T10:00:00.250+0800', SH)).toBe(Date.UTC(2026, 2, 2, 2, 0, 0, 250));
  });
  it('reads a bare date as local midnight', () => {
    expect(parseInstant('2026-03-20', SH)).toBe(Date.UTC(2026, 2, 19, 16));
  });
  it.each([
    '2026-02-29T10:00:00+08:00',
    '2026-02-30',
    '2026-13-01',
    '2026-03-02T24:00:00+08:00',
    '2026-03-02T10:60:00+08:00',
    '2026-03-02T10:00:00+19:00',
    '2026-03-02T10:00:00.1234+08:00',
    '2026-3-2',
    'yesterday',
    '1800-01-01',
  ])('rejects %s', (text) => {
    expect(parseInstant(text, SH)).toBeUndefined();
  });
  it('accepts 29 February in a leap year', () => {
    expect(parseInstant('2028-02-29T10:00:00+08:00', SH)).toBeDefined();
  });
  it('reads a text without offset in the zone asked for, however often it was read before in another', () => {
    for (let i = 0; i < 3; i++) {
      expect(parseInstant('2026-07-01T08:00:00', NY)).toBe(Date.UTC(2026, 6, 1, 12));
      expect(parseInstant('2026-07-01T08:00:00', SH)).toBe(Date.UTC(2026, 6, 1, 0));
      expect(parseInstant('2026-07-01T08:00:00', 'UTC')).toBe(Date.UTC(2026, 6, 1, 8));
    }
  });
  it('answers a text the same however many others were read between', () => {
    const texts = Array.from({ length: 300 }, (_, i) => `2026-03-02T10:${String(i % 60).padStart(2, '0')}:00+0${1 + Math.floor(i / 60)}:00`);
    const first = texts.map((text) => parseInstant(text, NY));
    expect(texts.map((text) => parseInstant(text, SH))).toEqual(first);
    expect(first[299]).toBe(Date.UTC(2026, 2, 2, 5, 59));
    expect(parseInstant('2026-02-30', SH)).toBeUndefined();
  });
});

describe('formatInstant', () => {
  it('writes the local time with the zone offset', () => {
    expect(formatInstant(SH, Date.UTC(2026, 2, 2, 2))).toBe('2026-03-02T10:00:00+08:00');
    expect(formatInstant(NY, Date.UTC(2026, 6, 1, 12))).toBe('2026-07-01T08:00:00-04:00');
    expect(formatInstant(SH, Date.UTC(2026, 2, 2, 2, 0, 0, 5))).toBe('2026-03-02T10:00:00.005+08:00');
  });
  it('writes what the wall clock of the zone reads, and reads back as the same instant', () => {
    // From 1970: before, some zones kept local mean time, offsets in seconds that an ISO offset cannot write.
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 30) });
    fc.assert(
      fc.property(fc.constantFrom(SH, NY, 'Asia/Kolkata', 'UTC', 'Pacific/Chatham'), instant, (zone, ms) => {
        const offset = offsetMinutes(zone, ms);
        const wall = new Date(ms + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ of the local time
        const text = formatInstant(zone, ms);
        expect(text.slice(0, 19)).toBe(wall.slice(0, 19));
        expect(text.includes('.')).toBe(ms % 1000 !== 0);
        expect(parseInstant(text, 'UTC')).toBe(ms);
      }),
    );
  });
  it('gives the local date in the zone, not in UTC', () => {
    expect(formatLocalDate(SH, Date.UTC(2012, 3, 30, 16))).toBe('2012-05-01');
    expect(formatLocalDate(SH, Date.UTC(2012, 3, 30, 15, 59, 59))).toBe('2012-04-30');
  });
});

describe('offsets on a DST transition day', () => {
  it('answers both sides of the change on the same UTC day', () => {
    // New York springs forward at 2026-03-08 07:00 UTC.
    expect(offsetMinutes(NY, Date.UTC(2026, 2, 8, 6, 59))).toBe(-300);
    expect(offsetMinutes(NY, Date.UTC(2026, 2, 8, 7, 0))).toBe(-240);
  });
});

describe('addDuration (day conventions)', () => {
  const posted = parseInstant('2026-03-02T10:00:00+08:00', SH) as number;
  it('adds hours as elapsed time', () => {
    expect(formatInstant(SH, addDuration(SH, posted, { hours: 72 }, calendars.weekdays))).toBe('2026-03-05T10:00:00+08:00');
  });
  it('adds calendar days as the same local time N days later, across a month end', () => {
    expect(formatInstant(SH, addDuration(SH, posted, { calendarDays: 30 }, calendars.weekdays))).toBe('2026-04-01T10:00:00+08:00');
  });
  it('keeps the local time across a DST change', () => {
    const before = parseInstant('2026-03-07T10:00:00', NY) as number;
    expect(formatInstant(NY, addDuration(NY, before, { calendarDays: 1 }, calendars.weekdays))).toBe('2026-03-08T10:00:00-04:00');
    expect(addDuration(NY, before, { calendarDays: 1 }, calendars.weekdays) - before).toBe(23 * 3_600_000);
  });
  it('adds a calendar year; 29 February lands on 28 February', () => {
    expect(formatInstant(SH, addDuration(SH, posted, { calendarYears: 1 }, calendars.weekdays))).toBe('2027-03-02T10:00:00+08:00');
    const leap = parseInstant('2028-02-29T23:30:00+08:00', SH) as number;
    expect(formatInstant(SH, addDuration(SH, leap, { calendarYears: 1 }, calendars.weekdays))).toBe('2029-02-28T23:30:00+08:00');
    expect(formatInstant(SH, addDuration(SH, leap, { calendarYears: 4 }, calendars.weekdays))).toBe('2032-02-29T23:30:00+08:00');
  });
});
