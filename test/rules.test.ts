import { describe, expect, it } from 'vitest';
import { classify, explain, quote } from '../src/index.js';
import { delayDays } from '../src/rules/classify.js';
import { parseInstant } from '../src/time/instant.js';
import { claim } from './helpers.js';

const SH = 'Asia/Shanghai';
const at = (text: string) => parseInstant(text, SH) as number;
const PROMISED = at('2026-03-05T10:00:00+08:00');

describe('C-1 delay days (R-13 conventions)', () => {
  it.each([
    ['2026-03-05T10:00:00+08:00', 0, 0, 0],
    ['2026-03-05T10:00:00.001+08:00', 1, 0, 0],
    ['2026-03-05T23:59:59+08:00', 1, 0, 0],
    ['2026-03-06T00:00:00+08:00', 1, 0, 1],
    ['2026-03-06T10:00:00+08:00', 1, 1, 1],
    ['2026-03-06T10:00:01+08:00', 2, 1, 1],
    ['2026-03-07T09:59:59+08:00', 2, 1, 2],
  ])('late until %s: started-24h %i, full-24h %i, local-calendar-date %i', (until, started, full, local) => {
    expect(delayDays('started-24h', SH, PROMISED, at(until))).toBe(started);
    expect(delayDays('full-24h', SH, PROMISED, at(until))).toBe(full);
    expect(delayDays('local-calendar-date', SH, PROMISED, at(until))).toBe(local);
  });
  it('counts local dates in the zone, not in UTC', () => {
    // 2026-03-05 23:30 Shanghai is still 03-05 locally though 15:30 UTC.
    expect(delayDays('local-calendar-date', SH, PROMISED, at('2026-03-05T23:30:00+08:00'))).toBe(0);
  });
});

describe('classify (C-1…C-5)', () => {
  it('needs no asOf for a delivered item', () => {
    expect(classify(claim({ events: {}, deliveredAt: '2026-03-05T10:00:01+08:00' }))).toEqual({
      kind: 'delay',
      provisional: false,
      delayDays: 1,
      reasons: ['first-attempt-after-promised-deadline'],
    });
  });
  it('measures delay at the first attempt, not at the signature', () => {
    const incident = classify(
      claim({ firstAttemptAt: '2026-03-05T09:00:00+08:00', deliveredAt: '2026-03-08T09:00:00+08:00' }),
    );
    expect(incident.kind).toBe('none');
  });
  it('agrees with quote', () => {
    const c = claim({ firstAttemptAt: '2026-03-06T09:00:00+08:00' });
    expect(classify(c)).toEqual(quote(c).incident);
  });
  it('treats a declared loss as loss even when delivered on time', () => {
    expect(classify(claim({ declaredLost: true, deliveredAt: '2026-03-04T10:00:00+08:00' })).kind).toBe('loss');
  });
  it('puts a mismatch above a delay and below damage', () => {
    const contents = { declared: [{ name: 'a', quantity: 1, unitValue: '10.00' }], received: [] };
    const late = { firstAttemptAt: '2026-03-06T09:00:00+08:00' };
    expect(classify(claim({ ...late, contents })).reasons).toEqual(['contents-missing', 'first-attempt-after-promised-deadline']);
    expect(classify(claim({ ...late, contents, damage: { extent: 'total' } })).reasons).toEqual([
      'damage-total',
      'contents-missing',
      'first-attempt-after-promised-deadline',
    ]);
  });
  it('ignores extra received items and surplus quantities', () => {
    const contents = {
      declared: [{ name: 'a', quantity: 1, unitValue: '10.00' }],
      received: [{ name: 'a', quantity: 2 }, { name: 'b', quantity: 1 }],
    };
    expect(classify(claim({ deliveredAt: '2026-03-04T10:00:00+08:00', contents })).kind).toBe('none');
  });
});

describe('N-5 mismatch without unit values', () => {
  it('sends an unvalued shortfall to review and pays nothing automatically', () => {
    const q = quote(
      claim({
        deliveredAt: '2026-03-04T10:00:00+08:00',
        contents: { declared: [{ name: 'a', quantity: 2 }], received: [{ name: 'a', quantity: 1 }] },
      }),
    );
    expect([q.incident.kind, q.liable, q.payout, q.review]).toEqual(['mismatch', true, '0.00', ['mismatch-not-valued']]);
  });
  it('values a shortfall from the declared unit values when the claim gives no value, with the unevidenced cap', () => {
    const q = quote(
      claim({
        deliveredAt: '2026-03-04T10:00:00+08:00',
        contents: { declared: [{ name: 'a', quantity: 4, unitValue: '5.00' }], received: [{ name: 'a', quantity: 3 }] },
      }),
    );
    // lost 5.00 of 20.00 declared; a loss would pay min(claimed —, cap 36.00) = 36.00 → 0.25 × 36.00
    expect(q.lines.map((l) => [l.rule, l.amount])).toEqual([['N-5', '9.00']]);
    expect(q.warnings).toEqual(['value-not-evidenced']);
  });
});

describe('D-3 payment deadline', () => {
  it('appears only once the amount is agreed', () => {
    const late = { firstAttemptAt: '2026-03-06T09:00:00+08:00' };
    expect(quote(claim(late)).deadlines.map((d) => d.id)).toEqual(['T-1', 'D-1', 'D-2', 'D-4', 'D-5']);
    const agreed = quote(claim({ ...late, events: { claimedAt: '2026-03-20T10:00:00+08:00', agreedAt: '2026-03-25T10:00:00+08:00' } }));
    expect(agreed.deadlines.find((d) => d.id === 'D-3')?.due).toBe('2026-04-01T10:00:00+08:00');
  });
});

describe('D-1 without a claim date', () => {
  it('counts from asOf and says so', () => {
    const q = quote(claim({ events: {}, firstAttemptAt: '2026-03-06T09:00:00+08:00' }), { asOf: '2026-03-09T08:00:00+08:00' });
    expect(q.deadlines[1]).toMatchObject({ id: 'D-1', due: '2026-03-10T08:00:00+08:00', basis: '24 hours after asOf' });
  });
});

describe('N-5 when the lost contents are worth the whole declared value', () => {
  it('pays as total damage rather than a share above 1', () => {
    const q = quote(
      claim({
        deliveredAt: '2026-03-04T10:00:00+08:00',
        value: { amount: '100.00', evidence: 'invoice' },
        contents: {
          declared: [{ name: 'a', quantity: 2, unitValue: '80.00' }, { name: 'b', quantity: 1 }],
          received: [{ name: 'b', quantity: 1 }],
        },
      }),
    );
    expect(q.lines.map((l) => [l.rule, l.label, l.amount])).toEqual([
      ['N-5', 'fee-waiver', '12.00'],
      ['N-5', 'goods-uninsured', '36.00'],
    ]);
  });
});

describe('free-text fields that look like object keys', () => {
  it('treat a product named like an Object member as any other product', () => {
    for (const product of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const q = quote(claim({ product, declaredLost: true, agreement: { amount: '5.00', note: 'constructor' } }));
      expect(q.exemptions.find((e) => e.id === 'E-4')).toEqual({ id: 'E-4', applies: false, reason: 'product-not-excluded' });
      expect(explain(q)).toContain('note constructor');
    }
  });
});
