import type { Facts } from '../claim/normalize.js';
import type { ParamKey } from '../policy/params.js';
import { type Duration, type DurationUnit, unitAndCount } from '../time/duration.js';
import { type EpochMs, formatInstant } from '../time/instant.js';
import type { Trace } from '../trace.js';
import { addLimit, type TimeLimits } from './timelimits.js';

/** A deadline: when it falls (ISO with offset), from which event and how long, and its source. */
export interface Deadline {
  id: string;
  due: string;
  /** The rule in one line, e.g. `24 hours after events.claimedAt`. */
  basis: string;
  source: string;
  /** The event the length counts from; absent for a deadline given on the claim (promisedBy). */
  start?: { event: string; at: string };
  length?: Duration;
}

const UNIT_WORDS: Record<DurationUnit, string> = {
  hours: 'hours',
  calendarDays: 'calendar days',
  calendarYears: 'calendar years',
  workingDays: 'working days',
};

/** `72 hours`, `30 calendar days`. */
export function describeLength(length: Duration): string {
  const [unit, n] = unitAndCount(length);
  return `${n} ${UNIT_WORDS[unit]}`;
}

type FixedKey = Extract<ParamKey, 'D-1' | 'D-3' | `D-2.${string}`>;

/**
 * T-1 and D-1…D-5 (RULEBOOK §7). The claim counts as filed at events.claimedAt, or at asOf when it has no
 * claimedAt; D-2 runs from the reply, or from D-1's deadline when no reply is recorded; D-3 needs agreedAt.
 */
export function claimDeadlines(facts: Facts, limits: TimeLimits, filedAt: EpochMs, trace: Trace): Deadline[] {
  const formatted = new Map<EpochMs, string>();
  const at = (ms: EpochMs) => {
    let text = formatted.get(ms);
    if (text === undefined) {
      text = formatInstant(facts.zone, ms);
      formatted.set(ms, text);
    }
    return text;
  };
  const counted = (id: string, keys: readonly ParamKey[], event: string, startAt: EpochMs, length: Duration, due: EpochMs, note = '') => ({
    id,
    due: at(due),
    basis: `${describeLength(length)} after ${event}${note}`,
    source: trace.cite(keys),
    start: { event, at: at(startAt) },
    length,
  });
  const fixed = (id: string, key: FixedKey, event: string, startAt: EpochMs) => {
    const length = trace.param(key);
    const due = addLimit(trace, facts.zone, startAt, length, key);
    return { deadline: counted(id, [key], event, startAt, length, due), due };
  };

  const promised: Deadline = limits.promisedLimit
    ? counted('T-1', [limits.promisedLimit.key], 'postedAt', facts.postedAt, limits.promisedLimit.length, limits.promised)
    : { id: 'T-1', due: at(limits.promised), basis: 'promisedBy on the claim', source: 'the claim (promisedBy)' };
  const reply = fixed('D-1', 'D-1', facts.claimedAt === undefined ? 'asOf' : 'events.claimedAt', filedAt);
  const resolution =
    facts.repliedAt === undefined
      ? fixed('D-2', `D-2.${facts.claim.scope}`, 'D-1', reply.due)
      : fixed('D-2', `D-2.${facts.claim.scope}`, 'events.repliedAt', facts.repliedAt);
  const payment = facts.agreedAt === undefined ? [] : [fixed('D-3', 'D-3', 'events.agreedAt', facts.agreedAt).deadline];
  const window = counted(
    'D-4',
    ['T-3'],
    'postedAt',
    facts.postedAt,
    limits.windowLength,
    limits.windowCloses,
    '; opens at the promised deadline (T-1), or at delivery for damage or mismatch found then',
  );
  const thorough = counted('D-5', [limits.thoroughLimit.key], 'T-1', limits.promised, limits.thoroughLimit.length, limits.thorough);
  return [promised, reply.deadline, resolution.deadline, ...payment, window, thorough];
}
