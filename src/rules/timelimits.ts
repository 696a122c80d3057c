import type { Facts } from '../claim/normalize.js';
import { ClaimInputError } from '../errors.js';
import type { ParamKey } from '../policy/params.js';
import { addDuration, type Duration } from '../time/duration.js';
import type { EpochMs } from '../time/instant.js';
import type { Trace } from '../trace.js';

/** The claim's time limits (RULEBOOK §2), each with the policy value it came from. */
export interface TimeLimits {
  /** T-1: promised delivery deadline. */
  promised: EpochMs;
  /** The T-1 value used, or undefined when the claim's promisedBy overrides it. */
  promisedLimit?: { key: ParamKey; length: Duration };
  /** T-2: thorough-delay deadline, counted from the promised deadline. */
  thorough: EpochMs;
  thoroughLimit: { key: ParamKey; length: Duration };
  /** T-3: end of the claim window, counted from posting. */
  windowCloses: EpochMs;
  windowLength: Duration;
}

type ServiceLimitKey = Extract<ParamKey, `T-1.${string}`>;

/** T-1 parameter for the claim's scope (and region). */
export function serviceLimitKey(facts: Facts): ServiceLimitKey {
  const { scope, region } = facts.claim;
  return scope === 'international' ? `T-1.international.${region ?? 'other'}` : `T-1.${scope}`;
}

/** The instant a policy length after `start`, working days by the quote's calendar. */
export function addLimit(trace: Trace, zone: string, start: EpochMs, length: Duration): EpochMs {
  return addDuration(zone, start, length, trace.calendar);
}

/** T-1 (promised deadline, or the claim's promisedBy), T-2 (thorough delay) and T-3 (claim window). */
export function timeLimits(facts: Facts, trace: Trace): TimeLimits {
  const zone = facts.zone;
  let promised = facts.promisedBy;
  let promisedLimit: TimeLimits['promisedLimit'];
  if (promised === undefined) {
    const key = serviceLimitKey(facts);
    const length = trace.param(key);
    if (length === null) {
      throw new ClaimInputError([{ path: ['promisedBy'], message: `required: the policy sets no ${key} service limit` }]);
    }
    promised = addLimit(trace, zone, facts.postedAt, length);
    promisedLimit = { key, length };
  }
  const thoroughKey = `T-2.${facts.claim.scope}` as const;
  const thoroughLength = trace.param(thoroughKey);
  const windowLength = trace.param('T-3');
  return {
    promised,
    ...(promisedLimit && { promisedLimit }),
    thorough: addLimit(trace, zone, promised, thoroughLength),
    thoroughLimit: { key: thoroughKey, length: thoroughLength },
    windowCloses: addLimit(trace, zone, facts.postedAt, windowLength),
    windowLength,
  };
}
