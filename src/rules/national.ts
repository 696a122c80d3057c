import type { Facts } from '../claim/normalize.js';
import { type Dec, formatMoney, minDec, ZERO } from '../money.js';
import type { ParamKey } from '../policy/params.js';
import type { Trace } from '../trace.js';
import type { Classification } from './classify.js';
import { shareBasis, shareOf } from './actual-loss.js';
import { type Extent, lossExtent } from './extent.js';
import { payAgreement } from './exemptions.js';
import type { RuleParam } from '../ids.js';

/** The goods compensation a loss would pay (N-2 without the fee waiver), with what it rests on. */
interface LossGoods {
  amount: Dec;
  label: 'goods-insured' | 'goods-uninsured' | 'goods-unevidenced';
  basis: Record<string, string>;
  keys: ParamKey[];
}

const isEvidenced = (facts: Facts) => facts.claim.value !== undefined && facts.claim.value.evidence !== 'none';

/**
 * N-2 goods line. Insured: the insured value, not above an evidenced actual value (no over-insurance).
 * Uninsured: the evidenced actual value, capped at the fee multiple (Postal Law Art. 47) unless the policy
 * sets no multiple. Uninsured and unevidenced: the claimed value up to the cap (the cap when nothing is
 * claimed), with a warning, or a review where the policy says so.
 */
function lossGoods(facts: Facts, trace: Trace): LossGoods {
  const { insurance, value, fee } = facts.claim;
  if (insurance) {
    const capped = trace.param('N-2.insuredCappedAtEvidencedValue') && isEvidenced(facts) && value;
    return {
      amount: capped ? minDec(insurance.insuredValue, value.amount) : insurance.insuredValue,
      label: 'goods-insured',
      basis: {
        insuredValue: formatMoney(insurance.insuredValue),
        ...(value && { value: formatMoney(value.amount), evidence: value.evidence }),
      },
      keys: ['N-2', 'N-2.insuredCappedAtEvidencedValue'],
    };
  }
  const multiple = trace.param('N-2.uninsuredFeeMultiple');
  const cap = multiple === null ? undefined : fee.times(multiple);
  const capBasis: Record<string, string> =
    cap === undefined ? {} : { fee: formatMoney(fee), feeMultiple: (multiple as Dec).toString(), cap: formatMoney(cap) };
  const keys: ParamKey[] = ['N-2', 'N-2.uninsuredFeeMultiple'];
  if (value && isEvidenced(facts)) {
    return {
      amount: cap ? minDec(value.amount, cap) : value.amount,
      label: 'goods-uninsured',
      basis: { value: formatMoney(value.amount), evidence: value.evidence, ...capBasis },
      keys,
    };
  }
  if (!cap || trace.param('N-2.unprovenValue') === 'review') trace.review.add('value-not-evidenced');
  else trace.warnings.add('value-not-evidenced');
  const claimed = value?.amount;
  return {
    amount: claimed && cap ? minDec(claimed, cap) : (claimed ?? cap ?? ZERO),
    label: 'goods-unevidenced',
    basis: { ...(claimed && { value: formatMoney(claimed), evidence: 'none' }), ...capBasis },
    keys: [...keys, 'N-2.unprovenValue'],
  };
}

/** 免除本次服务费用(不含保价等附加费用): the fee is waived, the insurance premium is not. */
export function waiveFee(facts: Facts, trace: Trace, keys: readonly [RuleParam, ...ParamKey[]]): void {
  const premium = facts.claim.insurance?.premium;
  trace.line(keys, 'fee-waiver', facts.claim.fee, {
    fee: formatMoney(facts.claim.fee),
    ...(premium && { premiumNotWaived: formatMoney(premium) }),
  });
}

/** N-2 (loss) and N-3 / N-5 when everything is lost: the fee waived plus the goods compensation. */
function payAsLoss(facts: Facts, trace: Trace, rule: 'N-2' | 'N-3' | 'N-5'): void {
  trace.param(rule);
  waiveFee(facts, trace, rule === 'N-2' ? ['N-2'] : [rule, 'N-2']);
  const goods = lossGoods(facts, trace);
  trace.line([rule, ...goods.keys], goods.label, goods.amount, goods.basis);
}

/** N-4 / N-5: the share of the value lost times what a loss would pay; the fee as the policy says. */
function payShare(facts: Facts, trace: Trace, rule: 'N-4' | 'N-5', extent: Extent): void {
  trace.param(rule);
  const goods = lossGoods(facts, trace);
  trace.line([rule, 'N-4', ...goods.keys], 'goods-partial', shareOf(extent, goods.amount), {
    ...shareBasis(extent),
    lossGoods: formatMoney(goods.amount),
    ...goods.basis,
  });
  if (trace.param('N-4.waiveFee')) waiveFee(facts, trace, [rule, 'N-4.waiveFee']);
}

/** The national rule that pays an incident of this kind: as a loss when the whole item is gone, else as a share. */
const NATIONAL_RULE = {
  loss: { whole: 'N-2', share: 'N-4' },
  damage: { whole: 'N-3', share: 'N-4' },
  mismatch: { whole: 'N-5', share: 'N-5' },
} as const;

/** National-standard compensation for a liable claim (docs/rules.md): N-6 where agreed, else N-1…N-5. */
export function compensateNational(facts: Facts, c: Classification, trace: Trace): void {
  const { kind } = c.incident;
  if (facts.claim.agreement) {
    payAgreement(facts, trace, ['N-6', 'E-7']);
  } else if (kind === 'delay') {
    trace.param('N-1');
    waiveFee(facts, trace, ['N-1']);
  } else if (kind !== 'none') {
    const extent = lossExtent(facts, c, trace);
    if (extent?.whole) payAsLoss(facts, trace, NATIONAL_RULE[kind].whole);
    else if (extent) payShare(facts, trace, NATIONAL_RULE[kind].share, extent);
  }
}
