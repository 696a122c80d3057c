import { z } from 'zod';
import { CalendarRangeError, type InputIssue, PolicyError } from '../errors.js';
import type { Warning } from '../explain/messages.js';
import { CN_HOLIDAY_NOTICES } from './holidays-cn.js';
import { CN_MOVABLE_DAYS, CN_STATUTORY_RULES } from './holidays-cn-statutory.js';
import { statutoryNotices } from './statutory.js';
import type { EpochMs } from './instant.js';
import { DAY_MS, dayNumber, fromLocal, isoDate, localDayNumber, toLocal } from './zone.js';

/**
 * Which days are working days (docs/rules.md, deadlines). Implement it to use a calendar of your own; the built-in ones
 * are `calendars.cn` (China's statutory holidays and swapped working days) and `calendars.weekdays`.
 */
export interface WorkCalendar {
  readonly id: string;
  /** Whether a local date `YYYY-MM-DD` is a working day; CalendarRangeError for a year without data. */
  isWorkingDay(date: string): boolean;
  /** The citation of the data for a year (e.g. its holiday notices), if the calendar has one. */
  sourceFor?(year: number): string | undefined;
  /**
   * The years whose days from `from` to `to` (`YYYY-MM-DD`, both included) the calendar only estimates
   * (docs/rules.md W-2): a deadline counted through them says `provisional-calendar:<year>`.
   */
  provisionalYears?(from: string, to: string): number[];
}

/** One holiday notice: its year, its citation, its days off (`from/to` ranges included) and swapped working days. */
export interface HolidayNotice {
  year: number;
  source: string;
  holidays: string[];
  workdays: string[];
}

/** Whether a year is counted from its published notices or estimated from the statutory holidays (W-1). */
export type YearStatus = 'published' | 'provisional';

/** What a calendar holds for one year: its days off and swapped working days, each `YYYY-MM-DD`, and their sources. */
export interface CalendarYear {
  year: number;
  status: YearStatus;
  sources: string[];
  holidays: string[];
  workdays: string[];
}

/**
 * How far before 1 January a year's notice may still change days: the 元旦 arrangements of 2012–2026 reached
 * back at most to 12-29 (the 2019 notice: 2018-12-29 worked, 12-30 and 12-31 off), so the last week of
 * December is as provisional as the year after it.
 */
const NOTICE_REACH_BACK_DAYS = 7;

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

/** A notice checked, with the days it names: day number → true (swapped working day) or false (holiday). */
interface ParsedNotice {
  notice: HolidayNotice;
  days: Map<number, boolean>;
}

/** Notices checked against the schema and their entries read; PolicyError with every bad entry (path under `name`). */
function parseNotices(notices: readonly HolidayNotice[], name: string): ParsedNotice[] {
  const issues: InputIssue[] = [];
  const parsed = notices.flatMap((raw, i) => {
    const result = noticeSchema.safeParse(raw);
    if (!result.success) {
      issues.push(...result.error.issues.map((issue) => ({ path: [name, String(i), ...issue.path.map(String)], message: issue.message })));
      return [];
    }
    const notice = result.data;
    const days = new Map<number, boolean>();
    for (const kind of ['holidays', 'workdays'] as const) {
      notice[kind].forEach((entry, j) => {
        const found = daysOf(entry, notice.year);
        if (typeof found === 'string') issues.push({ path: [name, String(i), kind, String(j)], message: found });
        else for (const day of found) days.set(day, kind === 'workdays');
      });
    }
    return [{ notice, days }];
  });
  if (issues.length) throw new PolicyError(issues);
  return parsed;
}

/**
 * A working-day calendar built from holiday notices: Monday–Friday, minus the holidays, plus the swapped
 * working days. A year is covered once a notice for it is given. A year without one, later than the first
 * notice, is estimated from `provisional` (the statutory holidays, docs/rules.md W-1) when that has it, and
 * reported by `provisionalYears`; any other year is a CalendarRangeError. `withNotices` adds years (e.g. next
 * year's notice as soon as it is published); `strict` never estimates.
 */
export class HolidayCalendar implements WorkCalendar {
  readonly id: string;
  readonly notices: readonly HolidayNotice[];
  /** The estimated notices a year without its own falls back to. */
  readonly provisional: readonly HolidayNotice[];
  /** Day number → true (swapped working day) or false (holiday). */
  private readonly exceptions = new Map<number, boolean>();
  /** Per year: its sources, and the days its notices name (those of the December before included). */
  private readonly covered = new Map<number, { status: YearStatus; sources: string[]; days: Set<number> }>();
  /** The provisional years, ascending, each with the first and last date it may change (asked at every deadline counted in working days). */
  private readonly estimatedSpans: readonly (readonly [number, string, string])[];
  private strictCalendar: HolidayCalendar | undefined;

  constructor(id: string, notices: readonly HolidayNotice[], provisional: readonly HolidayNotice[] = []) {
    const published = parseNotices(notices, 'notices');
    const first = Math.min(...published.map((p) => p.notice.year));
    const estimated = parseNotices(provisional, 'provisional').filter(
      (p) => p.notice.year > first && !published.some((q) => q.notice.year === p.notice.year),
    );
    for (const [status, entries] of [['provisional', estimated], ['published', published]] as const) {
      for (const { notice, days } of entries) {
        const year = this.covered.get(notice.year) ?? { status, sources: [], days: new Set<number>() };
        year.sources.push(notice.source);
        for (const [day, working] of days) {
          this.exceptions.set(day, working);
          year.days.add(day);
        }
        this.covered.set(notice.year, year);
      }
    }
    this.id = id;
    this.notices = notices;
    this.provisional = provisional;
    this.estimatedSpans = this.yearsOf('provisional').map((year) => [year, isoDate(Date.UTC(year, 0, 1) / DAY_MS - NOTICE_REACH_BACK_DAYS), `${year}-12-31`] as const);
  }

  isWorkingDay(date: string): boolean {
    const day = dayOf(date);
    const year = Number(date.slice(0, 4));
    if (!this.covered.has(year)) throw new CalendarRangeError(year, `calendar ${this.id} has no holiday notice for ${year} (${this.coverage()}); add it with withNotices`);
    return this.exceptions.get(day) ?? isWeekday(day);
  }

  sourceFor(year: number): string | undefined {
    const covered = this.covered.get(year);
    if (!covered) return undefined;
    const sources = covered.sources.join('; ');
    return covered.status === 'published' ? sources : `provisional, no ${year} notice published: ${sources}`;
  }

  /** The provisional years a span of dates touches, the last week of the December before such a year included. */
  provisionalYears(from: string, to: string): number[] {
    // ISO dates compare as text: no date arithmetic for each deadline counted
    return this.estimatedSpans.filter(([, first, last]) => from <= last && to >= first).map(([year]) => year);
  }

  /** The years with a published notice, ascending. */
  get years(): number[] {
    return this.yearsOf('published');
  }

  /** A year's days off and swapped working days as counted (later notices applied), with its status and sources. */
  year(year: number): CalendarYear {
    const covered = this.covered.get(year);
    if (!covered) throw new CalendarRangeError(year, `calendar ${this.id} has no holiday notice for ${year} (${this.coverage()})`);
    const days = [...covered.days].sort((a, b) => a - b);
    const dates = (working: boolean) => days.filter((d) => this.exceptions.get(d) === working).map(isoDate);
    return { year, status: covered.status, sources: covered.sources, holidays: dates(false), workdays: dates(true) };
  }

  /** This calendar without estimates: a year without a published notice is a CalendarRangeError (docs/rules.md W-3). */
  get strict(): HolidayCalendar {
    if (!this.provisional.length) return this;
    this.strictCalendar ??= new HolidayCalendar(`${this.id}.strict`, this.notices);
    return this.strictCalendar;
  }

  /** A calendar with these notices added after the existing ones (a later notice overrides an earlier one, a published one an estimate). */
  withNotices(notices: readonly HolidayNotice[], id = this.id): HolidayCalendar {
    return new HolidayCalendar(id, [...this.notices, ...notices], this.provisional);
  }

  private yearsOf(status: YearStatus): number[] {
    return [...this.covered].filter(([, y]) => y.status === status).map(([year]) => year).sort((a, b) => a - b);
  }

  /** The years covered, in words, for an error message. */
  private coverage(): string {
    const span = (years: readonly number[]) => `${years[0]}–${years.at(-1)}`;
    const estimated = this.estimatedSpans.map(([year]) => year);
    return `it covers ${span(this.years)}${estimated.length ? `, and ${span(estimated)} provisionally` : ''}`;
  }
}

/**
 * The built-in calendars: China's holiday notices 2012–2026, then the statutory holidays alone up to 2050
 * (provisional until each year's notice is published; `calendars.cn.strict` never estimates); and plain
 * Monday–Friday.
 */
export const calendars: { readonly cn: HolidayCalendar; readonly weekdays: WorkCalendar } = Object.freeze({
  cn: new HolidayCalendar('cn', CN_HOLIDAY_NOTICES, statutoryNotices(CN_STATUTORY_RULES, CN_MOVABLE_DAYS)),
  weekdays: Object.freeze({
    id: 'weekdays',
    isWorkingDay: (date: string): boolean => isWeekday(dayOf(date)),
  }),
});

/**
 * The same local time on the N-th working day after the start's local date (docs/rules.md): the start date
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

/**
 * docs/rules.md W-2: `provisional-calendar:<year>` for each year a count of working days from `start` to `end`
 * went through (the start date excluded, as it never counts) that the calendar only estimates.
 */
export function provisionalWarnings(calendar: WorkCalendar, zone: string, start: EpochMs, end: EpochMs): Warning[] {
  const from = localDayNumber(zone, start) + 1;
  const to = localDayNumber(zone, end);
  if (!calendar.provisionalYears || to < from) return [];
  return calendar.provisionalYears(isoDate(from), isoDate(to)).map((year): Warning => `provisional-calendar:${year}`);
}
