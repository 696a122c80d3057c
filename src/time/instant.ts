import { DAY_MS, daysInMonth, fromLocal, type LocalTime, offsetMinutes } from './zone.js';

/** An instant is epoch milliseconds; its zone travels beside it (the policy's zone). */
export type EpochMs = number;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?)?$/;

/**
 * Reads an ISO 8601 instant. With an offset (`Z`, `+08:00`) it is absolute; without one it is a wall-clock
 * time in `zone`; a bare date is that date's midnight in `zone`. Returns undefined when the text is not
 * such an instant or names an impossible date or time (2026-02-30, 24:00, +25:00).
 */
export function parseInstant(text: string, zone: string): EpochMs | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const local: LocalTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    millisecond: m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0')),
  };
  if (!isValidLocal(local)) return undefined;
  let offsetMin = 0;
  if (m[9] !== undefined) {
    const hours = Number(m[10]);
    const minutes = Number(m[11]);
    if (hours > 18 || minutes > 59) return undefined;
    offsetMin = (m[9] === '-' ? -1 : 1) * (hours * 60 + minutes);
  } else if (m[8] === undefined) {
    return fromLocal(zone, local);
  }
  return (
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond) -
    offsetMin * 60_000
  );
}

function isValidLocal(t: LocalTime): boolean {
  return (
    t.year >= 1900 &&
    t.month >= 1 &&
    t.month <= 12 &&
    t.day >= 1 &&
    t.day <= daysInMonth(t.year, t.month) &&
    t.hour <= 23 &&
    t.minute <= 59 &&
    t.second <= 59
  );
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a Date's UTC fields (the Date holding a wall-clock time). */
function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** `YYYY-MM-DD` of the instant's local date in `zone`. */
export function formatLocalDate(zone: string, epochMs: EpochMs): string {
  return isoDate(new Date(epochMs + offsetMinutes(zone, epochMs) * 60_000));
}

/** `+08:00`, `-05:30` of an offset in minutes; a zone has few, so each is written once. */
const offsetTexts = new Map<number, string>();

function offsetText(offset: number): string {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    const abs = Math.abs(offset);
    text = `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    offsetTexts.set(offset, text);
  }
  return text;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01), by arithmetic rather than a Date (H. Hinnant, civil_from_days). */
function dayText(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1)}`;
}

/**
 * ISO 8601 with the zone's offset, e.g. `2026-03-05T10:00:00+08:00` (milliseconds only when not zero). Joined
 * rather than concatenated so that the text is one flat string: a quote holds several per deadline, and a
 * concatenation would keep every piece alive (twice the memory of a large batch). A quote writes about ten,
 * so the fields come from arithmetic on the local time rather than from a Date.
 */
export function formatInstant(zone: string, epochMs: EpochMs): string {
  const offset = offsetMinutes(zone, epochMs);
  const local = epochMs + offset * 60_000;
  const day = Math.floor(local / DAY_MS);
  const msOfDay = local - day * DAY_MS;
  const ms = msOfDay % 1000;
  const seconds = (msOfDay - ms) / 1000;
  return [
    dayText(day),
    'T',
    pad2(Math.floor(seconds / 3600)),
    ':',
    pad2(Math.floor(seconds / 60) % 60),
    ':',
    pad2(seconds % 60),
    ms ? `.${String(ms).padStart(3, '0')}` : '',
    offsetText(offset),
  ].join('');
}
