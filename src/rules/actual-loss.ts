import type { Facts } from '../claim/normalize.js';
import { type Dec, formatMoney, minDec } from '../money.js';
import type { ParamKey } from '../policy/params.js';
import type { Trace } from '../trace.js';
import { evidencedValue, type Extent } from './extent.js';

/** The figures a goods line rests on: the share lost, where the item was not wholly lost. */
export function shareBasis(extent: Extent): Record<string, string> {
  return extent.whole ? {} : { ...extent.basis, ratio: extent.ratio.toSignificantDigits(10).toString() };
}

/** What an amount for the whole item pays for this extent: all of it, or the share lost. */
export function shareOf(extent: Extent, whole: Dec): Dec {
  return extent.whole ? whole : extent.ratio.times(whole);
}

/**
 * X-2 / P-3 / P-6 / L-1 / L-2: the actual loss, measured by the evidenced value (the whole value, or the lost
 * value of a part), up to `limit.cap` where one binds; `limit.basis` says what else the amount rests on. Without evidence there is nothing to measure by: review
 * no goods line.
 */
export function payActualLoss(
  facts: Facts,
  trace: Trace,
  extent: Extent,
  keys: readonly [ParamKey, ...ParamKey[]],
  limit: { cap?: Dec; basis?: Record<string, string> } = {},
): void {
  const value = evidencedValue(facts);
  if (value === undefined) {
    if (trace.version.has('X-3')) trace.param('X-3');
    trace.review.add('value-not-evidenced');
    return;
  }
  const loss = extent.whole ? value : (extent.lost ?? extent.ratio.times(value));
  trace.line(keys, 'goods-actual-loss', limit.cap ? minDec(loss, limit.cap) : loss, {
    ...shareBasis(extent),
    value: formatMoney(value),
    evidence: facts.claim.value?.evidence as string,
    ...limit.basis,
  });
}

