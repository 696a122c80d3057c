import type { RuleId } from '../ids.js';
import { type Dec, formatMoney, maxDec, minDec, roundToFen, ZERO } from '../money.js';
import type { Trace } from '../trace.js';
import type { BatchCap } from './network.js';

/** One batch cap as applied: the batch, its rule and cap, and the tickets' total before and after. */
export interface BatchResult {
  batch: string;
  rule: RuleId;
  cap: string;
  before: string;
  after: string;
}

/** A ticket as the batch step sees it: its trace (payout so far) and the batch cap it falls under. */
interface BatchTicket {
  trace: Trace;
  batch?: BatchCap;
}

/**
 * Each ticket's share of `cap`, pro rata to its amount, rounded half-up to the fen (M-2); the remainder
 * goes to the largest amount (the first of equals), then the next, never below 0 nor above the ticket's
 * amount, so the shares add up to `cap` exactly.
 */
export function shareCap(amounts: readonly Dec[], cap: Dec): Dec[] {
  const before = amounts.reduce((sum, a) => sum.plus(a), ZERO);
  const shares = amounts.map((a) => minDec(a, roundToFen(a.times(cap).dividedBy(before))));
  let remainder = cap.minus(shares.reduce((sum, s) => sum.plus(s), ZERO));
  // Array.prototype.sort is stable, so equal amounts keep their order: the first of equals comes first.
  const largestFirst = amounts.map((_, i) => i).sort((i, j) => (amounts[j] as Dec).comparedTo(amounts[i] as Dec));
  for (const i of largestFirst) {
    if (remainder.isZero()) break;
    const share = shares[i] as Dec;
    const moved = remainder.isPositive() ? minDec(remainder, (amounts[i] as Dec).minus(share)) : maxDec(remainder, share.negated());
    shares[i] = share.plus(moved);
    remainder = remainder.minus(moved);
  }
  return shares;
}

/**
 * Batch caps (docs/rules.md): tickets with the same batch under the same capped rule (R-5, R-6, R-9, R-11,
 * R-12) share its cap. Where their total exceeds it, each ticket gets a `batch-cap-share` line reducing it
 * to its pro-rata share, so every ticket still adds up and the tickets add up to the cap. Tickets without a
 * batch are untouched. Returns every batch cap with its total before and after, in first-seen order.
 */
export function applyBatchCaps(tickets: readonly BatchTicket[]): BatchResult[] {
  const groups = new Map<string, BatchTicket[]>();
  for (const ticket of tickets) {
    if (!ticket.batch) continue;
    const key = JSON.stringify([ticket.batch.id, ticket.batch.rule]);
    const group = groups.get(key);
    if (group) group.push(ticket);
    else groups.set(key, [ticket]);
  }
  return [...groups.values()].map((group) => {
    const { id, rule, cap } = (group[0] as BatchTicket).batch as BatchCap;
    const amounts = group.map((t) => t.trace.payout());
    const before = amounts.reduce((sum, a) => sum.plus(a), ZERO);
    if (before.greaterThan(cap)) {
      shareCap(amounts, cap).forEach((share, i) => {
        const amount = amounts[i] as Dec;
        if (share.equals(amount)) return;
        (group[i] as BatchTicket).trace.line([rule], 'batch-cap-share', share.minus(amount), {
          batch: id,
          batchCap: formatMoney(cap),
          batchTotal: formatMoney(before),
          ticketBefore: formatMoney(amount),
          ticketAfter: formatMoney(share),
        });
      });
    }
    return { batch: id, rule, cap: formatMoney(cap), before: formatMoney(before), after: formatMoney(minDec(before, cap)) };
  });
}
