import * as z from 'zod/mini';
import { type Dec, readDecimal } from '../money.js';
import { itemTypes, regions, scopes } from '../policy/params.js';
import { parseInstant } from '../time/instant.js';
import { LIMITS, NO_CONTROL_CHARACTERS } from './bounds.js';
import { DECIMAL_TEXT, INSTANT_TEXT, MONEY_TEXT, NON_BLANK_TEXT, RATIO_TEXT } from './patterns.js';

/** The choices of the claim's enumerated fields that are not parameters of a policy. */
export const CHOICES = {
  channel: ['standard', 'ecommerce'],
  network: ['direct', 'agent', 'third-party'],
  evidence: ['invoice', 'transaction-record', 'none'],
  cause: ['carrier', 'sender', 'recipient', 'inherent-vice', 'force-majeure', 'out-of-area', 'third-party-transfer', 'unknown'],
  packedBy: ['sender', 'carrier'],
  carrierFault: ['intent', 'gross-negligence'],
} as const;

/** What a claim that leaves these fields out states. */
export const DEFAULTS = {
  channel: 'standard',
  network: 'direct',
  acceptedLateDelivery: false,
  declaredLost: false,
  cause: 'unknown',
  reportedAfterSigning: false,
  inspectionOffered: true,
  signedWithoutConsent: false,
  itemType: 'parcel',
} as const;

/** Free text of at most `max` characters without control characters (docs/rules.md, Input bounds). */
function text(max: number) {
  return z.string().check(
    z.maxLength(max, { message: `at most ${max} characters`, abort: true }),
    z.regex(NO_CONTROL_CHARACTERS, 'control characters (line breaks, tabs, escapes, bidirectional marks) are not allowed'),
  );
}

const identifier = text(LIMITS.identifierLength).check(z.minLength(1));

/** How the claim JSON Schema states a decimal: the pattern of its text, and its bounds as a JSON number. */
interface DecimalForms {
  pattern: string;
  number: { minimum?: number; exclusiveMinimum?: number; maximum: number };
}

/**
 * A non-negative decimal given as a JSON string or number, read exactly; `maxPlaces` bounds its decimals,
 * `max` (in CNY) its value.
 */
/**
 * What is wrong with a decimal read exactly (M-1): negative, more than `maxPlaces` decimals, above `max` CNY.
 * The schema words each; the fast reader (fast.ts) accepts only a decimal with none.
 */
export function decimalProblems(value: Dec, maxPlaces?: number, max?: string): string[] {
  const problems: string[] = [];
  if (value.isNegative()) problems.push('must not be negative');
  if (maxPlaces !== undefined && value.decimalPlaces() > maxPlaces) problems.push(`at most ${maxPlaces} decimals (M-1): round it before quoting`);
  if (max !== undefined && value.greaterThan(max)) problems.push(`at most ${max} CNY`);
  return problems;
}

/** N-4: a share of the item, in (0, 1]. */
export const isRatio = (value: Dec) => value.greaterThan(0) && value.lessThanOrEqualTo(1);

function nonNegativeDecimal(description: string, forms: DecimalForms, maxPlaces?: number, max?: string) {
  const given = z
    .union([z.string().check(z.meta({ maxLength: LIMITS.decimalLength, pattern: forms.pattern })), z.number().check(z.meta(forms.number))])
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
      for (const problem of decimalProblems(value, maxPlaces, max)) fail(problem);
      return value;
    }),
  );
}

/** M-1: money in CNY, ≥ 0, at most 2 decimals, at most 10^12 CNY. */
const money = nonNegativeDecimal(
  'CNY as a decimal string or number, ≥ 0, at most 2 decimals, at most 10^12; a number beyond 2^53 fen must be a string',
  { pattern: MONEY_TEXT, number: { minimum: 0, maximum: Number(LIMITS.maxMoney) } },
  2,
  LIMITS.maxMoney,
);
/** A weight in kg: a JSON number at most 2^53 (readDecimal). */
const weight = nonNegativeDecimal('kg as a non-negative decimal string or number', {
  pattern: DECIMAL_TEXT,
  number: { minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
});
/** N-4: the share of the value lost. */
const ratio = nonNegativeDecimal('the share of the value lost, in (0, 1], as a decimal string or number', {
  pattern: RATIO_TEXT,
  number: { exclusiveMinimum: 0, maximum: 1 },
}).check(z.refine(isRatio, 'a ratio in (0, 1]'));

const ISO_8601 = 'ISO 8601 date-time; without an offset it is read in the policy zone (default Asia/Shanghai)';

/** ISO 8601 instant; without an offset it is read in the policy's zone. */
export const instant = z.string().check(
  z.meta({ description: ISO_8601, pattern: INSTANT_TEXT }),
  z.refine((text) => parseInstant(text, 'UTC') !== undefined, 'not an ISO 8601 date-time (e.g. 2026-03-02T10:00:00+08:00)'),
);

/** An instant of the claim, described by what it records. */
const instantOf = (what: string) => instant.check(z.describe(`${what}; ${ISO_8601}`));

const item = z.strictObject({
  name: text(LIMITS.itemNameLength).check(z.minLength(1)),
  quantity: z.number().check(z.int(), z.nonnegative()),
  unitValue: z.optional(money),
  weightKg: z.optional(weight),
});

const items = z.array(item).check(z.maxLength(LIMITS.items, `at most ${LIMITS.items} items`), z.describe('items, each name at most once'));

/** A JSON Schema that requires `field`, restating it as a property, as ajv's strict mode asks of a subschema. */
const present = (field: string) => ({ properties: { [field]: true }, required: [field] });

const damage = z
  .discriminatedUnion('extent', [
    z.strictObject({ extent: z.literal('total') }),
    z.strictObject({ extent: z.literal('partial'), lostValue: z.optional(money), ratio: z.optional(ratio) }).check(
      z.refine((d) => (d.lostValue === undefined) !== (d.ratio === undefined), {
        message: 'partial damage gives exactly one of lostValue or ratio',
      }),
      z.meta({ oneOf: [present('lostValue'), present('ratio')] }),
    ),
  ])
  .check(z.describe('the whole item damaged, or part of it: the value lost, or its share of value.amount (N-4)'));

/**
 * What the claim JSON Schema states between fields (docs/schemas.md): a region exactly for an international
 * item, and the value a lost value is a share of. The library checks them in normalizeClaim.
 */
const BETWEEN_FIELDS = [
  {
    if: { properties: { scope: { const: 'international' } }, required: ['scope'] },
    then: present('region'),
    else: { properties: { region: false } },
  },
  {
    if: { properties: { damage: { type: 'object', ...present('lostValue') } }, required: ['damage'] },
    then: present('value'),
  },
];

export const claimSchema = z
  .strictObject({
    waybill: text(LIMITS.identifierLength).check(
      z.trim(),
      z.minLength(1),
      z.meta({ description: 'the waybill number (运单号), not blank; spaces around it are trimmed', pattern: NON_BLANK_TEXT }),
    ),
    scope: z.enum(scopes).check(z.describe('where the item went; picks the time limits (T-1, T-2) and the claim window (T-3)')),
    region: z.optional(
      z.enum(regions).check(z.describe('the destination region: required for an international item, refused for any other')),
    ),
    product: z.optional(identifier.check(z.describe('the product line; a policy may exclude compensation per product (E-4)'))),
    channel: z._default(
      z.enum(CHOICES.channel).check(z.describe('e-commerce items have their own damage rules under outlet settlement (R-1…R-3)')),
      DEFAULTS.channel,
    ),
    network: z._default(
      z
        .enum(CHOICES.network)
        .check(z.describe('who carried the ticket, for outlet settlement policies (R-5, R-6, R-9, R-11, R-12)')),
      DEFAULTS.network,
    ),
    batch: z.optional(identifier.check(z.describe('tickets with the same batch share batch caps (quoteBatch)'))),
    weightKg: z.optional(weight.check(z.describe('the weight in kg; a delay under R-9 needs it for its weight band'))),
    fee: money.check(z.describe('the freight in CNY, without insurance premium and add-ons')),
    insurance: z.optional(
      z
        .strictObject({ insuredValue: money, premium: z.optional(money) })
        .check(z.describe('the insured value (保价) and its premium; absent for an uninsured item')),
    ),
    value: z.optional(
      z
        .strictObject({
          amount: money,
          evidence: z.enum(CHOICES.evidence),
          practical: z.optional(z.boolean().check(z.describe('a practical item without a formal invoice (R-3)'))),
          declared: z.optional(z.boolean().check(z.describe('the value was declared to the carrier when posting (G-3)'))),
        })
        .check(z.describe('the value of the contents and its evidence (N-2, X-2)')),
    ),
    postedAt: instantOf('when the item was posted, which picks the policy version in force'),
    promisedBy: z.optional(instantOf("the promised delivery deadline; overrides the policy's service time limit (T-1)")),
    firstAttemptAt: z.optional(instantOf('the first delivery attempt')),
    deliveredAt: z.optional(instantOf('when the item was signed for; also counts as an attempt')),
    acceptedLateDelivery: z._default(
      z.boolean().check(z.describe('the recipient accepted a delivery after the thorough-delay deadline (C-2)')),
      DEFAULTS.acceptedLateDelivery,
    ),
    declaredLost: z._default(z.boolean().check(z.describe('the carrier declared the item lost')), DEFAULTS.declaredLost),
    damage: z.optional(damage),
    contents: z.optional(
      z
        .strictObject({ declared: items.check(z.minLength(1)), received: items })
        .check(z.describe('the items declared and the items received, compared for a mismatch (C-4)')),
    ),
    cause: z._default(
      z
        .enum(CHOICES.cause)
        .check(z.describe('what caused the incident, as the exemptions read it (E-1, E-2)')),
      DEFAULTS.cause,
    ),
    packedBy: z.optional(z.enum(CHOICES.packedBy).check(z.describe('who packed the item (E-5)'))),
    reportedAfterSigning: z._default(z.boolean().check(z.describe('the damage was reported after signing (E-6)')), DEFAULTS.reportedAfterSigning),
    inspectionOffered: z._default(z.boolean().check(z.describe('the carrier offered inspection on delivery; false disables E-6')), DEFAULTS.inspectionOffered),
    signedWithoutConsent: z._default(
      z.boolean().check(z.describe('the carrier signed or used a locker without consent; disables E-6')),
      DEFAULTS.signedWithoutConsent,
    ),
    reportReturns: z.optional(
      z.number().check(z.int(), z.nonnegative(), z.describe('times the outlet report was returned for missing material (D-8)')),
    ),
    agreement: z.optional(
      z
        .strictObject({ amount: money, note: z.optional(text(LIMITS.noteLength)) })
        .check(z.describe('an amount agreed with the customer (E-7)')),
    ),
    itemType: z._default(
      z
        .enum(itemTypes)
        .check(z.describe('parcel (every regime); registered-letter or ordinary: postal mail, only under cn-postal (P-4, P-5)')),
      DEFAULTS.itemType,
    ),
    terms: z.optional(
      z
        .strictObject({
          capNotified: z.optional(
            z.boolean().check(z.describe('whether the carrier brought its caps (保价 limit, terms) to the sender\'s attention (L-1, P-6)')),
          ),
        })
        .check(z.describe("the carrier's terms as the sender met them")),
    ),
    carrierFault: z.optional(
      z
        .enum(CHOICES.carrierFault)
        .check(z.describe('the loss was caused by the carrier\'s intent or gross negligence: agreed and statutory caps do not bind (L-2, P-6)')),
    ),
    events: z._default(
      z
        .strictObject({
          firstInquiryAt: z.optional(
            instantOf('the first inquiry: within the claim window it keeps the claim in time (E-3); the postal reply deadline counts from it (P-8)'),
          ),
          claimedAt: z.optional(instantOf('when the claim was made; the default asOf')),
          repliedAt: z.optional(instantOf("the carrier's reply to the claim (D-2)")),
          agreedAt: z.optional(instantOf('when the compensation was agreed (D-3)')),
        })
        .check(z.describe('the claim procedure: first inquiry, claim, reply, agreement (D-1…D-5); claimedAt is the default asOf')),
      {},
    ),
  })
  .check(
    z.meta({
      $id: 'urn:courier-claims:schema:claim',
      title: 'ClaimInput',
      description: 'One express-delivery claim (快递理赔): money as decimal strings or numbers, instants as ISO 8601',
      allOf: BETWEEN_FIELDS,
    }),
  );

/** A claim as JSON: money as decimal strings or numbers, instants as ISO 8601 (README.md, Use it; `claimJsonSchema()` gives its JSON Schema). */
export type ClaimInput = z.input<typeof claimSchema>;
/** A claim after validation: money as Dec, defaults filled in, instants still as text. */
export type ParsedClaim = z.output<typeof claimSchema>;
