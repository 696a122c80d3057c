import type { Facts } from '../claim/normalize.js';
import { ClaimInputError } from '../errors.js';
import type { MessageKey } from '../explain/messages.js';
import { type Dec, ZERO } from '../money.js';
import type { DelayDayConvention, IncidentKind } from '../policy/params.js';
import type { EpochMs } from '../time/instant.js';
import { DAY_MS, localDayNumber } from '../time/zone.js';
import type { Trace } from '../trace.js';
import type { TimeLimits } from './timelimits.js';

/** What happened to the ticket: exactly one kind (一票一赔), with every finding as a reason, first the decisive one. */
export interface Incident {
  kind: IncidentKind | 'none';
  /** True while the answer can still change with time: an undelivered item not yet lost. */
  provisional: boolean;
  /** Days of delay by the policy's convention (C-1), for a delay. */
  delayDays?: number;
  /** Message keys, e.g. `first-attempt-after-promised-deadline`. */
  reasons: MessageKey<'reasons'>[];
}

/** C-4: what the contents comparison found. */
export interface Shortfall {
  /** Σ (declared − received quantity) × unit value over declared items. */
  lostValue: Dec;
  /** Value of everything declared: the claim's value, else Σ quantity × unit value; undefined when unknown. */
  declaredValue?: Dec;
  allMissing: boolean;
  /** Declared items short in quantity without a unit value: the shortfall cannot be valued. */
  unvalued: string[];
  /** Items whose weight differs beyond the tolerance while the quantity matches. */
  weightDiffers: string[];
}

export interface Classification {
  incident: Incident;
  shortfall?: Shortfall;
}

interface Finding {
  kind: IncidentKind | 'none';
  reason: MessageKey<'reasons'>;
}

/** C-1 / R-13: whole days of delay between the promised deadline and `until`, by convention. */
export function delayDays(convention: DelayDayConvention, zone: string, promised: EpochMs, until: EpochMs): number {
  const late = until - promised;
  if (late <= 0) return 0;
  if (convention === 'started-24h') return Math.ceil(late / DAY_MS);
  if (convention === 'full-24h') return Math.floor(late / DAY_MS);
  return localDayNumber(zone, until) - localDayNumber(zone, promised);
}

/** C-4: compares declared and received contents. A declared item replaced by something else is wholly missing. */
export function compareContents(facts: Facts, trace: Trace): Shortfall | undefined {
  const contents = facts.claim.contents;
  if (!contents) return undefined;
  const tolerance = trace.param('C-4.weightToleranceKg');
  const received = new Map(contents.received.map((item) => [item.name, item]));
  let lostValue = ZERO;
  let declaredValue: Dec | undefined = ZERO;
  let allMissing = true;
  const unvalued: string[] = [];
  const weightDiffers: string[] = [];
  for (const item of contents.declared) {
    const got = received.get(item.name);
    const short = Math.max(0, item.quantity - (got?.quantity ?? 0));
    if (short < item.quantity) allMissing = false;
    declaredValue = item.unitValue && declaredValue ? declaredValue.plus(item.unitValue.times(item.quantity)) : undefined;
    if (short > 0) {
      if (item.unitValue) lostValue = lostValue.plus(item.unitValue.times(short));
      else unvalued.push(item.name);
    } else if (item.weightKg && got?.weightKg && item.weightKg.minus(got.weightKg).abs().greaterThan(tolerance)) {
      weightDiffers.push(item.name);
    }
  }
  const shortAny = lostValue.greaterThan(0) || unvalued.length > 0;
  if (!shortAny && weightDiffers.length === 0) return undefined;
  const total = facts.claim.value?.amount ?? declaredValue;
  return {
    lostValue,
    ...(total && { declaredValue: total }),
    allMissing,
    unvalued,
    weightDiffers,
  };
}

/** Why an item counts as lost by time, by what the limit is: T-2 after the promised deadline, or an inquiry's P-8 reply. */
const LOST_BY_TIME = {
  'D-5': { attempt: 'first-attempt-after-thorough-delay-deadline', none: 'no-attempt-by-thorough-delay-deadline' },
  'P-8': { attempt: 'first-attempt-after-inquiry-reply-deadline', none: 'not-found-by-inquiry-reply-deadline' },
} as const;

/** C-1 / C-2 / C-5: what the timing of the first attempt (or its absence at `asOf`) says. */
function timingFinding(facts: Facts, limits: TimeLimits, asOf: EpochMs | undefined, trace: Trace): Finding & { open: boolean } {
  const { claim, attemptAt } = facts;
  if (claim.declaredLost) return { kind: 'loss', reason: 'declared-lost', open: false };
  const agreed = claim.agreement !== undefined;
  const { promised, lostAfter } = limits;
  if (attemptAt !== undefined) {
    if (lostAfter && attemptAt > lostAfter.at) {
      if (agreed) return { kind: 'delay', reason: 'late-under-special-agreement', open: false };
      if (claim.acceptedLateDelivery && trace.param('C-2.acceptedLateDelivery') === 'delay') {
        return { kind: 'delay', reason: 'late-delivery-accepted', open: false };
      }
      return { kind: 'loss', reason: LOST_BY_TIME[lostAfter.rule].attempt, open: false };
    }
    if (promised !== undefined && attemptAt > promised) return { kind: 'delay', reason: 'first-attempt-after-promised-deadline', open: false };
    return { kind: 'none', reason: promised === undefined ? 'no-promised-deadline' : 'attempted-on-time', open: false };
  }
  if (asOf === undefined) {
    throw new ClaimInputError([
      { path: ['asOf'], message: 'required for an undelivered item: give options.asOf or events.claimedAt' },
    ]);
  }
  if (lostAfter && asOf > lostAfter.at) {
    if (agreed) return { kind: 'delay', reason: 'undelivered-under-special-agreement', open: true };
    return { kind: 'loss', reason: LOST_BY_TIME[lostAfter.rule].none, open: false };
  }
  if (promised !== undefined && asOf > promised) return { kind: 'delay', reason: 'delay-in-progress', open: true };
  return { kind: 'none', reason: promised === undefined ? 'no-promised-deadline' : 'not-yet-due', open: true };
}

/** The rule that makes a finding of each kind, which the policy must have in force. */
const RULE_OF = { delay: 'C-1', loss: 'C-2', damage: 'C-3', mismatch: 'C-4' } as const;

/**
 * C-1…C-5: classifies the ticket. Several findings may hold (damaged and late); the policy's precedence
 * (loss > damage > mismatch > delay by default) picks the one kind, and every finding stays a reason.
 */
export function classifyClaim(facts: Facts, limits: TimeLimits, asOf: EpochMs | undefined, trace: Trace): Classification {
  const timing = timingFinding(facts, limits, asOf, trace);
  const findings: Finding[] = [timing];
  const damage = facts.claim.damage;
  if (damage) findings.push({ kind: 'damage', reason: damage.extent === 'total' ? 'damage-total' : 'damage-partial' });
  const shortfall = compareContents(facts, trace);
  if (shortfall) {
    const reason = shortfall.allMissing
      ? 'contents-missing'
      : shortfall.lostValue.greaterThan(0) || shortfall.unvalued.length
        ? 'contents-short'
        : 'contents-weight-differs';
    findings.push({ kind: 'mismatch', reason });
  }
  const precedence = trace.param('C-precedence');
  const rank = (f: Finding) => (f.kind === 'none' ? precedence.length : precedence.indexOf(f.kind));
  const ordered = [...findings].sort((a, b) => rank(a) - rank(b));
  const decisive = ordered[0] as Finding;
  if (decisive.kind !== 'none') trace.param(RULE_OF[decisive.kind]);
  const reasons = ordered.filter((f) => f.kind !== 'none' || decisive.kind === 'none').map((f) => f.reason);
  const incident: Incident = {
    kind: decisive.kind,
    provisional: timing.open && decisive === timing,
    ...(decisive.kind === 'delay' && {
      delayDays: delayDays(
        trace.param('C-1.delayDays'),
        facts.zone,
        limits.promised as EpochMs,
        (facts.attemptAt ?? asOf) as EpochMs,
      ),
    }),
    reasons,
  };
  if (incident.provisional && incident.kind === 'delay') trace.warnings.add('provisional');
  return { incident, ...(decisive.kind === 'mismatch' && shortfall && { shortfall }) };
}
