import type { Facts } from '../claim/normalize.js';
import { type Dec, formatMoney } from '../money.js';
import type { RuleParam } from '../ids.js';
import type { ParamKey } from '../policy/params.js';
import type { Basis, Trace } from '../trace.js';
import { evidencedValue, type Extent } from './extent.js';

/** The figures a goods line rests on: the share lost, where the item was not wholly lost. */
export function shareBasis(extent: Extent): Basis {
  return extent.whole ? {} : { ...extent.basis, ratio: extent.ratio.toSignificantDigits(10).toString() };
}

/** What an amount for the whole item pays for this extent: all of it, or the share lost. */
export function shareOf(extent: Extent, whole: Dec): Dec {
  return extent.whole ? whole : extent.ratio.times(whole);
}

/** The actual loss measured by the evidenced value: all of it, or the lost value of a part; undefined without evidence. */
export function actualLossOf(facts: Facts, extent: Extent): Dec | undefined {
  const value = evidencedValue(facts);
  if (value === undefined) return undefined;
  return extent.whole ? value : (extent.lost ?? extent.ratio.times(value));
}

/** A limit on an actual loss: the rule that sets it, the amount, and the figures it comes from. */
export interface Limit {
  key: RuleParam;
  cap: Dec;
  basis: Basis;
}

/**
 * X-2 / P-3 / P-6 / G-1 / G-3: the actual loss, measured by the evidenced value (the whole value, or the lost
 * value of a part), up to the lowest of `limits` (a statutory or contractual cap): the line's rule is the
 * limit that binds, else the first of `keys`. Without evidence there is nothing to measure by: review,
 * no goods line.
 */
export function payActualLoss(
  facts: Facts,
  trace: Trace,
  extent: Extent,
  keys: readonly [RuleParam, ...ParamKey[]],
  limits: readonly Limit[] = [],
  basis: Basis = {},
): void {
  const value = evidencedValue(facts);
  const loss = actualLossOf(facts, extent);
  if (value === undefined || loss === undefined) {
    if (trace.version.has('X-3')) trace.param('X-3');
    trace.review.add('value-not-evidenced');
    return;
  }
  const binding = limits.filter((l) => l.cap.lessThan(loss)).reduce<Limit | undefined>((low, l) => (low && low.cap.lessThanOrEqualTo(l.cap) ? low : l), undefined);
  const rule = binding?.key ?? keys[0];
  const cited = [rule, ...new Set([...keys, ...limits.map((l) => l.key)].filter((k) => k !== rule))] as [RuleParam, ...ParamKey[]];
  trace.line(cited, binding ? 'goods-actual-loss-capped' : 'goods-actual-loss', binding ? binding.cap : loss, {
    ...shareBasis(extent),
    value: formatMoney(value),
    evidence: facts.claim.value?.evidence as string,
    ...basis,
    ...Object.assign({}, ...limits.map((l) => l.basis)),
  });
}
