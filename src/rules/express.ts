import type { Facts } from '../claim/normalize.js';
import { type Dec, formatMoney, minDec } from '../money.js';
import type { Trace } from '../trace.js';
import type { Classification } from './classify.js';
import { payAgreement } from './exemptions.js';
import { payActualLoss, shareBasis, shareOf } from './actual-loss.js';
import { evidencedValue, type Extent, lossExtent } from './extent.js';
import { waiveFee } from './national.js';

/**
 * L-1 / L-2: an agreed cap (a 保价 limit, a contract's terms) binds unless the loss came from intent or gross
 * negligence (L-2) or it was not brought to the sender's attention (`terms.capNotified: false`, L-1); then
 * the regime's actual loss is paid and a person is told why. Returns the rule that voided the cap, if any.
 */
export function capVoidedBy(facts: Facts, trace: Trace): 'L-1' | 'L-2' | undefined {
  const { terms, carrierFault } = facts.claim;
  if (carrierFault && trace.version.has('L-2')) {
    trace.param('L-2');
    trace.review.add('contract-cap-void-for-fault');
    return 'L-2';
  }
  if (terms?.capNotified === false && trace.version.has('L-1')) {
    trace.param('L-1');
    trace.review.add('contract-cap-not-binding');
    return 'L-1';
  }
  return undefined;
}

/**
 * an insured item by the agreed 保价 rules: the whole item pays the insured value, not above an evidenced
 * actual value (no over-insurance); a part pays its share of that, so an under-insured item is paid in
 * proportion (insured ÷ actual) and never above the insured value.
 */
function payInsured(facts: Facts, trace: Trace, extent: Extent, insuredValue: Dec): void {
  const value = evidencedValue(facts);
  const capped = trace.param('X-1').cappedAtEvidencedValue && value !== undefined;
  const whole = capped ? minDec(insuredValue, value) : insuredValue;
  trace.line(['X-1'], 'goods-insured', shareOf(extent, whole), {
    ...shareBasis(extent),
    insuredValue: formatMoney(insuredValue),
    ...(value !== undefined && { value: formatMoney(value), evidence: facts.claim.value?.evidence as string }),
  });
}

/**
 * Compensation under the law for an express company (cn-express): the agreed amount (N-6) where there is
 * one; a delay waives the fee (N-1); a loss, damage or shortfall pays the goods (X-1 insured, X-2 uninsured,
 * X-3 no evidence) and, where the whole item is lost, waives the fee too.
 */
export function compensateExpress(facts: Facts, c: Classification, trace: Trace): void {
  const { kind } = c.incident;
  if (facts.claim.agreement) return payAgreement(facts, trace, ['N-6', 'E-7']);
  if (kind === 'delay') {
    trace.param('N-1');
    return waiveFee(facts, trace, ['N-1']);
  }
  const extent = kind === 'none' ? undefined : lossExtent(facts, c, trace);
  if (!extent) return;
  if (extent.whole) {
    trace.param('X-4');
    waiveFee(facts, trace, ['X-4']);
  }
  const insurance = facts.claim.insurance;
  const voidedBy = insurance && capVoidedBy(facts, trace);
  if (insurance && !voidedBy) payInsured(facts, trace, extent, insurance.insuredValue);
  else payActualLoss(facts, trace, extent, voidedBy ? ['X-2', voidedBy] : ['X-2']);
}
