import { describe, expect, it } from 'vitest';
import { type ClaimInput, classify as classifyUnder, explain, type QuoteOptions, quote as quoteUnder } from '../src/index.js';
import { delayDays } from '../src/rules/classify.js';
import { parseInstant } from '../src/time/instant.js';
import { claim } from './helpers.js';

/** These tests pin the N- rules of the 2011 standard as the course reads it; cn-express has its own (express.test.ts). */
const NATIONAL: QuoteOptions = { policy: 'cn-gbt27917-2011' };
const quote = (c: ClaimInput, options: QuoteOptions = {}) => quoteUnder(c, { ...NATIONAL, ...options });
const classify = (c: ClaimInput, options: QuoteOptions = {}) => classifyUnder(c, { ...NATIONAL, ...options });

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

describe('rule paths each pinned by its outcome', () => {
  const posted = '2026-03-02T10:00:00+08:00';
  const afterThorough = '2026-03-13T10:00:00+08:00'; // domestic: promised 03-05 10:00, thorough 03-12 10:00
  const sourceOf = (q: ReturnType<typeof quote>, label: string) => q.lines.find((l) => l.label === label)?.source ?? '';

  it('C-1: an attempt before the promised deadline is no day of delay under any convention', () => {
    for (const convention of ['started-24h', 'full-24h', 'local-calendar-date'] as const) {
      expect(delayDays(convention, SH, PROMISED, at('2026-03-04T10:00:00+08:00'))).toBe(0);
    }
  });

  it('C-2: a first attempt after the thorough-delay deadline is a loss, a delay under a special agreement, or when the recipient accepted it', () => {
    const late = claim({ postedAt: posted, firstAttemptAt: afterThorough, events: { claimedAt: afterThorough } });
    expect(quote(late).incident).toMatchObject({ kind: 'loss', provisional: false, reasons: ['first-attempt-after-thorough-delay-deadline'] });
    const agreed = quote({ ...late, agreement: { amount: '5.00' } }).incident;
    expect(agreed).toMatchObject({ kind: 'delay', provisional: false, reasons: ['late-under-special-agreement'] });
    expect(agreed.delayDays).toBe(8);
    expect(quote({ ...late, acceptedLateDelivery: true }).incident).toMatchObject({ kind: 'delay', reasons: ['late-delivery-accepted'] });
  });

  it('C-1: an open delay is provisional and warned about; a loss declared is not', () => {
    const open = quote(claim({ postedAt: posted }), { asOf: '2026-03-06T10:00:00+08:00' });
    expect(open.incident).toMatchObject({ kind: 'delay', provisional: true, delayDays: 1 });
    expect(open.warnings).toContain('provisional');
    const declared = quote(claim({ postedAt: posted, declaredLost: true }), { asOf: '2026-03-06T10:00:00+08:00' });
    expect(declared.incident).toMatchObject({ kind: 'loss', provisional: false });
    expect(declared.incident).not.toHaveProperty('delayDays');
  });

  it('classify: an undelivered item with no moment to judge it at names asOf', () => {
    expect(() => classify(claim({ postedAt: posted, events: {} }))).toThrow(
      'asOf: required for an undelivered item: give options.asOf or events.claimedAt',
    );
  });

  it('N-2: an insured loss cites the insured-value rule; an unevidenced one the unproven-value rule, with the value claimed', () => {
    const insured = quote(claim({ declaredLost: true, insurance: { insuredValue: '300.00' }, value: { amount: '200.00', evidence: 'invoice' } }));
    expect(insured.lines.find((l) => l.label === 'goods-insured')).toMatchObject({ amount: '200.00', basis: { insuredValue: '300.00', value: '200.00' } });
    expect(sourceOf(insured, 'goods-insured')).toContain('被保價(保險)金額進行賠償');
    const unproven = quote(claim({ declaredLost: true, value: { amount: '20.00', evidence: 'none' } }));
    const line = unproven.lines.find((l) => l.label === 'goods-unevidenced');
    expect(line).toMatchObject({ amount: '20.00', basis: { value: '20.00', evidence: 'none', fee: '12.00', feeMultiple: '3', cap: '36.00' } });
    expect(line?.source).not.toBe(sourceOf(quote(claim({ declaredLost: true, value: { amount: '20.00', evidence: 'invoice' } })), 'goods-uninsured'));
    expect(unproven.warnings).toContain('value-not-evidenced');
  });

  it('N-3 / N-4 / N-5 follow the incident: total damage as a loss, partial by its ratio, a mismatch by its shortfall', () => {
    const delivered = { postedAt: posted, deliveredAt: '2026-03-04T10:00:00+08:00', value: { amount: '300.00', evidence: 'invoice' as const } };
    const total = quote(claim({ ...delivered, damage: { extent: 'total' } }));
    expect(total.lines.map((l) => [l.rule, l.label])).toEqual([['N-3', 'fee-waiver'], ['N-3', 'goods-uninsured']]);
    const partial = quote(claim({ ...delivered, damage: { extent: 'partial', lostValue: '150.00' } }));
    expect(partial.lines).toEqual([
      expect.objectContaining({ rule: 'N-4', label: 'goods-partial', amount: '18.00', basis: expect.objectContaining({ lostValue: '150.00', totalValue: '300.00', ratio: '0.5' }) }),
    ]);
    const byRatio = quote(claim({ ...delivered, damage: { extent: 'partial', ratio: '0.25' } }));
    expect(byRatio.lines[0]?.basis).not.toHaveProperty('totalValue');
    expect(byRatio.lines[0]?.amount).toBe('9.00');
    const short = quote(
      claim({
        ...delivered,
        contents: { declared: [{ name: 'cup', quantity: 4, unitValue: '10.00' }], received: [{ name: 'cup', quantity: 3 }] },
      }),
    );
    expect(short.lines).toEqual([
      expect.objectContaining({ rule: 'N-5', label: 'goods-partial', amount: '1.20', basis: expect.objectContaining({ lostValue: '10.00', totalValue: '300.00' }) }),
    ]);
  });

  it('N-5: a shortfall of a content without a unit value goes to review, nothing paid', () => {
    const q = quote(
      claim({
        postedAt: posted,
        deliveredAt: '2026-03-04T10:00:00+08:00',
        contents: {
          declared: [{ name: 'cup', quantity: 2, unitValue: '10.00' }, { name: 'saucer', quantity: 2 }],
          received: [{ name: 'cup', quantity: 2 }, { name: 'saucer', quantity: 1 }],
        },
      }),
    );
    expect(q.incident.kind).toBe('mismatch');
    expect(q.lines).toEqual([]);
    expect(q.review).toContain('mismatch-not-valued');
  });
});

describe('E-3: which contact counts', () => {
  const posted = '2026-03-02T10:00:00+08:00';
  const e3 = (events: Record<string, string>) =>
    quote(claim({ postedAt: posted, declaredLost: true, events })).exemptions.find((e) => e.id === 'E-3');

  it('an inquiry before the claim keeps it alive; one at or after the claim is not what counts', () => {
    expect(e3({ firstInquiryAt: '2026-03-10T10:00:00+08:00', claimedAt: '2027-05-01T10:00:00+08:00' })).toEqual({
      id: 'E-3',
      applies: false,
      reason: 'inquiry-within-window',
    });
    expect(e3({ firstInquiryAt: '2026-03-20T10:00:00+08:00', claimedAt: '2026-03-20T10:00:00+08:00' })?.reason).toBe('claim-within-window');
    expect(e3({ firstInquiryAt: '2027-05-01T10:00:00+08:00', claimedAt: '2027-04-01T10:00:00+08:00' })).toEqual({
      id: 'E-3',
      applies: true,
      reason: 'no-inquiry-or-claim-within-window',
    });
  });
});

describe('deadlines: what each is counted from and cites', () => {
  const q = quote(claim({ postedAt: '2026-03-02T10:00:00+08:00', declaredLost: true }));
  const deadline = (id: string, of = q) => of.deadlines.find((d) => d.id === id);

  it('D-4 runs a year from posting and says when it opens; D-5 runs from the promised deadline; each cites its limit', () => {
    expect(deadline('D-4')).toMatchObject({
      due: '2027-03-02T10:00:00+08:00',
      basis: '1 calendar years after postedAt; opens at the promised deadline (T-1), or at delivery for damage or mismatch found then',
      start: { event: 'postedAt' },
    });
    expect(deadline('D-4')?.source).toContain('滿一年未查詢又未提出賠償要求');
    expect(deadline('D-5')).toMatchObject({ due: '2026-03-12T10:00:00+08:00', start: { event: 'T-1', at: '2026-03-05T10:00:00+08:00' } });
    expect(deadline('D-5')?.source).toContain('彻底延误');
  });

  it('T-1 given on the claim (promisedBy) is cited to the claim', () => {
    const promised = quote(claim({ promisedBy: '2026-03-04T18:00:00+08:00', declaredLost: true }));
    expect(deadline('T-1', promised)).toEqual({
      id: 'T-1',
      due: '2026-03-04T18:00:00+08:00',
      basis: 'promisedBy on the claim',
      source: 'the claim (promisedBy)',
    });
  });
});
