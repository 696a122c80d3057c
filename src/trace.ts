import type { MessageKey, Warning } from './explain/messages.js';
import type { RuleId, RuleParam } from './ids.js';
import { type Dec, formatMoney, roundToFen, ZERO } from './money.js';
import { type Dated, type Policy, type PolicyVersion, versionInForce } from './policy/model.js';
import type { ParamKey, ParamValue } from './policy/params.js';
import { calendars, type WorkCalendar } from './time/calendar.js';
import { type EpochMs, formatLocalDate } from './time/instant.js';

/** One amount of a breakdown: the rule that produced it, what it is, the figures it came from, its sources. */
export interface Line {
  rule: RuleId;
  /** Message key of what the amount is (`fee-waiver`, `goods-uninsured`…); `explain` renders it. */
  label: MessageKey<'labels'>;
  amount: string;
  /** The figures, by message key (`fee`, `insuredValue`…). */
  basis: Basis;
  source: string;
}

/** The warnings of each unverified policy value, written once: every quote that uses the value holds the same texts. */
const valueWarnings = new WeakMap<Dated<unknown>, readonly Warning[]>();

function warningsOf(key: ParamKey, dated: Dated<unknown>): readonly Warning[] {
  let warnings = valueWarnings.get(dated);
  if (warnings === undefined) {
    warnings = [
      ...(dated.verified ? [] : [`unverified-parameter:${key}` as const]),
      ...(dated.fromVerified ? [] : [`unverified-effective-date:${dated.from}` as const]),
    ];
    valueWarnings.set(dated, warnings);
  }
  return warnings;
}

/** The figures an amount came from, by message key. */
export type Basis = Partial<Record<MessageKey<'basis'>, string>>;

/**
 * What a quote's rules write down as they run: breakdown lines, warnings and reasons for review. Rules read
 * policy values through it, so every value they use is cited and an unverified one is warned about.
 */
export class Trace {
  readonly lines: Line[] = [];
  readonly warnings = new Set<Warning>();
  readonly review = new Set<MessageKey<'review'>>();
  private total: Dec | undefined;
  readonly version: PolicyVersion;
  /** The working-day calendar lengths in working days are counted with. */
  readonly calendar: WorkCalendar;

  constructor(version: PolicyVersion, calendar: WorkCalendar) {
    this.version = version;
    this.calendar = calendar;
  }

  /**
   * A policy value in force; warns `unverified-parameter:<key>` when no primary text confirms it, and
   * `unverified-effective-date:<from>` when none confirms the date it took effect.
   */
  param<K extends ParamKey>(key: K): ParamValue<K> {
    const dated = this.version.get(key);
    if (!dated.verified || !dated.fromVerified) for (const warning of warningsOf(key, dated)) this.warnings.add(warning);
    return dated.value;
  }

  /** The sources of a rule and of the values it used, as one citation. */
  cite(keys: readonly ParamKey[]): string {
    return this.version.cite(keys);
  }

  /**
   * The one way an amount reaches a Quote, so that none goes uncited: rounds it half-up to the fen (M-2) and
   * records it under `rule`, citing the rule and the values it used (`keys`, rule first).
   */
  line(keys: readonly [RuleParam, ...ParamKey[]], label: MessageKey<'labels'>, amount: Dec, basis: Basis): Dec {
    const rounded = roundToFen(amount);
    this.lines.push({ rule: keys[0], label, amount: formatMoney(rounded), basis, source: this.cite(keys) });
    this.total = this.total ? this.total.plus(rounded) : rounded;
    return rounded;
  }

  /** M-2: the payout is the exact sum of the rounded lines. */
  payout(): Dec {
    return this.total ?? ZERO;
  }
}

/** The trace of a claim or complaint under the version of `policy` in force on the local date of `at`. */
export function traceAt(policy: Policy, at: EpochMs, calendar: WorkCalendar = calendars.cn): Trace {
  return new Trace(versionInForce(policy, formatLocalDate(policy.zone, at)), calendar);
}
