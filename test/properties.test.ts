import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimInputError, type ClaimInput, NoRuleInForceError, quote, safeQuote } from '../src/index.js';
import { Dec } from '../src/money.js';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 2, 2, 2); // 2026-03-02 10:00 Shanghai

const money = fc.integer({ min: 0, max: 5_000_000 }).map((fen) => (fen / 100).toFixed(2));
const iso = (ms: number) => new Date(ms).toISOString();

/** Valid claims of every kind under the national policy. */
const validClaim: fc.Arbitrary<ClaimInput> = fc
  .record({
    scope: fc.constantFrom('same-city', 'domestic'),
    fee: money,
    value: fc.option(fc.record({ amount: money, evidence: fc.constantFrom('invoice', 'transaction-record', 'none') }), { nil: undefined }),
    insurance: fc.option(fc.record({ insuredValue: money }), { nil: undefined }),
    attemptAfterHours: fc.option(fc.integer({ min: 0, max: 24 * 20 }), { nil: undefined }),
    damage: fc.option(
      fc.oneof(
        fc.constant({ extent: 'total' as const }),
        fc.integer({ min: 1, max: 100 }).map((p) => ({ extent: 'partial' as const, ratio: (p / 100).toFixed(2) })),
      ),
      { nil: undefined },
    ),
    cause: fc.constantFrom('carrier', 'sender', 'force-majeure', 'unknown', 'out-of-area'),
    declaredLost: fc.boolean(),
    claimAfterHours: fc.integer({ min: 0, max: 24 * 400 }),
    agreement: fc.option(fc.record({ amount: money }), { nil: undefined }),
  })
  .map((r) => ({
    waybill: 'P1',
    scope: r.scope,
    fee: r.fee,
    ...(r.value && { value: r.value }),
    ...(r.insurance && { insurance: r.insurance }),
    postedAt: iso(BASE),
    ...(r.attemptAfterHours !== undefined && { firstAttemptAt: iso(BASE + r.attemptAfterHours * HOUR) }),
    ...(r.damage && { damage: r.damage }),
    cause: r.cause,
    declaredLost: r.declaredLost,
    ...(r.agreement && { agreement: r.agreement }),
    events: { claimedAt: iso(BASE + Math.max(r.claimAfterHours, r.attemptAfterHours ?? 0) * HOUR) },
  }));

describe('invariants over generated valid claims (national policy)', () => {
  it('payout is ≥ 0 and exactly the sum of its lines; every line cites a rule and a source', () => {
    fc.assert(
      fc.property(validClaim, (c) => {
        const q = quote(c);
        const sum = q.lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
        expect(q.payout).toBe(sum.toFixed(2));
        expect(new Dec(q.payout).isNegative()).toBe(false);
        for (const line of q.lines) {
          expect(line.rule).toMatch(/^N-\d$/);
          expect(line.source.length).toBeGreaterThan(10);
          expect(line.amount).toMatch(/^\d+\.\d{2}$/);
        }
        if (!q.liable) expect(q.payout).toBe('0.00');
      }),
      { numRuns: 400 },
    );
  });

  it('the same input gives byte-identical JSON', () => {
    fc.assert(fc.property(validClaim, (c) => JSON.stringify(quote(c)) === JSON.stringify(quote(structuredClone(c)))), {
      numRuns: 100,
    });
  });

  it('no goods line exceeds what the rule caps it at', () => {
    fc.assert(
      fc.property(validClaim, (c) => {
        const q = quote(c);
        for (const line of q.lines.filter((l) => l.label.startsWith('goods-'))) {
          const b = line.basis;
          if (b.cap) expect(new Dec(line.amount).lessThanOrEqualTo(b.cap)).toBe(true);
          if (b.insuredValue) expect(new Dec(line.amount).lessThanOrEqualTo(b.insuredValue)).toBe(true);
          if (b.lossGoods) expect(new Dec(line.amount).lessThanOrEqualTo(b.lossGoods)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('loss compensation never decreases as the value or the insured value grows', () => {
    fc.assert(
      fc.property(money, money, money, fc.boolean(), (fee, a, b, insured) => {
        const [low, high] = new Dec(a).lessThan(b) ? [a, b] : [b, a];
        const lost = (amount: string) =>
          quote({
            waybill: 'L',
            scope: 'domestic',
            fee,
            postedAt: iso(BASE),
            declaredLost: true,
            value: { amount: insured ? '10000.00' : amount, evidence: 'invoice' },
            ...(insured && { insurance: { insuredValue: amount } }),
            events: { claimedAt: iso(BASE + HOUR) },
          }).payout;
        expect(new Dec(lost(low)).lessThanOrEqualTo(lost(high))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('delay compensation never decreases as the delay grows', () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 240 }), (fee, h1, h2) => {
        const pay = (hours: number) =>
          quote({
            waybill: 'D',
            scope: 'domestic',
            fee,
            postedAt: iso(BASE),
            firstAttemptAt: iso(BASE + (72 + Math.min(hours, 168)) * HOUR),
            events: { claimedAt: iso(BASE + 400 * HOUR) },
          }).payout;
        const [a, b] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(new Dec(pay(a)).lessThanOrEqualTo(pay(b))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('generated invalid input', () => {
  const junk = fc.oneof(fc.anything(), fc.string(), fc.double(), fc.constant(null));
  const field = fc.constantFrom('fee', 'postedAt', 'scope', 'value', 'damage', 'events', 'contents', 'weightKg', 'insurance', 'extra');

  it('always gives a ClaimInputError with at least one issue path, never a crash', () => {
    fc.assert(
      fc.property(field, junk, (key, bad) => {
        const c: Record<string, unknown> = { waybill: 'J', scope: 'domestic', fee: '1.00', postedAt: iso(BASE), [key]: bad };
        const result = safeQuote(c, { asOf: iso(BASE + 1000 * HOUR) });
        if (result.ok) return; // the junk happened to be valid (e.g. a valid optional field)
        expect(result.error).toBeInstanceOf(ClaimInputError);
        expect((result.error as ClaimInputError).issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('anything at all gives a typed error or a quote', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = safeQuote(input);
        if (!result.ok) expect(result.error instanceof ClaimInputError || result.error instanceof NoRuleInForceError).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
