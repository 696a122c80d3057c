import * as z from 'zod/mini';
import { type Dec, readDecimal } from '../money.js';
import { itemTypes, regions, scopes } from '../policy/params.js';
import { parseInstant } from '../time/instant.js';
import { LIMITS, NO_CONTROL_CHARACTERS } from './bounds.js';

/** Free text of at most `max` characters without control characters (docs/rules.md, Input bounds). */
function text(max: number) {
  return z.string().check(
    z.maxLength(max, { message: `at most ${max} characters`, abort: true }),
    z.regex(NO_CONTROL_CHARACTERS, 'control characters (line breaks, tabs, escapes, bidirectional marks) are not allowed'),
  );
}

const identifier = text(LIMITS.identifierLength).check(z.minLength(1));

/**
 * A non-negative decimal given as a JSON string or number, read exactly; `maxPlaces` bounds its decimals,
 * `max` (in CNY) its value.
 */
function nonNegativeDecimal(description: string, maxPlaces?: number, max?: string) {
  const given = z
    .union([z.string().check(z.meta({ maxLength: LIMITS.decimalLength })), z.number().check(z.meta(max === undefined ? {} : { maximum: Number(max) }))])
    .check(z.describe(description));
  return z.pipe(
    given,
    z.transform((raw, ctx): Dec => {
      const fail = (message: string) => ctx.issues.push({ code: 'custom', message, input: raw });
      const value = readDecimal(raw, maxPlaces);
      if (typeof value === 'string') {
        fail(value);
        return z.NEVER;
      }
      if (value.isNegative()) fail('must not be negative');
      if (maxPlaces !== undefined && value.decimalPlaces() > maxPlaces) fail(`at most ${maxPlaces} decimals (M-1): round it before quoting`);
      if (max !== undefined && value.greaterThan(max)) fail(`at most ${max} CNY`);
      return value;
    }),
  );
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
export const instant = z.string().check(
  z.describe('ISO 8601 date-time; without an offset it is read in the policy zone (default Asia/Shanghai)'),
  z.refine((text) => parseInstant(text, 'UTC') !== undefined, 'not an ISO 8601 date-time (e.g. 2026-03-02T10:00:00+08:00)'),
);

const item = z.strictObject({
  name: text(LIMITS.itemNameLength).check(z.minLength(1)),
  quantity: z.number().check(z.int(), z.nonnegative()),
  unitValue: z.optional(money),
  weightKg: z.optional(decimal),
});

const items = z.array(item).check(z.maxLength(LIMITS.items, `at most ${LIMITS.items} items`));

const damage = z.discriminatedUnion('extent', [
  z.strictObject({ extent: z.literal('total') }),
  z
    .strictObject({
      extent: z.literal('partial'),
      lostValue: z.optional(money),
      ratio: z.optional(decimal.check(z.refine((r) => r.greaterThan(0) && r.lessThanOrEqualTo(1), 'a ratio in (0, 1]'))),
    })
    .check(
      z.refine((d) => (d.lostValue === undefined) !== (d.ratio === undefined), {
        message: 'partial damage gives exactly one of lostValue or ratio',
      }),
    ),
]);

export const claimSchema = z.strictObject({
  waybill: text(LIMITS.identifierLength).check(z.trim(), z.minLength(1)),
  scope: z.enum(scopes),
  region: z.optional(z.enum(regions)),
  product: z.optional(identifier),
  channel: z._default(z.enum(['standard', 'ecommerce']), 'standard'),
  network: z._default(z.enum(['direct', 'agent', 'third-party']), 'direct'),
  batch: z.optional(identifier),
  weightKg: z.optional(decimal),
  fee: money,
  insurance: z.optional(z.strictObject({ insuredValue: money, premium: z.optional(money) })),
  value: z.optional(
    z.strictObject({
      amount: money,
      evidence: z.enum(['invoice', 'transaction-record', 'none']),
      practical: z.optional(z.boolean()),
      declared: z.optional(z.boolean().check(z.describe('the value was declared to the carrier when posting (G-3)'))),
    }),
  ),
  postedAt: instant,
  promisedBy: z.optional(instant),
  firstAttemptAt: z.optional(instant),
  deliveredAt: z.optional(instant),
  acceptedLateDelivery: z._default(z.boolean(), false),
  declaredLost: z._default(z.boolean(), false),
  damage: z.optional(damage),
  contents: z.optional(z.strictObject({ declared: items.check(z.minLength(1)), received: items })),
  cause: z._default(
    z.enum(['carrier', 'sender', 'recipient', 'inherent-vice', 'force-majeure', 'out-of-area', 'third-party-transfer', 'unknown']),
    'unknown',
  ),
  packedBy: z.optional(z.enum(['sender', 'carrier'])),
  reportedAfterSigning: z._default(z.boolean(), false),
  inspectionOffered: z._default(z.boolean(), true),
  signedWithoutConsent: z._default(z.boolean(), false),
  reportReturns: z.optional(
    z.number().check(z.int(), z.nonnegative(), z.describe('times the outlet report was returned for missing material (D-8)')),
  ),
  agreement: z.optional(z.strictObject({ amount: money, note: z.optional(text(LIMITS.noteLength)) })),
  itemType: z._default(
    z
      .enum(itemTypes)
      .check(z.describe('parcel (every regime); registered-letter or ordinary: postal mail, only under cn-postal (P-4, P-5)')),
    'parcel',
  ),
  terms: z.optional(
    z.strictObject({
      capNotified: z.optional(
        z.boolean().check(z.describe('whether the carrier brought its caps (保价 limit, terms) to the sender\'s attention (L-1, P-6)')),
      ),
    }),
  ),
  carrierFault: z.optional(
    z
      .enum(['intent', 'gross-negligence'])
      .check(z.describe('the loss was caused by the carrier\'s intent or gross negligence: agreed and statutory caps do not bind (L-2, P-6)')),
  ),
  events: z._default(
    z.strictObject({
      firstInquiryAt: z.optional(instant),
      claimedAt: z.optional(instant),
      repliedAt: z.optional(instant),
      agreedAt: z.optional(instant),
    }),
    {},
  ),
});

/** A claim as JSON: money as decimal strings or numbers, instants as ISO 8601 (API.md). */
export type ClaimInput = z.input<typeof claimSchema>;
/** A claim after validation: money as Decimal, defaults filled in, instants still as text. */
export type ParsedClaim = z.output<typeof claimSchema>;
