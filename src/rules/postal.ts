import type { Facts } from '../claim/normalize.js';
import { formatMoney, minDec } from '../money.js';
import type { Trace } from '../trace.js';
import type { Classification } from './classify.js';
import { payAgreement } from './exemptions.js';
import { actualLossOf, payActualLoss, shareBasis, shareOf } from './actual-loss.js';
import { evidencedValue, lossExtent } from './extent.js';

/** P-6: why the statutory limits of Art. 47 ¶1 do not bind, if they do not. */
function forfeitedBy(facts: Facts): string | undefined {
  const { carrierFault, terms } = facts.claim;
  return carrierFault ?? (terms?.capNotified === false ? 'cap-not-notified' : undefined);
}

/**
 * Compensation for a postal enterprise's 给据邮件 (cn-postal, Postal Law Art. 47): the agreed amount where
 * there is one; an insured item its insured amount (P-1) or that amount's share of a partial loss, in
 * proportion and never above the loss (P-2); a registered letter lost or damaged 3 × the charge (P-4); an
 * uninsured parcel, or a letter's shortfall, the actual loss up to 3 × the charge (P-3). With intent, gross
 * negligence or limits not brought to notice (P-6) the P-3 cap falls and a letter's proven actual loss is paid
 * where it is more than 3 × the charge. No fee waiver: the Postal Law has none. Ordinary mail and delays are
 * exempt before this runs (P-5, P-incidents).
 */
export function compensatePostal(facts: Facts, c: Classification, trace: Trace): void {
  const { claim } = facts;
  if (claim.agreement) return payAgreement(facts, trace, ['N-6', 'E-7']);
  const extent = c.incident.kind === 'none' ? undefined : lossExtent(facts, c, trace);
  if (!extent) return;
  const fee = formatMoney(claim.fee);
  if (claim.insurance) {
    const { insuredValue } = claim.insurance;
    const rule = extent.whole ? 'P-1' : 'P-2';
    trace.param(rule);
    const value = evidencedValue(facts);
    // P-2 pays the loss in the proportion insured ÷ full value, which never pays more than the loss itself.
    const base = extent.whole || value === undefined ? insuredValue : minDec(insuredValue, value);
    return void trace.line([rule], 'goods-insured', shareOf(extent, base), {
      ...shareBasis(extent),
      insuredValue: formatMoney(insuredValue),
      ...(!extent.whole && value !== undefined && { value: formatMoney(value) }),
    });
  }
  const forfeited = forfeitedBy(facts);
  if (forfeited) trace.param('P-6');
  if (claim.itemType === 'registered-letter' && c.incident.kind !== 'mismatch') {
    const { feeMultiple } = trace.param('P-4');
    const flat = claim.fee.times(feeMultiple);
    const loss = forfeited ? actualLossOf(facts, extent) : undefined;
    if (loss?.greaterThan(flat)) return payActualLoss(facts, trace, extent, ['P-6', 'P-4'], [], { forfeited: forfeited as string });
    return void trace.line(['P-4'], 'registered-letter', flat, { fee, feeMultiple: feeMultiple.toString() });
  }
  if (forfeited) return payActualLoss(facts, trace, extent, ['P-6', 'P-3'], [], { forfeited });
  const { feeMultiple } = trace.param('P-3');
  const cap = claim.fee.times(feeMultiple);
  payActualLoss(facts, trace, extent, ['P-3'], [{ key: 'P-3', cap, basis: { fee, feeMultiple: feeMultiple.toString(), cap: formatMoney(cap) } }]);
}
