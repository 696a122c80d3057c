import { z } from 'zod';
import { CalendarRangeError, type InputIssue, PolicyError } from '../errors.js';
import { CN_HOLIDAY_NOTICES } from './holidays-cn.js';
import type { EpochMs } from './instant.js';
import { DAY_MS, dayNumber, fromLocal, isoDate, localDayNumber, toLocal } from './zone.js';

/**
 * Which days are working days (RULEBOOK §7). Implement it to use a calendar of your own; the built-in ones
 * are `calendars.cn` (China's statutory holidays and swapped working days) and `calendars.weekdays`.
 */
export interface WorkCalendar {
  readonly id: string;
  /** Whether a local date `YYYY-MM-DD` is a working day; CalendarRangeError for a year without data. */
  isWorkingDay(date: string): boolean;
  /** The citation of the data for a year (e.g. its holiday notices), if the calendar has one. */
  sourceFor?(year: number): string | undefined;
}

/** One holiday notice: its year, its citation, its days off (`from/to` ranges included) and swapped working days. */
export interface HolidayNotice {
  year: number;
  source: string;
  holidays: string[];
  workdays: string[];
}

/** A calendar with more days off than this in a row is broken: counting stops instead of running forever. */
const MAX_DAYS_OFF = 366;
/** The day number of a date a calendar is asked about; a text that is no date is a caller's bug. */
function dayOf(date: string): number {
  const day = dayNumber(date);
  if (day === undefined) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return day;
}

/** The days of one entry (`YYYY-MM-DD` or `from/to`), or a message saying what is wrong with it. */
function daysOf(entry: string, year: number): number[] | string {
  const [from = '', to = from, extra] = entry.split('/');
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === undefined || b === undefined || extra !== undefined) return 'a date YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD';
  if (b < a) return 'the range ends before it starts';
  // A notice reaches at most into the December before its year (元旦 spanning the new year).
  const first = Date.UTC(year - 1, 11, 1) / DAY_MS;
  const last = Date.UTC(year, 11, 31) / DAY_MS;
  if (a < first || b > last) return `outside the notice's year ${year} (or the December before it)`;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

const noticeSchema = z.strictObject({
  year: z.number().int().min(1900).max(9999),
  source: z.string().trim().min(1, 'every notice needs its source'),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
});

/** Monday to Friday, from a day number (1970-01-01 was a Thursday). */
const isWeekday = (day: number) => {
  const dow = (day + 4) % 7; // 0 = Sunday
  return dow !== 0 && dow !== 6;
};

/**
 * A working-day calendar built from holiday notices: Monday–Friday, minus the holidays, plus the swapped
 * working days. A year is covered once a notice for it is given; any other year is a CalendarRangeError,
 * never a guess. `withNotices` adds years (e.g. next year's notice as soon as it is published).
 */
export class HolidayCalendar implements WorkCalendar {
  readonly id: string;
  readonly notices: readonly HolidayNotice[];
  /** Day number → true (swapped working day) or false (holiday). */
  private readonly exceptions = new Map<number, boolean>();
  private readonly sources = new Map<number, string[]>();

  constructor(id: string, notices: readonly HolidayNotice[]) {
    const issues: InputIssue[] = [];
    notices.forEach((raw, i) => {
      const parsed = noticeSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...parsed.error.issues.map((issue) => ({ path: ['notices', String(i), ...issue.path.map(String)], message: issue.message })));
        return;
      }
      const notice = parsed.data;
      for (const kind of ['holidays', 'workdays'] as const) {
        notice[kind].forEach((entry, j) => {
          const days = daysOf(entry, notice.year);
          if (typeof days === 'string') issues.push({ path: ['notices', String(i), kind, String(j)], message: days });
          else for (const day of days) this.exceptions.set(day, kind === 'workdays');
        });
      }
      this.sources.set(notice.year, [...(this.sources.get(notice.year) ?? []), notice.source]);
    });
    if (issues.length) throw new PolicyError(issues);
    this.id = id;
    this.notices = notices;
  }

  isWorkingDay(date: string): boolean {
    const day = dayOf(date);
    const year = Number(date.slice(0, 4));
    if (!this.sources.has(year)) {
      const years = this.years;
      throw new CalendarRangeError(
        year,
        `calendar ${this.id} has no holiday notice for ${year} (it covers ${years[0]}–${years.at(-1)}); add it with withNotices`,
      );
    }
    return this.exceptions.get(day) ?? isWeekday(day);
  }

  sourceFor(year: number): string | undefined {
    return this.sources.get(year)?.join('; ');
  }

  /** The years with a notice, ascending. */
  get years(): number[] {
    return [...this.sources.keys()].sort((a, b) => a - b);
  }

  /** A calendar with these notices added after the existing ones (a later notice overrides an earlier one). */
  withNotices(notices: readonly HolidayNotice[], id = this.id): HolidayCalendar {
    return new HolidayCalendar(id, [...this.notices, ...notices]);
  }
}

/** The built-in calendars: China's statutory holidays 2012–2026, and plain Monday–Friday. */
export const calendars: { readonly cn: HolidayCalendar; readonly weekdays: WorkCalendar } = Object.freeze({
  cn: new HolidayCalendar('cn', CN_HOLIDAY_NOTICES),
  weekdays: Object.freeze({
    id: 'weekdays',
    isWorkingDay: (date: string): boolean => isWeekday(dayOf(date)),
  }),
});

/**
 * The same local time on the N-th working day after the start's local date (RULEBOOK §7): the start date
 * itself never counts, whatever it is; 0 days is the start.
 *
 * @example
 * // posted Friday 2026-02-13 10:00 in Shanghai: the Spring Festival (02-15…02-23) is skipped, 02-14 is worked
 * addWorkingDays(calendars.cn, 'Asia/Shanghai', Date.parse('2026-02-13T10:00:00+08:00'), 2)  // 2026-02-24 10:00
 */
export function addWorkingDays(calendar: WorkCalendar, zone: string, start: EpochMs, days: number): EpochMs {
  const first = localDayNumber(zone, start);
  let day = first;
  let sinceLastWorkingDay = 0;
  for (let counted = 0; counted < days; ) {
    day += 1;
    if (calendar.isWorkingDay(isoDate(day))) {
      counted += 1;
      sinceLastWorkingDay = 0;
    } else if (++sinceLastWorkingDay > MAX_DAYS_OFF) {
      throw new RangeError(`calendar ${calendar.id} has no working day in the ${MAX_DAYS_OFF} days after ${isoDate(day - MAX_DAYS_OFF)}`);
    }
  }
  const local = toLocal(zone, start);
  return fromLocal(zone, { ...local, day: local.day + (day - first) });
}

/** The citations of a calendar for the local years from `start` to `end`, e.g. for a deadline's source. */
export function calendarSources(calendar: WorkCalendar, zone: string, start: EpochMs, end: EpochMs): string {
  const from = toLocal(zone, start).year;
  const to = toLocal(zone, end).year;
  const cited = Array.from({ length: to - from + 1 }, (_, i) => calendar.sourceFor?.(from + i)).filter(Boolean);
  return `working days: calendar ${calendar.id}${cited.length ? ` (${cited.join('; ')})` : ''}`;
}
