import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  type ClaimInput,
  loadPolicy,
  type Policy,
  type PolicyId,
  policies,
  policyDocument,
  policyJsonSchema,
  quote,
  quoteBatch,
  runFixtures,
} from '../src/index.js';
import { PARAMS } from '../src/policy/params.js';
import { builtinPolicy } from '../src/policy/registry.js';
import { claim, policyIssues } from './helpers.js';

const MB = 1024 * 1024;

/** A small valid document: extends cn-express and moves the domestic time limit on 2027-01-01. */
const acme = (extra: Record<string, unknown> = {}) => ({
  id: 'acme-terms',
  extends: 'cn-express',
  params: { 'T-1.domestic': [{ from: '2027-01-01', value: { hours: 48 }, source: 'Acme terms §3.1' }] },
  ...extra,
});

describe('loadPolicy', () => {
  it('reads a JSON text or the parsed document, extending a built-in policy from a date', () => {
    for (const doc of [JSON.stringify(acme()), acme()]) {
      const policy = loadPolicy(doc);
      expect(policy).toMatchObject({ id: 'acme-terms', kind: 'express', extends: 'cn-express' });
      expect(policy.versions.at(-1)).toBe('2027-01-01');
    }
    const posted = (postedAt: string, firstAttemptAt: string) =>
      quote(claim({ postedAt, firstAttemptAt, events: { claimedAt: '2027-01-04T10:00:00+08:00' } }), { policy: loadPolicy(acme()) });
    // The day before the change: 72 hours (cn-express), so 50 hours is in time; from 2027-01-01: 48 hours.
    expect(posted('2026-12-31T10:00:00+08:00', '2027-01-02T12:00:00+08:00').incident.kind).toBe('none');
    expect(posted('2027-01-01T10:00:00+08:00', '2027-01-03T10:00:00+08:00').incident.kind).toBe('none');
    expect(posted('2027-01-01T10:00:00+08:00', '2027-01-03T10:00:01+08:00')).toMatchObject({ incident: { kind: 'delay' }, payout: '12.00' });
  });

  it('accepts $schema, the link an editor follows to the policy JSON Schema', () => {
    expect(loadPolicy(acme({ $schema: './policy.schema.json' })).id).toBe('acme-terms');
    expect(policyIssues(() => loadPolicy(acme({ $schema: 1 })))).toEqual(['$schema: a URL or path']);
  });

  it('loads a text of exactly 1 MB (UTF-8 bytes) and refuses one byte more', () => {
    const padded = (bytes: number, name = 'Acme 快递') => {
      const text = JSON.stringify(acme({ name }));
      return text.slice(0, -1) + ' '.repeat(bytes - Buffer.byteLength(text)) + text.slice(-1);
    };
    expect(Buffer.byteLength(padded(MB))).toBe(MB);
    expect(loadPolicy(padded(MB)).name).toBe('Acme 快递');
    expect(loadPolicy(padded(MB, 'Acme 📦')).name).toBe('Acme 📦');
    expect(policyIssues(() => loadPolicy(padded(MB + 1)))).toEqual([`: larger than 1 MB: ${MB + 1} bytes, at most ${MB}`]);
    // Fewer UTF-16 units than 1 MB, more bytes: each 快 is 3 bytes.
    const wide = padded(MB - 2);
    expect(wide.length).toBeLessThan(MB);
    expect(policyIssues(() => loadPolicy(wide.replace('Acme', 'Acme快')))).toEqual([`: larger than 1 MB: ${MB + 1} bytes, at most ${MB}`]);
  });

  it('refuses a text that is not JSON, or not an object', () => {
    expect(policyIssues(() => loadPolicy('{"id": "acme",'))[0]).toMatch(/^: not valid JSON: /);
    for (const text of ['[]', '5', 'null', '"acme"']) {
      expect(policyIssues(() => loadPolicy(text))).toEqual([': a policy document is a JSON object']);
    }
  });

  it('refuses __proto__, constructor and prototype keys wherever they are, without touching any prototype', () => {
    const text =
      '{"id":"acme","extends":"cn-express","__proto__":{"polluted":true},"params":{"E-4":[{"from":"2027-01-01","source":"x",' +
      '"value":{"products":{"constructor":["loss"],"ok":["loss"]}}}]},"changes":{"prototype":"x"}}';
    for (const doc of [text, JSON.parse(text)]) {
      expect(policyIssues(() => loadPolicy(doc)).sort()).toEqual([
        '__proto__: the key "__proto__" is not allowed',
        'changes.prototype: the key "prototype" is not allowed',
        'params.E-4.0.value.products.constructor: the key "constructor" is not allowed',
      ]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes plain JSON data only: no functions, class instances or numbers JSON cannot write', () => {
    const doc = acme({ name: () => 'x', changes: new Map() });
    (doc.params['T-1.domestic'][0] as Record<string, unknown>).value = { hours: Number.NaN };
    expect(policyIssues(() => loadPolicy(doc)).sort()).toEqual([
      'changes: not JSON data',
      'name: not JSON data',
      'params.T-1.domestic.0.value.hours: not JSON data',
    ]);
  });

  it('reports a problem deep inside a value without running out of stack', () => {
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}{"__proto__":1}${']'.repeat(depth)}`;
    const text = JSON.stringify(acme()).replace('{"hours":48}', deep);
    const [only, ...rest] = policyIssues(() => loadPolicy(text));
    expect(rest).toEqual([]);
    expect(only).toMatch(/^params\.T-1\.domestic\.0\.value(\.0){200000}\.__proto__: the key "__proto__" is not allowed$/);
  });

  it('lists every problem of a document with its path, one of each kind', () => {
    const issues = policyIssues(() =>
      loadPolicy({
        id: 'acme',
        extends: 'cn-express',
        colour: 'red',
        params: {
          'T-9': [{ from: '2027-01-01', value: { hours: 1 }, source: 'x' }],
          'T-1.domestic': [
            { from: '2027-01-01', value: { hours: 48 }, source: 'x' },
            { from: '2026-01-01', value: { hours: 60 }, source: 'x' },
            { from: '2026-01-01', value: { hours: 60 }, source: 'x', note: 'x' },
          ],
          'T-1.same-city': [{ from: '2027-01-01', value: { days: 1 } }],
          'R-9': [
            {
              from: '2027-01-01',
              source: 'x',
              value: {
                perDay: '50',
                batchCap: null,
                ticketCap: [
                  { upTo: '1', value: '250' },
                  { over: '2', upTo: '3', value: '500' },
                  { from: '3', value: '600' },
                ],
              },
            },
          ],
        },
        changes: { '2027-02-01': 'nothing starts on this date' },
      }),
    );
    expect(issues).toEqual([
      ': unknown field(s): colour',
      'params.T-9: unknown parameter',
      'params.T-1.domestic.1.from: out of order: 2026-01-01 comes after 2027-01-01',
      'params.T-1.domestic.2: unknown field(s): note',
      'params.T-1.same-city.0.source: every value needs its source',
      'params.T-1.same-city.0.value: a length: { hours }, { calendarDays }, { calendarYears } or { workingDays }, a whole number',
      'params.R-9.0.value.ticketCap.1: gap between 1 and 2',
      'params.R-9.0.value.ticketCap.2: overlap: 3 falls in two bands',
      'changes.2027-02-01: not the start date of a version',
    ]);
    expect(policyIssues(() => loadPolicy(acme({ params: { 'T-1.domestic': [acme().params['T-1.domestic'][0], acme().params['T-1.domestic'][0]] } })))).toEqual([
      'params.T-1.domestic.1.from: two values from 2027-01-01',
    ]);
  });

  it('names an unknown parent, and needs kind and name without one', () => {
    expect(policyIssues(() => loadPolicy(acme({ extends: 'acme-base' })))).toEqual([
      'extends: no built-in policy "acme-base"',
      'kind: required unless the policy extends another',
      'name: required unless the policy extends another',
    ]);
  });
});

/** Every fixture file under fixtures/, parsed. */
function fixtureFiles(dir = 'fixtures'): { file: string; doc: Record<string, unknown> }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(path);
    return entry.name.endsWith('.json') ? [{ file: path, doc: JSON.parse(readFileSync(path, 'utf8')) }] : [];
  });
}

/** A quote, batch quote or typed error as the exact JSON text it serialises to. */
function outcomeText(doc: Record<string, unknown>, policy: PolicyId | Policy): string {
  const options = { policy, ...(typeof doc.asOf === 'string' && { asOf: doc.asOf }) };
  try {
    return JSON.stringify(doc.claims ? quoteBatch(doc.claims as ClaimInput[], options) : quote(doc.claim as ClaimInput, options));
  } catch (error) {
    return JSON.stringify({ name: (error as Error).name, message: (error as Error).message, ...(error as object) });
  }
}

describe('built-in policies as JSON documents', () => {
  const claimsPolicies = policies.filter((p) => p.kind !== 'complaints').map((p) => p.id);
  const fixtures = fixtureFiles();

  it.each(claimsPolicies)('%s: its document loads back to a policy that quotes every fixture byte for byte alike', (id) => {
    const builtin = builtinPolicy(id) as Policy;
    const loaded = loadPolicy(JSON.stringify(policyDocument(builtin)));
    expect(loaded).not.toBe(builtin);
    expect(loaded.versions).toEqual(builtin.versions);
    let quoted = 0;
    for (const { file, doc } of fixtures) {
      const expected = outcomeText(doc, id);
      expect(outcomeText(doc, loaded), file).toBe(expected);
      if (expected.includes('"payout"')) quoted += 1;
    }
    // Under the policy each fixture names (the default when it names none), too.
    const own = fixtures.filter(({ doc }) => (doc.policy ?? 'cn-express') === id);
    for (const { file, doc } of own) expect(outcomeText(doc, loaded), file).toBe(outcomeText(doc, id));
    expect(own.length).toBeGreaterThan(0);
    expect(quoted).toBeGreaterThan(0);
  });

  it('writes decimals and band bounds as the decimal strings a document gives', () => {
    const doc = policyDocument(builtinPolicy('cn-network-reference') as Policy);
    expect(doc.params['R-9']?.[0]?.value).toEqual({
      perDay: '50',
      ticketCap: [
        { upTo: '1', value: '250' },
        { over: '1', value: '500' },
      ],
      batchCap: '2500',
    });
    expect(doc).not.toHaveProperty('extends');
  });
});

describe('policyJsonSchema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(policyJsonSchema());

  it('names every parameter with the schema of its value', () => {
    const schema = policyJsonSchema() as { $schema: string; properties: { params: { properties: object; additionalProperties: boolean } } };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties.params.properties)).toEqual(Object.keys(PARAMS));
    expect(schema.properties.params.additionalProperties).toBe(false);
  });

  it('accepts every built-in document and the example file', () => {
    for (const p of policies) expect(validate(policyDocument(builtinPolicy(p.id) as Policy)), p.id).toBe(true);
    expect(validate(JSON.parse(readFileSync('docs/examples/acme-terms.json', 'utf8')))).toBe(true);
  });

  it('rejects what an editor can see is wrong: an unknown parameter, a number for a decimal, a bad date, no source', () => {
    const bad = (params: object) => validate(acme({ params }));
    expect(bad({ 'T-9': [{ from: '2027-01-01', value: { hours: 1 }, source: 'x' }] })).toBe(false);
    expect(bad({ 'C-4.weightToleranceKg': [{ from: '2027-01-01', value: 0.2, source: 'x' }] })).toBe(false);
    expect(bad({ 'C-4.weightToleranceKg': [{ from: '1 Jan 2027', value: '0.2', source: 'x' }] })).toBe(false);
    expect(bad({ 'C-4.weightToleranceKg': [{ from: '2027-01-01', value: '0.2' }] })).toBe(false);
    expect(bad({ 'C-4.weightToleranceKg': [{ from: '2027-01-01', value: '0.2', source: 'x' }] })).toBe(true);
  });
});

describe('runFixtures with a policy file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'courier-claims-policy-'));
  mkdirSync(join(dir, 'cases'));
  mkdirSync(join(dir, 'terms'));
  writeFileSync(join(dir, 'terms', 'acme.json'), JSON.stringify(acme()));
  writeFileSync(join(dir, 'terms', 'broken.json'), JSON.stringify(acme({ params: { 'T-9': [] } })));
  const late = claim({ postedAt: '2027-01-01T10:00:00+08:00', firstAttemptAt: '2027-01-03T12:00:00+08:00', events: { claimedAt: '2027-01-04T10:00:00+08:00' } });
  const fixture = (policy: string, expect: object) => ({ name: policy, policy, asOf: '2027-01-05T10:00:00+08:00', claim: late, expect });
  const write = (name: string, f: object) => writeFileSync(join(dir, 'cases', name), JSON.stringify(f));
  write('a.json', fixture('../terms/acme.json', { policy: { id: 'acme-terms', version: '2027-01-01' }, payout: '12.00' }));
  write('b.json', fixture('cn-express', { payout: '0.00' }));
  write('c.json', fixture('../terms/broken.json', { payout: '12.00' }));
  write('d.json', fixture('../terms/missing.json', { payout: '12.00' }));

  it('reads the file relative to the fixture, and reports a bad or missing file as the fixture’s failure', () => {
    const report = runFixtures(join(dir, 'cases'));
    expect(report.results.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(report.results[2]?.actual).toEqual({
      error: 'POLICY',
      policy: '../terms/broken.json',
      issues: [{ path: ['params', 'T-9'], message: 'unknown parameter' }],
    });
    expect(report.results[3]?.actual).toMatchObject({ error: 'POLICY', policy: '../terms/missing.json' });
    expect(JSON.stringify(report.results[3]?.actual)).toContain('cannot read ../terms/missing.json: Error: ENOENT');
    // The policy files of the folder are not fixtures.
    expect(runFixtures(dir).results.map((r) => r.name)).toEqual(['../terms/acme.json', 'cn-express', '../terms/broken.json', '../terms/missing.json']);
  });
});
