/** Deadlines as a timeline: in order of their due instant, each passed or ahead of the moment the claim is judged at. */
import { tzOffset } from '@date-fns/tz';
import type { Deadline } from 'courier-claims';

export interface TimelineEntry {
  deadline: Deadline;
  /** Due at or before the as-of moment. */
  passed: boolean;
}

/** The start of a calendar day (`YYYY-MM-DD`) in a zone, as epoch milliseconds: what `quote` reads a bare as-of date as. */
export function startOfDay(date: string, zone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // The zone's offset at its own midnight: first guessed from UTC midnight, then read again where that guess lands.
  const guess = midnightUtc - tzOffset(zone, new Date(midnightUtc)) * 60_000;
  return midnightUtc - tzOffset(zone, new Date(guess)) * 60_000;
}

/** Deadlines ordered by when they fall (ties keep the quote's order), each marked passed or ahead of `asOf`. */
export function timeline(deadlines: readonly Deadline[], asOf: number): TimelineEntry[] {
  return deadlines
    .map((deadline) => ({ deadline, at: Date.parse(deadline.due) }))
    .sort((a, b) => a.at - b.at)
    .map(({ deadline, at }) => ({ deadline, passed: at <= asOf }));
}
