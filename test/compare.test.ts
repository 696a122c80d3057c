import { describe, expect, it } from 'vitest';
import { ArgumentError, type ClaimInput, compare, CUSTOMER_POLICIES, explain } from '../src/index.js';

const lost: ClaimInput = {
  waybill: 'SF1000000002', scope: 'domestic', fee: '20.00', postedAt: '2026-03-02T10:00:00+08:00', declaredLost: true,
  value: { amount: '500.00', evidence: 'invoice' },
};
const payouts = (c: ReturnType<typeof compare>) => c.rows.map((r) => [r.policy, r.version, r.outcome.ok ? r.outcome.quote.payout : r.outcome.error.code]);

describe('compare', () => {
  it('quotes the claim under each policy in the order given: worked example 7 against the law', () => {
    expect(payouts(compare(lost, ['sf-express', 'cn-express', 'cn-postal', 'cn-gbt27917-2011'], { asOf: '2026-03-20' }))).toEqual([
      ['sf-express', '2024-04-01', '160.00'],
      ['cn-express', '2024-04-01', '520.00'],
      ['cn-postal', '2021-01-01', '60.00'],
      ['cn-gbt27917-2011', '2012-05-01', '80.00'],
    ]);
  });

  it('gives a policy not in force, or unknown, an error row instead of throwing', () => {
    // @ts-expect-error no built-in policy is called acme: a typo, or a custom policy, which is passed as a Policy
    const c = compare({ ...lost, postedAt: '2019-06-01T10:00:00+08:00' }, ['cn-express', 'sf-express', 'acme'], { asOf: '2019-07-01' });
    expect(payouts(c)).toEqual([
      ['cn-express', '2018-05-01', '520.00'],
      ['sf-express', '', 'NO_RULE_IN_FORCE'],
      ['acme', '', 'NO_RULE_IN_FORCE'],
    ]);
  });

  it('by default compares every customer-facing policy in force at posting, never outlet settlement', () => {
    expect(CUSTOMER_POLICIES).toEqual(['cn-express', 'cn-postal', 'cn-gbt27917-2011', 'sf-express', 'zto']);
    expect(compare(lost, undefined, { asOf: '2026-03-20' }).rows.map((r) => r.policy)).toEqual(CUSTOMER_POLICIES);
    // Posted 2023: neither carrier's terms are in force yet for zto; sf-express is.
    expect(compare({ ...lost, postedAt: '2023-03-02T10:00:00+08:00' }, undefined, { asOf: '2023-03-20' }).rows.map((r) => r.policy)).toEqual([
      'cn-express', 'cn-postal', 'cn-gbt27917-2011', 'sf-express',
    ]);
  });

  it('names a bad argument with a typed error', () => {
    expect(() => compare(lost, [])).toThrow(ArgumentError);
    expect(() => compare(lost, ['cn-express'], { policy: 'zto' } as never)).toThrow('compare takes its policies as its second argument');
  });

  it('explains a comparison as a table with the deciding rule and the difference from the first row, in both languages', () => {
    const c = compare(lost, ['sf-express', 'cn-express'], { asOf: '2026-03-20' });
    const en = explain(c);
    expect(en).toContain('Claim for waybill SF1000000002 under 2 policies, side by side');
    expect(en).toContain('  sf-express  2024-04-01  160.00  G-1');
    expect(en).toContain('  cn-express  2024-04-01  520.00  X-2          +360.00');
    expect(en).toContain("sf-express: whether the carrier's caps were brought to the sender's attention is not recorded");
    const zh = explain(c, { lang: 'zh-CN' });
    expect(zh).toContain('运单 SF1000000002 在 2 项规则下的赔偿对比');
    expect(zh).toContain('  cn-express  2024-04-01    520.00  X-2              +360.00');
  });
});
