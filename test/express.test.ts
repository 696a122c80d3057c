import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClaimInput, policies, quote, safeQuote } from '../src/index.js';
import { Dec } from '../src/money.js';
import { claim, issuePaths } from './helpers.js';

const invoice = (amount: string) => ({ amount, evidence: 'invoice' as const });
const lostAt = (postedAt: string): ClaimInput => claim({ postedAt, declaredLost: true, fee: '20.00', value: invoice('500.00'), events: {} });
const asOfAfter = (postedAt: string) => new Date(Date.parse(postedAt) + 20 * 86_400_000).toISOString();

describe('cn-express: the version in force is chosen by the posting date, each version at its boundary', () => {
  const versions = ['2012-05-01', '2018-05-01', '2021-01-01', '2024-03-01', '2024-04-01'];

  it('lists exactly these versions, each saying what it changed', () => {
    const express = policies.find((p) => p.id === 'cn-express');
    expect(express?.versions.map((v) => v.version)).toEqual(versions);
    for (const v of express?.versions ?? []) expect(v.changes?.length).toBeGreaterThan(20);
    expect(express?.versions.at(-1)?.unverified).toEqual(expect.arrayContaining(['T-1.domestic', 'T-2.international', 'D-1', 'T-3']));
    expect(express?.versions.at(-2)?.unverified).toEqual(['T-2.hk-macau', 'T-2.taiwan']);
  });

  it.each(versions.slice(1).map((from, i) => [from, versions[i] as string]))(
    'an item posted one minute before %s is decided by the version of %s, at it by the new one',
    (from, previous) => {
      const at = `${from}T00:00:00+08:00`;
      const before = new Date(Date.parse(at) - 60_000).toISOString(); // 23:59 the day before, in Shanghai
      expect(quote(lostAt(before), { asOf: asOfAfter(before) }).policy.version).toBe(previous);
      expect(quote(lostAt(at), { asOf: asOfAfter(at) }).policy.version).toBe(from);
    },
  );

  it('has no version one minute before 2012-05-01 (the standard took effect), and one at it', () => {
    const before = safeQuote(lostAt('2012-04-30T23:59:00+08:00'), { asOf: '2012-05-30' });
    expect(before.ok || before.error.code).toBe('NO_RULE_IN_FORCE');
    expect(before.ok || before.error.message).toContain('policy cn-express has no version in force on 2012-04-30');
    expect(quote(lostAt('2012-05-01T00:00:00+08:00'), { asOf: '2012-05-30' }).policy.version).toBe('2012-05-01');
  });

  it('pays the actual loss in every version: 520.00 for the lost ¥500 item; the 2023 values warn from 2024-04-01 only', () => {
    for (const from of versions) {
      const q = quote(lostAt(`${from}T00:00:00+08:00`), { asOf: asOfAfter(`${from}T00:00:00+08:00`) });
      expect([from, q.payout]).toEqual([from, '520.00']);
      const unverified = q.warnings.filter((w) => w.startsWith('unverified-parameter:'));
      expect(unverified.length > 0).toBe(from === '2024-04-01');
    }
  });

  it('cites each version\'s own texts: Contract Law before 2021, the Civil Code after; 暂行条例 from 2018-05-01', () => {
    const goods = (postedAt: string) => quote(lostAt(postedAt), { asOf: asOfAfter(postedAt) }).lines[1]?.source ?? '';
    expect(goods('2017-06-01T10:00:00+08:00')).toMatch(/^Postal Law \(邮政法 2009\) Art\. 59 → Art\. 45 ¶2.*Contract Law \(合同法 1999\) Art\. 312/);
    expect(goods('2017-06-01T10:00:00+08:00')).not.toContain('快递暂行条例');
    expect(goods('2019-06-01T10:00:00+08:00')).toMatch(/^快递暂行条例 \(2018\) Art\. 27 .*Contract Law/);
    expect(goods('2022-06-01T10:00:00+08:00')).toMatch(/^快递暂行条例 \(2018\) Art\. 27 .*Civil Code \(民法典 2020\) Art\. 833/);
    expect(goods('2022-06-01T10:00:00+08:00')).not.toContain('Contract Law');
  });
});

describe('cn-postal versions', () => {
  it('starts with the Postal Law revision in force on 2009-10-01', () => {
    const lost = (postedAt: string) => safeQuote(lostAt(postedAt), { policy: 'cn-postal', asOf: asOfAfter(postedAt) });
    const before = lost('2009-09-30T23:59:00+08:00');
    expect(before.ok || before.error.code).toBe('NO_RULE_IN_FORCE');
    const at = lost('2009-10-01T00:00:00+08:00');
    expect(at.ok && [at.quote.policy.version, at.quote.payout]).toEqual(['2009-10-01', '60.00']);
  });
});

describe('item types, terms and fault: checked under every regime', () => {
  const REGIMES = ['cn-express', 'cn-postal', 'cn-gbt27917-2011', 'cn-network-reference'] as const;
  it.each(REGIMES)('itemType parcel is accepted under %s, so compare can run one claim under all of them', (policy) => {
    expect(safeQuote({ ...lostAt('2026-03-02T10:00:00+08:00'), itemType: 'parcel' }, { policy, asOf: '2026-03-20' }).ok).toBe(true);
  });
  it.each(['registered-letter', 'ordinary'])('itemType %s is postal mail: a ClaimInputError at itemType except under cn-postal', (itemType) => {
    for (const policy of REGIMES) {
      const run = () => quote({ ...lostAt('2026-03-02T10:00:00+08:00'), itemType } as ClaimInput, { policy, asOf: '2026-03-20' });
      if (policy === 'cn-postal') expect(run().policy.id).toBe('cn-postal');
      else expect(issuePaths(run)).toEqual(['itemType']);
    }
  });
  it('a terms or carrierFault of the wrong type is a ClaimInputError with its path, every issue at once', () => {
    const bad = { ...lostAt('2026-03-02T10:00:00+08:00'), terms: { capNotified: 'no' }, carrierFault: 'negligence', itemType: 'letter' };
    expect(issuePaths(() => quote(bad as never, { asOf: '2026-03-20' })).sort()).toEqual(['carrierFault', 'itemType', 'terms.capNotified']);
    expect(issuePaths(() => quote({ ...lostAt('2026-03-02T10:00:00+08:00'), terms: { notified: true } } as never, { asOf: '2026-03-20' }))).toEqual(['terms']);
  });
});

describe('the law never pays an uninsured, evidenced item less than the 2013 course\'s 3 × fee reading', () => {
  const fen = fc.integer({ min: 0, max: 5_000_000 }).map((f) => (f / 100).toFixed(2));
  const kinds = fc.constantFrom<Partial<ClaimInput>[]>(
    [{ declaredLost: true }],
    [{ deliveredAt: '2026-03-04T10:00:00+08:00', damage: { extent: 'total' } }],
    [{ deliveredAt: '2026-03-04T10:00:00+08:00', damage: { extent: 'partial', ratio: '0.37' } }],
    [{ firstAttemptAt: '2026-03-07T10:00:00+08:00' }],
  );
  it('cn-express ≥ cn-gbt27917-2011 for loss, damage and delay; a whole loss under cn-express is exactly fee + value', () => {
    fc.assert(
      fc.property(fen, fen, kinds, (fee, amount, [incident]) => {
        const c = claim({ fee, value: invoice(amount), ...incident });
        const law = quote(c);
        const course = quote(c, { policy: 'cn-gbt27917-2011' });
        expect(new Dec(law.payout).greaterThanOrEqualTo(course.payout)).toBe(true);
        if (incident?.declaredLost || (incident?.damage && incident.damage.extent === 'total')) {
          expect(law.payout).toBe(new Dec(fee).plus(amount).toFixed(2));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('carrier terms on top of the law', () => {
  const lost = (extra: Partial<ClaimInput> = {}): ClaimInput => ({ ...lostAt('2026-03-02T10:00:00+08:00'), ...extra });
  it('worked example 7: SF terms with the notice unknown pay 160.00 and say so; not notified, the law: 520.00', () => {
    const unknown = quote(lost(), { policy: 'sf-express', asOf: '2026-03-20' });
    expect([unknown.payout, unknown.warnings.includes('contract-cap-notice-unknown')]).toEqual(['160.00', true]);
    expect(unknown.warnings).toEqual(expect.arrayContaining(['unverified-parameter:G-1', 'unverified-effective-date:2020-01-01']));
    const notNotified = quote(lost({ terms: { capNotified: false } }), { policy: 'sf-express', asOf: '2026-03-20' });
    expect([notNotified.payout, notNotified.review, notNotified.warnings.includes('contract-cap-notice-unknown')]).toEqual(['520.00', ['contract-cap-not-binding'], false]);
  });

  it('L-1 × L-2: notice unknown / given / not given, each with and without fault', () => {
    const rows = [undefined, true, false].flatMap((capNotified) =>
      [undefined, 'gross-negligence' as const].map((carrierFault) => {
        const q = quote(lost({ ...(capNotified !== undefined && { terms: { capNotified } }), ...(carrierFault && { carrierFault }) }), { policy: 'sf-express', asOf: '2026-03-20' });
        return [capNotified, carrierFault, q.payout, q.review.join(), q.warnings.includes('contract-cap-notice-unknown')];
      }),
    );
    expect(rows).toEqual([
      [undefined, undefined, '160.00', '', true],
      [undefined, 'gross-negligence', '520.00', 'contract-cap-void-for-fault', false],
      [true, undefined, '160.00', '', false],
      [true, 'gross-negligence', '520.00', 'contract-cap-void-for-fault', false],
      [false, undefined, '520.00', 'contract-cap-not-binding', false],
      [false, 'gross-negligence', '520.00', 'contract-cap-void-for-fault', false],
    ]);
  });

  it('a terms policy whose caps do not bind pays exactly what its regime pays (property)', () => {
    const fen = fc.integer({ min: 0, max: 500_000 }).map((f) => (f / 100).toFixed(2));
    fc.assert(
      fc.property(
        fen,
        fc.option(fen, { nil: undefined }),
        fc.option(fen, { nil: undefined }),
        fc.constantFrom<Partial<ClaimInput>>(
          { declaredLost: true },
          { deliveredAt: '2026-03-04T10:00:00+08:00', damage: { extent: 'partial', ratio: '0.4' } },
          { firstAttemptAt: '2026-03-07T10:00:00+08:00' },
        ),
        fc.constantFrom('sf-express', 'zto'),
        (fee, value, insured, incident, policy) => {
          const c = {
            ...claim({ fee, ...incident, terms: { capNotified: false } }),
            ...(value && { value: invoice(value) }),
            ...(insured && { insurance: { insuredValue: insured, premium: '1.00' } }),
          };
          const strip = (q: ReturnType<typeof quote>) => ({ payout: q.payout, lines: q.lines.map((l) => [l.rule, l.label, l.amount]) });
          expect(strip(quote(c, { policy }))).toEqual(strip(quote(c)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
