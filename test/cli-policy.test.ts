import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Policy, policyDocument } from '../src/index.js';
import { builtinPolicy } from '../src/policy/registry.js';

/** The built command as a user runs it (npm test builds first), from `cwd`, with optional stdin. */
function cli(args: string[], options: { input?: string; cwd?: string } = {}) {
  const bin = join(process.cwd(), 'dist/bin.js');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'courier-claims-policy-cli-'));
const file = (name: string, content: string | object) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};
/** No user error may show a stack trace. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

const EXAMPLE = 'docs/examples/acme-terms.json';
/** Delivered 50 hours after posting on the day Acme's 48-hour promise starts: in time under cn-express, late under Acme's terms. */
const late = (waybill = 'AC1') => ({
  waybill,
  scope: 'domestic',
  fee: '12.00',
  postedAt: '2027-01-01T10:00:00+08:00',
  firstAttemptAt: '2027-01-03T12:00:00+08:00',
  events: { claimedAt: '2027-01-04T10:00:00+08:00' },
});
const AS_OF = ['--as-of', '2027-01-05T10:00:00+08:00'];

describe('courier-claims policy check', () => {
  it('prints the version table of a good file, exit 0', () => {
    const { code, out } = cli(['policy', 'check', EXAMPLE]);
    expect(code).toBe(0);
    expect(out).toMatch(/^acme-terms — Acme Express terms/);
    expect(out).toContain('kind: express, zone: Asia/Shanghai, extends cn-express');
    expect(out).toContain('    2027-01-01: Acme terms 2027: domestic delivery promised within 48 hours');
    expect(out).toContain('    - Acme Express terms of carriage §3.1 (2027 edition)');
    expect(JSON.parse(cli(['policy', 'check', EXAMPLE, '--format', 'json']).out)).toMatchObject({ id: 'acme-terms', extends: 'cn-express' });
  });

  it('reports five different defects of one file at once, each with its path, exit 1', () => {
    const path = 'docs/examples/acme-terms-broken.json';
    const { code, out, err } = cli(['policy', 'check', path]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      [
        `courier-claims: invalid policy in ${path}:`,
        '  (policy): unknown field(s): colour',
        '  params.T-1.domestic.1.from: out of order: 2026-01-01 comes after 2027-01-01',
        '  params.C-4.weightToleranceKg.0.source: every value needs its source',
        '  params.C-4.weightToleranceKg.0.value: must be a non-negative decimal string',
        '  params.R-9.0.value.ticketCap.1: gap between 1 and 2',
        '  changes.2027-02-01: not the start date of a version',
        '',
      ].join('\n'),
    );
  });

  it('names the file for one that is missing, not JSON or holds a __proto__ key, exit 1', () => {
    const cases: [string, string][] = [
      [join(tmp, 'missing.json'), `cannot read ${join(tmp, 'missing.json')}: no such file`],
      [file('broken.json', '{"id": "acme",'), `invalid policy in ${join(tmp, 'broken.json')}:\n  (policy): not valid JSON: `],
      [file('proto.json', '{"id":"acme","__proto__":{"x":1},"params":{}}'), '  __proto__: the key "__proto__" is not allowed'],
    ];
    for (const [path, message] of cases) {
      const { code, err } = cli(['policy', 'check', path]);
      expect(code, path).toBe(1);
      expect(err).toContain(message);
      noStack(err);
    }
  }, 30_000);

  it('reads a file of exactly 1 MB, and refuses one of a byte more without reading it', () => {
    const text = JSON.stringify({ id: 'acme', extends: 'cn-express', params: {} });
    const padded = (bytes: number) => file(`acme-${bytes}.json`, text.slice(0, -1) + ' '.repeat(bytes - text.length) + text.slice(-1));
    expect(cli(['policy', 'check', padded(1024 * 1024)]).code).toBe(0);
    const over = padded(1024 * 1024 + 1);
    expect(cli(['policy', 'check', over]).err).toBe(`courier-claims: invalid policy in ${over}:\n  (policy): larger than 1 MB: 1048577 bytes, at most 1048576\n`);
  });

  it.each([
    [['policy'], 'policy check FILE, or policy show ID|FILE'],
    [['policy', 'check'], 'policy check FILE, or policy show ID|FILE'],
    [['policy', 'lint', EXAMPLE], 'policy check FILE, or policy show ID|FILE'],
    [['policies', '--full'], '--full needs --format json'],
    [['schema', 'quote'], 'schema takes claim (the default) or policy, or --quote for the output'],
    [['schema', 'policy', '--quote'], 'schema --quote takes no claim or policy'],
    [['quote', '--quote'], 'quote takes no --quote'],
  ])('%j: usage, exit 2', (args, message) => {
    const { code, err } = cli(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('built-in policies exported as JSON documents', () => {
  const documents: { id: string; kind: string }[] = JSON.parse(cli(['policies', '--format', 'json', '--full']).out);

  it('policies --format json --full gives every policy’s document, as policy show does', () => {
    const summaries: { id: string }[] = JSON.parse(cli(['policies', '--format', 'json']).out);
    expect(documents.map((d) => d.id)).toEqual(summaries.map((p) => p.id));
    expect(documents.map((d) => d.id)).toContain('cn-complaints');
    for (const doc of documents) expect(doc).toEqual(policyDocument(builtinPolicy(doc.id) as Policy));
    for (const id of ['cn-express', 'sf-express']) expect(JSON.parse(cli(['policy', 'show', id]).out)).toEqual(documents.find((d) => d.id === id));
    expect(cli(['policy', 'show', 'acme']).err).toContain('no built-in policy "acme"');
  }, 30_000);

  it.each([
    ['cn-express', 'fixtures/worked-examples/example-5-express-loss-uninsured.json'],
    ['cn-postal', 'fixtures/worked-examples/example-8a-postal-parcel-uninsured.json'],
    ['cn-gbt27917-2011', 'fixtures/worked-examples/example-2-loss-uninsured.json'],
    ['cn-network-reference', 'fixtures/network/e5-packed-by-carrier.json'],
    ['sf-express', 'fixtures/terms/sf-g4-insured-unproven-premium-refunded.json'],
    ['zto', 'fixtures/terms/zto-g1-cap-500-exactly.json'],
  ])('%s: its exported file quotes %s exactly as the built-in policy', (id, fixture) => {
    const path = file(`${id}.json`, cli(['policy', 'show', id]).out);
    const builtin = cli(['quote', fixture, '--policy', id, '--format', 'json']);
    const loaded = cli(['quote', fixture, '--policy', path, '--format', 'json']);
    expect(builtin.code).toBe(0);
    expect(loaded.out).toBe(builtin.out);
  });

  it('schema policy prints the JSON Schema of a policy document', () => {
    const schema = JSON.parse(cli(['schema', 'policy']).out);
    expect(schema.properties.params.properties['T-1.domestic'].items.required).toEqual(['from', 'value', 'source']);
  });
});

describe('--policy FILE.json', () => {
  it('quotes under a carrier-written policy file, relative to the working directory', () => {
    const input = JSON.stringify(late());
    const terms = cli(['quote', '--policy', EXAMPLE, '--format', 'json', ...AS_OF], { input });
    expect(terms.code).toBe(0);
    expect(JSON.parse(terms.out)).toMatchObject({ policy: { id: 'acme-terms', version: '2027-01-01' }, incident: { kind: 'delay' }, payout: '12.00' });
    const law = JSON.parse(cli(['quote', '--policy', 'cn-express', '--format', 'json', ...AS_OF], { input }).out);
    expect(law).toMatchObject({ incident: { kind: 'none' }, payout: '0.00' });
    const fromDocs = cli(['quote', '--policy', 'examples/acme-terms.json', ...AS_OF], { input, cwd: 'docs' });
    expect(fromDocs.out).toContain('Claim for waybill AC1 under acme-terms (version in force from 2027-01-01)');
  }, 30_000);

  it('compare takes policy files among its policies, in the order given', () => {
    const { code, out } = cli(['compare', '--policy', EXAMPLE, '--policy', 'cn-express', '--format', 'json', ...AS_OF], { input: JSON.stringify(late()) });
    expect(code).toBe(0);
    const rows = JSON.parse(out).rows.map((r: { policy: string; outcome: { quote: { payout: string } } }) => [r.policy, r.outcome.quote.payout]);
    expect(rows).toEqual([
      ['acme-terms', '12.00'],
      ['cn-express', '0.00'],
    ]);
  });

  it('takes a value with a path separator as a file even without .json', () => {
    const path = file('acme-terms', cli(['policy', 'show', EXAMPLE]).out);
    const { code, out } = cli(['quote', '--policy', path, '--format', 'json', ...AS_OF], { input: JSON.stringify(late()) });
    expect(code).toBe(0);
    expect(JSON.parse(out).payout).toBe('12.00');
  });

  it('a bad policy file: a message naming the file and each problem, exit 1', () => {
    const path = file('bad-terms.json', { id: 'acme', extends: 'cn-express', params: { 'T-1.domestic': [{ from: '2027-01-01', value: { hours: -1 }, source: 'x' }] } });
    for (const command of ['quote', 'batch']) {
      const { code, out, err } = cli([command, '--policy', path], { input: JSON.stringify(late()) });
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain(`invalid policy in ${path}:\n  params.T-1.domestic.0.value.hours: Too small: expected number to be >=0`);
      noStack(err);
    }
  }, 30_000);

  it('batch quotes under the file on the main thread and in worker threads alike', () => {
    // 400 lines are more than one 32 KiB chunk, so worker threads quote all but the first chunk.
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify(late(`AC${i}`))).join('\n');
    expect(lines.length).toBeGreaterThan(64 * 1024);
    const terms = cli(['batch', '--policy', EXAMPLE, ...AS_OF], { input: lines });
    expect(terms.code).toBe(0);
    const quotes = terms.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(quotes).toHaveLength(400);
    expect(quotes.every((q) => q.policy.id === 'acme-terms' && q.payout === '12.00')).toBe(true);
    const exported = file('acme-exported.json', cli(['policy', 'show', EXAMPLE]).out);
    expect(cli(['batch', '--policy', exported, ...AS_OF], { input: lines }).out).toBe(terms.out);
  }, 30_000);

  it('a fixture names a policy file relative to itself, for quote and test', () => {
    mkdirSync(join(tmp, 'suite', 'cases'), { recursive: true });
    mkdirSync(join(tmp, 'suite', 'terms'), { recursive: true });
    file('suite/terms/acme.json', cli(['policy', 'show', EXAMPLE]).out);
    const fixture = file('suite/cases/late.json', {
      name: 'Acme: 50 hours is late from 2027-01-01',
      policy: '../terms/acme.json',
      asOf: '2027-01-05T10:00:00+08:00',
      claim: late(),
      expect: { policy: { id: 'acme-terms' }, payout: '12.00' },
    });
    expect(cli(['test', join(tmp, 'suite')])).toMatchObject({ code: 0, out: '1 passed, 0 failed\n' });
    expect(cli(['test', relative(process.cwd(), join(tmp, 'suite'))]).out).toBe('1 passed, 0 failed\n');
    expect(JSON.parse(cli(['quote', fixture, '--format', 'json']).out).payout).toBe('12.00');
    // --policy on the command line still wins over the fixture's own.
    expect(JSON.parse(cli(['quote', fixture, '--format', 'json', '--policy', 'cn-express']).out).payout).toBe('0.00');
  }, 30_000);
});
