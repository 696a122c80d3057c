import type { Facts } from '../claim/normalize.js';
import type { MessageKey, Warning } from '../explain/messages.js';
import type { DeadlineId } from '../ids.js';
import type { ParamKey, ParamValue } from '../policy/params.js';
import { type Duration, type DurationUnit, unitAndCount } from '../time/duration.js';
import { type EpochMs, formatInstant } from '../time/instant.js';
import { calendarSources, provisionalWarnings } from '../time/calendar.js';
import type { Trace } from '../trace.js';
import type { Incident } from './classify.js';
import { addLimit, type CountedLimit, type TimeLimits } from './timelimits.js';

/** A deadline: when it falls (ISO with offset), from which event and how long, and its source. */
export interface Deadline {
  id: DeadlineId;
  due: string;
  /** The rule in one line, e.g. `24 hours after events.claimedAt`. */
  basis: string;
  source: string;
  /** The event the length counts from; absent for a deadline given on the claim (promisedBy). */
  start?: { event: MessageKey<'events'>; at: string };
  length?: Duration;
  /**
   * Message keys, e.g. `after-statutory-ceiling` for a complaint deadline that K-4 overrides, or
   * `provisional-calendar:2027` for one counted through a year whose holiday notice is not yet published.
   */
  warnings?: Warning[];
}

/** The deadline with `warnings` added to its own (each once). */
export function withWarnings(deadline: Deadline, warnings: readonly Warning[] = []): Deadline {
  if (!warnings.length) return deadline;
  return { ...deadline, warnings: [...new Set([...(deadline.warnings ?? []), ...warnings])] };
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

/**
 * `72 hours after events.claimedAt`: a deadline's basis, written once per policy length, event and note, so
 * that every quote holds the same text (a batch of 100,000 tickets holds it once).
 */
const bases = new WeakMap<Duration, Map<string, Map<string, string>>>();

function basisOf(length: Duration, event: string, note: string): string {
  let byEvent = bases.get(length);
  if (byEvent === undefined) {
    byEvent = new Map();
    bases.set(length, byEvent);
  }
  let byNote = byEvent.get(event);
  if (byNote === undefined) {
    byNote = new Map();
    byEvent.set(event, byNote);
  }
  let basis = byNote.get(note);
  if (basis === undefined) {
    basis = `${describeLength(length)} after ${event}${note}`;
    byNote.set(note, basis);
  }
  return basis;
}

/** The parameters whose value is a length of time. */
type DurationKey = { [K in ParamKey]: ParamValue<K> extends Duration ? K : never }[ParamKey];

/** The procedure an incident follows under D-6/D-7: missing contents are reported as damage (破損件, R-2). */
const PROCEDURE = { delay: 'delay', loss: 'loss', damage: 'damage', mismatch: 'damage' } as const;

/** Writes deadlines of one claim or complaint: due instants in its zone, sources cited, lengths from the policy. */
export function deadlineWriter(zone: string, trace: Trace) {
  const formatted = new Map<EpochMs, string>();
  const at = (ms: EpochMs) => {
    let text = formatted.get(ms);
    if (text === undefined) {
      text = formatInstant(zone, ms);
      formatted.set(ms, text);
    }
    return text;
  };
  /**
   * A deadline `length` after `event`; working days cite the calendar's notices for the years spanned, and
   * warn (on the deadline and in the trace) of each year the calendar only estimates (W-2).
   */
  const counted = (
    id: DeadlineId,
    keys: readonly ParamKey[],
    event: MessageKey<'events'>,
    startAt: EpochMs,
    length: Duration,
    due: EpochMs,
    note = '',
  ): Deadline => {
    const workingDays = 'workingDays' in length;
    const warnings = workingDays ? provisionalWarnings(trace.calendar, zone, startAt, due) : [];
    for (const warning of warnings) trace.warnings.add(warning);
    return {
      id,
      due: at(due),
      basis: basisOf(length, event, note),
      source: workingDays ? trace.version.shared(`${trace.cite(keys)} | ${calendarSources(trace.calendar, zone, startAt, due)}`) : trace.cite(keys),
      start: { event, at: at(startAt) },
      length,
      ...(warnings.length && { warnings }),
    };
  };
  /** The deadline the policy value `key` sets after `event`. */
  const fixed = (id: DeadlineId, key: DurationKey, event: MessageKey<'events'>, startAt: EpochMs) => {
    const length: Duration = trace.param(key);
    const due = addLimit(trace, zone, startAt, length);
    return { deadline: counted(id, [key], event, startAt, length, due), due };
  };
  return { at, counted, fixed };
}

/**
 * T-1, D-1…D-7 and P-8 (docs/rules.md), each where the policy and the claim have it: D-1…D-3 for a customer's
 * claim, D-6/D-7 for an outlet's report of the incident, D-5 or P-8 for when an undelivered item counts as
 * lost. The claim (or report) counts as filed at events.claimedAt, or at asOf when it has no claimedAt; D-2 runs from the reply, or from D-1's deadline when no reply is recorded;
 * D-3 needs agreedAt. A deadline counted from another (D-2 from D-1, D-5 from T-1) carries its warnings.
 */
export function claimDeadlines(facts: Facts, limits: TimeLimits, incident: Incident, filedAt: EpochMs, trace: Trace): Deadline[] {
  const { at, counted, fixed } = deadlineWriter(facts.zone, trace);

  const { promisedLimit: limit, lostAfter, window } = limits;
  const fromLimit = (id: DeadlineId, l: CountedLimit, note = '') => counted(id, [l.key], l.event, l.startAt, l.length, l.at, note);
  const promised: Deadline[] = limit
    ? [fromLimit('T-1', limit)]
    : limits.promised === undefined
      ? []
      : [{ id: 'T-1', due: at(limits.promised), basis: 'promisedBy on the claim', source: 'the claim (promisedBy)' }];
  const filedEvent = facts.claimedAt === undefined ? 'asOf' : 'events.claimedAt';
  const procedure: Deadline[] = [];
  const outlet: Deadline[] = [];
  if (trace.version.has('D-1')) {
    const reply = fixed('D-1', 'D-1', filedEvent, filedAt);
    const resolution =
      facts.repliedAt === undefined
        ? withWarnings(fixed('D-2', `D-2.${facts.claim.scope}`, 'D-1', reply.due).deadline, reply.deadline.warnings)
        : fixed('D-2', `D-2.${facts.claim.scope}`, 'events.repliedAt', facts.repliedAt).deadline;
    procedure.push(reply.deadline, resolution);
    if (facts.agreedAt !== undefined) procedure.push(fixed('D-3', 'D-3', 'events.agreedAt', facts.agreedAt).deadline);
  }
  if (incident.kind !== 'none') {
    for (const id of ['D-6', 'D-7'] as const) {
      const key = `${id}.${PROCEDURE[incident.kind]}` as const;
      if (trace.version.has(key)) outlet.push(fixed(id, key, filedEvent, filedAt).deadline);
    }
  }
  const windowDeadline = fromLimit('D-4', window, '; opens at the promised deadline (T-1), or at delivery for damage or mismatch found then');
  // D-5 counts from T-1, so it is as provisional as T-1 is.
  const lost = lostAfter && fromLimit(lostAfter.rule, lostAfter);
  const lostDeadline = lost && lostAfter?.event === 'T-1' ? withWarnings(lost, promised[0]?.warnings) : lost;
  return [...promised, ...procedure, windowDeadline, ...(lostDeadline ? [lostDeadline] : []), ...outlet];
}
