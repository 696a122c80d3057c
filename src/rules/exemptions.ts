import type { Facts } from '../claim/normalize.js';
import { NoRuleInForceError } from '../errors.js';
import { formatMoney } from '../money.js';
import type { IncidentKind, ParamKey } from '../policy/params.js';
import type { EpochMs } from '../time/instant.js';
import type { Trace } from '../trace.js';
import type { Incident } from './classify.js';
import type { TimeLimits } from './timelimits.js';
import type { MessageKey } from '../explain/messages.js';
import type { RuleId, RuleParam } from '../ids.js';

/** One exemption as evaluated for the claim; `reason` is a message key. */
export interface Exemption {
  id: RuleId;
  applies: boolean;
  reason: MessageKey<'exemptionReasons'>;
}

type Evaluate = (facts: Facts, incident: Incident, limits: TimeLimits, filedAt: EpochMs, trace: Trace) => Exemption;

/** Whether an exemption limited to some incident kinds (E-4, E-5, E-6, P-incidents) covers this incident. */
const covers = (kinds: readonly IncidentKind[], incident: Incident) => kinds.includes(incident.kind as IncidentKind);

/** E-1: customer fault or the nature of the goods (Postal Law Art. 48). */
const customerFault: Evaluate = (facts, _incident, _limits, _filedAt, trace) => {
  const cause = trace.param('E-1').causes.find((c) => c === facts.claim.cause);
  return cause
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
  if (contact > limits.window.at) return { id: 'E-3', applies: true, reason: 'no-inquiry-or-claim-within-window' };
  return { id: 'E-3', applies: false, reason: inquiredFirst ? 'inquiry-within-window' : 'claim-within-window' };
};

/** E-4: the product line offers no compensation for this kind of incident (国际e邮宝 product terms, docs/rules.md E-4). */
const productExcludes: Evaluate = (facts, incident, _limits, _filedAt, trace) => {
  const product = facts.claim.product;
  const products = product === undefined ? undefined : trace.param('E-4').products;
  const excluded = products && product && Object.hasOwn(products, product) ? products[product] : undefined;
  if (!excluded) return { id: 'E-4', applies: false, reason: 'product-not-excluded' };
  return covers(excluded, incident)
    ? { id: 'E-4', applies: true, reason: 'product-excludes-kind' }
    : { id: 'E-4', applies: false, reason: 'product-covers-kind' };
};

/** E-5: damage to an item the sender packed is in principle not compensated (《快递运营管理》课件 任务五, 林先生 case, docs/rules.md E-5). */
const senderPacked: Evaluate = (facts, incident, _limits, _filedAt, trace) => {
  if (!covers(trace.param('E-5').kinds, incident)) return { id: 'E-5', applies: false, reason: 'kind-not-covered' };
  const packedBy = facts.claim.packedBy;
  if (packedBy === 'sender') return { id: 'E-5', applies: true, reason: 'packed-by-sender' };
  return { id: 'E-5', applies: false, reason: packedBy === 'carrier' ? 'packed-by-carrier' : 'packing-not-stated' };
};

/**
 * E-6: damage claimed after the recipient signed and the courier left is refused, unless inspection was not
 * offered or the carrier signed without consent (快递市场管理办法 2024 Art. 27, 28).
 */
const reportedAfterSigning: Evaluate = (facts, incident, _limits, _filedAt, trace) => {
  const { claim } = facts;
  if (!covers(trace.param('E-6').kinds, incident)) return { id: 'E-6', applies: false, reason: 'kind-not-covered' };
  if (!claim.reportedAfterSigning) return { id: 'E-6', applies: false, reason: 'reported-before-signing' };
  if (!claim.inspectionOffered) return { id: 'E-6', applies: false, reason: 'inspection-not-offered' };
  if (claim.signedWithoutConsent) return { id: 'E-6', applies: false, reason: 'signed-without-consent' };
  return { id: 'E-6', applies: true, reason: 'reported-after-signing' };
};

/**
 * D-8: a report returned for missing material the policy's number of times is treated as missing material;
 * for a delay the reporting outlet is not compensated. The source does not say what follows for other
 * incidents, so that is a case without a rule.
 */
const reportReturned: Evaluate = (facts, incident, _limits, _filedAt, trace) => {
  const { returns } = trace.param('D-8');
  if ((facts.claim.reportReturns ?? 0) < returns) return { id: 'D-8', applies: false, reason: 'report-not-returned-out' };
  if (incident.kind !== 'delay') {
    const { policy, version } = trace.version;
    throw new NoRuleInForceError(
      policy.id,
      `D-8.${incident.kind}`,
      `policy ${policy.id} (version ${version}) does not say what follows a ${incident.kind} report returned ${returns} times (D-8)`,
    );
  }
  return { id: 'D-8', applies: true, reason: 'report-returned-out' };
};

/** P-5: ordinary (unregistered) mail: no liability, except for intent or gross negligence (Postal Law Art. 46). */
const ordinaryMail: Evaluate = (facts) => {
  if (facts.claim.itemType !== 'ordinary') return { id: 'P-5', applies: false, reason: 'not-ordinary-mail' };
  return facts.claim.carrierFault
    ? { id: 'P-5', applies: false, reason: 'ordinary-mail-intent-or-gross-negligence' }
    : { id: 'P-5', applies: true, reason: 'ordinary-mail' };
};

/** The incidents the statute compensates (Postal Law Art. 47: loss, damage, shortfall; no delay). */
const statutoryIncidents: Evaluate = (_facts, incident, _limits, _filedAt, trace) =>
  covers(trace.param('P-incidents').kinds, incident)
    ? { id: 'P-incidents', applies: false, reason: 'kind-compensated-by-statute' }
    : { id: 'P-incidents', applies: true, reason: `no-${incident.kind as IncidentKind}-compensation` };

/** E-7: a special agreement with the customer replaces the computed compensation (N-6). */
const specialAgreement: Evaluate = (facts) =>
  facts.claim.agreement
    ? { id: 'E-7', applies: true, reason: 'agreed-amount-replaces-compensation' }
    : { id: 'E-7', applies: false, reason: 'no-agreement' };

const EXEMPTIONS: readonly [RuleParam, Evaluate][] = [
  ['E-1', customerFault],
  ['E-2', forceMajeure],
  ['E-3', timeBar],
  ['E-4', productExcludes],
  ['E-5', senderPacked],
  ['E-6', reportedAfterSigning],
  ['E-7', specialAgreement],
  ['D-8', reportReturned],
  ['P-incidents', statutoryIncidents],
  ['P-5', ordinaryMail],
];

/**
 * Every exemption the policy applies, each reported as applying or not and why (docs/rules.md). With no
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

/** E-7: the agreed amount as the one line, in place of the computed compensation (N-6 under the national policy). */
export function payAgreement(facts: Facts, trace: Trace, keys: readonly [RuleParam, ...ParamKey[]]): void {
  const agreement = facts.claim.agreement;
  if (!agreement) return;
  trace.line(keys, 'agreed-amount', agreement.amount, {
    agreed: formatMoney(agreement.amount),
    ...(agreement.note && { note: agreement.note }),
  });
}
