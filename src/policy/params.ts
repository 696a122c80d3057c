import { z } from 'zod';
import { Dec } from '../money.js';

/**
 * Every parameter a policy may set, with the schema of its value. A parameter named after a rule ID
 * (`N-1`, `E-2`) switches that rule on and carries its citation; the others are the rule's numbers and
 * decisions. Rules read nothing else: an amount, rate or day count lives here, never in logic.
 */

const count = z.number().int().nonnegative();
const duration = z.union(
  [
    z.strictObject({ hours: count }),
    z.strictObject({ calendarDays: count }),
    z.strictObject({ calendarYears: count }),
    z.strictObject({ workingDays: count }),
  ],
  { error: 'a length: { hours }, { calendarDays }, { calendarYears } or { workingDays }, a whole number' },
);
const multiple = z
  .string()
  .regex(/^\d+(?:\.\d+)?$/, 'must be a non-negative decimal string')
  .transform((s) => new Dec(s));
const ruleSwitch = z.strictObject({});
const incidentKind = z.enum(['delay', 'loss', 'damage', 'mismatch']);

export const scopes = ['same-city', 'domestic', 'hk-macau', 'taiwan', 'international'] as const;
export const regions = ['asia', 'north-america', 'europe', 'oceania', 'other'] as const;
export type IncidentKind = z.infer<typeof incidentKind>;

export const delayDayConventions = ['started-24h', 'full-24h', 'local-calendar-date'] as const;
export type DelayDayConvention = (typeof delayDayConventions)[number];

export const PARAMS = {
  // T-1 service time limit; null = no default, the claim must give promisedBy.
  'T-1.same-city': duration.nullable(),
  'T-1.domestic': duration.nullable(),
  'T-1.hk-macau': duration.nullable(),
  'T-1.taiwan': duration.nullable(),
  'T-1.international.asia': duration.nullable(),
  'T-1.international.north-america': duration.nullable(),
  'T-1.international.europe': duration.nullable(),
  'T-1.international.oceania': duration.nullable(),
  'T-1.international.other': duration.nullable(),
  // T-2 thorough-delay limit, counted from the promised deadline.
  'T-2.same-city': duration,
  'T-2.domestic': duration,
  'T-2.hk-macau': duration,
  'T-2.taiwan': duration,
  'T-2.international': duration,
  // T-3 claim window, counted from posting.
  'T-3': duration,
  // Classification.
  'C-1': ruleSwitch,
  'C-1.delayDays': z.enum(delayDayConventions),
  'C-2': ruleSwitch,
  'C-2.acceptedLateDelivery': z.enum(['delay', 'loss']),
  'C-3': ruleSwitch,
  'C-4': ruleSwitch,
  'C-4.weightToleranceKg': multiple,
  'C-precedence': z
    .array(incidentKind)
    .refine((kinds) => kinds.length === 4 && new Set(kinds).size === 4, 'each of delay, loss, damage, mismatch once'),
  // Exemptions: a policy applies exactly the ones it sets.
  'E-1': z.strictObject({ causes: z.array(z.enum(['sender', 'recipient', 'inherent-vice'])).min(1) }),
  'E-2': z.strictObject({ insuredItemsExcepted: z.boolean() }),
  'E-3': ruleSwitch,
  'E-4': z.strictObject({ products: z.record(z.string().min(1), z.array(incidentKind).min(1)) }),
  'E-7': ruleSwitch,
  // National-standard compensation.
  'N-1': ruleSwitch,
  'N-2': ruleSwitch,
  'N-2.uninsuredFeeMultiple': multiple.nullable(),
  'N-2.unprovenValue': z.enum(['cap', 'review']),
  'N-2.insuredCappedAtEvidencedValue': z.boolean(),
  'N-3': ruleSwitch,
  'N-4': ruleSwitch,
  'N-4.waiveFee': z.boolean(),
  'N-5': ruleSwitch,
  'N-6': ruleSwitch,
  // Claim deadlines.
  'D-1': duration,
  'D-2.same-city': duration,
  'D-2.domestic': duration,
  'D-2.hk-macau': duration,
  'D-2.taiwan': duration,
  'D-2.international': duration,
  'D-3': duration,
} as const;

export type ParamKey = keyof typeof PARAMS;
export type ParamValue<K extends ParamKey> = z.output<(typeof PARAMS)[K]>;

export function isParamKey(key: string): key is ParamKey {
  return Object.hasOwn(PARAMS, key);
}
