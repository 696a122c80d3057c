import { tzOffset } from '@date-fns/tz';

/** Wall-clock fields of an instant in a zone (month 1–12). */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Per zone, per UTC day: the offset in minutes when it is constant all day, NaN on a transition day. */
const offsetsByDay = new Map<string, Map<number, number>>();

/** True when the runtime knows the IANA zone (or fixed offset such as "+08:00"). */
export function isKnownZone(zone: string): boolean {
  return !Number.isNaN(tzOffset(zone, new Date(0)));
}

/**
 * The zone's UTC offset in minutes at an instant. The zone database is asked once per zone and UTC day
 * (Intl costs microseconds); a day with a transition in it is asked at every call.
 */
export function offsetMinutes(zone: string, epochMs: number): number {
  let days = offsetsByDay.get(zone);
  if (!days) {
    days = new Map();
    offsetsByDay.set(zone, days);
  }
  const day = Math.floor(epochMs / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const atStart = tzOffset(zone, new Date(day * DAY_MS));
    const atEnd = tzOffset(zone, new Date((day + 1) * DAY_MS - 1));
    offset = atStart === atEnd ? atStart : Number.NaN;
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? tzOffset(zone, new Date(epochMs)) : offset;
}

/** Wall-clock fields of an instant in a zone. */
export function toLocal(zone: string, epochMs: number): LocalTime {
  const shifted = new Date(epochMs + offsetMinutes(zone, epochMs) * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/**
 * The instant a wall-clock time denotes in a zone. Out-of-range fields roll over (day 32 is the 1st of the
 * next month), which is how calendar days are added. A time skipped by a DST change resolves forward.
 */
export function fromLocal(zone: string, local: LocalTime): number {
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  const firstGuess = asUtc - offsetMinutes(zone, asUtc) * MINUTE_MS;
  const offset = offsetMinutes(zone, firstGuess);
  return asUtc - offset * MINUTE_MS;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD`, or undefined when it is none (2026-02-30). */
export function dayNumber(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? Date.UTC(year, month - 1, day) / DAY_MS : undefined;
}

/** The date `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of an instant's local date in a zone. */
export function localDayNumber(zone: string, epochMs: number): number {
  const t = toLocal(zone, epochMs);
  return Date.UTC(t.year, t.month - 1, t.day) / DAY_MS;
}
