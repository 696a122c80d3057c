import type { ClaimInput } from './claim/schema.js';
import { ArgumentError } from './errors.js';
import type { Policy } from './policy/model.js';
import { policies as builtin, type PolicyId } from './policy/registry.js';
import { type Quote, type QuoteError, type QuoteOptions, safeQuote } from './quote.js';

/** One policy's answer for the claim: its quote, or the typed error it gave (a policy not in force, a case without a rule). */
export interface ComparisonRow {
  policy: string;
  /** The version that decided; empty when the policy gave an error. */
  version: string;
  outcome: { ok: true; quote: Quote } | { ok: false; error: QuoteError };
}

/** One claim under several policies, side by side (`explain` renders it as a table). */
export interface Comparison {
  /** The claim's waybill. */
  claim: string;
  rows: ComparisonRow[];
}

/**
 * The built-in policies a customer's claim is compared under by default: every claims policy but outlet
 * settlement, which pays outlets, not customers.
 */
export const CUSTOMER_POLICIES: readonly string[] = builtin.filter((p) => p.kind !== 'complaints' && p.kind !== 'network').map((p) => p.id);

const isNotInForce = (row: ComparisonRow) => !row.outcome.ok && row.outcome.error.code === 'NO_RULE_IN_FORCE' && row.outcome.error.case === 'no-version';

/**
 * Quotes one claim under each policy, in the order given: what the carrier's terms pay, what the law pays,
 * and whether a cap binds. A policy that is not in force at the posting date, or has no rule for the case,
 * is a row with its typed error, not a throw. Without `policies`, every built-in customer-facing claims policy
 * (`CUSTOMER_POLICIES`) in force at the posting date. `options` are those of `quote`, without `policy`.
 *
 * @example
 * const c = compare(claim, ['sf-express', 'cn-express'], { asOf: '2026-03-20' });
 * c.rows.map((r) => r.outcome.ok && r.outcome.quote.payout);   // ['160.00', '520.00']
 * console.log(explain(c));
 */
export function compare(claim: ClaimInput, policies?: readonly (PolicyId | Policy)[], options: Omit<QuoteOptions, 'policy'> = {}): Comparison {
  if (policies !== undefined && (!Array.isArray(policies) || policies.length === 0)) {
    throw new ArgumentError('compare', [{ path: ['policies'], message: 'a non-empty array of policy ids or Policies' }]);
  }
  const notPolicies = (policies ?? []).flatMap((p, i) =>
    typeof p === 'string' || (typeof p === 'object' && p !== null && typeof p.id === 'string') ? [] : [{ path: ['policies', String(i)], message: 'a policy id or a Policy' }],
  );
  if (notPolicies.length) throw new ArgumentError('compare', notPolicies);
  if (typeof options === 'object' && options !== null && 'policy' in options) {
    throw new ArgumentError('compare', [{ path: ['options', 'policy'], message: 'compare takes its policies as its second argument' }]);
  }
  const rows = (policies ?? CUSTOMER_POLICIES).map((policy): ComparisonRow => {
    const result = safeQuote(claim, { ...options, policy });
    const id = typeof policy === 'string' ? policy : policy.id;
    return result.ok
      ? { policy: id, version: result.quote.policy.version, outcome: { ok: true, quote: result.quote } }
      : { policy: id, version: '', outcome: { ok: false, error: result.error } };
  });
  const waybill = typeof claim === 'object' && claim !== null && typeof claim.waybill === 'string' ? claim.waybill : '';
  return { claim: waybill, rows: policies ? rows : rows.filter((row) => !isNotInForce(row)) };
}
