import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NoRuleInForceError, definePolicy, policies, quote } from '../src/index.js';
import { type Band, bandDefects, bandTable, findBand } from '../src/policy/bands.js';
import { Dec } from '../src/money.js';
import { cnGbt27917 } from '../src/policy/builtin/cn-gbt27917-2011.js';
import { COURSE } from '../src/policy/builtin/texts.js';
import { claim, policyIssues } from './helpers.js';

const lostUninsured = claim({ declaredLost: true, value: { amount: '500.00', evidence: 'invoice' } });

describe('built-in policies', () => {
  it('lists the national standard with its first version and sources', () => {
    const national = policies.find((p) => p.id === 'cn-gbt27917-2011');
    expect(national?.versions).toMatchObject([{ version: '2012-05-01', effectiveFrom: '2012-05-01', effectiveFromVerified: true }]);
    expect(national?.zone).toBe('Asia/Shanghai');
    expect(national?.sources.some((s) => s.startsWith('GB/T 27917.3-2011') && s.includes(COURSE))).toBe(true);
    expect(national?.unverified).toEqual(['T-2.hk-macau', 'T-2.taiwan']);
  });

  it('has no version in force before 2012-05-01 in Shanghai', () => {
    const posted = (postedAt: string) => () =>
      quote(claim({ postedAt, firstAttemptAt: '2012-05-05T10:00:00+08:00', events: { claimedAt: '2012-05-06T10:00:00+08:00' } }), {
        policy: 'cn-gbt27917-2011',
      });
    expect(posted('2012-04-30T23:59:59+08:00')).toThrow(NoRuleInForceError);
    expect(posted('2012-05-01T00:00:00+08:00')().policy.version).toBe('2012-05-01');
  });
});

describe('definePolicy', () => {
  const fiveTimesFrom2027 = () =>
    definePolicy({
      id: 'acme-2027',
      extends: 'cn-gbt27917-2011',
      params: { 'N-2.uninsuredFeeMultiple': [{ from: '2027-01-01', value: '5', source: 'Acme terms §4.2' }] },
    });

  it('changes a value from a date: tickets posted before and after get different caps', () => {
    const acme = fiveTimesFrom2027();
    expect(acme.versions).toEqual(['2012-05-01', '2027-01-01']);
    const before = quote({ ...lostUninsured, postedAt: '2026-12-31T23:59:59+08:00', events: { claimedAt: '2027-01-10T10:00:00+08:00' } }, { policy: acme });
    const after = quote({ ...lostUninsured, postedAt: '2027-01-01T00:00:00+08:00', events: { claimedAt: '2027-01-10T10:00:00+08:00' } }, { policy: acme });
    expect([before.policy.version, before.payout]).toEqual(['2012-05-01', '48.00']);
    expect([after.policy.version, after.payout]).toEqual(['2027-01-01', '72.00']);
    expect(after.policy.id).toBe('acme-2027');
    expect(after.lines[1]?.source).toContain('Acme terms §4.2');
  });

  it('removes the statutory multiple with one data change (civil-law variant)', () => {
    const civil = definePolicy({
      id: 'civil-law',
      extends: 'cn-gbt27917-2011',
      params: { 'N-2.uninsuredFeeMultiple': [{ from: '2012-05-01', value: null, source: 'Postal Law Art. 59; 快递暂行条例 Art. 27' }] },
    });
    const q = quote(lostUninsured, { policy: civil });
    expect(q.payout).toBe('512.00');
    expect(q.lines[1]?.basis).toEqual({ value: '500.00', evidence: 'invoice' });
  });

  it('sends an unevidenced value to review where the policy says so', () => {
    const careful = definePolicy({
      id: 'careful',
      extends: 'cn-gbt27917-2011',
      params: { 'N-2.unprovenValue': [{ from: '2012-05-01', value: 'review', source: 'decision: claims desk' }] },
    });
    const q = quote(claim({ declaredLost: true }), { policy: careful });
    expect(q.review).toEqual(['value-not-evidenced']);
    expect(q.warnings).toEqual([]);
  });

  it('fails with NoRuleInForceError naming the rule when a case needs a rule not in force', () => {
    const withoutPartialDamage = definePolicy({
      ...cnGbt27917,
      id: 'no-partial-damage',
      params: Object.fromEntries(Object.entries(cnGbt27917.params).filter(([key]) => !key.startsWith('N-4'))),
    });
    const damaged = claim({ deliveredAt: '2026-03-04T10:00:00+08:00', damage: { extent: 'partial', ratio: '0.5' } });
    expect(() => quote(damaged, { policy: withoutPartialDamage })).toThrow(
      'policy no-partial-damage (version 2012-05-01) has no rule in force for N-4',
    );
    expect(quote(claim({ declaredLost: true }), { policy: withoutPartialDamage }).payout).toBe('48.00');
  });

  it('lists every problem of a spec at once, each with its path', () => {
    const issues = policyIssues(() =>
      definePolicy({
        id: 'Bad Id',
        // @ts-expect-error extends names a built-in policy or passes a Policy
        extends: 'nope',
        zone: 'Mars/Olympus',
        params: {
          'N-9': [{ from: '2026-01-01', value: {}, source: 'x' }],
          'N-1': [],
          'T-1.domestic': [
            { from: '2026-02-30', value: { hours: 72 }, source: 'x' },
            { from: '2026-01-01', value: { hours: 72 }, source: 'x' },
            { from: '2026-01-01', value: { days: 3 }, source: '' },
          ],
        } as never,
      }),
    );
    expect(issues).toEqual([
      'id: lower-case letters, digits, dots and dashes',
      'extends: no built-in policy "nope"',
      'kind: required unless the policy extends another',
      'name: required unless the policy extends another',
      'zone: unknown time zone "Mars/Olympus"',
      'params.N-9: unknown parameter',
      'params.N-1: a non-empty list of dated values',
      'params.T-1.domestic.0.from: must be a date YYYY-MM-DD',
      'params.T-1.domestic.2.source: every value needs its source',
      'params.T-1.domestic.2.value: a length: { hours }, { calendarDays }, { calendarYears } or { workingDays }, a whole number',
    ]);
  });

  it('checks values against their parameter and start dates for clashes', () => {
    const issues = policyIssues(() =>
      definePolicy({
        id: 'bad',
        extends: 'cn-gbt27917-2011',
        params: {
          'T-1.domestic': [
            { from: '2026-01-01', value: { hours: 72 }, source: 'x' },
            { from: '2026-01-01', value: { days: 3 }, source: 'x' },
          ],
          'N-2.uninsuredFeeMultiple': [{ from: '2026-01-01', value: 3, source: 'x' }],
        } as never,
      }),
    );
    expect(issues).toEqual([
      'params.T-1.domestic.1.from: two values from 2026-01-01',
      'params.T-1.domestic.1.value: a length: { hours }, { calendarDays }, { calendarYears } or { workingDays }, a whole number',
      'params.N-2.uninsuredFeeMultiple.0.value: must be a non-negative decimal string',
    ]);
  });

  it('rejects an unknown field in a spec', () => {
    expect(policyIssues(() => definePolicy({ id: 'x', extends: 'cn-gbt27917-2011', params: {}, colour: 'red' } as never))).toEqual([
      ': unknown field(s): colour',
    ]);
  });
});

describe('decision-table bands (DESIGN principle 6)', () => {
  const table = (rows: object[]) => bandTable(z.string()).safeParse(rows);
  const messages = (rows: object[]) => {
    const r = table(rows);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts ≤ 1 kg inclusive / above 1 kg', () => {
    expect(messages([{ upTo: '1', value: '250' }, { over: '1', value: '500' }])).toEqual([]);
  });
  it('finds 1.000 kg in the first band and 1.001 kg in the second', () => {
    const parsed = table([{ from: '0', upTo: '1', value: '250' }, { over: '1', value: '500' }]);
    expect(parsed.success).toBe(true);
    const rows = parsed.data as Band<string>[];
    expect(findBand(rows, new Dec('1.000')).value).toBe('250');
    expect(findBand(rows, new Dec('1.001')).value).toBe('500');
    expect(findBand(rows, new Dec('0')).value).toBe('250');
  });
  it.each([
    [[{ below: '1', value: 'a' }, { over: '1', value: 'b' }], '1: gap: 1 falls in no band'],
    [[{ upTo: '1', value: 'a' }, { from: '1', value: 'b' }], '1: overlap: 1 falls in two bands'],
    [[{ upTo: '1', value: 'a' }, { over: '2', value: 'b' }], '1: gap between 1 and 2'],
    [[{ upTo: '2', value: 'a' }, { over: '1', value: 'b' }], '1: overlap: the band starts at 1, before the previous band ends'],
    [[{ upTo: '1', value: 'a' }, { over: '1', upTo: '5', value: 'b' }], '1: gap: the last band must be unbounded above'],
    [[{ over: '0', upTo: '1', value: 'a' }, { over: '1', value: 'b' }], '0: gap: the first band must start at 0 inclusive or be unbounded below'],
    [[{ value: 'a' }, { over: '1', value: 'b' }], '1: overlap: the band starts inside an earlier band'],
    [[{ from: '2', upTo: '1', value: 'a' }], '0: the band is empty'],
  ])('rejects %j', (rows, message) => {
    expect(messages(rows)).toContain(message);
  });
  it('reports defects directly as well', () => {
    expect(bandDefects([])).toEqual([{ index: 0, message: 'a band table needs at least one band' }]);
  });
});

describe('a policy that waives the fee on partial damage', () => {
  const generous = definePolicy({
    id: 'generous',
    extends: 'cn-gbt27917-2011',
    params: { 'N-4.waiveFee': [{ from: '2012-05-01', value: true, source: 'Acme terms §5' }] },
  });
  it('adds the fee line under the rule that applied (N-4 for damage, N-5 for a mismatch)', () => {
    const damaged = quote(claim({ deliveredAt: '2026-03-04T10:00:00+08:00', damage: { extent: 'partial', ratio: '0.5' } }), {
      policy: generous,
    });
    expect(damaged.lines.map((l) => [l.rule, l.label, l.amount])).toEqual([
      ['N-4', 'goods-partial', '18.00'],
      ['N-4', 'fee-waiver', '12.00'],
    ]);
    const short = quote(
      claim({
        deliveredAt: '2026-03-04T10:00:00+08:00',
        value: { amount: '40.00', evidence: 'invoice' },
        contents: { declared: [{ name: 'a', quantity: 4, unitValue: '10.00' }], received: [{ name: 'a', quantity: 3 }] },
      }),
      { policy: generous },
    );
    expect(short.lines.map((l) => [l.rule, l.label, l.amount])).toEqual([
      ['N-5', 'goods-partial', '9.00'],
      ['N-5', 'fee-waiver', '12.00'],
    ]);
    expect(short.lines[1]?.source).toContain('Acme terms §5');
  });
});

describe('C-precedence as policy data', () => {
  it('must rank each incident kind exactly once', () => {
    const spec = (value: string[]) => () =>
      definePolicy({ id: 'p', extends: 'cn-gbt27917-2011', params: { 'C-precedence': [{ from: '2012-05-01', value, source: 'x' }] } });
    expect(policyIssues(spec(['loss', 'loss', 'damage', 'delay']))).toEqual([
      'params.C-precedence.0.value: each of delay, loss, damage, mismatch once',
    ]);
  });
  it('decides which finding is the incident', () => {
    const delayFirst = definePolicy({
      id: 'delay-first',
      extends: 'cn-gbt27917-2011',
      params: { 'C-precedence': [{ from: '2012-05-01', value: ['delay', 'loss', 'damage', 'mismatch'], source: 'decision: test' }] },
    });
    const lateAndDamaged = claim({ firstAttemptAt: '2026-03-06T09:00:00+08:00', damage: { extent: 'total' } });
    expect(quote(lateAndDamaged).incident.kind).toBe('damage');
    expect(quote(lateAndDamaged, { policy: delayFirst }).incident.reasons).toEqual([
      'first-attempt-after-promised-deadline',
      'damage-total',
    ]);
    // The incident decides the compensation: a delay waives the fee (N-1), even when the item is damaged too.
    expect(quote(lateAndDamaged, { policy: delayFirst }).lines.map((l) => [l.rule, l.label, l.amount])).toEqual([['N-1', 'fee-waiver', '12.00']]);
    const lateAndDamagedInPart = claim({ firstAttemptAt: '2026-03-06T09:00:00+08:00', damage: { extent: 'partial', ratio: '0.5' } });
    expect(quote(lateAndDamagedInPart, { policy: delayFirst }).lines.map((l) => l.rule)).toEqual(['N-1']);
  });
});

describe('definePolicy: extending, merging and dating values', () => {
  const loss = (postedAt: string) =>
    claim({ postedAt, declaredLost: true, value: { amount: '500.00', evidence: 'invoice' }, events: { claimedAt: postedAt } });
  const multiple = (from: string, value: string) => ({ from, value, source: `test: ${value}× from ${from}` });

  it('extends a policy given as an object as it extends one given by id, inheriting its zone', () => {
    const byId = definePolicy({ id: 'by-id', extends: 'cn-gbt27917-2011', params: { 'N-2.uninsuredFeeMultiple': [multiple('2012-05-01', '4')] } });
    const byObject = definePolicy({ id: 'by-object', extends: byId, params: {} });
    expect(quote(lostUninsured, { policy: byObject }).payout).toBe(quote(lostUninsured, { policy: byId }).payout);
    expect(quote(lostUninsured, { policy: byObject }).payout).toBe('60.00');
    expect(byObject.zone).toBe('Asia/Shanghai');
    expect(definePolicy({ id: 'in-utc', extends: byObject, zone: 'UTC', params: {} }).zone).toBe('UTC');
    for (const parent of [{ params: 1 }, 42, null]) {
      expect(policyIssues(() => definePolicy({ id: 'bad-parent', extends: parent as never, params: {} }))).toContain(
        'extends: a policy id or a Policy from definePolicy',
      );
    }
  });

  it('replaces the parent’s value of the same start date, and orders values by date whatever the order given', () => {
    const replaced = definePolicy({ id: 'replaced', extends: 'cn-gbt27917-2011', params: { 'N-2.uninsuredFeeMultiple': [multiple('2012-05-01', '5')] } });
    expect(quote(lostUninsured, { policy: replaced }).payout).toBe('72.00');
    const steps = definePolicy({
      id: 'steps',
      extends: 'cn-gbt27917-2011',
      params: { 'N-2.uninsuredFeeMultiple': [multiple('2027-01-01', '6'), multiple('2026-06-01', '5')] },
    });
    expect(quote(loss('2026-05-31T10:00:00+08:00'), { policy: steps }).payout).toBe('48.00');
    expect(quote(loss('2026-06-01T10:00:00+08:00'), { policy: steps }).payout).toBe('72.00');
    expect(quote(loss('2027-01-01T10:00:00+08:00'), { policy: steps }).payout).toBe('84.00');
    expect(policies.some((p) => p.id === steps.id)).toBe(false);
  });

  it('needs at least one parameter, names an unknown field, and says when no version is in force yet', () => {
    expect(policyIssues(() => definePolicy({ id: 'empty', params: {} }))).toContain('params: a policy needs at least one parameter');
    expect(policyIssues(() => definePolicy({ id: 'typo', params: {}, colour: 'red' } as never))).toContain(': unknown field(s): colour');
    expect(() => quote(loss('2011-01-01T10:00:00+08:00'), { policy: 'cn-gbt27917-2011' })).toThrow(
      'policy cn-gbt27917-2011 has no version in force on 2011-01-01: its first version starts 2012-05-01',
    );
  });

  it('names an unknown policy and one of the wrong purpose', () => {
    // @ts-expect-error a policy no built-in one is named: a compile error, and at run time NoRuleInForceError
    expect(() => quote(lostUninsured, { policy: 'acme' })).toThrow(
      expect.objectContaining({ case: 'unknown-policy', message: expect.stringContaining('no policy "acme"; built-in: cn-express, cn-postal, cn-gbt27917-2011') }),
    );
    expect(() => quote(lostUninsured, { policy: 'cn-complaints' })).toThrow(
      expect.objectContaining({ case: 'not-a-claims-policy', message: expect.stringContaining('policy "cn-complaints" (complaints)') }),
    );
  });
});

describe('band tables: each defect named', () => {
  const messages = (rows: object[]) => {
    const r = bandTable(z.string()).safeParse(rows);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const TWO_BOUNDS = '0: a band has at most one lower bound (over/from) and one upper bound (upTo/below)';

  it('rejects two lower or two upper bounds on one band, and a band whose bounds cross or meet without both inclusive', () => {
    expect(messages([{ over: '0', from: '0', value: 'a' }])).toContain(TWO_BOUNDS);
    expect(messages([{ upTo: '1', below: '2', value: 'a' }])).toContain(TWO_BOUNDS);
    for (const empty of [{ from: '0', below: '0' }, { over: '0', upTo: '0' }]) {
      expect(messages([{ ...empty, value: 'a' }, { over: '0', value: 'b' }])).toContain('0: the band is empty');
    }
    expect(messages([{ from: '0', upTo: '0', value: 'a' }, { over: '0', value: 'b' }])).toEqual([]);
  });

  it('finds no band below a table that starts at 0', () => {
    const parsed = bandTable(z.string()).parse([{ from: '0', upTo: '1', value: 'a' }, { over: '1', value: 'b' }]) as Band<string>[];
    expect(findBand(parsed, new Dec('0')).value).toBe('a');
    expect(() => findBand(parsed, new Dec('-0.001'))).toThrow('no band contains -0.001');
  });
});

describe('definePolicy: each value checked against its parameter', () => {
  const one = (key: string, value: unknown, extra: object = {}) =>
    policyIssues(() => definePolicy({ id: 'check', extends: 'cn-gbt27917-2011', params: { [key]: [{ from: '2027-01-01', value, source: 'test', ...extra }] } } as never));
  const DECIMAL = 'must be a non-negative decimal string';

  it.each(['1.5x', 'x1.5', '1.', '.5', '-1', '', '1e3'])('rejects the amount %j', (text) => {
    expect(one('N-2.uninsuredFeeMultiple', text)).toEqual([`params.N-2.uninsuredFeeMultiple.0.value: ${DECIMAL}`]);
  });

  it.each(['0', '3', '12.50', '007'])('accepts the amount %j', (text) => {
    expect(() => one('N-2.uninsuredFeeMultiple', text)).toThrow('expected a PolicyError');
  });

  it('checks band bounds as decimals too', () => {
    const rate = (upTo: string) => ({ perDay: '50', ticketCap: [{ upTo, value: '250' }, { over: upTo, value: '500' }], batchCap: null });
    const network = (value: unknown) =>
      policyIssues(() => definePolicy({ id: 'check', extends: 'cn-network-reference', params: { 'R-9': [{ from: '2027-01-01', value, source: 'test' }] } }));
    expect(network(rate('1kg'))).toContain(`params.R-9.0.value.ticketCap.0.upTo: ${DECIMAL}`);
    expect(() => network(rate('1.5'))).toThrow('expected a PolicyError');
  });

  it('accepts each kind of length and nothing else', () => {
    for (const length of [{ hours: 24 }, { calendarDays: 30 }, { calendarYears: 1 }, { workingDays: 3 }]) {
      expect(() => one('D-1', length)).toThrow('expected a PolicyError');
    }
    expect(one('D-1', { days: 3 })).toEqual(['params.D-1.0.value: a length: { hours }, { calendarDays }, { calendarYears } or { workingDays }, a whole number']);
    for (const bad of [{ hours: 1.5 }, { hours: -1 }, { hours: 1, calendarDays: 1 }, []]) {
      expect(one('D-1', bad)).toEqual([expect.stringMatching(/^params\.D-1\.0\.value/)]);
    }
  });

  it('needs a real start date and a source for every value, and a well-formed id', () => {
    expect(one('D-1', { hours: 24 }, { from: '2027-02-30' })).toEqual(['params.D-1.0.from: must be a date YYYY-MM-DD']);
    expect(one('D-1', { hours: 24 }, { source: '  ' })).toEqual(['params.D-1.0.source: every value needs its source']);
    expect(policyIssues(() => definePolicy({ id: 'Acme', extends: 'cn-gbt27917-2011', params: {} }))).toContain(
      'id: lower-case letters, digits, dots and dashes',
    );
    expect(() => definePolicy({ id: 'acme.2027-v1', extends: 'cn-gbt27917-2011', params: {} })).not.toThrow();
  });

  it('puts a policy that names no zone and extends none in Asia/Shanghai', () => {
    const own = definePolicy({
      id: 'own',
      name: 'Own',
      kind: 'complaints',
      params: { 'K-1': [{ from: '2020-01-01', value: { workingDays: 1 }, source: 'test' }] },
    });
    expect(own.zone).toBe('Asia/Shanghai');
  });
});
