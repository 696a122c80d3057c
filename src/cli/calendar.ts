import type { CalendarYear } from '../index.js';
import { dayNumber, isoDate } from '../time/zone.js';
import { write } from './io.js';
import { calendarWith, type Options } from './options.js';

/** Dates as runs of consecutive days: `2027-02-05 … 2027-02-08 (4 days)`, or the one date. */
function runsOf(dates: readonly string[]): string[] {
  const runs: [number, number][] = [];
  for (const day of dates.map((d) => dayNumber(d) as number)) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs.map(([a, b]) => (a === b ? isoDate(a) : `${isoDate(a)} … ${isoDate(b)} (${b - a + 1} days)`));
}

/** What a year's status means for the days counted in it. */
function statusLine(y: CalendarYear): string {
  return y.status === 'published'
    ? `${y.year}: published (the State Council's holiday notice)`
    : `${y.year}: provisional: no holiday notice for ${y.year} is published yet; the statutory holidays alone, weekends off, swapped working days (调休) unknown`;
}

/** `calendar YEAR`: the year's days off and swapped working days, and whether they are published or provisional. */
export async function calendarCommand(options: Options): Promise<number> {
  const year = calendarWith(options.notices).year(Number(options.positionals[0]));
  if (options.format === 'json') {
    await write(`${JSON.stringify(year, null, 2)}\n`);
    return 0;
  }
  const list = (dates: readonly string[]) => (dates.length ? runsOf(dates).map((r) => `  ${r}`) : ['  none']);
  const lines = [
    statusLine(year),
    'days off:',
    ...list(year.holidays),
    'swapped working days (weekend days worked):',
    ...list(year.workdays),
    'sources:',
    ...year.sources.map((s) => `  ${s}`),
  ];
  await write(`${lines.join('\n')}\n`);
  return 0;
}
