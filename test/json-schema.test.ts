import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BatchQuote, type Quote, quoteJsonSchema, runFixtures, safeQuote } from '../src/index.js';
import { validClaim } from './arbitraries.js';

/** Strict: an unknown keyword, a type left open or a pattern ajv cannot read fails the compile instead of being ignored. */
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(quoteJsonSchema());
const validateOutput = ajv.getSchema('urn:courier-claims:schema:quote');
const validateQuote = ajv.compile({ $ref: 'urn:courier-claims:schema:quote#/$defs/Quote' });

/** Every fixture quoted with its policy and as-of, as `courier-claims test` runs them. */
const report = runFixtures('fixtures');
const isOutput = (actual: unknown): actual is Quote | BatchQuote => typeof actual === 'object' && actual !== null && !('error' in actual);
const outputs = report.results.flatMap(({ file, actual }) => (isOutput(actual) ? [{ file, output: actual }] : []));

describe('quoteJsonSchema', () => {
  it('compiles under ajv strict mode (draft 2020-12) with an $id, a title and each type in $defs', () => {
    const schema = quoteJsonSchema() as { $schema: string; $id: string; title: string; $defs: Record<string, unknown> };
    expect(validateOutput).toBeTypeOf('function');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:courier-claims:schema:quote');
    expect(Object.keys(schema.$defs).sort()).toEqual(['BatchQuote', 'BatchResult', 'Deadline', 'Exemption', 'Incident', 'Line', 'Quote', 'Settlement']);
  });

  it('accepts the quote of every fixture, single and batch', () => {
    expect(outputs.some(({ output }) => 'tickets' in output)).toBe(true);
    expect(outputs.some(({ output }) => 'settlement' in output)).toBe(true);
    for (const { file, output } of outputs) expect(validateOutput?.(output), `${file}: ${JSON.stringify(validateOutput?.errors)}`).toBe(true);
  });

  it('accepts the quotes of generated claims under every claims policy', () => {
    fc.assert(
      fc.property(validClaim, fc.constantFrom('cn-express', 'cn-postal', 'cn-gbt27917-2011', 'cn-network-reference', 'sf-express', 'zto'), (claim, policy) => {
        const result = safeQuote(claim, { policy });
        if (result.ok) expect(validateQuote(result.quote), JSON.stringify(validateQuote.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const sample = outputs.map(({ output }) => output).find((q): q is Quote => 'waybill' in q && q.lines.length > 0 && q.deadlines.length > 0) as Quote;
  const [line] = sample.lines as [Quote['lines'][number]];
  const [deadline] = sample.deadlines as [Quote['deadlines'][number]];
  it.each([
    ['a payout as a JSON number', { ...sample, payout: Number(sample.payout) }],
    ['a payout with one decimal', { ...sample, payout: '80.0' }],
    ['a negative payout', { ...sample, payout: '-1.00' }],
    ['a line amount with three decimals', { ...sample, lines: [{ ...line, amount: '1.005' }] }],
    ['a basis figure that is not text', { ...sample, lines: [{ ...line, basis: { fee: 12 } }] }],
    ['a due date without its offset', { ...sample, deadlines: [{ ...deadline, due: '2026-03-20T10:00:00' }] }],
    ['another currency', { ...sample, currency: 'USD' }],
    ['a field the Quote does not have', { ...sample, total: sample.payout }],
    ['no incident', { ...sample, incident: undefined }],
    ['an incident kind no rule has', { ...sample, incident: { ...sample.incident, kind: 'theft' } }],
  ])('refuses %s', (_what, output) => {
    expect(validateOutput?.(JSON.parse(JSON.stringify(output)))).toBe(false);
  });
});
