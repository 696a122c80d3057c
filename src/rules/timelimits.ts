import type { Facts } from '../claim/normalize.js';
import { ClaimInputError } from '../errors.js';
import type { MessageKey } from '../explain/messages.js';
import type { ParamKey } from '../policy/params.js';
import { addDuration, type Duration } from '../time/duration.js';
import type { EpochMs } from '../time/instant.js';
import type { Trace } from '../trace.js';

/** A time limit counted from an event: where it ends, the policy value it came from, and its start. */
export interface CountedLimit {
  at: EpochMs;
  key: ParamKey;
  length: Duration;
  /** The event it counts from (`postedAt`, `T-1`, `events.firstInquiryAt`) and when that was. */
  event: MessageKey<'events'>;
  startAt: EpochMs;
}

/** The claim's time limits (T-1…T-3, P-8), each with the policy value it came from. */
export interface TimeLimits {
  /** T-1: promised delivery deadline; undefined where the policy sets no service limit and the claim no promisedBy. */
  promised?: EpochMs;
  /** The T-1 value used, or undefined when the claim's promisedBy gives the deadline. */
  promisedLimit?: CountedLimit;
  /**
   * When an undelivered item counts as lost: T-2 after the promised deadline (D-5), or, under the Postal Law,
   * the P-8 reply deadline of an inquiry. Undefined where neither applies (no loss by time).
   */
  lostAfter?: CountedLimit & { rule: 'D-5' | 'P-8' };
  /** T-3: end of the claim window, counted from posting. */
  window: CountedLimit;
}

type ServiceLimitKey = Extract<ParamKey, `T-1.${string}`>;
/** The claim window, and the scopes a policy may give their own (P-8: international mail). */
type WindowKey = Extract<ParamKey, `T-3${string}`>;

/** T-1 parameter for the claim's scope (and region). */
export function serviceLimitKey(facts: Facts): ServiceLimitKey {
  const { scope, region } = facts.claim;
  return scope === 'international' ? `T-1.international.${region ?? 'other'}` : `T-1.${scope}`;
}

/** The instant a policy length after `start`, working days by the quote's calendar. */
export function addLimit(trace: Trace, zone: string, start: EpochMs, length: Duration): EpochMs {
  return addDuration(zone, start, length, trace.calendar);
}

type LimitKey = Extract<ParamKey, `T-${string}` | `P-8.${string}`>;

/** A limit the policy value `key` sets after `event`. */
function counted(trace: Trace, facts: Facts, key: LimitKey, event: MessageKey<'events'>, startAt: EpochMs): CountedLimit {
  const length = trace.param(key) as Duration;
  return { at: addLimit(trace, facts.zone, startAt, length), key, length, event, startAt };
}

/** When an undelivered item counts as lost, by `rule` (D-5, P-8). */
function lostLimit(trace: Trace, facts: Facts, rule: 'D-5' | 'P-8', key: LimitKey, event: MessageKey<'events'>, startAt: EpochMs): TimeLimits['lostAfter'] {
  return Object.assign(counted(trace, facts, key, event, startAt), { rule });
}

/** T-1: the claim's promisedBy, else the policy's service limit; none where the policy sets no limit for the scope. */
function promisedLimit(facts: Facts, trace: Trace): CountedLimit | undefined {
  const key = serviceLimitKey(facts);
  if (!trace.version.has(key)) return undefined;
  if (trace.param(key) === null) {
    throw new ClaimInputError([{ path: ['promisedBy'], message: `required: the policy sets no ${key} service limit` }]);
  }
  return counted(trace, facts, key, 'postedAt', facts.postedAt);
}

/**
 * T-1 (promised deadline), when the item counts as lost (T-2 after the promised deadline, or P-8 after an
 * inquiry where the policy sets no T-2) and T-3 (the claim window, by scope where the policy distinguishes).
 */
export function timeLimits(facts: Facts, trace: Trace): TimeLimits {
  const { scope } = facts.claim;
  const limit = facts.promisedBy === undefined ? promisedLimit(facts, trace) : undefined;
  const promised = facts.promisedBy ?? limit?.at;
  const thoroughKey = `T-2.${scope}` as const;
  const replyKey = `P-8.${scope}` as const;
  let lostAfter: TimeLimits['lostAfter'];
  if (trace.version.has(thoroughKey) && promised !== undefined) {
    lostAfter = lostLimit(trace, facts, 'D-5', thoroughKey, 'T-1', promised);
  } else if (trace.version.has(replyKey) && facts.firstInquiryAt !== undefined) {
    lostAfter = lostLimit(trace, facts, 'P-8', replyKey, 'events.firstInquiryAt', facts.firstInquiryAt);
  }
  const scopedWindow = `T-3.${scope}` as WindowKey;
  const windowKey = trace.version.has(scopedWindow) ? scopedWindow : 'T-3';
  // Assigned one by one rather than spread: this runs for every quote, and spreading copies each object.
  const limits: TimeLimits = { window: counted(trace, facts, windowKey, 'postedAt', facts.postedAt) };
  if (promised !== undefined) limits.promised = promised;
  if (limit) limits.promisedLimit = limit;
  if (lostAfter) limits.lostAfter = lostAfter;
  return limits;
}
