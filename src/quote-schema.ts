import * as z from 'zod/mini';
import { duration, incidentKind } from './policy/params.js';
import type { BatchQuote, Quote } from './quote.js';

/**
 * The output contract of `quote` and `quoteBatch` (API.md, Quote) as zod schemas, for services in other
 * languages. The checks at the end of this file fail to compile when a schema and its TypeScript type differ.
 */

const text = (pattern: RegExp, description: string) => z.string().check(z.regex(pattern), z.describe(description));

/** M-2: an amount rounded to the fen, as the Quote writes it (formatMoney). */
const money = text(/^[0-9]+\.[0-9]{2}$/, 'CNY with exactly two decimals, e.g. "80.00"');
/** An amount that may fall below zero: a batch cap's share of a ticket is a reduction. */
const signedMoney = (description: string) => text(/^-?[0-9]+\.[0-9]{2}$/, description);
/** A local date of the policy's zone. */
const date = text(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'a date, YYYY-MM-DD');
/** An instant as formatInstant writes it: local time of the policy's zone with its offset. */
const instant = text(
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{3})?[+-][0-9]{2}:[0-9]{2}$/,
  'ISO 8601 with the offset of the policy zone',
);
const ruleId = text(/^[A-Z]-[0-9]+$/, 'a rule ID of docs/rules.md, e.g. N-1');
/** A rule ID or the policy parameter that holds a rule (P-incidents). */
const ruleKey = text(/^[A-Z]-[0-9a-z.-]+$/, 'a rule ID of docs/rules.md (E-1) or a policy parameter (P-incidents)');
const messageKeys = (description: string) => z.array(z.string()).check(z.describe(description));

const line = z
  .strictObject({
    rule: ruleId,
    label: z.string().check(z.describe('message key of what the amount is (fee-waiver, goods-uninsured…); explain renders it')),
    amount: signedMoney('CNY with exactly two decimals; negative for the reduction of a batch cap (batch-cap-share)'),
    basis: z.record(z.string(), z.string()).check(z.describe('the figures the amount came from, by name, as decimal or plain text')),
    source: z.string().check(z.describe('the rule and the values it used, as one citation of their primary texts')),
  })
  .check(z.meta({ id: 'Line', title: 'Line', description: 'one amount of the breakdown with its rule, figures and sources' }));

const incident = z
  .strictObject({
    kind: z.enum([...incidentKind.options, 'none']),
    provisional: z.boolean().check(z.describe('true while the answer can still change with time: an undelivered item not yet lost')),
    delayDays: z.optional(z.int().check(z.minimum(0), z.describe("days of delay by the policy's convention (C-1), for a delay"))),
    reasons: messageKeys('message keys, the decisive one first, e.g. first-attempt-after-promised-deadline'),
  })
  .check(z.meta({ id: 'Incident', title: 'Incident', description: 'what happened to the ticket: exactly one kind (一票一赔)' }));

const exemption = z
  .strictObject({ id: ruleKey, applies: z.boolean(), reason: z.string().check(z.describe('message key')) })
  .check(z.meta({ id: 'Exemption', title: 'Exemption', description: 'one exemption as evaluated for the claim' }));

const deadline = z
  .strictObject({
    id: ruleId,
    due: instant,
    basis: z.string().check(z.describe('the rule in one line, e.g. "24 hours after events.claimedAt"')),
    source: z.string(),
    start: z.optional(z.strictObject({ event: z.string(), at: instant }).check(z.describe('the event the length counts from'))),
    length: z.optional(duration),
    warnings: z.optional(messageKeys('message keys, e.g. provisional-calendar:2027 for a deadline counted through an unpublished year')),
  })
  .check(z.meta({ id: 'Deadline', title: 'Deadline', description: 'when a deadline falls, from which event and how long, and its source' }));

const settlement = z
  .strictObject({
    payer: money.check(z.describe("what the responsible outlet pays: the compensation plus the payer's handling fee")),
    payee: signedMoney("what the compensated outlet receives: the compensation minus its handling fee (negative if a policy's rate exceeds 1)"),
    payerFee: money,
    payeeFee: money,
    rule: ruleId,
    source: z.string(),
  })
  .check(z.meta({ id: 'Settlement', title: 'Settlement', description: 'R-8: the settlement between outlets under a network policy' }));

const quote = z
  .strictObject({
    waybill: z.string().check(z.minLength(1)),
    policy: z
      .strictObject({ id: z.string(), version: date, effectiveFrom: date })
      .check(z.describe('the policy version in force at postedAt')),
    incident,
    liable: z.boolean().check(z.describe('false when there is no incident or an exemption applies')),
    exemptions: z.array(exemption).check(z.describe('every exemption evaluated, applying or not')),
    payout: money.check(z.describe('the exact sum of the lines (M-2)')),
    currency: z.literal('CNY'),
    lines: z.array(line),
    deadlines: z.array(deadline),
    review: messageKeys('reasons a person must look, e.g. high value (R-4)'),
    warnings: messageKeys('e.g. value-not-evidenced, unverified-parameter:<key>'),
    batch: z.optional(
      z.strictObject({ id: z.string(), rule: ruleId, cap: money }).check(z.describe('the batch cap this ticket falls under; quoteBatch applies it')),
    ),
    settlement: z.optional(settlement),
  })
  .check(z.meta({ id: 'Quote', title: 'Quote', description: 'the compensation for one claim, every amount with its rule and source' }));

const batchResult = z
  .strictObject({ batch: z.string(), rule: ruleId, cap: money, before: money, after: money })
  .check(z.meta({ id: 'BatchResult', title: 'BatchResult', description: "one batch cap as applied: the tickets' total before and after it" }));

const batchQuote = z
  .strictObject({
    tickets: z.array(quote),
    batches: z.array(batchResult),
    payout: money.check(z.describe("the sum of the tickets' payouts")),
  })
  .check(z.meta({ id: 'BatchQuote', title: 'BatchQuote', description: 'quotes of many tickets with the batch caps applied across them' }));

/**
 * JSON Schema (draft 2020-12) of what `quote` returns: a Quote, or a BatchQuote for an array of claims
 * (`$defs` holds each, for a validator or a code generator to refer to one of them).
 */
export function quoteJsonSchema(): object {
  const output = z.union([quote, batchQuote]).check(
    z.meta({
      $id: 'urn:courier-claims:schema:quote',
      title: 'courier-claims quote',
      description: 'A Quote (quote) or a BatchQuote (quoteBatch, or quote of an array of claims): money as strings with two decimals',
    }),
  );
  return z.toJSONSchema(output, { io: 'output' });
}

/** Whether every value of type From is a value of type To. */
type Assignable<From, To> = [From] extends [To] ? true : false;
/**
 * The TypeScript types name their identifiers as literal unions (RuleId, MessageKey…) where the schemas say
 * string with a pattern: compared with those widened to string.
 */
type Widened<T> = T extends string
  ? string
  : T extends boolean
    ? boolean
    : T extends readonly (infer U)[]
      ? Widened<U>[]
      : T extends object
        ? { [K in keyof T]: Widened<T[K]> }
        : T;
// Every quote the library returns is valid by the schema, and the schema describes nothing the type lacks.
true satisfies Assignable<Quote, z.output<typeof quote>>;
true satisfies Assignable<z.output<typeof quote>, Widened<Quote>>;
true satisfies Assignable<BatchQuote, z.output<typeof batchQuote>>;
true satisfies Assignable<z.output<typeof batchQuote>, Widened<BatchQuote>>;
