// Generated claims shared by the property tests: valid claims of every incident kind, and the ways to spoil one.
import fc from 'fast-check';
import type { ClaimInput } from '../src/index.js';

export const HOUR = 3_600_000;
export const BASE = Date.UTC(2026, 2, 2, 2); // 2026-03-02 10:00 Shanghai

const fen = (max: number) => fc.integer({ min: 0, max }).map((f) => (f / 100).toFixed(2));
export const money = fen(5_000_000);
export const iso = (ms: number) => new Date(ms).toISOString();
/** Weights in grams around the 1 kg band edge as often as elsewhere. */
export const weightKg = fc.oneof(fc.constantFrom('1.000', '1.001', '0', '0.999'), fc.integer({ min: 0, max: 30_000 }).map((g) => (g / 1000).toFixed(3)));

/** Declared and received contents with a shortfall of 0…n of one item. */
const contents = fc
  .record({ quantity: fc.integer({ min: 1, max: 5 }), missing: fc.integer({ min: 0, max: 5 }), unitValue: fen(200_000) })
  .map(({ quantity, missing, unitValue }) => ({
    declared: [{ name: 'item', quantity, unitValue }],
    received: quantity > missing ? [{ name: 'item', quantity: quantity - missing }] : [],
  }));

/** `arb` in one case out of `odds`, else absent: for fields that would otherwise decide most claims. */
const rarely = <T>(arb: fc.Arbitrary<T>, odds = 8) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: odds - 1 }, { arbitrary: arb, weight: 1 });
const maybe = <T>(arb: fc.Arbitrary<T>) => rarely(arb, 2);

/** What went wrong, as the claim's fields state it (C-1…C-4). */
const incident = fc.oneof(
  fc.integer({ min: 0, max: 24 * 20 }).map((hours) => ({ firstAttemptAt: iso(BASE + hours * HOUR) })),
  fc.constant({ declaredLost: true }),
  fc.oneof(
    fc.constant({ extent: 'total' as const }),
    fc.integer({ min: 1, max: 100 }).map((p) => ({ extent: 'partial' as const, ratio: (p / 100).toFixed(2) })),
  ).map((damage) => ({ damage, deliveredAt: iso(BASE + 24 * HOUR) })),
  contents.map((c) => ({ contents: c, deliveredAt: iso(BASE + 24 * HOUR) })),
);

/** Valid claims of every incident kind, with the fields both built-in policies read. */
export const validClaim: fc.Arbitrary<ClaimInput> = fc
  .record({
    incident,
    scope: fc.constantFrom('same-city', 'domestic', 'international'),
    channel: fc.constantFrom('standard', 'ecommerce'),
    network: fc.constantFrom('direct', 'agent', 'third-party'),
    weightKg: rarely(weightKg, 5).map((kg) => kg ?? '0.800'),
    batch: rarely(fc.constantFrom('B1', 'B2')),
    fee: money,
    value: maybe(
      fc.record({
        amount: money,
        evidence: fc.constantFrom('invoice', 'transaction-record', 'none'),
        practical: maybe(fc.boolean()),
      }),
    ),
    insurance: maybe(fc.record({ insuredValue: money })),
    cause: fc.oneof(
      { arbitrary: fc.constant('carrier' as const), weight: 4 },
      { arbitrary: fc.constantFrom('sender', 'recipient', 'force-majeure', 'unknown', 'out-of-area', 'third-party-transfer'), weight: 1 },
    ),
    packedBy: rarely(fc.constantFrom('sender', 'carrier')),
    reportReturns: rarely(fc.integer({ min: 0, max: 4 })),
    claimAfterHours: fc.integer({ min: 0, max: 24 * 400 }),
    agreement: rarely(fc.record({ amount: money })),
    itemType: rarely(fc.constantFrom('parcel', 'registered-letter', 'ordinary')),
    terms: rarely(fc.record({ capNotified: maybe(fc.boolean()) }, { requiredKeys: [] })),
    carrierFault: rarely(fc.constantFrom('intent', 'gross-negligence')),
    promisedHours: rarely(fc.integer({ min: 1, max: 24 * 10 }), 3),
    inquiryAfterHours: rarely(fc.integer({ min: 0, max: 24 * 200 }), 3),
  })
  .map(({ incident, claimAfterHours, value, promisedHours, inquiryAfterHours, ...r }) => {
    const claim: Record<string, unknown> = { waybill: 'P1', postedAt: iso(BASE), ...r, ...incident };
    if (promisedHours !== undefined) claim.promisedBy = iso(BASE + promisedHours * HOUR);
    if (claim.terms && (claim.terms as { capNotified?: boolean }).capNotified === undefined) claim.terms = {};
    if (r.scope === 'international') claim.region = 'asia';
    if (value) claim.value = value.practical === undefined ? { amount: value.amount, evidence: value.evidence } : value;
    const attempt = Date.parse(('firstAttemptAt' in incident && incident.firstAttemptAt) || ('deliveredAt' in incident && incident.deliveredAt) || iso(BASE));
    const claimedAt = Math.max(BASE + claimAfterHours * HOUR, attempt);
    claim.events = {
      claimedAt: iso(claimedAt),
      ...(inquiryAfterHours !== undefined && { firstInquiryAt: iso(Math.min(BASE + inquiryAfterHours * HOUR, claimedAt)) }),
    };
    for (const key of Object.keys(claim)) if (claim[key] === undefined) delete claim[key];
    return claim as ClaimInput;
  });

/** A way to spoil a valid claim: a field and a value it can never take. */
export type Spoil = { field: string; bad: unknown };
/** Values no claim field accepts: no field is boolean, nullable, an array or an object with a stray key. */
const junk = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.integer({ max: -1 }),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('x', 'amout', 'Extent', '__proto__'), fc.anything(), { minKeys: 1 }),
);
export const known = ['waybill', 'scope', 'fee', 'postedAt', 'value', 'damage', 'events', 'contents', 'weightKg', 'insurance', 'cause', 'network', 'product', 'agreement', 'itemType', 'terms', 'carrierFault'];

/** A control character that could forge or hide a line of text output: C0, DEL, C1, separators, bidi controls. */
const control = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.constantFrom(0x2028, 0x2029, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069),
).map((code) => String.fromCharCode(code));
/** Printable text with a control character somewhere in it. */
const forged = fc.tuple(fc.string({ maxLength: 10 }), control, fc.string({ maxLength: 10 })).map(([a, c, b]) => `SF${a}${c}${b}`);
/** A text one to a thousand characters over `max`. */
const tooLong = (max: number) => fc.integer({ min: max + 1, max: max + 1000 }).map((n) => 'x'.repeat(n));
/** JSON numbers a double cannot hold as money exactly (beyond 2^53 fen), or beyond 10^12 CNY as text. */
const imprecise = fc.oneof(
  fc.double({ min: 2 ** 53 / 100 + 1, max: 1e300, noNaN: true }),
  fc.constantFrom(12345678901234567.89, '1000000000000.01', `1${'0'.repeat(40)}`),
);
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `i${i}`, quantity: 1 }));
const tooMany = fc.constantFrom({ declared: items(10_001), received: [] }, { declared: items(1), received: items(10_001) });
export const spoil: fc.Arbitrary<Spoil> = fc.oneof(
  fc.record({ field: fc.constantFrom(...known), bad: junk }),
  fc.record({ field: fc.constantFrom('fee', 'weightKg'), bad: fc.constantFrom('-0.01', '1.001x', '', 'NaN', 'Infinity', -1) }),
  fc.record({ field: fc.constant('fee'), bad: fc.constantFrom('0.001', '12.345', 0.005) }),
  fc.record({ field: fc.constant('postedAt'), bad: fc.constantFrom('2026-02-30T10:00:00+08:00', '2026-03-02T24:00', 'yesterday', '') }),
  fc.record({ field: fc.constantFrom('feee', 'insurence', 'extra'), bad: fc.anything() }),
  fc.record({ field: fc.constantFrom('waybill', 'product'), bad: fc.oneof(forged, tooLong(64)) }),
  fc.record({ field: fc.constant('agreement'), bad: fc.oneof(forged, tooLong(1000)).map((note) => ({ amount: '1.00', note })) }),
  fc.record({ field: fc.constant('contents'), bad: fc.oneof(tooMany, forged.map((name) => ({ declared: [{ name, quantity: 1 }], received: [] }))) }),
  fc.record({ field: fc.constant('fee'), bad: imprecise }),
);

