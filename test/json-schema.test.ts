import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BatchQuote, type Quote, quoteJsonSchema, runFixtures, safeQuote } from '../src/index.js';
import { LIMITS } from '../src/claim/bounds.js';
import { DECIMAL_TEXT, INSTANT_TEXT, MONEY_TEXT, NON_BLANK_TEXT, RATIO_TEXT } from '../src/claim/patterns.js';
import { Dec, readDecimal } from '../src/money.js';
import { parseInstant } from '../src/time/instant.js';
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

describe('the claim schema patterns read what the library reads', () => {
  const matches = (pattern: string) => (text: string) => new RegExp(pattern, 'u').test(text);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  /** Instants around every edge parseInstant checks: year 1900, month and day ranges, leap days, 24:00, offsets up to 18 hours. */
  const nearlyInstant = fc
    .record({
      year: fc.oneof(fc.integer({ min: 1896, max: 1904 }), fc.constantFrom(2000, 2024, 2026, 2100, 2400), fc.integer({ min: 1000, max: 9999 })),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      time: fc.option(
        fc.record({
          sep: fc.constantFrom('T', ' ', 't'),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 60 }),
          second: fc.option(fc.record({ at: fc.integer({ min: 0, max: 60 }), fraction: fc.constantFrom('', '.5', '.25', '.125', '.1250') })),
          offset: fc.constantFrom('', 'Z', '+08:00', '-05:30', '+0800', '+18:00', '+18:59', '+19:00', '-00:60', '+8:00', 'z'),
        }),
      ),
    })
    .map(({ year, month, day, time }) => {
      const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
      if (!time) return date;
      const second = time.second ? `:${pad(time.second.at, 2)}${time.second.fraction}` : '';
      return `${date}${time.sep}${pad(time.hour, 2)}:${pad(time.minute, 2)}${second}${time.offset}`;
    });
  /** Decimal-like text: signs, leading zeros, points, many decimals, letters and exponents. */
  const nearlyDecimal = fc
    .tuple(
      fc.constantFrom('', '', '', '-', '+'),
      fc.stringMatching(/^[0-9]{0,16}$/),
      fc.constantFrom('', '', '.', '.0', '.00', '.5', '.01', '.001', '.10', '.000', '.0000000001', 'e3', 'x', '.1.2'),
    )
    .map((parts) => parts.join(''));
  const reads = (text: string, places: number) => {
    const value = readDecimal(text, places);
    return typeof value === 'string' || value.isNegative() ? undefined : value;
  };

  it('instants: the pattern matches exactly the texts parseInstant reads', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyInstant, fc.string()), (text) => {
        expect(matches(INSTANT_TEXT)(text), text).toBe(parseInstant(text, 'UTC') !== undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it('money: the pattern matches exactly the texts of at most two decimals up to 10^12 CNY', () => {
    const over = new Dec(LIMITS.maxMoney).plus('0.01').toFixed(2);
    for (const text of [LIMITS.maxMoney, over, '0', '0.00', '012.5', '-0']) {
      const value = reads(text, 2);
      expect(matches(MONEY_TEXT)(text), text).toBe(value !== undefined && value.decimalPlaces() <= 2 && value.lessThanOrEqualTo(LIMITS.maxMoney));
    }
    fc.assert(
      fc.property(nearlyDecimal, (text) => {
        const value = reads(text, 2);
        expect(matches(MONEY_TEXT)(text), text).toBe(value !== undefined && value.decimalPlaces() <= 2 && value.lessThanOrEqualTo(LIMITS.maxMoney));
      }),
      { numRuns: 3000 },
    );
  });

  it('ratios and other decimals: the patterns match the texts of a ratio in (0, 1] and of any decimal ≥ 0', () => {
    fc.assert(
      fc.property(nearlyDecimal, (text) => {
        const value = reads(text, 0);
        expect(matches(DECIMAL_TEXT)(text), text).toBe(value !== undefined);
        expect(matches(RATIO_TEXT)(text), text).toBe(value !== undefined && value.greaterThan(0) && value.lessThanOrEqualTo(1));
      }),
      { numRuns: 3000 },
    );
  });

  it('a waybill: text that is not blank and holds no control character', () => {
    for (const [text, ok] of [['SF1', true], [' SF 1 ', true], ['顺丰 1', true], ['', false], ['   ', false], ['\u3000', false], ['SF\n1', false], ['SF\u202e1', false]] as const) {
      expect(matches(NON_BLANK_TEXT)(text), JSON.stringify(text)).toBe(ok);
    }
  });
});
