import type { PolicySpec } from '../model.js';
import { carrierTerms, civilCode, decision } from './texts.js';

/**
 * Carrier terms on top of the law (docs/rules.md, carrier terms): each extends `cn-express` and replaces its
 * goods rules with the contract's (G-1…G-4), which bind only as a valid standard term does (L-1 notice, L-2
 * fault). The copies of the terms found are undated and were not read in full: every value is marked
 * unverified and every version's date too, so each quote under them says so. Data only.
 */
const SF = (clause: string) => carrierTerms('SF Express (顺丰)', clause);
const ZTO = (clause: string) => carrierTerms('ZTO Express (中通)', clause);
const unverified = (from: string) => (value: unknown, source: string) => [{ from, value, source, verified: false, fromVerified: false }];

const sfFrom = unverified('2020-01-01');
export const sfExpress: PolicySpec<'sf-express'> = {
  id: 'sf-express',
  name: 'SF Express terms of carriage (顺丰, domestic) on top of the law',
  extends: 'cn-express',
  from: '2020-01-01',
  params: {
    'G-1': sfFrom({ feeMultiple: '7', amount: null }, SF('未保价快件按实际损失赔偿，最高不超过运费的7倍; earliest evidence: applied by a court to an item posted 2020-01-19')),
    'G-2': sfFrom({ feeMultiple: '7' }, SF('value unproven: 7 × the fee, the cap as the fallback, as the court applied it')),
    'G-3': sfFrom({ undeclaredValueUpTo: '1000' }, SF('a value above 1000 neither declared nor insured is treated as at most 1000')),
    'G-4': sfFrom({}, SF('insured but value unproven: the premium refunded and the item compensated as uninsured')),
  },
  changes: { '2020-01-01': 'SF terms: uninsured up to 7 × the fee (7 × the fee if unproven), undeclared values above 1000 as 1000, 保价 by min(actual, insured)' },
};

const ztoFrom = unverified('2024-04-01');
export const zto: PolicySpec<'zto'> = {
  id: 'zto',
  name: 'ZTO Express terms of carriage (中通) on top of the law, lower confidence',
  extends: 'cn-express',
  from: '2024-04-01',
  params: {
    'G-1': ztoFrom({ feeMultiple: null, amount: '500' }, ZTO('未保价快件按实际损失赔偿，最高不超过500元')),
    'G-2': ztoFrom(
      { feeMultiple: '3' },
      `${ZTO('value unproven: 3 × the fee')}; ${decision('DC-22', 'an undated copy is applied from the regime version in force when it was found (2024-04-01), never to older items on a guess')}`,
    ),
  },
  changes: { '2024-04-01': `ZTO terms: uninsured up to 500 (3 × the fee if unproven), 保价 up to the insured value, under-insured in proportion; ${civilCode('496')} decides whether they bind` },
};
