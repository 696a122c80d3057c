import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  calendars,
  ClaimInputError,
  complaintDeadlines,
  explain,
  HolidayCalendar,
  type HolidayNotice,
  PolicyError,
  quote,
  runFixtures,
  type WorkCalendar,
} from '../src/index.js';
import { addWorkingDays } from '../src/time/calendar.js';
import { CN_MOVABLE_DAYS, CN_STATUTORY_RULES } from '../src/time/holidays-cn-statutory.js';
import { formatInstant } from '../src/time/instant.js';
import { rulesInForce, statutoryNotices } from '../src/time/statutory.js';
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

/** `YYYY-MM-DD` one day after a date. */
const nextDay = (date: string) => new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);

describe('W-1: the statutory holidays for a year without a notice', () => {
  it('has the movable days of every year 2012–2050, each as an independent lunar calendar (chinese-days) has it', () => {
    expect(CN_MOVABLE_DAYS.map((m) => m.year)).toEqual(Array.from({ length: 39 }, (_, i) => 2012 + i));
    const disagree = CN_MOVABLE_DAYS.filter((m) => {
      const chuxi = `${m.year}-${m.chuxi}`;
      const eve = chineseDays.getLunarDate(chuxi);
      const newYear = chineseDays.getLunarDate(nextDay(chuxi));
      return (
        !(eve.lunarMon === 12 && !eve.isLeap && newYear.lunarMon === 1 && newYear.lunarDay === 1 && !newYear.isLeap) ||
        chineseDays.getSolarTermDate(m.year, 4, 'pure_brightness') !== `${m.year}-${m.qingming}` ||
        chineseDays.getSolarDateFromLunar(`${m.year}-05-05`).date !== `${m.year}-${m.duanwu}` ||
        chineseDays.getSolarDateFromLunar(`${m.year}-08-15`).date !== `${m.year}-${m.zhongqiu}`
      );
    });
    expect(disagree).toEqual([]);
    expect(CN_MOVABLE_DAYS.every((m) => m.source.includes('GB/T 33661-2017'))).toBe(true);
  });

  it('除夕 is the 29th or the 30th of the twelfth month', () => {
    const lastDays = new Set(CN_MOVABLE_DAYS.map((m) => chineseDays.getLunarDate(`${m.year}-${m.chuxi}`).lunarDay));
    expect([...lastDays].sort()).toEqual([29, 30]);
  });

  it('every statutory day off of 2012–2026 under the 放假办法 then in force was a day off in that year’s notice', () => {
    const estimated = statutoryNotices(CN_STATUTORY_RULES, CN_MOVABLE_DAYS.filter((m) => m.year <= 2026));
    const strict = calendars.cn.strict;
    const notOff = estimated.flatMap((n) => new HolidayCalendar('estimate', [n]).year(n.year).holidays.filter((d) => strict.isWorkingDay(d)));
    expect(notOff).toEqual([]);
    expect(estimated).toHaveLength(15);
  });

  it('takes the version of the 放假办法 in force: 513 to 2013, 644 from 2014, 798 from 2025', () => {
    expect([2013, 2014, 2024, 2025, 2050].map((y) => rulesInForce(CN_STATUTORY_RULES, y)?.source.match(/第(\d+)号/)?.[1])).toEqual(['513', '644', '644', '798', '798']);
    expect(rulesInForce(CN_STATUTORY_RULES, 2007)).toBeUndefined();
  });

  it('2027 as the 2024 amendment gives it: 13 statutory days off, weekends off, nothing swapped', () => {
    const y2027 = calendars.cn.year(2027);
    expect(y2027.status).toBe('provisional');
    expect(y2027.workdays).toEqual([]);
    expect(y2027.holidays).toHaveLength(13); // 春节 4, 劳动节 2, 国庆 3, and four of one day
    expect(y2027.sources[0]).toContain('国务院令第798号');
    expect(calendars.cn.sourceFor(2027)).toMatch(/^provisional, no 2027 notice published: /);
  });

  it.each(['2011-12-30', '2051-01-03'])('%s, outside the data, still raises CalendarRangeError naming the year', (date) => {
    const error = thrown(() => calendars.cn.isWorkingDay(date)) as CalendarRangeError;
    expect(error).toBeInstanceOf(CalendarRangeError);
    expect(error.year).toBe(Number(date.slice(0, 4)));
    expect(error.code).toBe('CALENDAR_RANGE');
    expect(error.message).toContain('it covers 2012–2026, and 2027–2050 provisionally');
  });
});

describe('W-2: deadlines counted through a provisional year say so', () => {
  const hk = (postedAt: string) =>
    claim({ waybill: 'HK2026', scope: 'hk-macau', fee: '30.00', postedAt, events: { claimedAt: '2027-01-12T10:00:00+08:00' } });

  it('T-1 hk-macau posted 2026-12-24: the sixth working day is Monday 2027-01-04 (元旦 Friday, then the weekend)', () => {
    const q = quote(hk('2026-12-24T10:00:00+08:00'), { policy: 'cn-gbt27917-2011' });
    const t1 = q.deadlines.find((d) => d.id === 'T-1');
    expect(t1?.due).toBe('2027-01-04T10:00:00+08:00');
    expect(t1?.warnings).toEqual(['provisional-calendar:2027']);
    expect(t1?.source).toContain('provisional, no 2027 notice published: 全国年节及纪念日放假办法');
    expect(q.warnings).toContain('provisional-calendar:2027');
    // D-5 counts from T-1: as provisional as T-1; D-4 (a calendar year) is not
    expect(q.deadlines.find((d) => d.id === 'D-5')?.warnings).toEqual(['provisional-calendar:2027']);
    expect(q.deadlines.find((d) => d.id === 'D-4')?.warnings).toBeUndefined();
  });

  it('a count ending in the last week of December is provisional too: the next notice may change those days', () => {
    const dec25 = quote(hk('2026-12-17T10:00:00+08:00'), { policy: 'cn-gbt27917-2011' }).deadlines[0];
    expect([dec25?.due, dec25?.warnings]).toEqual(['2026-12-25T10:00:00+08:00', ['provisional-calendar:2027']]);
    const dec24 = quote(hk('2026-12-16T10:00:00+08:00'), { policy: 'cn-gbt27917-2011' });
    expect([dec24.deadlines[0]?.due, dec24.deadlines[0]?.warnings]).toEqual(['2026-12-24T10:00:00+08:00', undefined]);
    expect(dec24.warnings.filter((w) => w.startsWith('provisional-calendar'))).toEqual([]);
  });

  it('names every provisional year a count goes through', () => {
    expect(calendars.cn.provisionalYears('2027-12-30', '2028-01-03')).toEqual([2027, 2028]);
    expect(calendars.cn.provisionalYears('2026-01-01', '2026-12-24')).toEqual([]);
  });

  it('K-3 received 2026-12-30: 5 working days fall on 2027-01-07, after the 7-day ceiling (K-4) of 01-06, which governs', () => {
    const ds = complaintDeadlines({ kind: 'loss', receivedAt: '2026-12-30T10:00:00+08:00' });
    expect(ds.map((d) => [d.id, d.due, d.warnings])).toEqual([
      ['K-5', '2026-12-31T10:00:00+08:00', undefined],
      ['K-3', '2027-01-07T10:00:00+08:00', ['provisional-calendar:2027', 'after-statutory-ceiling']],
      ['K-4', '2027-01-06T10:00:00+08:00', undefined],
    ]);
  });

  it('explain says in both languages that the notice is not yet published and swaps are unknown', () => {
    const q = quote(hk('2026-12-24T10:00:00+08:00'), { policy: 'cn-gbt27917-2011' });
    expect(explain(q)).toContain(
      'provisional calendar: the State Council has not yet published its 2027 holiday notice; working days in 2027 are counted with the statutory holidays and weekends only, and swapped working days (调休) are unknown',
    );
    expect(explain(q, { lang: 'zh-CN' })).toContain(
      '暂定日历：国务院办公厅2027年部分节假日安排的通知尚未发布，2027年的工作日仅按法定节假日和周末计算，调休安排未知',
    );
  });
});

describe('W-3: calendars.cn.strict never estimates', () => {
  it.each(['2011-12-30', '2027-01-04'])('%s raises CalendarRangeError naming the year', (date) => {
    const error = thrown(() => calendars.cn.strict.isWorkingDay(date));
    expect(error).toBeInstanceOf(CalendarRangeError);
    expect((error as CalendarRangeError).year).toBe(Number(date.slice(0, 4)));
    expect((error as CalendarRangeError).code).toBe('CALENDAR_RANGE');
  });

  it('counting working days into 2027 raises CalendarRangeError, never a guess', () => {
    const strict = calendars.cn.strict;
    expect(after('2026-12-30T10:00:00+08:00', 1, strict)).toBe('2026-12-31T10:00:00+08:00');
    expect((thrown(() => after('2026-12-30T10:00:00+08:00', 2, strict)) as CalendarRangeError).year).toBe(2027);
    expect(strict.id).toBe('cn.strict');
    expect([strict.years, strict.strict]).toEqual([calendars.cn.years, strict]);
    expect(strict.provisionalYears('2027-01-01', '2050-12-31')).toEqual([]);
  });

  it('the fixture of an Asia item posted 2026-12-28, run with the strict calendar, is CALENDAR_RANGE for 2027', () => {
    const file = 'fixtures/time-limits/t1-working-days-into-a-year-without-a-notice.json';
    expect(runFixtures(file).passed).toBe(1);
    const strict = runFixtures(file, { calendar: calendars.cn.strict }).results[0];
    expect(strict?.actual).toEqual({ error: 'CALENDAR_RANGE', year: 2027 });
  });

  it('a quote or complaint with the strict calendar raises CalendarRangeError for 2027', () => {
    const hk = claim({ scope: 'hk-macau', postedAt: '2026-12-24T10:00:00+08:00', events: { claimedAt: '2027-01-12T10:00:00+08:00' } });
    expect((thrown(() => quote(hk, { policy: 'cn-gbt27917-2011', calendar: calendars.cn.strict })) as CalendarRangeError).year).toBe(2027);
    expect(() => complaintDeadlines({ kind: 'delay', receivedAt: '2027-01-05T10:00:00+08:00' }, { calendar: calendars.cn.strict })).toThrow(
      CalendarRangeError,
    );
  });
});

describe('W-4: a notice loaded at run time', () => {
  const notice2027: HolidayNotice = {
    year: 2027,
    source: 'test: a 2027 notice as a user would transcribe it',
    holidays: ['2026-12-31/2027-01-03'],
    workdays: [],
  };
  const extended = calendars.cn.withNotices([notice2027]);

  it('replaces the provisional year, the December days it reaches included, and the warning disappears', () => {
    expect(extended.years.at(-1)).toBe(2027);
    expect(extended.year(2027)).toMatchObject({ status: 'published', sources: [notice2027.source], workdays: [] });
    expect(extended.year(2028).status).toBe('provisional');
    expect(calendars.cn.isWorkingDay('2026-12-31')).toBe(true);
    expect(extended.isWorkingDay('2026-12-31')).toBe(false);
    const hk = claim({ waybill: 'HK2026', scope: 'hk-macau', fee: '30.00', postedAt: '2026-12-24T10:00:00+08:00', events: { claimedAt: '2027-01-12T10:00:00+08:00' } });
    const q = quote(hk, { policy: 'cn-gbt27917-2011', calendar: extended });
    expect([q.deadlines[0]?.due, q.deadlines[0]?.warnings]).toEqual(['2027-01-05T10:00:00+08:00', undefined]);
    expect(q.warnings.filter((w) => w.startsWith('provisional-calendar'))).toEqual([]);
    expect(q.deadlines[0]?.source).toContain(notice2027.source);
  });

  it('a complaint counted with it carries no provisional warning', () => {
    const ds = complaintDeadlines({ kind: 'delay', receivedAt: '2026-12-30T10:00:00+08:00' }, { calendar: extended });
    expect([ds[1]?.due, ds[1]?.warnings]).toEqual(['2027-01-06T10:00:00+08:00', undefined]);
  });

  it('keeps the strict calendar strict', () => {
    const strict = calendars.cn.strict.withNotices([notice2027]);
    expect(strict.isWorkingDay('2027-01-04')).toBe(true);
    expect(() => strict.isWorkingDay('2028-01-04')).toThrow(CalendarRangeError);
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
    // provisional 2027 (W-1: the statutory holidays, no swaps). 元旦 on Friday 2027-01-01, then the weekend: the first working day is Monday 01-04
    ['2026-12-31T10:00:00+08:00', 1, '2027-01-04T10:00:00+08:00'],
    // 春节 from 除夕 (Friday 02-05) to 初三 (Monday 02-08): Thursday 02-04 is worked, Tuesday 02-09 is the next
    ['2027-02-03T10:00:00+08:00', 1, '2027-02-04T10:00:00+08:00'],
    ['2027-02-04T10:00:00+08:00', 1, '2027-02-09T10:00:00+08:00'],
    // 劳动节 on Saturday 05-01 and Sunday 05-02: no day in lieu, Monday 05-03 is worked
    ['2027-04-30T10:00:00+08:00', 1, '2027-05-03T10:00:00+08:00'],
    // 清明 Monday 04-05, 端午 Wednesday 06-09, 中秋 Wednesday 09-15
    ['2027-04-02T10:00:00+08:00', 1, '2027-04-06T10:00:00+08:00'],
    ['2027-06-08T10:00:00+08:00', 1, '2027-06-10T10:00:00+08:00'],
    ['2027-09-14T10:00:00+08:00', 1, '2027-09-16T10:00:00+08:00'],
    // 国庆 Friday 10-01 to Sunday 10-03 only: Monday 10-04 is worked
    ['2027-09-30T10:00:00+08:00', 1, '2027-10-04T10:00:00+08:00'],
    // 2050, the last year with data: 除夕 Saturday 01-22 to 初三 Tuesday 01-25
    ['2050-01-21T10:00:00+08:00', 1, '2050-01-26T10:00:00+08:00'],
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
    expect(() => complaintDeadlines({ kind: 'delay', receivedAt: '2051-01-05T10:00:00+08:00' })).toThrow(CalendarRangeError);
  });
});
