import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  calendars,
  ClaimInputError,
  complaintDeadlines,
  type HolidayNotice,
  PolicyError,
  quote,
  type WorkCalendar,
} from '../src/index.js';
import { addWorkingDays } from '../src/time/calendar.js';
import { formatInstant } from '../src/time/instant.js';
import { claim } from './helpers.js';

const SH = 'Asia/Shanghai';
/** The instant `n` working days after a Shanghai local time, as ISO text. */
const after = (start: string, n: number, calendar: WorkCalendar = calendars.cn) =>
  formatInstant(SH, addWorkingDays(calendar, SH, Date.parse(start), n));

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('calendars.cn against an independent source (chinese-days)', () => {
  const days: string[] = [];
  for (let t = Date.UTC(2012, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));

  it('agrees on every day from 2012-01-01 to 2026-12-31', () => {
    const disagree = days.filter((d) => calendars.cn.isWorkingDay(d) !== chineseDays.isWorkday(d));
    expect(disagree).toEqual([]);
    expect(days.length).toBe(5479);
  });

  it('covers 2012–2026, each year citing its State Council notice', () => {
    expect(calendars.cn.years).toEqual(Array.from({ length: 15 }, (_, i) => 2012 + i));
    for (const year of calendars.cn.years) expect(calendars.cn.sourceFor(year)).toContain(`${year}年`);
    expect(calendars.cn.sourceFor(2020)).toContain('国务院办公厅关于延长2020年春节假期的通知');
  });
});

describe('a year without data', () => {
  it.each(['2011-12-30', '2027-01-04'])('%s raises CalendarRangeError naming the year', (date) => {
    const error = thrown(() => calendars.cn.isWorkingDay(date));
    expect(error).toBeInstanceOf(CalendarRangeError);
    expect((error as CalendarRangeError).year).toBe(Number(date.slice(0, 4)));
    expect((error as CalendarRangeError).code).toBe('CALENDAR_RANGE');
  });

  it('counting working days into it raises CalendarRangeError, never a guess', () => {
    expect(after('2026-12-30T10:00:00+08:00', 1)).toBe('2026-12-31T10:00:00+08:00');
    expect((thrown(() => after('2026-12-30T10:00:00+08:00', 2)) as CalendarRangeError).year).toBe(2027);
  });

  it('can be supplied by the user from the notice, without a new release', () => {
    const notice2027: HolidayNotice = {
      year: 2027,
      source: 'test: a 2027 notice as a user would transcribe it',
      holidays: ['2027-01-01/2027-01-03'],
      workdays: [],
    };
    const extended = calendars.cn.withNotices([notice2027]);
    expect(extended.years.at(-1)).toBe(2027);
    expect(after('2026-12-30T10:00:00+08:00', 2, extended)).toBe('2027-01-04T10:00:00+08:00');
    expect(() => calendars.cn.isWorkingDay('2027-01-04')).toThrow(CalendarRangeError);
  });

  it('rejects a malformed notice with the path of each problem', () => {
    const error = thrown(() =>
      calendars.cn.withNotices([
        { year: 2027, source: 'x', holidays: ['2027-02-30', '2027-05-05/2027-05-01'], workdays: ['2025-01-01'] },
      ]),
    ) as PolicyError;
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.issues.map((i) => i.path.join('.'))).toEqual([
      'notices.18.holidays.0',
      'notices.18.holidays.1',
      'notices.18.workdays.0',
    ]);
  });

  it('calendars.weekdays counts Monday–Friday in any year', () => {
    expect(after('2030-02-01T10:00:00+08:00', 1, calendars.weekdays)).toBe('2030-02-04T10:00:00+08:00');
    expect(after('2026-02-13T10:00:00+08:00', 1, calendars.weekdays)).toBe('2026-02-16T10:00:00+08:00');
  });
});

describe('N working days: same local time on the N-th working day after the start date', () => {
  it.each([
    // Spring Festival: 2026 (02-15…02-23, Saturdays 02-14 and 02-28 worked)
    ['2026-02-13T10:00:00+08:00', 1, '2026-02-14T10:00:00+08:00'],
    ['2026-02-13T10:00:00+08:00', 2, '2026-02-24T10:00:00+08:00'],
    ['2026-02-14T18:30:00+08:00', 1, '2026-02-24T18:30:00+08:00'],
    // 2025 (01-28…02-04, Sunday 01-26 and Saturday 02-08 worked)
    ['2025-01-24T09:00:00+08:00', 1, '2025-01-26T09:00:00+08:00'],
    ['2025-01-24T09:00:00+08:00', 3, '2025-02-05T09:00:00+08:00'],
    // 2024 (02-10…02-17, Sunday 02-18 worked)
    ['2024-02-09T10:00:00+08:00', 1, '2024-02-18T10:00:00+08:00'],
    ['2024-02-09T10:00:00+08:00', 2, '2024-02-19T10:00:00+08:00'],
    // Labour Day: 2019 as revised (05-01…05-04, Sundays 04-28 and 05-05 worked); 2025 (05-01…05-05)
    ['2019-04-30T10:00:00+08:00', 1, '2019-05-05T10:00:00+08:00'],
    ['2019-04-30T10:00:00+08:00', 2, '2019-05-06T10:00:00+08:00'],
    ['2025-04-30T10:00:00+08:00', 1, '2025-05-06T10:00:00+08:00'],
    // National Day: 2023 (09-29…10-06, 10-07 and 10-08 worked); 2024 (10-01…10-07, Sunday 09-29 worked)
    ['2023-09-28T10:00:00+08:00', 1, '2023-10-07T10:00:00+08:00'],
    ['2023-09-28T10:00:00+08:00', 3, '2023-10-09T10:00:00+08:00'],
    ['2024-09-28T10:00:00+08:00', 1, '2024-09-29T10:00:00+08:00'],
    ['2024-09-30T10:00:00+08:00', 1, '2024-10-08T10:00:00+08:00'],
    // 2015: the 70th anniversary holiday (09-03…09-05, Sunday 09-06 worked)
    ['2015-09-02T10:00:00+08:00', 1, '2015-09-06T10:00:00+08:00'],
    // 2020: the Spring Festival extended to 02-02 (the 02-01 working day withdrawn)
    ['2020-01-23T10:00:00+08:00', 1, '2020-02-03T10:00:00+08:00'],
    // across a year boundary: 元旦 2026 (01-01…01-03, Sunday 01-04 worked); 元旦 2019 (2018-12-30…2019-01-01, 2018-12-29 worked)
    ['2025-12-31T10:00:00+08:00', 1, '2026-01-04T10:00:00+08:00'],
    ['2025-12-31T10:00:00+08:00', 2, '2026-01-05T10:00:00+08:00'],
    ['2018-12-28T10:00:00+08:00', 1, '2018-12-29T10:00:00+08:00'],
    ['2018-12-28T10:00:00+08:00', 2, '2019-01-02T10:00:00+08:00'],
    // zero days is the start itself
    ['2026-02-15T10:00:00+08:00', 0, '2026-02-15T10:00:00+08:00'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(after(start, n)).toBe(expected);
  });

  it('reads the start date in the zone: 2026-02-13T20:00Z is already Saturday 02-14 in Shanghai', () => {
    expect(after('2026-02-13T20:00:00Z', 1)).toBe('2026-02-24T04:00:00+08:00');
  });
});

describe('QuoteOptions.calendar', () => {
  const hk = claim({ scope: 'hk-macau', postedAt: '2026-02-13T10:00:00+08:00', firstAttemptAt: '2026-02-20T10:00:00+08:00', events: { claimedAt: '2026-03-02T10:00:00+08:00' } });

  it('counts T-1 working days with the calendar given', () => {
    expect(quote(hk).deadlines[0]?.due).toBe('2026-02-28T10:00:00+08:00');
    const weekdays = quote(hk, { calendar: calendars.weekdays });
    expect(weekdays.deadlines[0]?.due).toBe('2026-02-23T10:00:00+08:00');
    expect(weekdays.deadlines[0]?.source).toContain('working days: calendar weekdays');
  });

  it('stops with an error on a calendar without working days instead of counting forever', () => {
    const never: WorkCalendar = { id: 'never', isWorkingDay: () => false };
    expect(() => quote(hk, { calendar: never })).toThrow('calendar never has no working day in the 366 days after 2026-02-14');
  });

  it('accepts a calendar of the caller’s own', () => {
    const everyDay: WorkCalendar = { id: 'every-day', isWorkingDay: () => true };
    expect(quote(hk, { calendar: everyDay }).deadlines[0]?.due).toBe('2026-02-19T10:00:00+08:00');
  });
});

describe('complaintDeadlines (K-1…K-5)', () => {
  const ids = (ds: { id: string; due: string }[]) => ds.map((d) => [d.id, d.due]);

  it('K-1 attitude: 1 working day, first answer in 2 h, ceiling 7 calendar days', () => {
    expect(ids(complaintDeadlines({ kind: 'attitude', receivedAt: '2026-03-06T16:00:00+08:00' }))).toEqual([
      ['K-5', '2026-03-06T18:00:00+08:00'],
      ['K-1', '2026-03-09T16:00:00+08:00'],
      ['K-4', '2026-03-13T16:00:00+08:00'],
    ]);
  });

  it('K-2 delay: 3 working days and a 24 h first answer (complex by default)', () => {
    const ds = complaintDeadlines({ kind: 'delay', receivedAt: '2026-03-02T10:00:00+08:00' });
    expect(ids(ds)).toEqual([
      ['K-5', '2026-03-03T10:00:00+08:00'],
      ['K-2', '2026-03-05T10:00:00+08:00'],
      ['K-4', '2026-03-09T10:00:00+08:00'],
    ]);
    expect(ds[1]?.warnings).toBeUndefined();
    expect(ds[1]?.source).toContain('3個工作日內處理完畢');
    expect(ds.map((d) => d.start)).toEqual(ds.map(() => ({ event: 'receivedAt', at: '2026-03-02T10:00:00+08:00' })));
    expect(ds.map((d) => d.basis)).toEqual(['24 hours after receivedAt', '3 working days after receivedAt', '7 calendar days after receivedAt']);
  });

  it('complexity given overrides the kind’s level for the first answer', () => {
    expect(complaintDeadlines({ kind: 'delay', receivedAt: '2026-03-02T10:00:00+08:00', complexity: 'simple' })[0]?.due).toBe(
      '2026-03-02T12:00:00+08:00',
    );
  });

  it('K-3 over National Day: 5 working days fall after the 7-day ceiling, which governs, with a warning', () => {
    const ds = complaintDeadlines({ kind: 'loss', receivedAt: '2026-09-30T10:00:00+08:00' });
    expect(ids(ds)).toEqual([
      ['K-5', '2026-10-01T10:00:00+08:00'],
      ['K-3', '2026-10-13T10:00:00+08:00'],
      ['K-4', '2026-10-07T10:00:00+08:00'],
    ]);
    expect(ds[1]?.warnings).toEqual(['after-statutory-ceiling']);
  });

  it('K-3 exactly at the ceiling is not after it', () => {
    // received Friday 2026-03-06: 5 working days = Friday 03-13, 7 calendar days = 03-13 too
    const ds = complaintDeadlines({ kind: 'damage', receivedAt: '2026-03-06T10:00:00+08:00' });
    expect([ds[1]?.due, ds[2]?.due, ds[1]?.warnings]).toEqual(['2026-03-13T10:00:00+08:00', '2026-03-13T10:00:00+08:00', undefined]);
  });

  it('K-4 is reported from 2018-05-01, when 快递暂行条例 took effect', () => {
    expect(complaintDeadlines({ kind: 'shortage', receivedAt: '2018-04-30T10:00:00+08:00' }).map((d) => d.id)).toEqual(['K-5', 'K-3']);
    expect(complaintDeadlines({ kind: 'shortage', receivedAt: '2018-05-01T10:00:00+08:00' }).map((d) => d.id)).toEqual(['K-5', 'K-3', 'K-4']);
  });

  it('rejects a bad complaint with every issue and a claims policy for complaints', () => {
    const error = thrown(() => complaintDeadlines({ kind: 'rudeness', receivedAt: 'yesterday' } as never)) as ClaimInputError;
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['kind', 'receivedAt']);
    expect(() => complaintDeadlines({ kind: 'loss', receivedAt: '2026-03-02T10:00:00+08:00' }, { policy: 'cn-gbt27917-2011' })).toThrow(
      /has no rules for complaints/,
    );
    expect(() => quote(claim(), { policy: 'cn-complaints' })).toThrow(/has no rules for claims/);
  });

  it('a year without calendar data is a CalendarRangeError', () => {
    expect(() => complaintDeadlines({ kind: 'delay', receivedAt: '2027-01-05T10:00:00+08:00' })).toThrow(CalendarRangeError);
  });
});
