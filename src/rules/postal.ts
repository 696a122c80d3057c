import type { Facts } from '../claim/normalize.js';
import { formatMoney } from '../money.js';
import type { Trace } from '../trace.js';
import type { Classification } from './classify.js';
import { payAgreement } from './exemptions.js';
import { payActualLoss, shareBasis, shareOf } from './actual-loss.js';
import { lossExtent } from './extent.js';

/** P-6: why the statutory limits of Art. 47 ¶1 do not bind, if they do not. */
function forfeitedBy(facts: Facts): string | undefined {
  const { carrierFault, terms } = facts.claim;
  return carrierFault ?? (terms?.capNotified === false ? 'cap-not-notified' : undefined);
}

/**
 * Compensation for a postal enterprise's 给据邮件 (cn-postal, Postal Law Art. 47): the agreed amount where
 * there is one; an insured item its insured amount (P-1) or that amount's share of a partial loss (P-2); a
 * registered letter 3 × the charge (P-4); an uninsured parcel the actual loss up to 3 × the charge (P-3). With
 * intent, gross negligence or limits not brought to notice (P-6) the actual loss is paid without limit. No
 * fee waiver: the Postal Law has none. Ordinary mail and delays are exempt before this runs (P-5, P-incidents).
 */
export function compensatePostal(facts: Facts, c: Classification, trace: Trace): void {
  const { claim } = facts;
  if (claim.agreement) return payAgreement(facts, trace, ['N-6', 'E-7']);
  const extent = c.incident.kind === 'none' ? undefined : lossExtent(facts, c, trace);
  if (!extent) return;
  const forfeited = forfeitedBy(facts);
  if (forfeited) {
    trace.param('P-6');
    return payActualLoss(facts, trace, extent, ['P-6'], [], { forfeited });
  }
  const fee = formatMoney(claim.fee);
  if (claim.insurance) {
    const { insuredValue } = claim.insurance;
    const rule = extent.whole ? 'P-1' : 'P-2';
    trace.param(rule);
    return void trace.line([rule], 'goods-insured', shareOf(extent, insuredValue), {
      ...shareBasis(extent),
      insuredValue: formatMoney(insuredValue),
    });
  }
  if (claim.itemType === 'registered-letter') {
    const { feeMultiple } = trace.param('P-4');
    return void trace.line(['P-4'], 'registered-letter', claim.fee.times(feeMultiple), { fee, feeMultiple: feeMultiple.toString() });
  }
  const { feeMultiple } = trace.param('P-3');
  const cap = claim.fee.times(feeMultiple);
  payActualLoss(facts, trace, extent, ['P-3'], [{ key: 'P-3', cap, basis: { fee, feeMultiple: feeMultiple.toString(), cap: formatMoney(cap) } }]);
}
