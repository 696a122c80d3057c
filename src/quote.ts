import { type Facts, normalizeClaim } from './claim/normalize.js';
import type { ClaimInput } from './claim/schema.js';
import { CalendarRangeError, ClaimInputError, type InputIssue, NoRuleInForceError } from './errors.js';
import type { MessageKey, Warning } from './explain/messages.js';
import type { RuleId } from './ids.js';
import { formatMoney, ZERO } from './money.js';
import { readQuoteOptions } from './options.js';
import type { Policy, PolicyKind } from './policy/model.js';
import type { ItemType } from './policy/params.js';
import { type PolicyId, policyFor } from './policy/registry.js';
import { type Classification, classifyClaim, type Incident } from './rules/classify.js';
import { compensateExpress } from './rules/express.js';
import { compensatePostal } from './rules/postal.js';
import { claimDeadlines, type Deadline } from './rules/deadlines.js';
import { evaluateExemptions, type Exemption, isLiable } from './rules/exemptions.js';
import { applyBatchCaps, type BatchResult } from './rules/batch.js';
import { compensateNational } from './rules/national.js';
import { type BatchCap, compensateNetwork, type Settlement, settle } from './rules/network.js';
import { type TimeLimits, timeLimits } from './rules/timelimits.js';
import type { WorkCalendar } from './time/calendar.js';
import { type Line, type Trace, traceAt } from './trace.js';

export interface QuoteOptions {
  /** A built-in policy id or a policy from `definePolicy` or `loadPolicy`; default `cn-express`, the law for express companies. */
  policy?: PolicyId | Policy;
  /** The moment the claim is judged at; default `events.claimedAt`. An ISO text without offset is read in the policy's zone. */
  asOf?: string | Date;
  /** The working-day calendar for lengths in working days (T-1 for hk-macau, taiwan, international); default `calendars.cn`. */
  calendar?: WorkCalendar;
}

/** The compensation for one claim, every amount with its rule and source (README.md, Use it). */
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
  review: MessageKey<'review'>[];
  warnings: Warning[];
  /** The batch cap this ticket falls under (network policy, a claim with a batch); `quoteBatch` applies it. */
  batch?: { id: string; rule: RuleId; cap: string };
  /** what the responsible outlet pays and the compensated outlet receives (network policy). */
  settlement?: Settlement;
}

/** Options as validated: a policy may still be named by an id no built-in policy has (NoRuleInForceError). */
type Settings = ReturnType<typeof readQuoteOptions>;

interface Prepared {
  facts: Facts;
  trace: Trace;
  limits: TimeLimits;
}

/** The item types a policy has rules for: parcels always; postal mail where it has the Postal Law's rules (P-4, P-5). */
function itemTypesOf(policy: Policy): ItemType[] {
  return ['parcel', ...(policy.params.has('P-4') ? (['registered-letter'] as const) : []), ...(policy.params.has('P-5') ? (['ordinary'] as const) : [])];
}

/** Validation, the policy version in force at posting, and the time limits: what every rule starts from. */
function prepare(claim: unknown, options: Settings): Prepared {
  const policy = policyFor(options.policy);
  const facts = normalizeClaim(claim, policy.zone, options.asOf, itemTypesOf(policy));
  const trace = traceAt(policy, facts.postedAt, options.calendar);
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
export function classify(claim: ClaimInput, options?: QuoteOptions): Incident {
  const { facts, trace, limits } = prepare(claim, readQuoteOptions(options));
  return classifyClaim(facts, limits, facts.asOf, trace).incident;
}

/** The compensation rules of each kind of claims policy (policyFor refuses a complaints policy); outlet settlement also names the batch cap a ticket falls under. */
type ClaimsKind = Exclude<PolicyKind, 'complaints'>;
const COMPENSATE: Record<ClaimsKind, (facts: Facts, c: Classification, trace: Trace) => BatchCap | undefined | void> = {
  express: compensateExpress,
  postal: compensatePostal,
  national: compensateNational,
  network: compensateNetwork,
};

/** A ticket judged but not yet written out: batch caps may still add lines to its trace. */
interface Assessed {
  /** Only the waybill of the claim is kept: a batch holds every assessed ticket until its caps are applied. */
  waybill: string;
  trace: Trace;
  incident: Incident;
  liable: boolean;
  exemptions: Exemption[];
  deadlines: Deadline[];
  batch?: BatchCap;
}

/** Classification, exemptions, compensation by the policy's kind, and deadlines for one claim. */
function assess(claim: unknown, options: Settings): Assessed {
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
  const batch = liable ? COMPENSATE[trace.version.policy.kind as ClaimsKind](facts, classification, trace) : undefined;
  const deadlines = claimDeadlines(facts, limits, incident, filedAt, trace);
  return { waybill: facts.claim.waybill, trace, incident, liable, exemptions, deadlines, ...(batch && { batch }) };
}

/** The Quote of an assessed ticket: the payout is the sum of its lines (M-2); R-8 settlement under a network policy. */
function finish(a: Assessed): Quote {
  const { trace, batch } = a;
  const { version } = trace;
  const payout = trace.payout();
  return {
    waybill: a.waybill,
    policy: { id: version.policy.id, version: version.version, effectiveFrom: version.version },
    incident: a.incident,
    liable: a.liable,
    exemptions: a.exemptions,
    payout: formatMoney(payout),
    currency: 'CNY',
    lines: trace.lines,
    deadlines: a.deadlines,
    review: [...trace.review],
    warnings: [...trace.warnings],
    ...(batch && { batch: { id: batch.id, rule: batch.rule, cap: formatMoney(batch.cap) } }),
    ...(version.has('R-8') && { settlement: settle(trace, payout) }),
  };
}

/**
 * Quotes a claim: classification, exemptions, compensation and deadlines under the policy version in
 * force at posting. Throws ClaimInputError (every issue, with paths) or NoRuleInForceError. A ticket with a
 * batch is quoted on its own here; `quoteBatch` applies the batch caps.
 *
 * @example
 * const q = quote({ waybill: 'SF1', scope: 'domestic', fee: '20.00', postedAt: '2026-03-02T10:00:00+08:00',
 *                   value: { amount: '500.00', evidence: 'invoice' } }, { asOf: '2026-03-20' });
 * q.payout   // '80.00': fee 20.00 waived + goods min(500.00, 3 × 20.00)
 */
export function quote(claim: ClaimInput, options?: QuoteOptions): Quote {
  return finish(assess(claim, readQuoteOptions(options)));
}

/** Quotes of many tickets with the batch caps applied across them (docs/rules.md, Outlet settlement). */
export interface BatchQuote {
  tickets: Quote[];
  batches: BatchResult[];
  /** Sum of the tickets' payouts. */
  payout: string;
}

/**
 * Every ticket assessed, and written out at once unless it falls under a batch cap (so a large batch does not
 * hold every ticket's trace until the end). Prefixes a ticket's errors with its index, so that every bad
 * ticket is reported with where it is.
 */
function assessEach(claims: readonly ClaimInput[], options: Settings): (Quote | Assessed)[] {
  const issues: InputIssue[] = [];
  const assessed: (Quote | Assessed)[] = [];
  claims.forEach((claim, i) => {
    try {
      const ticket = assess(claim, options);
      assessed.push(ticket.batch ? ticket : finish(ticket));
    } catch (error) {
      if (error instanceof ClaimInputError) issues.push(...error.issues.map((issue) => ({ ...issue, path: [String(i), ...issue.path] })));
      else if (error instanceof NoRuleInForceError) throw new NoRuleInForceError(error.policy, error.case, `ticket ${i}: ${error.message}`);
      else if (error instanceof CalendarRangeError) throw new CalendarRangeError(error.year, `ticket ${i}: ${error.message}`);
      else throw error;
    }
  });
  if (issues.length) throw new ClaimInputError(issues);
  return assessed;
}

/**
 * Quotes tickets one by one, then applies each batch's cap to the batch total,
 * sharing a reduction pro rata so that the tickets add up to the capped total to the fen. Tickets without
 * a batch are untouched. ClaimInputError lists every bad ticket's issues, paths prefixed by its index.
 *
 * @example
 * const lost = (waybill: string) => ({ waybill, scope: 'domestic', fee: '10.00', batch: 'B1', declaredLost: true,
 *   postedAt: '2026-03-02T10:00:00+08:00' }) as const;
 * const b = quoteBatch(Array.from({ length: 12 }, (_, i) => lost(`W${i}`)), { policy: 'cn-network-reference', asOf: '2026-03-20' });
 * b.payout   // '10000.00': 12 × 1000.00 capped at 10000.00
 */
export function quoteBatch(claims: readonly ClaimInput[], options?: QuoteOptions): BatchQuote {
  const valid = readQuoteOptions(options);
  if (!Array.isArray(claims)) throw new ClaimInputError([{ path: [], message: 'expected an array of claims' }]);
  const assessed = assessEach(claims, valid);
  const batches = applyBatchCaps(assessed.filter((t): t is Assessed => 'trace' in t));
  const tickets = assessed.map((t) => ('trace' in t ? finish(t) : t));
  const payout = tickets.reduce((sum, t) => sum.plus(t.payout), ZERO);
  return { tickets, batches, payout: formatMoney(payout) };
}

/** The errors a quote reports about its input, its policy or its calendar (a bug still throws). */
export type QuoteError = ClaimInputError | NoRuleInForceError | CalendarRangeError;

export type SafeQuoteResult = { ok: true; quote: Quote } | { ok: false; error: QuoteError };

/** As `quote`, but returns the library's typed errors instead of throwing them. */
export function safeQuote(claim: unknown, options?: QuoteOptions): SafeQuoteResult {
  try {
    return { ok: true, quote: quote(claim as ClaimInput, options) };
  } catch (error) {
    if (error instanceof ClaimInputError || error instanceof NoRuleInForceError || error instanceof CalendarRangeError) {
      return { ok: false, error };
    }
    throw error;
  }
}
