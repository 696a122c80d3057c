import { type Facts, normalizeClaim } from './claim/normalize.js';
import type { ClaimInput } from './claim/schema.js';
import { ClaimInputError, NoRuleInForceError } from './errors.js';
import { formatMoney } from './money.js';
import { type Policy, versionInForce } from './policy/model.js';
import { policyFor } from './policy/registry.js';
import { classifyClaim, type Incident } from './rules/classify.js';
import { claimDeadlines, type Deadline } from './rules/deadlines.js';
import { evaluateExemptions, type Exemption, isLiable } from './rules/exemptions.js';
import { compensateNational } from './rules/national.js';
import { type TimeLimits, timeLimits } from './rules/timelimits.js';
import { formatLocalDate } from './time/instant.js';
import { type Line, Trace } from './trace.js';

export interface QuoteOptions {
  /** A built-in policy id or a policy from `definePolicy`; default `cn-gbt27917-2011`. */
  policy?: string | Policy;
  /** The moment the claim is judged at; default `events.claimedAt`. An ISO text without offset is read in the policy's zone. */
  asOf?: string | Date;
}

/** The compensation for one claim, every amount with its rule and source (API.md). */
export interface Quote {
  waybill: string;
  policy: { id: string; version: string; effectiveFrom: string };
  incident: Incident;
  liable: boolean;
  exemptions: Exemption[];
  payout: string;
  currency: 'CNY';
  lines: Line[];
  deadlines: Deadline[];
  review: string[];
  warnings: string[];
}

interface Prepared {
  facts: Facts;
  trace: Trace;
  limits: TimeLimits;
}

/** Validation, the policy version in force at posting, and the time limits: what every rule starts from. */
function prepare(claim: unknown, options: QuoteOptions): Prepared {
  const policy = policyFor(options.policy);
  const facts = normalizeClaim(claim, policy.zone, options.asOf);
  const trace = new Trace(versionInForce(policy, formatLocalDate(policy.zone, facts.postedAt)));
  return { facts, trace, limits: timeLimits(facts, trace) };
}

/**
 * Classifies a claim (C-1…C-5) without computing compensation. Needs `asOf` (or events.claimedAt) only
 * for an undelivered item.
 *
 * @example
 * classify({ waybill: 'SF1', scope: 'domestic', fee: '12.00', postedAt: '2026-03-02T10:00:00+08:00',
 *            firstAttemptAt: '2026-03-06T09:00:00+08:00' }).kind   // 'delay'
 */
export function classify(claim: ClaimInput, options: QuoteOptions = {}): Incident {
  const { facts, trace, limits } = prepare(claim, options);
  return classifyClaim(facts, limits, facts.asOf, trace).incident;
}

/**
 * Quotes a claim: classification, exemptions, compensation and deadlines under the policy version in
 * force at posting. Throws ClaimInputError (every issue, with paths) or NoRuleInForceError.
 *
 * @example
 * const q = quote({ waybill: 'SF1', scope: 'domestic', fee: '20.00', postedAt: '2026-03-02T10:00:00+08:00',
 *                   value: { amount: '500.00', evidence: 'invoice' } }, { asOf: '2026-03-20' });
 * q.payout   // '80.00': fee 20.00 waived + goods min(500.00, 3 × 20.00)
 */
export function quote(claim: ClaimInput, options: QuoteOptions = {}): Quote {
  const { facts, trace, limits } = prepare(claim, options);
  const asOf = facts.asOf;
  if (asOf === undefined) {
    throw new ClaimInputError([
      { path: ['asOf'], message: 'required: give options.asOf or events.claimedAt (the time bar E-3 and D-1 count from it)' },
    ]);
  }
  const classification = classifyClaim(facts, limits, asOf, trace);
  const { incident } = classification;
  const filedAt = facts.claimedAt ?? asOf;
  const exemptions = evaluateExemptions(facts, incident, limits, filedAt, trace);
  const liable = isLiable(facts, incident, exemptions, trace);
  if (liable) compensateNational(facts, classification, trace);
  const deadlines = claimDeadlines(facts, limits, filedAt, trace);
  const { version } = trace;
  return {
    waybill: facts.claim.waybill,
    policy: { id: version.policy.id, version: version.version, effectiveFrom: version.version },
    incident,
    liable,
    exemptions,
    payout: formatMoney(trace.payout()),
    currency: 'CNY',
    lines: trace.lines,
    deadlines,
    review: [...trace.review],
    warnings: [...trace.warnings],
  };
}

export type SafeQuoteResult = { ok: true; quote: Quote } | { ok: false; error: ClaimInputError | NoRuleInForceError };

/** As `quote`, but returns the library's typed errors instead of throwing them. */
export function safeQuote(claim: unknown, options: QuoteOptions = {}): SafeQuoteResult {
  try {
    return { ok: true, quote: quote(claim as ClaimInput, options) };
  } catch (error) {
    if (error instanceof ClaimInputError || error instanceof NoRuleInForceError) return { ok: false, error };
    throw error;
  }
}
