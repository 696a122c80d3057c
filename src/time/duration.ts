import { addWorkingDays, type WorkCalendar } from './calendar.js';
import type { EpochMs } from './instant.js';
import { daysInMonth, fromLocal, toLocal } from './zone.js';

/**
 * A length of time as the sources state it, with its day convention (docs/rules.md):
 * hours are elapsed time; N calendar days (or years) are the same local time N days (years) later;
 * N working days are the same local time on the N-th working day after the start date.
 */
export type Duration =
  | { hours: number }
  | { calendarDays: number }
  | { calendarYears: number }
  | { workingDays: number };

export type DurationUnit = 'hours' | 'calendarDays' | 'calendarYears' | 'workingDays';

/** The unit and count of a duration: `{ calendarDays: 30 }` → `['calendarDays', 30]`. */
export function unitAndCount(d: Duration): [DurationUnit, number] {
  return Object.entries(d)[0] as [DurationUnit, number];
}

const HOUR_MS = 3_600_000;

/**
 * The instant `d` after `start`, read in `zone`. A 29 February plus whole years lands on 28 February; working
 * days come from `calendar` (CalendarRangeError for a year it has no data for).
 */
export function addDuration(zone: string, start: EpochMs, d: Duration, calendar: WorkCalendar): EpochMs {
  if ('hours' in d) return start + d.hours * HOUR_MS;
  if ('workingDays' in d) return addWorkingDays(calendar, zone, start, d.workingDays);
  const local = toLocal(zone, start);
  if ('calendarDays' in d) return fromLocal(zone, { ...local, day: local.day + d.calendarDays });
  const year = local.year + d.calendarYears;
  return fromLocal(zone, { ...local, year, day: Math.min(local.day, daysInMonth(year, local.month)) });
}
