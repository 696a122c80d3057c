import { daysInMonth, fromLocal, type LocalTime, offsetMinutes } from './zone.js';

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

/**
 * ISO 8601 with the zone's offset, e.g. `2026-03-05T10:00:00+08:00` (milliseconds only when not zero). Joined
 * rather than concatenated so that the text is one flat string: a quote holds several per deadline, and a
 * concatenation would keep every piece alive (twice the memory of a large batch).
 */
export function formatInstant(zone: string, epochMs: EpochMs): string {
  const offset = offsetMinutes(zone, epochMs);
  const d = new Date(epochMs + offset * 60_000);
  const ms = d.getUTCMilliseconds();
  const abs = Math.abs(offset);
  return [
    isoDate(d),
    'T',
    pad2(d.getUTCHours()),
    ':',
    pad2(d.getUTCMinutes()),
    ':',
    pad2(d.getUTCSeconds()),
    ms ? `.${String(ms).padStart(3, '0')}` : '',
    offset < 0 ? '-' : '+',
    pad2(Math.floor(abs / 60)),
    ':',
    pad2(abs % 60),
  ].join('');
}
