import type { Facts } from '../claim/normalize.js';
import { type Dec, formatMoney, minDec } from '../money.js';
import type { Trace } from '../trace.js';
import type { Classification } from './classify.js';
import { payAgreement } from './exemptions.js';
import { type Limit, payActualLoss, shareBasis, shareOf } from './actual-loss.js';
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

/** G-1 and G-3: the limits a carrier's terms put on an uninsured actual loss. */
function termsLimits(facts: Facts, trace: Trace, extent: Extent): Limit[] {
  const { fee, value } = facts.claim;
  const feeText = formatMoney(fee);
  const { feeMultiple, amount } = trace.param('G-1');
  const limits: Limit[] = [];
  if (feeMultiple) {
    const cap = fee.times(feeMultiple);
    limits.push({ key: 'G-1', cap, basis: { fee: feeText, feeMultiple: feeMultiple.toString(), cap: formatMoney(cap) } });
  }
  if (amount) limits.push({ key: 'G-1', cap: amount, basis: { cap: formatMoney(amount) } });
  const declaredLimit = trace.version.has('G-3') && !value?.declared ? trace.param('G-3').undeclaredValueUpTo : undefined;
  if (declaredLimit) limits.push({ key: 'G-3', cap: shareOf(extent, declaredLimit), basis: { undeclaredValueUpTo: formatMoney(declaredLimit) } });
  return limits;
}

/**
 * Goods under a carrier's terms that bind (G-1…G-4): an insured item by its 保价 rules, unless its
 * value is unproven and the terms refund the premium and pay it as uninsured (G-4); an uninsured item its
 * actual loss within the terms' limits (G-1, G-3), or, unproven, the terms' fallback amount (G-2).
 */
function payUnderTerms(facts: Facts, trace: Trace, extent: Extent): void {
  const { insurance, fee } = facts.claim;
  const proven = evidencedValue(facts) !== undefined;
  if (insurance && (proven || !trace.version.has('G-4'))) return payInsured(facts, trace, extent, insurance.insuredValue);
  if (insurance?.premium) {
    trace.param('G-4');
    trace.line(['G-4'], 'premium-refund', insurance.premium, { premium: formatMoney(insurance.premium), insuredValue: formatMoney(insurance.insuredValue) });
  }
  if (proven) return payActualLoss(facts, trace, extent, ['X-2'], termsLimits(facts, trace, extent));
  const { feeMultiple } = trace.param('G-2');
  trace.line(['G-2'], 'goods-unproven-fallback', shareOf(extent, fee.times(feeMultiple)), {
    ...shareBasis(extent),
    fee: formatMoney(fee),
    feeMultiple: feeMultiple.toString(),
  });
}

/**
 * Compensation under the law for an express company (cn-express) and under a carrier's terms on top of it:
 * the agreed amount (N-6) where there is one; a delay waives the fee (N-1); a loss, damage or shortfall pays
 * the goods and, where the whole item is lost, waives the fee too. Goods: by the terms where they bind
 * (G-1…G-4; notice unknown: a warning), else by the law (X-1 insured, X-2 uninsured, X-3 no evidence); an
 * agreed cap not brought to notice (L-1) or voided by intent or gross negligence (L-2) gives the actual loss.
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
  const { insurance, terms } = facts.claim;
  const underTerms = trace.version.has('G-1');
  const voidedBy = insurance || underTerms ? capVoidedBy(facts, trace) : undefined;
  if (voidedBy) return payActualLoss(facts, trace, extent, ['X-2', voidedBy]);
  if (underTerms) {
    if (terms?.capNotified === undefined) trace.warnings.add('contract-cap-notice-unknown');
    return payUnderTerms(facts, trace, extent);
  }
  if (insurance) payInsured(facts, trace, extent, insurance.insuredValue);
  else payActualLoss(facts, trace, extent, ['X-2']);
}
