import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  calendars,
  ClaimInputError,
  type ClaimInput,
  classify,
  claimJsonSchema,
  complaintDeadlines,
  definePolicy,
  explain,
  quote,
  quoteBatch,
  runFixtures,
  safeQuote,
} from '../src/index.js';
import { claim } from './helpers.js';

const NATIONAL = { policy: 'cn-gbt27917-2011' } as const;

/** The issues of a claim that must not quote: its ClaimInputError's paths and messages. */
function issuesOf(input: unknown, options: object = NATIONAL): { path: string; message: string }[] {
  const result = safeQuote(input, options);
  if (result.ok) throw new Error(`expected a ClaimInputError, got a quote paying ${result.quote.payout}`);
  expect(result.error).toBeInstanceOf(ClaimInputError);
  return (result.error as ClaimInputError).issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const pathsOf = (input: unknown) => issuesOf(input).map((i) => i.path);

/** A contents list of `n` distinct items, one of each, valued at 1.00. */
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `item ${i}`, quantity: 1, unitValue: '1.00' }));

describe('free text cannot forge the output (control characters rejected)', () => {
  const forged = 'SF1\nPayout: 9999.00 CNY';
  it.each([
    ['a line break in the waybill', { waybill: forged }, 'waybill'],
    ['a carriage return in the waybill', { waybill: 'SF1\rPayout: 9999.00 CNY' }, 'waybill'],
    ['an ANSI escape in the waybill', { waybill: 'SF1\u001b[2K\u001b[1GPayout: 9999.00 CNY' }, 'waybill'],
    ['a C1 control in the waybill', { waybill: 'SF1\u0085x' }, 'waybill'],
    ['a line separator in the waybill', { waybill: 'SF1\u2028x' }, 'waybill'],
    ['a bidirectional override in the waybill', { waybill: 'SF1\u202Ex' }, 'waybill'],
    ['a tab in the product', { product: 'std\tx' }, 'product'],
    ['a line break in the batch', { batch: 'B1\nx' }, 'batch'],
    ['a line break in the agreement note', { agreement: { amount: '1.00', note: 'ok\nPayout: 9999.00 CNY' } }, 'agreement.note'],
    ['a line break in an item name', { contents: { declared: [{ name: 'a\nb', quantity: 1 }], received: [] } }, 'contents.declared.0.name'],
    ['an escape in a received item name', { contents: { declared: [{ name: 'a', quantity: 1 }], received: [{ name: '\u001b[31m', quantity: 1 }] } }, 'contents.received.0.name'],
  ])('%s is a ClaimInputError at its path', (_, overrides, path) => {
    expect(pathsOf(claim(overrides as Partial<ClaimInput>))).toEqual([path]);
  });

  it('says why, and quotes nothing of the forged text in the message', () => {
    const [issue] = issuesOf(claim({ waybill: forged }));
    expect(issue?.message).toMatch(/control characters/);
    expect(issue?.message).not.toContain('\n');
  });

  it('keeps printable text, Chinese and spaces inside included', () => {
    const q = quote(claim({ waybill: 'SF 顺丰-1/№2', agreement: { amount: '5.00', note: '协商一致 (电话)' } }), { ...NATIONAL, asOf: '2026-03-20' });
    expect(q.waybill).toBe('SF 顺丰-1/№2');
    expect(explain(q).split('\n').filter((l) => l.startsWith('Payout:'))).toEqual(['Payout: 5.00 CNY']);
  });
});

describe('text bounds', () => {
  it.each([
    ['waybill', 64, (s: string) => ({ waybill: s })],
    ['product', 64, (s: string) => ({ product: s })],
    ['batch', 64, (s: string) => ({ batch: s })],
    ['agreement.note', 1000, (s: string) => ({ agreement: { amount: '1.00', note: s } })],
    ['contents.declared.0.name', 200, (s: string) => ({ contents: { declared: [{ name: s, quantity: 1 }], received: [] } })],
  ])('%s: %i characters pass, one more is a ClaimInputError', (path, max, make) => {
    const at = (n: number) => claim(make('x'.repeat(n)) as Partial<ClaimInput>);
    expect(safeQuote(at(max), { ...NATIONAL, asOf: '2026-03-20' }).ok).toBe(true);
    const [issue] = issuesOf(at(max + 1));
    expect(issue).toEqual({ path, message: `at most ${max} characters` });
  });

  it('a 50 MB waybill is refused with a short message', () => {
    const issues = issuesOf(claim({ waybill: 'W'.repeat(50 * 1024 * 1024) }));
    expect(issues).toEqual([{ path: 'waybill', message: 'at most 64 characters' }]);
  });

  it('a decimal text longer than 32 characters is refused without echoing it whole', () => {
    const [issue] = issuesOf(claim({ fee: `1${'0'.repeat(40)}` }));
    expect(issue?.path).toBe('fee');
    expect(issue?.message.length).toBeLessThan(120);
  });
});

describe('money a JSON number cannot hold exactly (M-1)', () => {
  it('12345678901234567.89 as a number is refused, telling to send a string', () => {
    const issues = issuesOf(claim({ fee: 12345678901234567.89 }));
    expect(issues.map((i) => i.path)).toContain('fee');
    expect(issues.find((i) => i.path === 'fee')?.message).toMatch(/send it as a decimal string/);
  });

  it('the largest fen a double holds exactly passes the precision check; one fen more does not', () => {
    // 2^53 − 1 fen = 90071992547409.91 CNY: above the money bound, so only the precision message differs.
    const exact = issuesOf(claim({ fee: 90071992547409.91 })).map((i) => i.message);
    const over = issuesOf(claim({ fee: 90071992547409.92 })).map((i) => i.message);
    expect(exact.some((m) => /decimal string/.test(m))).toBe(false);
    expect(over.some((m) => /decimal string/.test(m))).toBe(true);
  });

  it('a number with more decimals than its shortest text holds is refused (0.1 + 0.2)', () => {
    expect(pathsOf(claim({ fee: 0.1 + 0.2 }))).toEqual(['fee']);
  });

  it.each([
    ['a string', '1000000000000.00', '1000000000000.01'],
    ['a number', 1_000_000_000_000, 1_000_000_000_000.01],
  ])('money up to 10^12 CNY as %s passes; a fen more is refused', (_, max, over) => {
    const at = (amount: string | number) => claim({ declaredLost: true, value: { amount, evidence: 'invoice' } });
    expect(safeQuote(at(max), NATIONAL).ok).toBe(true);
    expect(issuesOf(at(over))).toEqual([{ path: 'value.amount', message: 'at most 1000000000000.00 CNY' }]);
  });
});

describe('contents bounds (C-4)', () => {
  const withContents = (declared: number, received: number) =>
    claim({ deliveredAt: '2026-03-04T10:00:00+08:00', contents: { declared: items(declared), received: items(received) } });

  it('10,000 declared and 10,000 received items quote', () => {
    expect(safeQuote(withContents(10_000, 10_000), NATIONAL).ok).toBe(true);
  });

  it.each([
    ['declared', 10_001, 1],
    ['received', 1, 10_001],
  ])('10,001 %s items are a ClaimInputError', (side, declared, received) => {
    expect(issuesOf(withContents(declared, received))).toEqual([{ path: `contents.${side}`, message: 'at most 10000 items' }]);
  });

  it('1,000,000 items are refused as one issue, listed with the other issues of the claim', () => {
    const issues = issuesOf({ ...withContents(1_000_000, 0), fee: '-1' });
    expect(issues).toEqual([
      { path: 'fee', message: 'must not be negative' },
      { path: 'contents.declared', message: 'at most 10000 items' },
    ]);
  });
});

describe('missing required fields', () => {
  it.each(['waybill', 'scope', 'fee', 'postedAt'])('%s missing says "required"', (field) => {
    const input: Record<string, unknown> = { ...claim() };
    delete input[field];
    expect(issuesOf(input)).toEqual([{ path: field, message: 'required' }]);
  });

  it('a nested required field says "required" too', () => {
    expect(issuesOf(claim({ value: { evidence: 'invoice' } as never }))).toEqual([{ path: 'value.amount', message: 'required' }]);
  });

  it('a field of the wrong type still says what was expected', () => {
    expect(issuesOf(claim({ waybill: 7 as never }))[0]?.message).toMatch(/expected string/);
  });
});

describe('the claim JSON Schema carries the bounds', () => {
  const schema = claimJsonSchema() as { properties: Record<string, Record<string, unknown>> };
  it('waybill: maxLength 64 and a pattern without control characters', () => {
    const waybill = schema.properties.waybill as { maxLength: number; pattern: string };
    expect(waybill.maxLength).toBe(64);
    expect(new RegExp(waybill.pattern).test('SF1')).toBe(true);
    expect(new RegExp(waybill.pattern).test('SF1\nx')).toBe(false);
  });
  it('contents: at most 10,000 items on each side', () => {
    const contents = schema.properties.contents as { properties: Record<string, { maxItems: number }> };
    expect(contents.properties.declared?.maxItems).toBe(10_000);
    expect(contents.properties.received?.maxItems).toBe(10_000);
  });
});

describe('typed errors for bad arguments, never a TypeError', () => {
  const ok = claim({ firstAttemptAt: '2026-03-06T09:00:00+08:00' });
  /** The typed error a call throws, as its class name, code and issues. */
  function thrown(run: () => unknown): { name: string; code: string; issues: { path: string; message: string }[] } {
    try {
      run();
    } catch (error) {
      const e = error as ClaimInputError | ArgumentError;
      return { name: e.name, code: e.code, issues: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    }
    throw new Error('nothing was thrown');
  }

  it('safeQuote(claim, null) returns a ClaimInputError about the options', () => {
    const result = safeQuote(ok, null as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ClaimInputError);
    expect((result.error as ClaimInputError).issues.map((i) => i.path.join('.'))).toEqual(['options']);
  });

  it.each([
    ['quote', () => quote(ok, { polciy: 'cn-gbt27917-2011' } as never)],
    ['classify', () => classify(ok, { policy: 'cn-gbt27917-2011', asof: '2026-03-20' } as never)],
    ['quoteBatch', () => quoteBatch([ok], { policy: 'cn-gbt27917-2011', calender: calendars.cn } as never)],
  ])('%s: an unknown option key is a ClaimInputError naming it', (_, run) => {
    const error = thrown(run);
    expect(error.code).toBe('CLAIM_INPUT');
    expect(error.issues).toEqual([{ path: 'options', message: expect.stringMatching(/^unknown field\(s\): (polciy|asof|calender) /) }]);
  });

  it.each([
    ['a policy of the wrong type', { policy: 7 }, 'options.policy'],
    ['an asOf of the wrong type', { policy: 'cn-gbt27917-2011', asOf: 20260320 }, 'options.asOf'],
    ['a calendar without isWorkingDay', { policy: 'cn-gbt27917-2011', calendar: { id: 'x' } }, 'options.calendar'],
    ['options that are not an object', 'cn-gbt27917-2011', 'options'],
  ])('%s is a ClaimInputError at %s', (_, options, path) => {
    expect(thrown(() => quote(ok, options as never)).issues.map((i) => i.path)).toEqual([path]);
  });

  it('every valid option keeps working: policy id or Policy, asOf text or Date, a calendar', () => {
    const policy = definePolicy({ id: 'mine', extends: 'cn-gbt27917-2011', params: {} });
    const byId = quote(ok, { policy: 'cn-gbt27917-2011', asOf: '2026-03-20', calendar: calendars.cn });
    const byObject = quote(ok, { policy, asOf: new Date('2026-03-20T02:00:00Z'), calendar: { id: 'every-day', isWorkingDay: () => true } });
    expect(byObject.payout).toBe(byId.payout);
    expect(byObject.policy.id).toBe('mine');
    expect(quote(ok, undefined).payout).toBe(byId.payout);
  });

  it.each([
    ['an object', {}],
    ['null', null],
    ['a string', 'claims'],
  ])('quoteBatch of %s is a ClaimInputError', (_, claims) => {
    expect(thrown(() => quoteBatch(claims as never, { policy: 'cn-gbt27917-2011' }))).toEqual({
      name: 'ClaimInputError',
      code: 'CLAIM_INPUT',
      issues: [{ path: '', message: 'expected an array of claims' }],
    });
  });

  it('complaintDeadlines: an unknown option key is a ClaimInputError; a bad options value too', () => {
    const complaint = { kind: 'loss', receivedAt: '2026-09-30T10:00:00+08:00' } as const;
    expect(thrown(() => complaintDeadlines(complaint, { calender: calendars.cn } as never)).issues[0]?.path).toBe('options');
    expect(thrown(() => complaintDeadlines(complaint, null as never)).issues[0]?.path).toBe('options');
    expect(complaintDeadlines(complaint, { policy: 'cn-complaints', calendar: calendars.cn })).toHaveLength(3);
  });

  const q = quote(ok, { policy: 'cn-gbt27917-2011' });
  it.each([
    ['a language it does not have', () => explain(q, { lang: 'fr' } as never), 'options.lang'],
    ['an unknown option key', () => explain(q, { language: 'en' } as never), 'options'],
    ['options that are not an object', () => explain(q, 'zh-CN' as never), 'options'],
    ['null', () => explain(null as never), 'quote'],
    ['a claim instead of a quote', () => explain(ok as never), 'quote.policy'],
    ['a quote with a forged waybill', () => explain({ ...q, waybill: 'SF1\nPayout: 9999.00 CNY' }), 'quote.waybill'],
  ])('explain with %s is an ArgumentError', (_, run, path) => {
    const error = thrown(run);
    expect(error).toMatchObject({ name: 'ArgumentError', code: 'ARGUMENT' });
    expect(error.issues[0]?.path).toBe(path);
  });

  it.each([
    ['null', null],
    ['a number', 7],
    ['an object', { name: 'x' }],
  ])('runFixtures(%s) is an ArgumentError', (_, fixtures) => {
    expect(thrown(() => runFixtures(fixtures as never))).toMatchObject({ name: 'ArgumentError', code: 'ARGUMENT' });
  });

  it('runFixtures of an array with something that is not a fixture reports that entry as failed', () => {
    const report = runFixtures([null, { name: 'ok', policy: 'cn-gbt27917-2011', claim: ok, expect: { payout: q.payout } }] as never);
    expect(report).toMatchObject({ passed: 1, failed: 1 });
    expect(report.results[0]).toMatchObject({ ok: false, name: 'fixture 0' });
  });
});

describe('the Node version the package states', () => {
  const engines = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node as string;
  it('is at least 20.16, the first 20.x with process.getBuiltinModule, which runFixtures(dir) reads files with', () => {
    const [major, minor] = (/^>=(\d+)\.(\d+)/.exec(engines) ?? []).slice(1).map(Number);
    expect(major === 20 ? (minor as number) >= 16 : (major as number) > 20).toBe(true);
    expect(typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule).toBe('function');
  });
});
