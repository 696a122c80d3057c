// The quote options read without zod (readQuoteOptionsFast) are the schema's reading or nothing: never a value
// the schema would refuse or read otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteOptions, readQuoteOptionsFast } from '../src/options.js';
import { safeParse } from '../src/parse.js';
import { definePolicy, policies, quote, safeQuote } from '../src/index.js';
import { claim } from './helpers.js';

const acme = definePolicy({ id: 'acme-options', extends: 'cn-express', params: {} });
const calendar = { id: 'every-day', isWorkingDay: () => true };

/** Values of every kind an option may or may not take. */
const value = fc.oneof(
  fc.constantFrom(...policies.map((p) => p.id), 'no-such-policy', '', '2026-03-20', new Date(0), acme, calendar, null, undefined, 0, true),
  fc.constantFrom({ id: 'x' }, { id: 'x', versions: [], params: {} }, { isWorkingDay: () => true }, [], new Map()),
);
const key = fc.constantFrom('policy', 'asOf', 'calendar', 'polciy', 'as_of', '__proto__', 'toString');
const options = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 4 }),
  fc.constantFrom(undefined, null, 'cn-express', [], Object.create(null), new (class Options {})(), new Date(0), new Map([['policy', 'zto']])),
);

describe('quote options without zod', () => {
  it('read as the schema reads them, or left to the schema', () => {
    fc.assert(
      fc.property(options, (o) => {
        const fast = readQuoteOptionsFast(o);
        const slow = safeParse(quoteOptions, o === undefined ? {} : o);
        if (!slow.success) expect(fast).toBeUndefined();
        else if (fast !== undefined) expect(fast).toEqual(slow.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('is taken for the usual options, so that it cannot silently never apply', () => {
    for (const o of [undefined, {}, { policy: 'cn-express' }, { asOf: '2026-03-20' }, { policy: acme, asOf: new Date(0), calendar }]) {
      expect(readQuoteOptionsFast(o), JSON.stringify(o)).toBeDefined();
    }
    expect(readQuoteOptionsFast({ polciy: 'cn-express' })).toBeUndefined();
    expect(readQuoteOptionsFast({ asOf: undefined })).toBeUndefined();
  });

  it('leaves the errors to the schema: a misspelt option is still a ClaimInputError at its path', () => {
    expect(() => quote(claim(), { polciy: 'cn-express' } as never)).toThrowError(/options/);
    expect(quote(claim(), { policy: acme, asOf: '2026-03-20' }).policy.id).toBe('acme-options');
  });

  it('words each refusal of an option at its path, whichever path read it', () => {
    const issues = (options: object) => {
      const result = safeQuote(claim(), options as never);
      return result.ok ? [] : 'issues' in result.error ? result.error.issues : [];
    };
    expect(issues({ polciy: 'cn-express' })).toEqual([{ path: ['options'], message: 'unknown field(s): polciy (options are policy, asOf, calendar)' }]);
    expect(issues({ policy: 42 })).toEqual([{ path: ['options', 'policy'], message: 'a policy id or a Policy from definePolicy' }]);
    expect(issues({ policy: { id: 1, versions: [], params: new Map() } })).toEqual([{ path: ['options', 'policy'], message: 'a policy id or a Policy from definePolicy' }]);
    expect(issues({ asOf: 1 })).toEqual([{ path: ['options', 'asOf'], message: 'an ISO 8601 date-time or a Date' }]);
    expect(issues({ calendar: { id: 1, isWorkingDay: () => true } })).toEqual([{ path: ['options', 'calendar'], message: 'a WorkCalendar: { id, isWorkingDay(date) }' }]);
  });
});
