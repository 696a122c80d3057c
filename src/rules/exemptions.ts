import type { Facts } from '../claim/normalize.js';
import type { IncidentKind, ParamKey } from '../policy/params.js';
import type { EpochMs } from '../time/instant.js';
import type { Trace } from '../trace.js';
import type { Incident } from './classify.js';
import type { TimeLimits } from './timelimits.js';

/** One exemption as evaluated for the claim; `reason` is a message key. */
export interface Exemption {
  id: string;
  applies: boolean;
  reason: string;
}

type Evaluate = (facts: Facts, incident: Incident, limits: TimeLimits, filedAt: EpochMs, trace: Trace) => Exemption;

/** E-1: customer fault or the nature of the goods (Postal Law Art. 48). */
const customerFault: Evaluate = (facts, _incident, _limits, _filedAt, trace) => {
  const causes: readonly string[] = trace.param('E-1').causes;
  const cause = facts.claim.cause;
  return causes.includes(cause)
    ? { id: 'E-1', applies: true, reason: `cause-${cause}` }
    : { id: 'E-1', applies: false, reason: 'cause-not-customer-or-goods' };
};

/** E-2: force majeure, except for insured items. */
const forceMajeure: Evaluate = (facts, _incident, _limits, _filedAt, trace) => {
  if (facts.claim.cause !== 'force-majeure') return { id: 'E-2', applies: false, reason: 'cause-not-force-majeure' };
  if (facts.claim.insurance && trace.param('E-2').insuredItemsExcepted) {
    return { id: 'E-2', applies: false, reason: 'force-majeure-insured-item' };
  }
  return { id: 'E-2', applies: true, reason: 'force-majeure' };
};

/**
 * E-3: neither an inquiry nor a claim within the T-3 window. The earliest contact counts (an inquiry inside
 * the year keeps a later claim alive, Postal Law Art. 49); a contact exactly at the window's end is inside.
 */
const timeBar: Evaluate = (facts, _incident, limits, filedAt) => {
  const inquiry = facts.firstInquiryAt;
  const inquiredFirst = inquiry !== undefined && inquiry < filedAt;
  const contact = inquiredFirst ? inquiry : filedAt;
  if (contact > limits.windowCloses) return { id: 'E-3', applies: true, reason: 'no-inquiry-or-claim-within-window' };
  return { id: 'E-3', applies: false, reason: inquiredFirst ? 'inquiry-within-window' : 'claim-within-window' };
};

/** E-4: the product line offers no compensation for this kind of incident (seed 000). */
const productExcludes: Evaluate = (facts, incident, _limits, _filedAt, trace) => {
  const product = facts.claim.product;
  const products = product === undefined ? undefined : trace.param('E-4').products;
  const excluded = products && product && Object.hasOwn(products, product) ? products[product] : undefined;
  if (!excluded) return { id: 'E-4', applies: false, reason: 'product-not-excluded' };
  return excluded.includes(incident.kind as IncidentKind)
    ? { id: 'E-4', applies: true, reason: 'product-excludes-kind' }
    : { id: 'E-4', applies: false, reason: 'product-covers-kind' };
};

/** E-7: a special agreement with the customer replaces the computed compensation (N-6). */
const specialAgreement: Evaluate = (facts) =>
  facts.claim.agreement
    ? { id: 'E-7', applies: true, reason: 'agreed-amount-replaces-compensation' }
    : { id: 'E-7', applies: false, reason: 'no-agreement' };

const EXEMPTIONS: readonly [ParamKey, Evaluate][] = [
  ['E-1', customerFault],
  ['E-2', forceMajeure],
  ['E-3', timeBar],
  ['E-4', productExcludes],
  ['E-7', specialAgreement],
];

/**
 * Every exemption the policy applies, each reported as applying or not and why (RULEBOOK §4). With no
 * incident there is no liability to remove: E-1…E-4 say so; E-7 still reports an agreement.
 */
export function evaluateExemptions(
  facts: Facts,
  incident: Incident,
  limits: TimeLimits,
  filedAt: EpochMs,
  trace: Trace,
): Exemption[] {
  return EXEMPTIONS.filter(([key]) => trace.version.has(key)).map(([key, evaluate]) =>
    incident.kind === 'none' && key !== 'E-7'
      ? { id: key, applies: false, reason: 'no-incident' }
      : evaluate(facts, incident, limits, filedAt, trace),
  );
}

/**
 * Whether the carrier pays: for an incident no exemption removes (E-7 changes the amount, it does not
 * exempt). Decision: a special agreement is paid even where an exemption applies, with a warning.
 */
export function isLiable(facts: Facts, incident: Incident, exemptions: readonly Exemption[], trace: Trace): boolean {
  const exempt = exemptions.some((e) => e.applies && e.id !== 'E-7');
  if (facts.claim.agreement) {
    if (exempt) trace.warnings.add('agreement-overrides-exemption');
    return true;
  }
  return incident.kind !== 'none' && !exempt;
}
