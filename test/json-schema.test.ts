import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BatchQuote, claimJsonSchema, type Fixture, type Quote, quoteJsonSchema, runFixtures, safeQuote } from '../src/index.js';
import { LIMITS, NO_CONTROL_CHARACTERS } from '../src/claim/bounds.js';
import { DECIMAL_TEXT, INSTANT_TEXT, MONEY_TEXT, NON_BLANK_TEXT, RATIO_TEXT } from '../src/claim/patterns.js';
import { Dec, readDecimal } from '../src/money.js';
import { parseInstant } from '../src/time/instant.js';
import { spoil, validClaim } from './arbitraries.js';
import { claim } from './helpers.js';

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
    const types = ['BatchQuote', 'BatchResult', 'Deadline', 'Exemption', 'Incident', 'Line', 'Quote', 'Settlement'];
    expect(Object.keys(schema.$defs).sort()).toEqual(types);
  });

  it('accepts the quote of every fixture, single and batch', () => {
    expect(outputs.some(({ output }) => 'tickets' in output)).toBe(true);
    expect(outputs.some(({ output }) => 'settlement' in output)).toBe(true);
    for (const { file, output } of outputs) expect(validateOutput?.(output), `${file}: ${JSON.stringify(validateOutput?.errors)}`).toBe(true);
  });

  it('accepts the quotes of generated claims under every claims policy', () => {
    const claimsPolicies = fc.constantFrom('cn-express', 'cn-postal', 'cn-gbt27917-2011', 'cn-network-reference', 'sf-express', 'zto');
    fc.assert(
      fc.property(validClaim, claimsPolicies, (claim, policy) => {
        const result = safeQuote(claim, { policy });
        if (result.ok) expect(validateQuote(result.quote), JSON.stringify(validateQuote.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const isFull = (q: Quote | BatchQuote): q is Quote => 'waybill' in q && q.lines.length > 0 && q.deadlines.length > 0;
  const sample = outputs.map(({ output }) => output).find(isFull) as Quote;
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

  it('a waybill: the pattern matches exactly the text that holds no control character and is not blank once trimmed', () => {
    const spaces = [' ', '\u3000', '\ufeff', '\u00a0', '\u2003', '\u180e', '\t', '\u2028'];
    const spaceOrNot = fc.string({ unit: fc.constantFrom(...spaces, 'S', '顺', '😀') });
    const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 }).map((units) => String.fromCharCode(...units));
    const nonBlank = matches(NON_BLANK_TEXT);
    fc.assert(
      fc.property(fc.oneof(spaceOrNot, anyUtf16), (text) => {
        expect(nonBlank(text), JSON.stringify(text)).toBe(NO_CONTROL_CHARACTERS.test(text) && text.trim() !== '');
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * What the library refuses and a JSON Schema cannot state (docs/schemas.md, What a schema cannot check), each
 * with the fixture that shows it: the schema accepts the claim, the library refuses it.
 */
const BEYOND_A_SCHEMA: Record<string, string> = {
  'fixtures/input-errors/delivered-before-posted.json': 'an instant before postedAt',
  'fixtures/input-errors/first-attempt-before-posted.json': 'an instant before postedAt',
  'fixtures/input-errors/lost-value-above-value.json': 'damage.lostValue above value.amount',
  'fixtures/input-errors/undelivered-without-as-of.json': 'no asOf: an option of the quote, not a field of the claim',
  'fixtures/express/item-type-postal-mail-rejected.json': 'an item type the policy has no rules for',
  'fixtures/network/r9-needs-weight.json': 'a field the policy needs for the claim (weightKg, R-9)',
  'fixtures/time-limits/t1-international-other-needs-promised-by.json': 'promisedBy where the policy has no time limit (T-1)',
};

describe('claimJsonSchema', () => {
  const tenYuan = { amount: '10.00', evidence: 'invoice' };
  const validateClaim = ajv.compile(claimJsonSchema());
  const accepts = (claim: unknown) => validateClaim(claim) || JSON.stringify(validateClaim.errors);
  const fixtures = report.results.map((r) => ({ ...r, fixture: JSON.parse(readFileSync(r.file as string, 'utf8')) as Fixture }));
  const claimsOf = (f: Fixture) => f.claims ?? [f.claim];
  const refused = (actual: unknown) => (actual as { error?: string }).error === 'CLAIM_INPUT';

  it('compiles under ajv strict mode with an $id, a title and a description of each field', () => {
    const schema = claimJsonSchema() as { $id: string; title: string; properties: Record<string, { description?: string }> };
    expect(schema.$id).toBe('urn:courier-claims:schema:claim');
    expect(schema.title).toBe('ClaimInput');
    const undescribed = Object.entries(schema.properties).filter(([, field]) => !field.description);
    expect(undescribed.map(([name]) => name)).toEqual([]);
  });

  it('accepts every fixture claim the library accepts (quoted, or refused only by its policy or calendar)', () => {
    const accepted = fixtures.filter((f) => !refused(f.actual));
    expect(accepted.length).toBeGreaterThan(100);
    for (const { file, fixture } of accepted) for (const claim of claimsOf(fixture)) expect(accepts(claim), file).toBe(true);
  });

  it('refuses every fixture claim the library refuses, but for the checks beyond a schema', () => {
    const invalid = fixtures.filter((f) => refused(f.actual) && !((f.file as string) in BEYOND_A_SCHEMA));
    expect(invalid.length).toBeGreaterThan(0);
    for (const { file, fixture, actual } of invalid) {
      // A batch names its bad ticket first in each issue's path.
      const { issues } = actual as { issues: { path: string[] }[] };
      const bad = fixture.claims ? issues.map((i) => fixture.claims?.[Number(i.path[0])]) : [fixture.claim];
      for (const claim of bad) expect(accepts(claim), file).not.toBe(true);
    }
  });

  it.each(Object.entries(BEYOND_A_SCHEMA))('%s: accepted by the schema, refused by the library (%s)', (file) => {
    const { fixture, actual } = fixtures.find((f) => f.file === file) as (typeof fixtures)[number];
    expect(refused(actual)).toBe(true);
    expect(accepts(fixture.claim), file).toBe(true);
  });

  it.each([
    ['an item name listed twice', { contents: { declared: [{ name: 'a', quantity: 1 }, { name: 'a', quantity: 1 }], received: [] } }],
    ['money as a JSON number with three decimals', { fee: 0.005 }],
    ['money as the JSON number 0.1 + 0.2', { fee: 0.1 + 0.2 }],
    ['a weight as a JSON number printed with an exponent', { weightKg: 1e-7 }],
    ['a first attempt after the delivery', { firstAttemptAt: '2028-03-07T09:00:00+08:00', deliveredAt: '2028-03-06T09:00:00+08:00' }],
    ['a reply before the claim', { events: { claimedAt: '2028-03-20T10:00:00+08:00', repliedAt: '2028-03-19T10:00:00+08:00' } }],
  ])('beyond a schema, without a fixture: %s is accepted by the schema, refused by the library', (_what, fields) => {
    const input = { ...claim({ postedAt: '2028-02-28T10:00:00+08:00', events: { claimedAt: '2028-03-20T10:00:00+08:00' } }), ...fields };
    const result = safeQuote(input, { policy: 'cn-express' });
    expect(result.ok ? 'quoted' : result.error.code).toBe('CLAIM_INPUT');
    expect(accepts(input)).toBe(true);
  });

  it('agrees with the library on the claims of docs/examples, one by one and line by line', () => {
    const files = ['acme-late-parcel.json', 'lost-parcel.json', 'hk-2026-12-24.json'].map((f) => readFileSync(`docs/examples/${f}`, 'utf8'));
    const lines = readFileSync('docs/examples/claims.ndjson', 'utf8').split('\n').filter((l) => l.trim());
    const claims = [...files, ...lines].flatMap((text) => {
      try {
        return [JSON.parse(text) as unknown];
      } catch {
        return [];
      }
    });
    expect(claims.length).toBeGreaterThan(4);
    for (const claim of claims) {
      const result = safeQuote(claim, { asOf: '2027-02-01' });
      expect(accepts(claim) === true, JSON.stringify(claim)).toBe(result.ok || result.error.code !== 'CLAIM_INPUT');
    }
  });

  it.each([
    ['money at 10^12 CNY as text', { fee: LIMITS.maxMoney }, true],
    ['money a fen above 10^12 CNY as text', { fee: '1000000000000.01' }, false],
    ['money at 10^12 CNY as a number', { fee: 1_000_000_000_000 }, true],
    ['money a fen above 10^12 CNY as a number', { fee: 1_000_000_000_000.01 }, false],
    ['money with three decimals as text', { fee: '12.345' }, false],
    ['money with trailing zeros', { fee: '12.3400' }, true],
    ['negative money as a number', { fee: -1 }, false],
    ['a weight of 2^53 kg as a number', { weightKg: 2 ** 53 }, false],
    ['a ratio of 0', { damage: { extent: 'partial', ratio: '0' }, value: tenYuan }, false],
    ['a ratio of 1', { damage: { extent: 'partial', ratio: 1 } }, true],
    ['a ratio above 1', { damage: { extent: 'partial', ratio: '1.01' } }, false],
    ['partial damage with both lostValue and ratio', { damage: { extent: 'partial', ratio: '0.5', lostValue: '1' }, value: tenYuan }, false],
    ['partial damage with neither', { damage: { extent: 'partial' } }, false],
    ['a lost value without the value it is a share of', { damage: { extent: 'partial', lostValue: '1' } }, false],
    ['total damage with a ratio', { damage: { extent: 'total', ratio: '0.5' } }, false],
    ['an international item without its region', { scope: 'international' }, false],
    ['a region for a domestic item', { region: 'asia' }, false],
    ['a posting on 29 February of a leap year', { postedAt: '2028-02-29T10:00:00+08:00' }, true],
    ['a posting on 29 February of a common year', { postedAt: '2026-02-29T10:00:00+08:00' }, false],
    ['a posting at 24:00', { postedAt: '2026-03-02T24:00' }, false],
    ['a blank waybill', { waybill: '   ' }, false],
    ['a waybill of 64 characters', { waybill: 'W'.repeat(64) }, true],
    ['a waybill of 65 characters', { waybill: 'W'.repeat(65) }, false],
    ['a waybill of 64 emoji: characters, not UTF-16 code units, are counted', { waybill: '😀'.repeat(64) }, true],
    ['a waybill of 65 emoji', { waybill: '😀'.repeat(65) }, false],
    ['a waybill with a line break', { waybill: 'SF1\nPayout: 9999.00' }, false],
    ['no declared contents', { contents: { declared: [], received: [] } }, false],
    ['a quantity that is not whole', { contents: { declared: [{ name: 'a', quantity: 1.5 }], received: [] } }, false],
  ])('%s: the schema and the library agree', (_what, fields, ok) => {
    const input = { ...claim({ postedAt: '2028-02-28T10:00:00+08:00', events: { claimedAt: '2028-03-20T10:00:00+08:00' } }), ...fields };
    const result = safeQuote(input, { policy: 'cn-express' });
    expect(result.ok || result.error.code !== 'CLAIM_INPUT', JSON.stringify(result)).toBe(ok);
    if (ok) expect(accepts(input)).toBe(true);
    else expect(accepts(input)).not.toBe(true);
  });

  it('a claim the library refuses for being {} (test/data) is refused by the schema too', () => {
    const { claim: empty } = JSON.parse(readFileSync('test/data/broken-fixtures/missing-expect.json', 'utf8')) as Fixture;
    expect(safeQuote(empty).ok).toBe(false);
    expect(accepts(empty)).not.toBe(true);
  });

  it('generated valid claims are accepted; each way of spoiling one is refused, but money as a number with more decimals', () => {
    fc.assert(
      fc.property(validClaim, spoil, (valid, { field, bad }) => {
        expect(accepts(valid)).toBe(true);
        const spoiled = { ...valid, [field]: bad };
        const beyond = field === 'fee' && typeof bad === 'number' && bad >= 0 && bad <= Number(LIMITS.maxMoney);
        if (!beyond) expect(accepts(spoiled), `${field}: ${fc.stringify(bad)}`).not.toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
