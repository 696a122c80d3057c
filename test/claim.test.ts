import { describe, expect, it } from 'vitest';
import { ClaimInputError, claimJsonSchema, quote, safeQuote } from '../src/index.js';
import { MONEY_TEXT } from '../src/claim/patterns.js';
import { claim, issuePaths } from './helpers.js';

describe('ClaimInput validation', () => {
  it('names an unknown field at the object holding it', () => {
    const error = safeQuote({ ...claim(), insurence: { insuredValue: '1' } });
    expect(error.ok).toBe(false);
    if (error.ok) return;
    expect(error.error.code).toBe('CLAIM_INPUT');
    expect((error.error as ClaimInputError).issues).toEqual([
      { path: [], message: 'unknown field(s): insurence (check the spelling)' },
    ]);
  });
  it('names an unknown nested field with its path', () => {
    expect(issuePaths(() => quote(claim({ value: { amount: '1', evidence: 'invoice', currency: 'CNY' } as never })))).toEqual(['value']);
  });
  it.each([
    ['negative money', { fee: '-0.01' }, 'fee'],
    ['negative money as a number', { fee: -1 }, 'fee'],
    ['three decimals', { fee: '1.005' }, 'fee'],
    ['three decimals as a number', { fee: 1.005 }, 'fee'],
    ['NaN', { fee: Number.NaN }, 'fee'],
    ['Infinity', { fee: Number.POSITIVE_INFINITY }, 'fee'],
    ['an exponent', { fee: '1e2' }, 'fee'],
    ['an unparsable instant', { postedAt: '02/03/2026 10:00' }, 'postedAt'],
    ['an impossible date', { firstAttemptAt: '2026-02-29T10:00:00+08:00' }, 'firstAttemptAt'],
    ['deliveredAt before postedAt', { deliveredAt: '2026-03-02T09:59:59.999+08:00' }, 'deliveredAt'],
    ['firstAttemptAt before postedAt', { firstAttemptAt: '2026-03-01T10:00:00+08:00' }, 'firstAttemptAt'],
    ['promisedBy before postedAt', { promisedBy: '2026-03-01T10:00:00+08:00' }, 'promisedBy'],
    ['a first attempt after the delivery', { firstAttemptAt: '2026-03-05T10:00:00+08:00', deliveredAt: '2026-03-04T10:00:00+08:00' }, 'firstAttemptAt'],
    ['a region on a domestic item', { region: 'asia' }, 'region'],
    ['an international item without region', { scope: 'international', promisedBy: '2026-03-10T10:00:00+08:00' }, 'region'],
    ['a ratio above 1', { damage: { extent: 'partial', ratio: '1.01' } }, 'damage.ratio'],
    ['a ratio of 0', { damage: { extent: 'partial', ratio: '0' } }, 'damage.ratio'],
    ['partial damage with both lostValue and ratio', { damage: { extent: 'partial', ratio: '0.5', lostValue: '1.00' }, value: { amount: '2', evidence: 'invoice' } }, 'damage'],
    ['lostValue without a value', { damage: { extent: 'partial', lostValue: '1.00' } }, 'value'],
    ['a reply before the claim', { events: { claimedAt: '2026-03-20T10:00:00+08:00', repliedAt: '2026-03-20T09:00:00+08:00' } }, 'events.repliedAt'],
    ['a claim before posting', { events: { claimedAt: '2026-03-01T10:00:00+08:00' } }, 'events.claimedAt'],
    ['a duplicate item name', { contents: { declared: [{ name: 'a', quantity: 1 }, { name: 'a', quantity: 2 }], received: [] } }, 'contents.declared.1.name'],
    ['an empty waybill', { waybill: ' ' }, 'waybill'],
    ['a fractional quantity', { contents: { declared: [{ name: 'a', quantity: 1.5 }], received: [] } }, 'contents.declared.0.quantity'],
  ])('rejects %s at its path', (_what, overrides, path) => {
    expect(issuePaths(() => quote(claim(overrides as never)))).toEqual([path]);
  });

  it('lists every issue at once, schema and cross-field alike', () => {
    const paths = issuePaths(() =>
      quote(claim({ fee: '1.001', scope: 'international', deliveredAt: '2026-03-01T00:00:00+08:00', weightKg: '-1' }), {
        asOf: 'soon',
      }),
    );
    expect(paths.sort()).toEqual(['asOf', 'deliveredAt', 'fee', 'region', 'weightKg']);
  });

  it('rejects an asOf before posting', () => {
    expect(issuePaths(() => quote(claim(), { asOf: '2026-03-01' }))).toEqual(['asOf']);
  });

  it('takes an asOf Date as the same instant as its ISO text', () => {
    const a = quote(claim({ events: {} }), { asOf: new Date('2026-03-20T02:00:00Z') });
    const b = quote(claim({ events: {} }), { asOf: '2026-03-20T10:00:00+08:00' });
    expect(a).toEqual(b);
  });

  it('accepts money as a string or a number with the same result', () => {
    const asText = quote(claim({ declaredLost: true, fee: '19.99', value: { amount: '35.10', evidence: 'invoice' } }));
    const asNumber = quote(claim({ declaredLost: true, fee: 19.99, value: { amount: 35.1, evidence: 'invoice' } }));
    expect(asNumber).toEqual(asText);
    expect(asText.payout).toBe('55.09');
  });

  it('safeQuote returns the typed error for any non-object input instead of throwing', () => {
    for (const input of [null, undefined, 42, 'claim', [], {}]) {
      const result = safeQuote(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toBeInstanceOf(ClaimInputError);
    }
  });
});

describe('claimJsonSchema', () => {
  it('describes the input with money as string or number and no extra fields', () => {
    const schema = claimJsonSchema() as {
      properties: Record<string, { anyOf?: object[]; description?: string }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.required).toEqual(expect.arrayContaining(['waybill', 'scope', 'fee', 'postedAt']));
    expect(schema.required).not.toContain('channel');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.fee?.anyOf).toEqual([
      { type: 'string', maxLength: 32, pattern: MONEY_TEXT },
      { type: 'number', minimum: 0, maximum: 1_000_000_000_000 },
    ]);
    expect(schema.properties.postedAt?.description).toMatch(/ISO 8601/);
  });
});
