import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  calendars,
  ClaimInputError,
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
import { BASE, HOUR, iso, known, money, spoil, validClaim, weightKg } from './arbitraries.js';

const POLICIES = ['cn-express', 'cn-postal', 'cn-gbt27917-2011', 'cn-network-reference'] as const;
/** Basis fields that bound a line's amount, under every policy; an unevidenced value bounds nothing (N-2). */
const BOUNDS = ['cap', 'ticketCap', 'insuredValue', 'lossGoods', 'standard', 'value'] as const;
const boundsOf = (basis: Record<string, string>) => BOUNDS.filter((key) => !(key === 'value' && basis.evidence === 'none'));

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
