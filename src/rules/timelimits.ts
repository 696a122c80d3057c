import type { Facts } from '../claim/normalize.js';
import { ClaimInputError, NoRuleInForceError } from '../errors.js';
import type { ParamKey } from '../policy/params.js';
import { type Duration, addElapsed, needsWorkCalendar } from '../time/duration.js';
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

/** Why a length in working days cannot be counted yet. */
function noWorkCalendar(key: ParamKey, length: { workingDays: number }): string {
  return `the ${key} limit is ${length.workingDays} working days and no working-day calendar is available`;
}

/**
 * The instant a policy length after `start`. Working days need a working-day calendar, which this release
 * does not have: such a length is a rule the policy cannot apply here (NoRuleInForceError naming it).
 */
export function addLimit(trace: Trace, zone: string, start: EpochMs, length: Duration, key: ParamKey): EpochMs {
  if (needsWorkCalendar(length)) {
    throw new NoRuleInForceError(trace.version.policy.id, key, noWorkCalendar(key, length));
  }
  return addElapsed(zone, start, length);
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
    if (needsWorkCalendar(length)) {
      throw new ClaimInputError([{ path: ['promisedBy'], message: `required: ${noWorkCalendar(key, length)}` }]);
    }
    promised = addElapsed(zone, facts.postedAt, length);
    promisedLimit = { key, length };
  }
  const thoroughKey = `T-2.${facts.claim.scope}` as const;
  const thoroughLength = trace.param(thoroughKey);
  const windowLength = trace.param('T-3');
  return {
    promised,
    ...(promisedLimit && { promisedLimit }),
    thorough: addLimit(trace, zone, promised, thoroughLength, thoroughKey),
    thoroughLimit: { key: thoroughKey, length: thoroughLength },
    windowCloses: addLimit(trace, zone, facts.postedAt, windowLength, 'T-3'),
    windowLength,
  };
}
