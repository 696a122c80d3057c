import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Fixture, runFixtures } from '../src/index.js';
import { subsetMismatches } from '../src/fixtures.js';
import { quotesOf } from './helpers.js';

// Each case is quoted inside its test, never while the file loads, so that a change to a rule fails the case.
const files = readdirSync('fixtures', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => join('fixtures', file));

describe('fixtures/ (runFixtures over the directory)', () => {
  it('holds at least 30 cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(runFixtures('fixtures').results.length).toBe(files.length);
  });

  it.each(files)('%s', (file) => {
    const [result, ...more] = runFixtures(file).results;
    expect(more).toEqual([]);
    expect(result?.mismatches).toEqual([]);
    expect(result?.ok).toBe(true);
  });

  it('covers every rule of both built-in policies, each with a case where it decides the outcome', () => {
    const report = runFixtures('fixtures');
    const quotes = quotesOf(report);
    const seen = new Set<string>();
    const kindRule = { delay: 'C-1', loss: 'C-2', damage: 'C-3', mismatch: 'C-4', none: 'C-5' } as const;
    for (const q of quotes) {
      for (const line of q.lines) seen.add(line.rule);
      for (const e of q.exemptions) if (e.applies) seen.add(e.id);
      for (const d of q.deadlines) seen.add(d.id);
      seen.add(kindRule[q.incident.kind]);
      if (q.lines.some((l) => l.label === 'goods-partial')) seen.add('M-2');
      if (q.warnings.some((w) => w.startsWith('unverified-parameter:T-2'))) seen.add('T-2 unverified');
      if (q.settlement) seen.add(q.settlement.rule);
      if (q.lines.some((l) => l.label === 'delay-per-day')) seen.add('R-13');
      if (q.review.includes('high-value')) seen.add('R-4');
      for (const line of q.lines) if (line.label === 'batch-cap-share') seen.add(`${line.rule} batch cap`);
    }
    const errors = report.results.map((r) => (r.actual as { error?: string }).error).filter(Boolean);
    expect(errors).toEqual(expect.arrayContaining(['CLAIM_INPUT', 'NO_RULE_IN_FORCE']));
    const required = [
      'T-1', 'D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'T-2 unverified', 'M-2',
      'C-1', 'C-2', 'C-3', 'C-4', 'C-5',
      'E-1', 'E-2', 'E-3', 'E-4', 'E-7',
      'N-1', 'N-2', 'N-3', 'N-4', 'N-5', 'N-6',
      'R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-7', 'R-8', 'R-9', 'R-10', 'R-11', 'R-12', 'R-13',
      'E-5', 'E-6', 'D-6', 'D-7', 'D-8', 'R-5 batch cap', 'R-9 batch cap',
    ];
    expect(required.filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe('runFixtures', () => {
  const base: Fixture = {
    name: 'delay',
    asOf: '2026-03-20',
    claim: {
      waybill: 'X1',
      scope: 'domestic',
      fee: '12.00',
      postedAt: '2026-03-02T10:00:00+08:00',
      firstAttemptAt: '2026-03-06T09:00:00+08:00',
    },
    expect: { payout: '12.00' },
  };

  it('passes a matching case and fails a differing one with the path of each difference', () => {
    const result = runFixtures([base, { ...base, name: 'wrong', expect: { payout: '12.01', lines: [{ rule: 'N-2' }] } }]);
    expect([result.passed, result.failed]).toEqual([1, 1]);
    expect(result.results[1]?.mismatches).toEqual([
      { path: 'payout', expected: '12.01', actual: '12.00' },
      { path: 'lines[0].rule', expected: 'N-2', actual: 'N-1' },
    ]);
  });

  it('matches an expected error by its code and issues', () => {
    const bad = { ...base, claim: { ...(base.claim as object), fee: 'x' }, expect: { error: 'CLAIM_INPUT', issues: [{ path: ['fee'] }] } };
    expect(runFixtures([bad]).passed).toBe(1);
    expect(runFixtures([{ ...bad, expect: { error: 'NO_RULE_IN_FORCE' } }]).failed).toBe(1);
  });

  it('fails a file that is not a fixture, naming the problem', () => {
    const result = runFixtures('test/data/broken-fixtures');
    expect(result.results.map((r) => [r.file?.replace(/^.*\//, ''), r.ok, r.mismatches.map((m) => m.path)])).toEqual([
      ['missing-expect.json', false, ['expect']],
      ['not-json.json', false, ['']],
    ]);
  });

  it('says why a file is not a fixture: a missing field is required, not a zod message', () => {
    const [missing, notJson] = runFixtures('test/data/broken-fixtures').results;
    expect(missing?.notFixture).toEqual({ message: 'a fixture is a JSON object with name, claim or claims, and expect', issues: [{ path: 'expect', message: 'required' }] });
    expect(notJson?.notFixture).toEqual({ message: expect.stringMatching(/^not valid JSON: /), issues: [] });
  });
});

describe('subsetMismatches', () => {
  it('compares arrays element by element and by length', () => {
    expect(subsetMismatches([{ a: 1 }], [{ a: 1, b: 2 }])).toEqual([]);
    expect(subsetMismatches([{ a: 1 }], [{ a: 1 }, { a: 2 }])).toEqual([{ path: '', expected: [{ a: 1 }], actual: [{ a: 1 }, { a: 2 }] }]);
    expect(subsetMismatches({ a: '1.0' }, { a: '1.00' })).toEqual([{ path: 'a', expected: '1.0', actual: '1.00' }]);
    expect(subsetMismatches({ a: { b: 1 } }, { a: null })).toEqual([{ path: 'a', expected: { b: 1 }, actual: null }]);
  });
});
