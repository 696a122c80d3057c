import type { Facts } from '../claim/normalize.js';
import { ClaimInputError, NoRuleInForceError } from '../errors.js';
import { type Dec, formatMoney, minDec, roundToFen, ZERO } from '../money.js';
import { findBand } from '../policy/bands.js';
import type { RuleId, RuleParam } from '../ids.js';
import type { ParamKey } from '../policy/params.js';
import type { Trace } from '../trace.js';
import type { Classification, Shortfall } from './classify.js';
import { payAgreement } from './exemptions.js';

/** The batch cap a ticket's compensation falls under: applied by `quoteBatch`. */
export interface BatchCap {
  id: string;
  rule: RuleParam;
  cap: Dec;
}

/** what the responsible outlet pays and what the compensated outlet receives. */
export interface Settlement {
  /** Compensation plus the payer's handling fee. */
  payer: string;
  /** Compensation minus the payee's handling fee. */
  payee: string;
  payerFee: string;
  payeeFee: string;
  rule: RuleId;
  source: string;
}

/** A ceiling on an amount and the rule that sets it. */
interface Cap {
  rule: RuleParam;
  amount: Dec;
}

/** The lowest of `raw` and the caps, and the rule that decides it: the binding cap's, else the base rule's. */
function capped(raw: Dec, base: RuleParam, caps: readonly Cap[]): Cap {
  return caps.reduce<Cap>((low, cap) => (cap.amount.lessThan(low.amount) ? cap : low), { rule: base, amount: raw });
}

function noRule(trace: Trace, kase: string, message: string): NoRuleInForceError {
  const { policy, version } = trace.version;
  return new NoRuleInForceError(policy.id, kase, `policy ${policy.id} (version ${version}) ${message}`);
}

function required(path: string[], message: string): ClaimInputError {
  return new ClaimInputError([{ path, message: `required: ${message}` }]);
}

const DELAY_RATE = { direct: 'R-9', agent: 'R-11', 'third-party': 'R-12' } as const;
const LOSS_STANDARD = { direct: 'R-5', agent: 'R-6' } as const;

function batchOf(facts: Facts, rule: RuleParam, cap: Dec | null): BatchCap | undefined {
  const id = facts.claim.batch;
  return id !== undefined && cap !== null ? { id, rule, cap } : undefined;
}

/**
 * by network: a rate per delay day (days counted by R-13, `C-1.delayDays`), up to the
 * per-ticket cap of the weight band (≤ 1 kg inclusive / above for R-9) and, by R-10, up to the actual value.
 */
function payDelay(facts: Facts, delayDays: number, trace: Trace): BatchCap | undefined {
  const key = DELAY_RATE[facts.claim.network];
  const rate = trace.param(key);
  const { weightKg, value } = facts.claim;
  const caps: Cap[] = [];
  const basis: Record<string, string> = {
    delayDays: String(delayDays),
    convention: trace.param('C-1.delayDays'),
    perDay: formatMoney(rate.perDay),
  };
  if (rate.ticketCap) {
    const banded = rate.ticketCap.length > 1;
    if (banded && weightKg === undefined) throw required(['weightKg'], `the ${key} per-ticket cap depends on the weight`);
    const band = findBand(rate.ticketCap, weightKg ?? ZERO);
    caps.push({ rule: key, amount: band.value });
    Object.assign(basis, { ticketCap: formatMoney(band.value) }, banded && { weightKg: (weightKg as Dec).toString() });
  }
  if (value && trace.version.has('R-10')) {
    trace.param('R-10');
    caps.push({ rule: 'R-10', amount: value.amount });
    basis.value = formatMoney(value.amount);
  }
  const uncapped = rate.perDay.times(delayDays);
  const paid = capped(uncapped, key, caps);
  basis.uncapped = formatMoney(uncapped);
  trace.line([paid.rule, key, 'C-1.delayDays', ...caps.map((c) => c.rule)], 'delay-per-day', paid.amount, basis);
  return batchOf(facts, key, rate.batchCap);
}

/** by network: the standard amount per ticket; R-7: the actual value where it is lower. */
function payLoss(facts: Facts, trace: Trace): BatchCap | undefined {
  const network = facts.claim.network;
  if (network === 'third-party') {
    throw noRule(trace, 'loss-third-party', 'has no loss standard for a third-party transfer (R-5/R-6 cover direct and agent networks)');
  }
  const key = LOSS_STANDARD[network];
  const standard = trace.param(key);
  const value = facts.claim.value;
  const caps: Cap[] = [];
  if (value && trace.version.has('R-7')) {
    trace.param('R-7');
    caps.push({ rule: 'R-7', amount: value.amount });
  }
  const paid = capped(standard.perTicket, key, caps);
  trace.line([paid.rule, key, ...caps.map((c) => c.rule)], 'loss-standard', paid.amount, {
    standard: formatMoney(standard.perTicket),
    ...(value && { value: formatMoney(value.amount) }),
  });
  return batchOf(facts, key, standard.batchCap);
}

/** The value lost in e-commerce damage or mismatch, or undefined when a person must value it (review). */
function ecommerceLoss(facts: Facts, c: Classification, trace: Trace): Dec | undefined {
  const { damage, value } = facts.claim;
  if (c.incident.kind === 'mismatch') return mismatchLoss(c.shortfall as Shortfall, trace);
  if (damage?.extent === 'partial' && damage.lostValue) return damage.lostValue;
  if (!value) throw required(['value'], 'the e-commerce damage rules (R-1/R-2) pay the value lost, a share of the value');
  return damage?.extent === 'partial' && damage.ratio ? damage.ratio.times(value.amount) : value.amount;
}

/** C-4 shortfall as R-2 values it: all missing is the whole declared value; what has no unit value goes to review. */
function mismatchLoss(s: Shortfall, trace: Trace): Dec | undefined {
  if (s.weightDiffers.length) trace.review.add('mismatch-weight-differs');
  if (s.unvalued.length || (s.allMissing && !s.declaredValue)) {
    trace.review.add('mismatch-not-valued');
    return undefined;
  }
  if (s.lostValue.isZero() && !s.allMissing) return undefined;
  return s.allMissing ? s.declaredValue : s.lostValue;
}

/**
 * R-1…R-4, e-commerce items only: partial damage with a transaction record by degree (R-1, cap per ticket);
 * total damage or missing contents at the actual loss (R-2, cap per ticket); without a formal invoice and
 * a loss at or above the R-3 threshold, the R-3 cap (practical item or not); contents worth at or above the
 * R-4 threshold go to review. Other channels: no rule in the source (NoRuleInForceError).
 */
function payEcommerceDamage(facts: Facts, c: Classification, trace: Trace): void {
  const kind = c.incident.kind;
  const { channel, value, damage } = facts.claim;
  if (channel !== 'ecommerce') {
    throw noRule(trace, `${kind}-${channel}-channel`, `has no rule for ${kind} of a ${channel}-channel item (R-1…R-3 cover e-commerce items)`);
  }
  const contentsValue = value?.amount ?? c.shortfall?.declaredValue;
  if (contentsValue?.greaterThanOrEqualTo(trace.param('R-4').from)) trace.review.add('high-value');
  const lost = ecommerceLoss(facts, c, trace);
  if (lost === undefined) return;

  const r3 = trace.param('R-3');
  const noInvoice = value?.evidence !== 'invoice';
  const caps: Cap[] = [];
  const basis: Record<string, string> = { lostValue: formatMoney(lost), ...(value && { evidence: value.evidence }) };
  if (noInvoice && lost.greaterThanOrEqualTo(r3.from)) {
    if (value?.practical === undefined) trace.warnings.add('practical-not-stated');
    const practical = value?.practical === true;
    caps.push({ rule: 'R-3', amount: practical ? r3.practicalCap : r3.otherCap });
    basis.practical = String(practical);
  }
  let base: ParamKey = 'R-2';
  if (kind === 'damage' && damage?.extent === 'partial') {
    const r1 = trace.param('R-1');
    const evidenced = value !== undefined && (r1.evidence as readonly string[]).includes(value.evidence);
    if (evidenced) caps.push({ rule: 'R-1', amount: r1.cap });
    else if (caps.length === 0) {
      throw noRule(trace, 'R-1.evidence', `pays partial damage of an e-commerce item only with ${r1.evidence.join(' or ')} (R-1)`);
    }
    base = evidenced ? 'R-1' : 'R-3';
  } else {
    caps.push({ rule: 'R-2', amount: trace.param('R-2').cap });
  }
  const paid = capped(lost, base, caps);
  basis.cap = formatMoney(caps.map((cap) => cap.amount).reduce(minDec));
  trace.line([paid.rule, base, ...caps.map((cap) => cap.rule)], `ecommerce-${base === 'R-1' ? 'partial-damage' : 'actual-loss'}`, paid.amount, basis);
}

/**
 * Outlet-settlement compensation for a liable claim (docs/rules.md): an agreement (E-7) where recorded, else
 * delay R-9…R-13, loss R-5…R-7, e-commerce damage and missing contents R-1…R-4. Returns the batch cap the
 * ticket falls under, if any.
 */
export function compensateNetwork(facts: Facts, c: Classification, trace: Trace): BatchCap | undefined {
  const { kind, delayDays } = c.incident;
  if (facts.claim.agreement) {
    payAgreement(facts, trace, ['E-7']);
    return undefined;
  }
  if (kind === 'delay') return payDelay(facts, delayDays ?? 0, trace);
  if (kind === 'loss') return payLoss(facts, trace);
  if (kind === 'damage' || kind === 'mismatch') payEcommerceDamage(facts, c, trace);
  return undefined;
}

/** handling fees on the compensation, each rounded to the fen (M-3: the rate keeps full precision). */
export function settle(trace: Trace, compensation: Dec): Settlement {
  const { payerRate, payeeRate } = trace.param('R-8');
  const payerFee = roundToFen(compensation.times(payerRate));
  const payeeFee = roundToFen(compensation.times(payeeRate));
  return {
    payer: formatMoney(compensation.plus(payerFee)),
    payee: formatMoney(compensation.minus(payeeFee)),
    payerFee: formatMoney(payerFee),
    payeeFee: formatMoney(payeeFee),
    rule: 'R-8',
    source: trace.cite(['R-8']),
  };
}
