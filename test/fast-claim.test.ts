// The validation fast path (src/claim/fast.ts) against the schema it stands in for: for any input, it gives
// nothing or exactly what claimSchema outputs, and nothing when the schema refuses the input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readClaimFast } from '../src/claim/fast.js';
import { claimSchema } from '../src/claim/schema.js';
import { Dec } from '../src/dec.js';
import { safeParse } from '../src/parse.js';
import { known, spoil, validClaim } from './arbitraries.js';

const ROOT = join(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A line of NDJSON as its value; none for a blank line or one that is not JSON (the examples hold one on purpose). */
function parsedLine(line: string): unknown[] {
  try {
    return line.trim() ? [JSON.parse(line)] : [];
  } catch {
    return [];
  }
}

/** Every claim of the fixtures (`claim`, `claims`) and of docs/examples (a claim file, a fixture, NDJSON lines). */
function claimsOf(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.ndjson')) return text.split('\n').flatMap(parsedLine);
  const json = JSON.parse(text);
  if ('waybill' in json) return [json];
  return [...('claim' in json ? [json.claim] : []), ...(Array.isArray(json.claims) ? json.claims : [])];
}

const stored = [...filesUnder(join(ROOT, 'fixtures')), ...filesUnder(join(ROOT, 'docs/examples'))]
  .filter((path) => /\.(json|ndjson)$/.test(path))
  .flatMap((path) => claimsOf(path).map((claim, i) => ({ name: `${path.slice(ROOT.length + 1)} #${i}`, claim })));

/** A parsed claim with each Dec as its text, so that deep equality compares values. */
function plain(value: unknown): unknown {
  if (value instanceof Dec) return `Dec ${value.toString()}`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** The property: the fast reader gives nothing, or the schema's output; and nothing when the schema fails. */
function agrees(raw: unknown): boolean {
  const fast = readClaimFast(raw);
  const zod = safeParse(claimSchema, raw);
  if (!zod.success) expect(fast).toBeUndefined();
  else if (fast !== undefined) expect(plain(fast)).toStrictEqual(plain(zod.data));
  return fast !== undefined;
}

/** Values a hostile or careless client puts where a claim field goes. */
const hostileValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(' 1.00 ', '1e3', '0x10', '-0', '-0.00', '+1', '1.', '.5', '１２', '٣', 'Infinity', 'NaN', '', ' ', '1.005', '0.00', '1000000000000', '1000000000000.001'),
  fc.constantFrom(-0, 0.1 + 0.2, 1e21, 5e-324, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1.5, -1),
  fc.constantFrom('2026-02-29', '2024-02-29T10:00', '2026-03-02T10:00:00.1234Z', '2026-03-02 10:00+0800', '1899-12-31', '2026-03-02T10:00:00+19:00'),
  fc.constantFrom(' SF1 ', '\u3000', 'SF\u200e1', 'x'.repeat(64), ` ${'x'.repeat(64)}`, '\ufeffSF'),
  fc.constantFrom({ extent: 'partial' }, { extent: 'partial', lostValue: '1.00', ratio: '0.5' }, { extent: 'partial', ratio: '0' }, { extent: 'total', ratio: '1' }),
  fc.constantFrom({ amount: '1.00' }, { amount: '1.00', evidence: 'invoice', practical: 'yes' }, { declared: [], received: [] }, { insuredValue: undefined }),
  fc.constantFrom([{ quantity: 1 }], [{ name: 'cup' }], [{ name: 'cup', quantity: -1 }], [{ name: 'cup', quantity: 1, unitValue: '1.005' }], [{ name: '', quantity: 1 }]),
);

/** The paths inside a claim a hostile value is put at, nested ones included. */
const paths = fc.oneof(
  fc.constantFrom(...known, 'region', 'channel', 'batch', 'promisedBy', 'firstAttemptAt', 'deliveredAt', 'acceptedLateDelivery', 'declaredLost', 'packedBy', 'reportReturns').map((k) => [k]),
  fc.constantFrom(
    ['value', 'amount'],
    ['value', 'evidence'],
    ['damage', 'ratio'],
    ['damage', 'lostValue'],
    ['insurance', 'premium'],
    ['events', 'claimedAt'],
    ['agreement', 'note'],
    ['contents', 'declared'],
    ['contents', 'received'],
    ['terms', 'capNotified'],
  ),
);

function setAt(claim: object, path: readonly string[], value: unknown): object {
  const [head, ...rest] = path as [string, ...string[]];
  const inner = (claim as Record<string, unknown>)[head];
  return { ...claim, [head]: rest.length ? setAt(typeof inner === 'object' && inner !== null ? inner : {}, rest, value) : value };
}

describe('the fast reader agrees with the schema', () => {
  it.each(stored)('on %s', ({ claim }) => {
    agrees(claim);
  });

  it('on generated valid claims', () => {
    fc.assert(fc.property(validClaim, (claim) => void agrees(claim)), { numRuns: 3000 });
  });

  it('on generated spoiled claims', () => {
    fc.assert(fc.property(validClaim, spoil, (claim, { field, bad }) => void agrees({ ...claim, [field]: bad })), { numRuns: 2000 });
  });

  it('on hostile values at any field, nested ones included', () => {
    fc.assert(
      fc.property(validClaim, paths, hostileValue, (claim, path, bad) => void agrees(setAt(claim, path, bad))),
      { numRuns: 5000 },
    );
  });

  it('on contents items without a name or a quantity', () => {
    const withContents = stored.find(({ claim }) => typeof claim === 'object' && claim !== null && 'contents' in claim && readClaimFast(claim) !== undefined);
    const claim = withContents?.claim as object;
    expect(claim).toBeDefined();
    for (const side of ['declared', 'received']) {
      for (const items of [[{ quantity: 1 }], [{ name: 'cup' }]]) {
        const spoiled = setAt(claim, ['contents', side], items);
        expect(agrees(spoiled)).toBe(false);
      }
    }
  });

  it('on anything at all', () => {
    fc.assert(fc.property(fc.anything(), (raw) => void agrees(raw)), { numRuns: 2000 });
  });

  it('on objects that are not plain data, and a field given as undefined', () => {
    const [first] = stored;
    const claim = first?.claim as object;
    for (const raw of [Object.assign(Object.create({ fee: '1.00' }), claim), new Map(Object.entries(claim)), { ...claim, fee: undefined }]) {
      expect(readClaimFast(raw)).toBeUndefined();
    }
  });
});

describe('the fast path is taken for the common claims', () => {
  it('for every stored claim the schema accepts', () => {
    const valid = stored.filter(({ claim }) => safeParse(claimSchema, claim).success);
    expect(valid.length).toBeGreaterThan(150);
    expect(valid.filter(({ claim }) => readClaimFast(claim) === undefined).map(({ name }) => name)).toEqual([]);
  });

  it('for nearly every generated valid claim', () => {
    const sample = fc.sample(validClaim, { numRuns: 1000, seed: 7 });
    expect(sample.filter((claim) => readClaimFast(claim) !== undefined).length).toBeGreaterThanOrEqual(990);
  });

  it('for each benchmark claim, as JSON text gives it', async () => {
    const bench = new URL('../bench/claims.mjs', import.meta.url).href;
    const { cases, claimAt } = await import(bench);
    for (const claim of [...Object.values(cases), ...Array.from({ length: 40 }, (_, i) => claimAt(i))]) {
      expect(readClaimFast(JSON.parse(JSON.stringify(claim)))).toBeDefined();
    }
  });
});
