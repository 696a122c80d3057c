import type { HolidayNotice } from './calendar.js';
import type { HolidayAnchor, MovableDay, MovableDays, StatutoryHoliday, StatutoryRules } from './holidays-cn-statutory.js';
import { dayNumber, isoDate } from './zone.js';

/** The version of the 放假办法 in force in `year`: the latest that took effect by then. */
export function rulesInForce(rules: readonly StatutoryRules[], year: number): StatutoryRules | undefined {
  return rules.filter((r) => r.effectiveFrom <= year).at(-1);
}

const isMovable = (on: HolidayAnchor): on is MovableDay => !on.includes('-');

/** A holiday's days in a year as a notice entry (`YYYY-MM-DD` or `from/to`). */
function entryOf(holiday: StatutoryHoliday, movable: MovableDays): string {
  const anchor = isMovable(holiday.on) ? movable[holiday.on] : holiday.on;
  const first = (dayNumber(`${movable.year}-${anchor}`) as number) + (holiday.offset ?? 0);
  return holiday.days === 1 ? isoDate(first) : `${isoDate(first)}/${isoDate(first + holiday.days - 1)}`;
}

/**
 * docs/rules.md W-1: for each year of `movable`, the days off the 放假办法 in force gives, as a notice
 * without swapped working days (weekends stay rest days). Such a notice is an estimate: a calendar uses it
 * only for a year whose own notice it lacks, and says so.
 */
export function statutoryNotices(rules: readonly StatutoryRules[], movable: readonly MovableDays[]): HolidayNotice[] {
  return movable.flatMap((days) => {
    const inForce = rulesInForce(rules, days.year);
    if (!inForce) return [];
    return [{ year: days.year, source: `${inForce.source}; ${days.source}`, holidays: inForce.holidays.map((h) => entryOf(h, days)), workdays: [] }];
  });
}
