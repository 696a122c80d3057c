import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClaimInput,
  definePolicy,
  explain,
  NoRuleInForceError,
  PolicyError,
  policies,
  quote,
  quoteBatch,
} from '../src/index.js';
import { Dec } from '../src/money.js';
import { versionInForce } from '../src/policy/model.js';
import type { ParamKey } from '../src/policy/params.js';
import { policyFor } from '../src/policy/registry.js';
import { shareCap } from '../src/rules/batch.js';
import { claim } from './helpers.js';

const NETWORK = 'cn-network-reference';
const HOUR = 3_600_000;
const PROMISED = Date.UTC(2026, 2, 5, 2); // 2026-03-05 10:00 Shanghai, for a domestic item posted 03-02 10:00
const iso = (ms: number) => new Date(ms).toISOString();

/** A domestic delay whose first attempt comes `lateMs` after the promised deadline. */
const lateBy = (lateMs: number, overrides: Partial<ClaimInput> = {}): ClaimInput =>
  claim({ weightKg: '0.8', firstAttemptAt: iso(PROMISED + lateMs), ...overrides });

function policyError(run: () => unknown): PolicyError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

describe('the reference network policy', () => {
  it('is listed with its one version, whose date no primary text confirms', () => {
    const network = policies.find((p) => p.id === NETWORK);
    expect(network?.kind).toBe('network');
    expect(network?.versions).toMatchObject([{ version: '2013-01-01', effectiveFrom: '2013-01-01', effectiveFromVerified: false }]);
  });

  it('warns on every quote that the effective date is unverified', () => {
    expect(quote(lateBy(HOUR), { policy: NETWORK }).warnings).toContain('unverified-effective-date:2013-01-01');
  });

  it('has no version before 2013-01-01', () => {
    expect(() => quote(claim({ postedAt: '2012-12-31T23:59:59+08:00', declaredLost: true }), { policy: NETWORK })).toThrow(
      NoRuleInForceError,
    );
  });
});

describe('R-13 delay days, three conventions', () => {
  const withConvention = (convention: string) =>
    definePolicy({
      id: `network-${convention}`,
      extends: NETWORK,
      params: { 'C-1.delayDays': [{ from: '2013-01-01', value: convention, source: 'test: carrier decision' }] },
    });
  const days = (convention: string, c: ClaimInput) => quote(c, { policy: withConvention(convention) }).incident.delayDays;

  it.each([
    ['started-24h', 24 * HOUR, 1],
    ['started-24h', 24 * HOUR + 1000, 2],
    ['full-24h', 24 * HOUR - 1000, 0],
    ['full-24h', 24 * HOUR, 1],
    ['full-24h', 48 * HOUR - 1000, 1],
    // promised 03-05 10:00; 14 h later is 03-06 00:00, the next local date; 13:59:59 later is still 03-05
    ['local-calendar-date', 14 * HOUR - 1000, 0],
    ['local-calendar-date', 14 * HOUR, 1],
    ['local-calendar-date', 38 * HOUR, 2],
  ])('%s: %i ms late is %i days', (convention, late, expected) => {
    expect(days(convention, lateBy(late))).toBe(expected);
  });

  it('pays 0.00 for a delay of 0 full days under full-24h', () => {
    expect(quote(lateBy(HOUR), { policy: withConvention('full-24h') }).payout).toBe('0.00');
  });
});

describe('a carrier’s own settlement policy', () => {
  const raised = definePolicy({
    id: 'acme-network-2026',
    extends: NETWORK,
    params: {
      'R-9': [
        {
          from: '2026-07-01',
          value: {
            perDay: '60',
            ticketCap: [
              { upTo: '1', value: '300' },
              { over: '1', value: '600' },
            ],
            batchCap: '3000',
          },
          source: 'Acme settlement notice 2026-05 §2',
        },
      ],
    },
  });
  const posted = (postedAt: string) =>
    claim({
      postedAt,
      weightKg: '0.8',
      firstAttemptAt: iso(Date.parse(postedAt) + 73 * HOUR),
      events: { claimedAt: iso(Date.parse(postedAt) + 96 * HOUR) },
    });

  it('keeps the old daily rate for tickets posted before the change and the new one from its date', () => {
    const before = quote(posted('2026-06-30T23:59:59+08:00'), { policy: raised });
    const after = quote(posted('2026-07-01T00:00:00+08:00'), { policy: raised });
    expect([before.policy.version, before.payout, before.lines[0]?.basis.perDay]).toEqual(['2013-01-01', '50.00', '50.00']);
    expect([after.policy.version, after.payout, after.lines[0]?.source]).toEqual([
      '2026-07-01',
      '60.00',
      expect.stringContaining('Acme settlement notice'),
    ]);
  });

  /** A policy whose R-9 weight bands are `ticketCap`. */
  const withBands = (ticketCap: object[]) =>
    policyError(() =>
      definePolicy({
        id: 'bands',
        extends: NETWORK,
        params: { 'R-9': [{ from: '2026-01-01', value: { perDay: '50', ticketCap, batchCap: '2500' }, source: 'test' }] },
      }),
    );

  it('rejects a weight band table with a gap, naming the band', () => {
    expect(withBands([{ upTo: '1', value: '250' }, { over: '1.5', value: '500' }]).issues).toEqual([
      { path: ['params', 'R-9', '0', 'value', 'ticketCap', '1'], message: 'gap between 1 and 1.5' },
    ]);
  });

  it('rejects overlapping bands (1 kg in both)', () => {
    const error = withBands([{ upTo: '1', value: '250' }, { from: '1', value: '500' }]);
    expect(error.issues.map((i) => i.message)).toEqual(['overlap: 1 falls in two bands']);
  });
});

describe('quoteBatch', () => {
  const lost = (waybill: string, batch?: string): ClaimInput => claim({ waybill, declaredLost: true, ...(batch && { batch }) });

  it('names the ticket in a NoRuleInForceError', () => {
    const tickets = [lost('A'), claim({ waybill: 'B', declaredLost: true, network: 'third-party' })];
    expect(() => quoteBatch(tickets, { policy: NETWORK })).toThrow(/^ticket 1: policy cn-network-reference/);
  });

  it('leaves tickets without a batch as quote() gives them', () => {
    const tickets = [lost('A'), lost('B')];
    const batch = quoteBatch(tickets, { policy: NETWORK });
    expect(batch.tickets).toEqual(tickets.map((t) => quote(t, { policy: NETWORK })));
    expect(batch.batches).toEqual([]);
  });

  it('recomputes the R-8 settlement on a ticket’s reduced amount', () => {
    const batch = quoteBatch(
      Array.from({ length: 11 }, (_, i) => lost(`T${i}`, 'B')),
      { policy: NETWORK },
    );
    // 10000.00 / 11 = 909.0909…: 909.09 each, the 0.01 remainder on the first
    expect(batch.tickets.map((t) => t.payout)).toEqual(['909.10', ...Array(10).fill('909.09')]);
    expect(batch.tickets[1]?.settlement).toMatchObject({ payer: '963.64', payee: '872.73' });
  });
});

describe('shareCap', () => {
  const d = (xs: string[]) => xs.map((x) => new Dec(x));
  const text = (xs: Dec[]) => xs.map((x) => x.toFixed(2));

  it('puts the remainder on the largest amount, the first of equals', () => {
    // 14.2857… → 14.29 and 42.857… → 42.86 twice: 100.01, so the first 300.00 gives back the fen
    expect(text(shareCap(d(['100.00', '300.00', '300.00']), new Dec('100.00')))).toEqual(['14.29', '42.85', '42.86']);
  });

  it('never takes a share below 0 when rounding up overshoots a tiny cap', () => {
    // each exact share is 0.005 and rounds up to 0.01; the 0.02 overshoot is taken from the largest first
    expect(text(shareCap(d(['1.00', '1.00', '1.00', '1.00']), new Dec('0.02')))).toEqual(['0.00', '0.00', '0.01', '0.01']);
  });

  it('adds up to the cap exactly, each share within [0, amount] (property)', () => {
    const amounts = fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 1_000_000 }), (fen, capFen) => {
        const before = fen.reduce((a, b) => a + b, 0);
        fc.pre(capFen < before);
        const xs = fen.map((f) => new Dec(f).dividedBy(100));
        const shares = shareCap(xs, new Dec(capFen).dividedBy(100));
        expect(shares.reduce((a, b) => a.plus(b), new Dec(0)).toFixed(2)).toBe((capFen / 100).toFixed(2));
        shares.forEach((s, i) => {
          expect(s.isNegative()).toBe(false);
          expect(s.lessThanOrEqualTo(xs[i] as Dec)).toBe(true);
          expect(s.decimalPlaces()).toBeLessThanOrEqual(2);
        });
      }),
    );
  });
});

/** Generated delay and loss tickets of the network policy, spread over a few batches (some without). */
const ticket: fc.Arbitrary<ClaimInput> = fc
  .record({
    network: fc.constantFrom('direct', 'agent', 'third-party'),
    lost: fc.boolean(),
    lateHours: fc.integer({ min: 1, max: 24 * 7 }),
    weightFen: fc.integer({ min: 0, max: 500 }),
    value: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }),
    batch: fc.option(fc.constantFrom('B1', 'B2', 'B3'), { nil: undefined }),
  })
  .map((r) =>
    claim({
      waybill: `W-${r.network}-${r.lateHours}`,
      network: r.network,
      weightKg: (r.weightFen / 100).toFixed(2),
      ...(r.lost && r.network !== 'third-party' ? { declaredLost: true } : { firstAttemptAt: iso(PROMISED + r.lateHours * HOUR) }),
      ...(r.value !== undefined && { value: { amount: (r.value / 100).toFixed(2), evidence: 'invoice' as const } }),
      ...(r.batch && { batch: r.batch }),
    }),
  );

const PER_TICKET: Record<string, (weightKg: Dec) => Dec> = {
  'R-9': (w) => new Dec(w.lessThanOrEqualTo(1) ? 250 : 500),
  'R-11': () => new Dec(100),
  'R-5': () => new Dec(1000),
  'R-6': () => new Dec(300),
};

describe('network invariants (property)', () => {
  it('no ticket exceeds its per-ticket cap or its value; batch totals never exceed their cap; tickets add up', () => {
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 60 }), (tickets) => {
        const result = quoteBatch(tickets, { policy: NETWORK });
        let total = new Dec(0);
        result.tickets.forEach((q, i) => {
          const input = tickets[i] as ClaimInput;
          const payout = new Dec(q.payout);
          total = total.plus(payout);
          expect(payout.isNegative()).toBe(false);
          expect(q.lines.reduce((s, l) => s.plus(l.amount), new Dec(0)).toFixed(2)).toBe(q.payout);
          const rule = q.lines[0]?.rule === 'R-7' || q.lines[0]?.rule === 'R-10' ? q.batch?.rule : q.lines[0]?.rule;
          const cap = rule && PER_TICKET[rule];
          if (cap) expect(payout.lessThanOrEqualTo(cap(new Dec(input.weightKg as string)))).toBe(true);
          if (input.value) expect(payout.lessThanOrEqualTo(input.value.amount)).toBe(true);
          const solo = quote(input, { policy: NETWORK });
          expect(payout.lessThanOrEqualTo(solo.payout)).toBe(true);
          if (!input.batch) expect(q).toEqual(solo);
        });
        expect(total.toFixed(2)).toBe(result.payout);
        for (const b of result.batches) {
          expect(new Dec(b.after).lessThanOrEqualTo(b.cap)).toBe(true);
          const members = result.tickets.filter((q) => q.batch?.id === b.batch && q.batch.rule === b.rule);
          expect(members.reduce((s, q) => s.plus(q.payout), new Dec(0)).toFixed(2)).toBe(b.after);
        }
      }),
    );
  });
});

describe('explain under the network policy', () => {
  it('shows the R-8 settlement and the batch cap in both languages', () => {
    const q = quote(lateBy(HOUR, { batch: 'B-42' }), { policy: NETWORK });
    const en = explain(q);
    expect(en).toContain('the responsible outlet pays 53.00 (compensation + handling fee 3.00)');
    expect(en).toContain('batch B-42: the R-9 batch cap of 2500.00 applies');
    expect(en).toContain('Responsible outlet liable: yes');
    const zh = explain(q, { lang: 'zh-CN' });
    expect(zh).toContain('罚款网点支付 53.00（赔款 + 手续费 3.00）');
    expect(zh).toContain('获赔网点实收 48.00');
    expect(zh).toContain('延误件按天获赔');
    expect(zh).toContain('责任网点是否承担赔偿责任：是');
  });
});

/** The citation of `keys` (deciding rule first) under the network policy's one version. */
const citeOf = (...keys: ParamKey[]) => versionInForce(policyFor(NETWORK), '2026-03-02').cite(keys);
const ecommerce = (overrides: Partial<ClaimInput>): ClaimInput =>
  claim({ channel: 'ecommerce', deliveredAt: '2026-03-04T10:00:00+08:00', ...overrides });

describe('each network line cites the deciding rule first, then every rule and value it used, once', () => {
  it('a delay capped by its value (R-10) cites R-10, the rate, the R-13 day count and the ticket cap', () => {
    const q = quote(lateBy(3 * 24 * HOUR, { value: { amount: '60.00', evidence: 'invoice' } }), { policy: NETWORK });
    expect(q.lines[0]).toMatchObject({ rule: 'R-10', amount: '60.00', source: citeOf('R-10', 'R-9', 'C-1.delayDays') });
  });

  it('a delay at its rate cites the rate and the day count, the rate’s cap counted once', () => {
    const q = quote(lateBy(HOUR), { policy: NETWORK });
    expect(q.lines[0]).toMatchObject({ rule: 'R-9', amount: '50.00', source: citeOf('R-9', 'C-1.delayDays') });
  });

  it('a loss at the standard cites the standard; below it, R-7 then the standard', () => {
    const lost = (amount: string) => claim({ declaredLost: true, value: { amount, evidence: 'invoice' } });
    expect(quote(lost('2000.00'), { policy: NETWORK }).lines[0]).toMatchObject({ rule: 'R-5', source: citeOf('R-5', 'R-7') });
    expect(quote(lost('20.00'), { policy: NETWORK }).lines[0]).toMatchObject({ rule: 'R-7', source: citeOf('R-7', 'R-5') });
    expect(quote(claim({ declaredLost: true }), { policy: NETWORK }).lines[0]).toMatchObject({
      rule: 'R-5',
      amount: '1000.00',
      basis: { standard: '1000.00' },
      source: citeOf('R-5'),
    });
  });

  it('partial e-commerce damage by degree cites R-1; a lost total without invoice above R-3’s threshold cites R-3 and R-2', () => {
    const partial = ecommerce({ damage: { extent: 'partial', lostValue: '80.00' }, value: { amount: '300.00', evidence: 'transaction-record' } });
    expect(quote(partial, { policy: NETWORK }).lines[0]).toMatchObject({ rule: 'R-1', amount: '80.00', source: citeOf('R-1') });
    const total = ecommerce({ damage: { extent: 'total' }, value: { amount: '2500.00', evidence: 'none', practical: true } });
    expect(quote(total, { policy: NETWORK }).lines[0]).toMatchObject({ rule: 'R-3', amount: '1000.00', source: citeOf('R-3', 'R-2') });
  });

  it('R-8 cites R-8', () => {
    expect(quote(lateBy(HOUR), { policy: NETWORK }).settlement?.source).toBe(citeOf('R-8'));
  });
});

describe('e-commerce damage and missing contents under the network policy', () => {
  it('values partial damage by its ratio of the value, or by the lost value given', () => {
    const byRatio = ecommerce({ damage: { extent: 'partial', ratio: '0.25' }, value: { amount: '300.00', evidence: 'invoice' } });
    expect(quote(byRatio, { policy: NETWORK }).lines[0]).toMatchObject({ rule: 'R-1', amount: '75.00', basis: { lostValue: '75.00' } });
    const byValue = ecommerce({ damage: { extent: 'partial', lostValue: '40.00' }, value: { amount: '300.00', evidence: 'invoice' } });
    expect(quote(byValue, { policy: NETWORK }).lines[0]).toMatchObject({ amount: '40.00', basis: { lostValue: '40.00' } });
  });

  it('pays total damage at the whole value under R-2', () => {
    const total = ecommerce({ damage: { extent: 'total' }, value: { amount: '300.00', evidence: 'invoice' } });
    expect(quote(total, { policy: NETWORK }).lines[0]).toMatchObject({ rule: 'R-2', amount: '300.00', basis: { lostValue: '300.00', cap: '2000.00' } });
  });

  it('needs the value of damaged contents, naming the field', () => {
    expect(() => quote(ecommerce({ damage: { extent: 'total' } }), { policy: NETWORK })).toThrow(
      'value: required: the e-commerce damage rules (R-1/R-2) pay the value lost, a share of the value',
    );
  });

  it('pays partial damage without a record only when R-3 caps it; below the threshold there is no rule', () => {
    const partial = (lostValue: string) =>
      ecommerce({ damage: { extent: 'partial', lostValue }, value: { amount: '3000.00', evidence: 'none', practical: false } });
    expect(quote(partial('2000.00'), { policy: NETWORK }).lines[0]).toMatchObject({ rule: 'R-3', amount: '700.00' });
    expect(() => quote(partial('1999.99'), { policy: NETWORK })).toThrow(
      expect.objectContaining({ case: 'R-1.evidence', message: expect.stringContaining('pays partial damage of an e-commerce item only with') }),
    );
  });

  const missing = (received: number, unitValue?: string, weightKg?: string) =>
    ecommerce({
      contents: {
        declared: [{ name: 'cup', quantity: 3, ...(unitValue && { unitValue }), ...(weightKg && { weightKg }) }],
        received: received ? [{ name: 'cup', quantity: received, ...(weightKg && { weightKg: '0.1' }) }] : [],
      },
    });

  it('pays missing contents at their declared unit value (R-2)', () => {
    const q = quote(missing(1, '20.00'), { policy: NETWORK });
    expect(q.incident.kind).toBe('mismatch');
    expect(q.lines[0]).toMatchObject({ rule: 'R-2', amount: '40.00', basis: { lostValue: '40.00' } });
    expect(q.review).toEqual([]);
  });

  it('sends missing contents without a unit value to review, paying nothing yet', () => {
    const q = quote(missing(1), { policy: NETWORK });
    expect(q.lines).toEqual([]);
    expect(q.review).toContain('mismatch-not-valued');
  });

  it('sends a weight that differs from the declaration to review', () => {
    const q = quote(missing(3, '20.00', '0.5'), { policy: NETWORK });
    expect(q.review).toContain('mismatch-weight-differs');
  });

  it('names the case and the channel when the item is not e-commerce', () => {
    const standard = claim({ deliveredAt: '2026-03-04T10:00:00+08:00', damage: { extent: 'total' }, value: { amount: '10.00', evidence: 'invoice' } });
    expect(() => quote(standard, { policy: NETWORK })).toThrow(
      expect.objectContaining({ case: 'damage-standard-channel', message: expect.stringContaining('has no rule for damage of a standard-channel item') }),
    );
  });

  it('pays nothing, and raises nothing, when nothing went wrong', () => {
    const q = quote(claim({ deliveredAt: '2026-03-04T10:00:00+08:00' }), { policy: NETWORK });
    expect(q.incident.kind).toBe('none');
    expect(q.payout).toBe('0.00');
  });
});

describe('network errors name what is missing', () => {
  it('a banded delay rate needs the weight', () => {
    expect(() => quote(lateBy(HOUR, { weightKg: undefined }), { policy: NETWORK })).toThrow(
      'weightKg: required: the R-9 per-ticket cap depends on the weight',
    );
  });

  it('a third-party loss has no standard', () => {
    expect(() => quote(claim({ declaredLost: true, network: 'third-party' }), { policy: NETWORK })).toThrow(
      'has no loss standard for a third-party transfer (R-5/R-6 cover direct and agent networks)',
    );
  });

  it('a ticket in a batch falls under its rule’s batch cap, and under none where the policy sets none', () => {
    const late = lateBy(HOUR, { network: 'third-party', batch: 'B1' });
    expect(quote(late, { policy: NETWORK }).batch).toEqual({ id: 'B1', rule: 'R-12', cap: '1000.00' });
    const noBatchCap = definePolicy({
      id: 'network-no-r12-batch-cap',
      extends: NETWORK,
      params: { 'R-12': [{ from: '2013-01-01', value: { perDay: '50', ticketCap: null, batchCap: null }, source: 'test: carrier decision' }] },
    });
    const q = quote(late, { policy: noBatchCap });
    expect(q.lines[0]?.rule).toBe('R-12');
    expect(q.batch).toBeUndefined();
  });
});

describe('E-5, E-6 and D-8 under the network policy: each reason', () => {
  const exemption = (q: ReturnType<typeof quote>, id: string) => q.exemptions.find((e) => e.id === id);
  const damaged = (overrides: Partial<ClaimInput>) =>
    ecommerce({ damage: { extent: 'total' }, value: { amount: '100.00', evidence: 'invoice' }, ...overrides });

  it('E-5 and E-6 do not concern a delay', () => {
    const q = quote(lateBy(HOUR, { packedBy: 'sender', reportedAfterSigning: true }), { policy: NETWORK });
    expect(exemption(q, 'E-5')).toEqual({ id: 'E-5', applies: false, reason: 'kind-not-covered' });
    expect(exemption(q, 'E-6')).toEqual({ id: 'E-6', applies: false, reason: 'kind-not-covered' });
    expect(q.payout).toBe('50.00');
  });

  it('E-5 says who packed, or that nobody said', () => {
    expect(exemption(quote(damaged({}), { policy: NETWORK }), 'E-5')?.reason).toBe('packing-not-stated');
    expect(exemption(quote(damaged({ packedBy: 'carrier' }), { policy: NETWORK }), 'E-5')?.reason).toBe('packed-by-carrier');
    const sender = quote(damaged({ packedBy: 'sender' }), { policy: NETWORK });
    expect(exemption(sender, 'E-5')).toEqual({ id: 'E-5', applies: true, reason: 'packed-by-sender' });
    expect(sender.payout).toBe('0.00');
  });

  it('D-8 names the incident it has no rule for', () => {
    expect(() => quote(damaged({ reportReturns: 3 }), { policy: NETWORK })).toThrow(
      'policy cn-network-reference (version 2013-01-01) does not say what follows a damage report returned 3 times (D-8)',
    );
  });
});

describe('batch caps leave a ticket whose share is all of it untouched', () => {
  it('adds no batch-cap-share line to a ticket paid 0.00 in a batch over its cap', () => {
    const late = (waybill: string, extra: Partial<ClaimInput> = {}) => lateBy(5 * 24 * HOUR, { waybill, batch: 'B', ...extra });
    const tickets = [late('Z', { value: { amount: '0.00', evidence: 'invoice' } }), ...Array.from({ length: 11 }, (_, i) => late(`T${i}`))];
    const result = quoteBatch(tickets, { policy: NETWORK });
    expect(result.batches).toEqual([expect.objectContaining({ before: '2750.00', after: '2500.00' })]);
    expect(result.tickets[0]?.lines.map((l) => l.label)).toEqual(['delay-per-day']);
    expect(result.tickets[1]?.lines.map((l) => l.label)).toEqual(['delay-per-day', 'batch-cap-share']);
  });
});
