import type { Facts } from '../claim/normalize.js';
import { type Dec, formatMoney, ZERO } from '../money.js';
import type { Trace } from '../trace.js';
import type { Classification } from './classify.js';

/**
 * How much of the item an incident destroyed, whatever the compensation rules: all of it (loss, total
 * damage, every declared item missing), or a share (partial damage, a partial shortfall) with the lost value
 * where the claim states it (exact, never derived back from the ratio) and the figures the share rests on.
 */
export type Extent =
  | { whole: true }
  | { whole: false; ratio: Dec; lost?: Dec; basis: Record<string, string> };

/** The claim's value where it is evidenced (invoice or transaction record): what an actual loss is measured by. */
export function evidencedValue(facts: Facts): Dec | undefined {
  const value = facts.claim.value;
  return value && value.evidence !== 'none' ? value.amount : undefined;
}

/** Partial damage (C-3): the given ratio, or the lost value over the value. */
function partialDamage(facts: Facts, lostValue: Dec | undefined, ratio: Dec | undefined): Extent {
  const value = facts.claim.value;
  const share = ratio ?? (lostValue && value && !value.amount.isZero() ? lostValue.dividedBy(value.amount) : ZERO);
  return {
    whole: false,
    ratio: share,
    ...(lostValue && { lost: lostValue }),
    basis: {
      ...(lostValue && { lostValue: formatMoney(lostValue) }),
      ...(lostValue && value && { totalValue: formatMoney(value.amount) }),
    },
  };
}

/**
 * The extent of a loss, damage or mismatch. A mismatch (C-4) whose lost value reaches the declared value is
 * whole; one that cannot be valued (an item without unit value, no declared value, a weight difference)
 * goes to review and has no extent.
 */
export function lossExtent(facts: Facts, c: Classification, trace: Trace): Extent | undefined {
  const { kind } = c.incident;
  const damage = facts.claim.damage;
  if (kind === 'loss' || (kind === 'damage' && damage?.extent === 'total')) return { whole: true };
  if (kind === 'damage' && damage?.extent === 'partial') return partialDamage(facts, damage.lostValue, damage.ratio);
  const s = c.shortfall;
  if (kind !== 'mismatch' || !s) return undefined;
  if (s.weightDiffers.length) trace.review.add('mismatch-weight-differs');
  if (s.lostValue.isZero() && s.unvalued.length === 0 && !s.allMissing) return undefined;
  const total = s.declaredValue;
  if (s.allMissing || (total && s.unvalued.length === 0 && s.lostValue.greaterThanOrEqualTo(total))) return { whole: true };
  if (s.unvalued.length || !total || total.isZero()) {
    trace.review.add('mismatch-not-valued');
    return undefined;
  }
  return {
    whole: false,
    ratio: s.lostValue.dividedBy(total),
    lost: s.lostValue,
    basis: { lostValue: formatMoney(s.lostValue), totalValue: formatMoney(total) },
  };
}
