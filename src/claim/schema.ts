import { z } from 'zod';
import { type Dec, readDecimal } from '../money.js';
import { itemTypes, regions, scopes } from '../policy/params.js';
import { parseInstant } from '../time/instant.js';
import { LIMITS, NO_CONTROL_CHARACTERS } from './bounds.js';

/** Free text of at most `max` characters without control characters (docs/rules.md, Input bounds). */
function text(max: number) {
  return z
    .string()
    .max(max, { message: `at most ${max} characters`, abort: true })
    .regex(NO_CONTROL_CHARACTERS, 'control characters (line breaks, tabs, escapes, bidirectional marks) are not allowed');
}

const identifier = text(LIMITS.identifierLength).min(1);

/**
 * A non-negative decimal given as a JSON string or number, read exactly; `maxPlaces` bounds its decimals,
 * `max` (in CNY) its value.
 */
function nonNegativeDecimal(description: string, maxPlaces?: number, max?: string) {
  return z
    .union([z.string().meta({ maxLength: LIMITS.decimalLength }), z.number().meta(max === undefined ? {} : { maximum: Number(max) })])
    .describe(description)
    .transform((raw, ctx): Dec => {
      const value = readDecimal(raw, maxPlaces);
      if (typeof value === 'string') {
        ctx.addIssue({ code: 'custom', message: value });
        return z.NEVER;
      }
      if (value.isNegative()) ctx.addIssue({ code: 'custom', message: 'must not be negative' });
      if (maxPlaces !== undefined && value.decimalPlaces() > maxPlaces) {
        ctx.addIssue({ code: 'custom', message: `at most ${maxPlaces} decimals (M-1): round it before quoting` });
      }
      if (max !== undefined && value.greaterThan(max)) ctx.addIssue({ code: 'custom', message: `at most ${max} CNY` });
      return value;
    });
}

/** M-1: money in CNY, ≥ 0, at most 2 decimals, at most 10^12 CNY. */
const money = nonNegativeDecimal(
  'CNY as a decimal string or number, ≥ 0, at most 2 decimals, at most 10^12; a number beyond 2^53 fen must be a string',
  2,
  LIMITS.maxMoney,
);
/** A weight in kg or a ratio. */
const decimal = nonNegativeDecimal('a non-negative decimal as a string or number');

/** ISO 8601 instant; without an offset it is read in the policy's zone. */
const instant = z
  .string()
  .describe('ISO 8601 date-time; without an offset it is read in the policy zone (default Asia/Shanghai)')
  .refine((text) => parseInstant(text, 'UTC') !== undefined, 'not an ISO 8601 date-time (e.g. 2026-03-02T10:00:00+08:00)');

const item = z.strictObject({
  name: text(LIMITS.itemNameLength).min(1),
  quantity: z.number().int().nonnegative(),
  unitValue: money.optional(),
  weightKg: decimal.optional(),
});

const items = z.array(item).max(LIMITS.items, `at most ${LIMITS.items} items`);

const damage = z.discriminatedUnion('extent', [
  z.strictObject({ extent: z.literal('total') }),
  z
    .strictObject({
      extent: z.literal('partial'),
      lostValue: money.optional(),
      ratio: decimal.refine((r) => r.greaterThan(0) && r.lessThanOrEqualTo(1), 'a ratio in (0, 1]').optional(),
    })
    .refine((d) => (d.lostValue === undefined) !== (d.ratio === undefined), {
      message: 'partial damage gives exactly one of lostValue or ratio',
    }),
]);

export const claimSchema = z.strictObject({
  waybill: text(LIMITS.identifierLength).trim().min(1),
  scope: z.enum(scopes),
  region: z.enum(regions).optional(),
  product: identifier.optional(),
  channel: z.enum(['standard', 'ecommerce']).default('standard'),
  network: z.enum(['direct', 'agent', 'third-party']).default('direct'),
  batch: identifier.optional(),
  weightKg: decimal.optional(),
  fee: money,
  insurance: z.strictObject({ insuredValue: money, premium: money.optional() }).optional(),
  value: z
    .strictObject({
      amount: money,
      evidence: z.enum(['invoice', 'transaction-record', 'none']),
      practical: z.boolean().optional(),
      declared: z.boolean().describe('the value was declared to the carrier when posting (G-3)').optional(),
    })
    .optional(),
  postedAt: instant,
  promisedBy: instant.optional(),
  firstAttemptAt: instant.optional(),
  deliveredAt: instant.optional(),
  acceptedLateDelivery: z.boolean().default(false),
  declaredLost: z.boolean().default(false),
  damage: damage.optional(),
  contents: z
    .strictObject({ declared: items.min(1), received: items })
    .optional(),
  cause: z
    .enum(['carrier', 'sender', 'recipient', 'inherent-vice', 'force-majeure', 'out-of-area', 'third-party-transfer', 'unknown'])
    .default('unknown'),
  packedBy: z.enum(['sender', 'carrier']).optional(),
  reportedAfterSigning: z.boolean().default(false),
  inspectionOffered: z.boolean().default(true),
  signedWithoutConsent: z.boolean().default(false),
  reportReturns: z
    .number()
    .int()
    .nonnegative()
    .describe('times the outlet report was returned for missing material (D-8)')
    .optional(),
  agreement: z.strictObject({ amount: money, note: text(LIMITS.noteLength).optional() }).optional(),
  itemType: z
    .enum(itemTypes)
    .describe('parcel (every regime); registered-letter or ordinary: postal mail, only under cn-postal (P-4, P-5)')
    .default('parcel'),
  terms: z
    .strictObject({
      capNotified: z
        .boolean()
        .describe('whether the carrier brought its caps (保价 limit, terms) to the sender\'s attention (L-1, P-6)')
        .optional(),
    })
    .optional(),
  carrierFault: z
    .enum(['intent', 'gross-negligence'])
    .describe('the loss was caused by the carrier\'s intent or gross negligence: agreed and statutory caps do not bind (L-2, P-6)')
    .optional(),
  events: z
    .strictObject({
      firstInquiryAt: instant.optional(),
      claimedAt: instant.optional(),
      repliedAt: instant.optional(),
      agreedAt: instant.optional(),
    })
    .default({}),
});

/** A claim as JSON: money as decimal strings or numbers, instants as ISO 8601 (README.md, Use it; `claimJsonSchema()` gives its JSON Schema). */
export type ClaimInput = z.input<typeof claimSchema>;
/** A claim after validation: money as Dec, defaults filled in, instants still as text. */
export type ParsedClaim = z.output<typeof claimSchema>;
