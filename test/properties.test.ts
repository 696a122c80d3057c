import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  calendars,
  ClaimInputError,
  type ClaimInput,
  complaintDeadlines,
  NoRuleInForceError,
  type PolicyId,
  type Quote,
  quote,
  safeQuote,
  type WorkCalendar,
} from '../src/index.js';
import { Dec } from '../src/money.js';
import { formatLocalDate } from '../src/time/instant.js';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 2, 2, 2); // 2026-03-02 10:00 Shanghai
const POLICIES = ['cn-express', 'cn-postal', 'cn-gbt27917-2011', 'cn-network-reference'] as const;
/** Basis fields that bound a line's amount, under every policy; an unevidenced value bounds nothing (N-2). */
const BOUNDS = ['cap', 'ticketCap', 'insuredValue', 'lossGoods', 'standard', 'value'] as const;
const boundsOf = (basis: Record<string, string>) => BOUNDS.filter((key) => !(key === 'value' && basis.evidence === 'none'));

const fen = (max: number) => fc.integer({ min: 0, max }).map((f) => (f / 100).toFixed(2));
const money = fen(5_000_000);
const iso = (ms: number) => new Date(ms).toISOString();
/** Weights in grams around the 1 kg band edge as often as elsewhere. */
const weightKg = fc.oneof(fc.constantFrom('1.000', '1.001', '0', '0.999'), fc.integer({ min: 0, max: 30_000 }).map((g) => (g / 1000).toFixed(3)));

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
const validClaim: fc.Arbitrary<ClaimInput> = fc
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

/** The library's typed errors: what a quote may fail with, and nothing else. */
const isTyped = (error: unknown) =>
  error instanceof ClaimInputError || error instanceof NoRuleInForceError || error instanceof CalendarRangeError;

/** A quote, or undefined when the policy raises one of its typed errors for the claim. */
function tryQuote(claim: unknown, policy: PolicyId): Quote | undefined {
  const result = safeQuote(claim, { policy });
  if (result.ok) return result.quote;
  expect(isTyped(result.error), String(result.error)).toBe(true);
  return undefined;
}

describe.each(POLICIES)('invariants over generated valid claims under %s', (policy) => {
  it('never fails but with a typed error; payout ≥ 0 and exactly the sum of its lines; each line cites a rule and a source', () => {
    fc.assert(
      fc.property(validClaim, (claim) => {
        const q = tryQuote(claim, policy);
        if (!q) return;
        const sum = q.lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
        expect(q.payout).toBe(sum.toFixed(2));
        expect(new Dec(q.payout).isNegative()).toBe(false);
        for (const line of q.lines) {
          expect(line.rule).toMatch(/^[A-Z]-\d+$/);
          expect(line.source.length).toBeGreaterThan(10);
          expect(line.amount).toMatch(/^\d+\.\d{2}$/);
        }
        if (!q.liable) expect(q.payout).toBe('0.00');
      }),
      { numRuns: 400 },
    );
  });

  it('no line exceeds a cap, an insured value, a standard or a value it was bounded by', () => {
    fc.assert(
      fc.property(validClaim, (claim) => {
        for (const line of tryQuote(claim, policy)?.lines ?? []) {
          for (const key of boundsOf(line.basis)) {
            const bound = line.basis[key];
            if (bound !== undefined) expect(new Dec(line.amount).lessThanOrEqualTo(bound), `${line.rule} ${key}`).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(validClaim, (claim) => {
        const once = safeQuote(claim, { policy });
        expect(JSON.stringify(safeQuote(structuredClone(claim), { policy }))).toBe(JSON.stringify(once));
      }),
      { numRuns: 150 },
    );
  });

  it('loss compensation never decreases as the value or the insured value grows', () => {
    fc.assert(
      fc.property(money, money, money, fc.boolean(), fc.constantFrom('direct', 'agent'), (fee, a, b, insured, network) => {
        const [low, high] = new Dec(a).lessThan(b) ? [a, b] : [b, a];
        const lost = (amount: string) =>
          quote(
            {
              waybill: 'L',
              scope: 'domestic',
              network,
              fee,
              postedAt: iso(BASE),
              declaredLost: true,
              value: { amount: insured ? '10000.00' : amount, evidence: 'invoice' },
              ...(insured && { insurance: { insuredValue: amount } }),
              events: { claimedAt: iso(BASE + HOUR) },
            },
            { policy },
          ).payout;
        expect(new Dec(lost(low)).lessThanOrEqualTo(lost(high))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('delay compensation never decreases as the delay grows', () => {
    fc.assert(
      fc.property(money, weightKg, fc.integer({ min: 0, max: 24 * 12 }), fc.integer({ min: 0, max: 24 * 12 }), (fee, kg, h1, h2) => {
        const pay = (hours: number) =>
          quote(
            {
              waybill: 'D',
              scope: 'domestic',
              fee,
              weightKg: kg,
              postedAt: iso(BASE),
              firstAttemptAt: iso(BASE + (72 + hours) * HOUR),
              events: { claimedAt: iso(BASE + 400 * HOUR) },
            },
            { policy },
          ).payout;
        const [a, b] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(new Dec(pay(a)).lessThanOrEqualTo(pay(b))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

/** A way to spoil a valid claim: a field and a value it can never take. */
type Spoil = { field: string; bad: unknown };
/** Values no claim field accepts: no field is boolean, nullable, an array or an object with a stray key. */
const junk = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.integer({ max: -1 }),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('x', 'amout', 'Extent', '__proto__'), fc.anything(), { minKeys: 1 }),
);
const known = ['waybill', 'scope', 'fee', 'postedAt', 'value', 'damage', 'events', 'contents', 'weightKg', 'insurance', 'cause', 'network', 'product', 'agreement', 'itemType', 'terms', 'carrierFault'];

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
const spoil: fc.Arbitrary<Spoil> = fc.oneof(
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

describe('generated invalid input', () => {
  it.each(POLICIES)('always gives a ClaimInputError with an issue naming the field under %s, never a crash', (policy) => {
    fc.assert(
      fc.property(validClaim, spoil, (claim, { field, bad }) => {
        const result = safeQuote({ ...claim, [field]: bad }, { policy });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error).toBeInstanceOf(ClaimInputError);
        const { issues } = result.error as ClaimInputError;
        // A known field's issue has a path starting at it; an unknown field is named at the claim's root.
        const named = known.includes(field)
          ? issues.some((i) => i.path[0] === field)
          : issues.some((i) => i.path.length === 0 && i.message.includes(field));
        expect(named, JSON.stringify(issues)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('anything at all gives a typed error or a quote', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...POLICIES), (input, policy) => {
        const result = safeQuote(input, { policy });
        if (!result.ok) expect(isTyped(result.error)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('working days in a provisional year (W-1, W-2)', () => {
  const DAY = 86_400_000;
  /** 10:00 Shanghai on a day from 2026-11-01 to 2050-11-01, half of them in the second half of a December. */
  const anyDay = fc.integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2050, 10, 1) }).map((ms) => Math.floor(ms / DAY) * DAY);
  const lateDecember = fc.record({ year: fc.integer({ min: 2026, max: 2049 }), day: fc.integer({ min: 15, max: 31 }) }).map((d) => Date.UTC(d.year, 11, d.day));
  const receivedAt = fc.oneof(anyDay, lateDecember).map((day) => day + 2 * HOUR);
  const kind = fc.constantFrom('attitude' as const, 'delay' as const, 'loss' as const); // K-1, K-2, K-3: 1, 3, 5 working days
  const provisionalOnly = (warnings: string[] = []) => warnings.filter((w) => w.startsWith('provisional-calendar'));

  it('counts as a published notice of the same days would, and warns exactly when the count reaches a provisional year or the week before it', () => {
    fc.assert(
      fc.property(receivedAt, kind, (at, k) => {
        const year = new Date(at).getUTCFullYear();
        // the provisional years the count may reach, loaded as if they were published
        const published = calendars.cn.withNotices(calendars.cn.provisional.filter((p) => p.year === year || p.year === year + 1));
        const handling = (calendar: WorkCalendar) => complaintDeadlines({ kind: k, receivedAt: iso(at) }, { calendar })[1];
        const estimated = handling(calendars.cn);
        const counted = handling(published);
        expect(estimated?.due).toBe(counted?.due);
        expect(provisionalOnly(counted?.warnings)).toEqual([]);
        const first = formatLocalDate('Asia/Shanghai', at + DAY);
        const last = (estimated?.due as string).slice(0, 10);
        const expected = calendars.cn.provisional
          .filter((p) => p.year > 2026 && first <= `${p.year}-12-31` && last >= `${p.year - 1}-12-25`)
          .map((p) => `provisional-calendar:${p.year}`);
        expect(provisionalOnly(estimated?.warnings)).toEqual(expected);
      }),
    );
  });
});
