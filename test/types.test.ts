// The literal types of the public API. The `expectTypeOf` and `@ts-expect-error` lines are checked by the
// compiler (`npm run typecheck`, in CI): a typo in a rule ID, message key, deadline ID or policy ID does not compile.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { en } from '../src/explain/messages.en.js';
import type { Translation } from '../src/explain/messages.js';
import { zhCN } from '../src/explain/messages.zh-CN.js';
import {
  complaintDeadlines,
  type DeadlineId,
  type Deadline,
  type Exemption,
  type Line,
  type MessageKey,
  policies,
  type PolicyId,
  type Quote,
  type QuoteOptions,
  quote,
  type RuleId,
  type Warning,
} from '../src/index.js';
import { claim } from './helpers.js';

describe('literal types', () => {
  it('PolicyId is the IDs of the built-in policies, which QuoteOptions.policy takes besides a Policy', () => {
    expectTypeOf<PolicyId>().toEqualTypeOf<'cn-express' | 'cn-postal' | 'cn-gbt27917-2011' | 'cn-network-reference' | 'sf-express' | 'zto' | 'cn-complaints'>();
    expectTypeOf(policies[0]?.id).toEqualTypeOf<PolicyId | undefined>();
    expectTypeOf<'cn-postal'>().toMatchTypeOf<NonNullable<QuoteOptions['policy']>>();
    // @ts-expect-error a typo of cn-express
    const typo: QuoteOptions = { policy: 'cn-expres' };
    expect(() => quote(claim(), typo)).toThrow(expect.objectContaining({ case: 'unknown-policy' }));
    expect(policies.map((p) => p.id)).toEqual(['cn-express', 'cn-postal', 'cn-gbt27917-2011', 'cn-network-reference', 'sf-express', 'zto', 'cn-complaints']);
  });

  it('RuleId is every rule a line, exemption or deadline carries; a parameter that is not a rule is not one', () => {
    expectTypeOf<'X-2' | 'G-1' | 'P-incidents' | 'E-7' | 'D-4' | 'D-5' | 'T-1' | 'K-5' | 'R-8'>().toMatchTypeOf<RuleId>();
    expectTypeOf<'T-1.domestic'>().not.toMatchTypeOf<RuleId>();
    expectTypeOf<'C-precedence'>().not.toMatchTypeOf<RuleId>();
    // @ts-expect-error no rule X-9
    const typo: RuleId = 'X-9';
    expect(typo).toBe('X-9');
    expectTypeOf<Line['rule']>().toEqualTypeOf<RuleId>();
    expectTypeOf<Exemption['id']>().toEqualTypeOf<RuleId>();
    expectTypeOf<NonNullable<Quote['batch']>['rule']>().toEqualTypeOf<RuleId>();
  });

  it('DeadlineId and the message keys are the keys of the English catalogue, which a quote’s texts are typed by', () => {
    expectTypeOf<DeadlineId>().toEqualTypeOf<keyof typeof en.deadlines>();
    expectTypeOf<Deadline['id']>().toEqualTypeOf<DeadlineId>();
    expectTypeOf<DeadlineId>().toMatchTypeOf<RuleId>();
    expectTypeOf<Line['label']>().toEqualTypeOf<MessageKey<'labels'>>();
    expectTypeOf<Exemption['reason']>().toEqualTypeOf<MessageKey<'exemptionReasons'>>();
    expectTypeOf<Quote['incident']['reasons']>().toEqualTypeOf<MessageKey<'reasons'>[]>();
    expectTypeOf<Quote['review']>().toEqualTypeOf<MessageKey<'review'>[]>();
    expectTypeOf<Quote['warnings']>().toEqualTypeOf<Warning[]>();
    expectTypeOf<'unverified-parameter:G-1' | 'provisional-calendar:2027' | 'provisional'>().toMatchTypeOf<Warning>();
    // @ts-expect-error a typo of fee-waiver
    const label: MessageKey<'labels'> = 'fee-waver';
    // @ts-expect-error no deadline D-9
    const deadline: DeadlineId = 'D-9';
    expect([label, deadline]).toHaveLength(2);
  });

  it('a translation must have every key of the English catalogue and no other', () => {
    const { 'fee-waiver': _dropped, ...withoutFeeWaiver } = zhCN.labels;
    // @ts-expect-error labels lacks fee-waiver
    const missing: Translation = { ...zhCN, labels: withoutFeeWaiver };
    // @ts-expect-error labels has a key English does not
    const extra: Translation = { ...zhCN, labels: { ...zhCN.labels, 'fee-waived': '免除费用' } };
    expect(Object.keys(missing.labels)).not.toContain('fee-waiver');
    expect(Object.keys(extra.labels)).toContain('fee-waived');
  });

  it('names every deadline a complaint gets, and its warning, in both languages', () => {
    // A loss complaint received before the National Day holiday: K-3 (5 working days) falls after K-4 (7 calendar days).
    const deadlines = complaintDeadlines({ kind: 'loss', receivedAt: '2026-09-30T10:00:00+08:00' });
    expect(deadlines.map((d) => d.id)).toEqual(['K-5', 'K-3', 'K-4']);
    for (const catalogue of [en, zhCN]) {
      for (const d of deadlines) {
        expect(catalogue.deadlines[d.id]).toBeTruthy();
        expect(catalogue.events[d.start?.event ?? 'postedAt']).toBeTruthy();
        for (const w of d.warnings ?? []) expect(catalogue.warnings[w as MessageKey<'warnings'>], w).toBeTruthy();
      }
    }
    expect(deadlines[1]?.warnings).toEqual(['after-statutory-ceiling']);
  });
});
