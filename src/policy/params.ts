import * as z from 'zod/mini';
import { Dec } from '../money.js';
import { bandTable, decimalText } from './bands.js';

/**
 * Every parameter a policy may set, with the schema of its value. A parameter named after a rule ID
 * (`N-1`, `E-2`) switches that rule on and carries its citation; the others are the rule's numbers and
 * decisions. Rules read nothing else: an amount, rate or day count lives here, never in logic.
 */

const count = z.number().check(z.int(), z.nonnegative());
export const duration = z.union(
  [
    z.strictObject({ hours: count }),
    z.strictObject({ calendarDays: count }),
    z.strictObject({ calendarYears: count }),
    z.strictObject({ workingDays: count }),
  ],
  { error: 'a length: { hours }, { calendarDays }, { calendarYears } or { workingDays }, a whole number' },
);
/** An amount, rate or multiple: a non-negative decimal string, read exactly. */
const decimal = z.pipe(decimalText, z.transform((s: string) => new Dec(s)));
const evidence = z.enum(['invoice', 'transaction-record', 'none']);
/** A delay rate of the network policy: per day, a per-ticket cap by weight band, a batch cap. */
const delayRate = z.strictObject({
  perDay: decimal,
  ticketCap: z.nullable(bandTable(decimal)),
  batchCap: z.nullable(decimal),
});
/** A loss standard of the network policy: per ticket and per batch. */
const lossStandard = z.strictObject({ perTicket: decimal, batchCap: z.nullable(decimal) });
const ruleSwitch = z.strictObject({});
export const incidentKind = z.enum(['delay', 'loss', 'damage', 'mismatch']);

export const scopes = ['same-city', 'domestic', 'hk-macau', 'taiwan', 'international'] as const;
export const regions = ['asia', 'north-america', 'europe', 'oceania', 'other'] as const;
/** What was sent: an express parcel or postal parcel (every regime), or postal mail the Postal Law treats apart. */
export const itemTypes = ['parcel', 'registered-letter', 'ordinary'] as const;
export type ItemType = (typeof itemTypes)[number];
export type IncidentKind = z.infer<typeof incidentKind>;

export const delayDayConventions = ['started-24h', 'full-24h', 'local-calendar-date'] as const;
export type DelayDayConvention = (typeof delayDayConventions)[number];

export const PARAMS = {
  // T-1 service time limit; null = no default, the claim must give promisedBy.
  'T-1.same-city': z.nullable(duration),
  'T-1.domestic': z.nullable(duration),
  'T-1.hk-macau': z.nullable(duration),
  'T-1.taiwan': z.nullable(duration),
  'T-1.international.asia': z.nullable(duration),
  'T-1.international.north-america': z.nullable(duration),
  'T-1.international.europe': z.nullable(duration),
  'T-1.international.oceania': z.nullable(duration),
  'T-1.international.other': z.nullable(duration),
  // T-2 thorough-delay limit, counted from the promised deadline.
  'T-2.same-city': duration,
  'T-2.domestic': duration,
  'T-2.hk-macau': duration,
  'T-2.taiwan': duration,
  'T-2.international': duration,
  // T-3 claim window, counted from posting; a policy may set another window for some scopes (P-8).
  'T-3': duration,
  'T-3.hk-macau': duration,
  'T-3.taiwan': duration,
  'T-3.international': duration,
  // Classification.
  'C-1': ruleSwitch,
  'C-1.delayDays': z.enum(delayDayConventions),
  'C-2': ruleSwitch,
  'C-2.acceptedLateDelivery': z.enum(['delay', 'loss']),
  'C-3': ruleSwitch,
  'C-4': ruleSwitch,
  'C-4.weightToleranceKg': decimal,
  'C-precedence': z
    .array(incidentKind)
    .check(z.refine((kinds) => kinds.length === 4 && new Set(kinds).size === 4, 'each of delay, loss, damage, mismatch once')),
  // Exemptions: a policy applies exactly the ones it sets.
  'E-1': z.strictObject({ causes: z.array(z.enum(['sender', 'recipient', 'inherent-vice'])).check(z.minLength(1)) }),
  'E-2': z.strictObject({ insuredItemsExcepted: z.boolean() }),
  'E-3': ruleSwitch,
  'E-4': z.strictObject({ products: z.record(z.string().check(z.minLength(1)), z.array(incidentKind).check(z.minLength(1))) }),
  'E-5': z.strictObject({ kinds: z.array(incidentKind).check(z.minLength(1)) }),
  'E-6': z.strictObject({ kinds: z.array(incidentKind).check(z.minLength(1)) }),
  'E-7': ruleSwitch,
  // National-standard compensation.
  'N-1': ruleSwitch,
  'N-2': ruleSwitch,
  'N-2.uninsuredFeeMultiple': z.nullable(decimal),
  'N-2.unprovenValue': z.enum(['cap', 'review']),
  'N-2.insuredCappedAtEvidencedValue': z.boolean(),
  'N-3': ruleSwitch,
  'N-4': ruleSwitch,
  'N-4.waiveFee': z.boolean(),
  'N-5': ruleSwitch,
  'N-6': ruleSwitch,
  // Compensation under the law for express companies (cn-express): X-1 insured by the agreed 保价 rules,
  // X-2 uninsured actual loss, X-3 an unproven value goes to review, X-4 the fee waived with a whole loss;
  // L-1 / L-2 when an agreed cap does not bind (not brought to notice; intent or gross negligence).
  'X-1': z.strictObject({ cappedAtEvidencedValue: z.boolean() }),
  'X-2': ruleSwitch,
  'X-3': ruleSwitch,
  'X-4': ruleSwitch,
  'L-1': ruleSwitch,
  'L-2': ruleSwitch,
  // A carrier's terms on top of a regime (sf-express, zto): G-1 the uninsured cap (a multiple of the fee, an
  // amount, or both: the lower binds), G-2 what an unproven uninsured value is paid (a multiple of the fee),
  // G-3 the value an item neither declared nor insured counts as at most, G-4 an insured item whose value is
  // unproven: the premium refunded and the item paid as uninsured. They bind as L-1 / L-2 allow.
  'G-1': z.strictObject({ feeMultiple: z.nullable(decimal), amount: z.nullable(decimal) }),
  'G-2': z.strictObject({ feeMultiple: decimal }),
  'G-3': z.strictObject({ undeclaredValueUpTo: decimal }),
  'G-4': ruleSwitch,
  // Postal 给据邮件 (cn-postal): P-1/P-2 insured, P-3 uninsured parcel cap, P-4 registered letter flat amount,
  // P-5 ordinary mail, P-6 caps forfeited, P-8 inquiry reply deadlines; which incidents the statute compensates.
  'P-1': ruleSwitch,
  'P-2': ruleSwitch,
  'P-3': z.strictObject({ feeMultiple: decimal }),
  'P-4': z.strictObject({ feeMultiple: decimal }),
  'P-5': ruleSwitch,
  'P-6': ruleSwitch,
  'P-8.same-city': duration,
  'P-8.domestic': duration,
  'P-8.hk-macau': duration,
  'P-8.taiwan': duration,
  'P-8.international': duration,
  'P-incidents': z.strictObject({ kinds: z.array(incidentKind).check(z.minLength(1)) }),
  // Claim deadlines.
  'D-1': duration,
  'D-2.same-city': duration,
  'D-2.domestic': duration,
  'D-2.hk-macau': duration,
  'D-2.taiwan': duration,
  'D-2.international': duration,
  'D-3': duration,
  // Complaint deadlines (docs/rules.md), counted from receipt.
  'K-1': duration,
  'K-2': duration,
  'K-3': duration,
  'K-4': duration,
  'K-5.simple': duration,
  'K-5.complex': duration,
  // Network settlement (docs/rules.md): e-commerce damage, loss, handling fees, delay.
  'R-1': z.strictObject({ cap: decimal, evidence: z.array(evidence).check(z.minLength(1)) }),
  'R-2': z.strictObject({ cap: decimal }),
  'R-3': z.strictObject({ from: decimal, practicalCap: decimal, otherCap: decimal }),
  'R-4': z.strictObject({ from: decimal }),
  'R-5': lossStandard,
  'R-6': lossStandard,
  'R-7': ruleSwitch,
  'R-8': z.strictObject({ payerRate: decimal, payeeRate: decimal }),
  'R-9': delayRate,
  'R-10': ruleSwitch,
  'R-11': delayRate,
  'R-12': delayRate,
  // Outlet settlement deadlines, counted from the report (events.claimedAt).
  'D-6.delay': duration,
  'D-6.damage': duration,
  'D-6.loss': duration,
  'D-7.delay': duration,
  'D-7.damage': duration,
  'D-7.loss': duration,
  'D-8': z.strictObject({ returns: count.check(z.gte(1)) }),
} as const;

export type ParamKey = keyof typeof PARAMS;
export type ParamValue<K extends ParamKey> = z.output<(typeof PARAMS)[K]>;

export function isParamKey(key: string): key is ParamKey {
  return Object.hasOwn(PARAMS, key);
}
