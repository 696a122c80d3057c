import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { lateClaim as claim } from './helpers.js';

/** The built command as a user runs it (npm test builds first), with optional stdin. */
function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['dist/bin.js', ...args], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const EXAMPLE = 'fixtures/worked-examples/example-2-loss-uninsured.json';
const tmp = mkdtempSync(join(tmpdir(), 'courier-claims-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
/** The time allowed to a test that spawns a batch of megabytes, on a loaded machine (not a speed assertion). */
const HEAVY = 60_000;
/** No user error may show a stack trace. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('courier-claims quote', () => {
  it('quotes a fixture file with its own asOf and prints the explained breakdown', () => {
    const { code, out } = cli(['quote', EXAMPLE]);
    expect(code).toBe(0);
    expect(out).toContain('Incident: loss');
    expect(out).toMatch(/N-2\s+60\.00 {2}goods, uninsured/);
    expect(out).toContain('Payout: 80.00 CNY');
    expect(out).toContain('D-5  2026-03-12 10:00 (UTC+08:00)');
  });

  it('prints Chinese with --lang zh-CN', () => {
    const { out } = cli(['quote', EXAMPLE, '--lang', 'zh-CN']);
    expect(out).toContain('索赔因素：丢失');
    expect(out).toContain('赔偿合计：80.00 CNY');
  });

  it('reads a claim from stdin, with - or no file, as JSON', () => {
    for (const args of [['quote', '-', '--format', 'json'], ['quote', '--format', 'json']]) {
      const { code, out } = cli(args, JSON.stringify(claim('SF-STDIN')));
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ waybill: 'SF-STDIN', payout: '12.00', incident: { kind: 'delay' } });
    }
  });

  it('judges as of now by default, passing the clock reading to the core', () => {
    const undelivered = { ...claim('SF-NOW'), firstAttemptAt: undefined, events: {} };
    const { out } = cli(['quote', '--format', 'json'], JSON.stringify(undelivered));
    const q = JSON.parse(out);
    expect(q.incident.kind).toBe('loss');
    const reply = q.deadlines.find((d: { id: string }) => d.id === 'D-1');
    expect(reply.start.event).toBe('asOf');
    expect(Math.abs(Date.parse(reply.start.at) - Date.now())).toBeLessThan(60_000);
  });

  it('--as-of and --policy are passed to the core', () => {
    const { out } = cli(['quote', '--format', 'json', '--policy', 'cn-network-reference', '--as-of', '2026-03-10'], JSON.stringify(claim('SF-NET', { weightKg: '0.8' })));
    expect(JSON.parse(out)).toMatchObject({ policy: { id: 'cn-network-reference' }, payout: '50.00', settlement: { payer: '53.00' } });
  });

  it('quotes an array of claims as a batch with batch caps', () => {
    const lost = (w: string) => ({ ...claim(w), firstAttemptAt: undefined, declaredLost: true, batch: 'B1' });
    const tickets = Array.from({ length: 11 }, (_, i) => lost(`T${i}`));
    const { code, out } = cli(['quote', '--format', 'json', '--policy', 'cn-network-reference'], JSON.stringify(tickets));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ payout: '10000.00', batches: [{ batch: 'B1', rule: 'R-5', before: '11000.00' }] });
    expect(cli(['quote', '--policy', 'cn-network-reference'], JSON.stringify(tickets)).out).toContain('Total payout: 10000.00 CNY');
    const zh = cli(['quote', '--policy', 'cn-network-reference', '--lang', 'zh-CN'], JSON.stringify(tickets)).out;
    expect(zh).toContain('\n批次赔偿上限：\n  B1 R-5：上限 10000.00，封顶前 11000.00，封顶后 10000.00\n\n赔偿总计：10000.00 CNY\n');
    expect(zh).not.toMatch(/Batch caps|Total payout|quoteBatch/);
  });
});

describe('errors: a message naming the problem, exit 1; usage errors exit 2', () => {
  it('a missing file', () => {
    const { code, err } = cli(['quote', join(tmp, 'nope.json')]);
    expect([code, err]).toEqual([1, `courier-claims: cannot read ${join(tmp, 'nope.json')}: no such file\n`]);
  });

  it('bad JSON', () => {
    const { code, err } = cli(['quote', file('bad.json', '{"waybill": ')]);
    expect(code).toBe(1);
    expect(err).toMatch(/^courier-claims: .*bad\.json is not valid JSON: /);
    noStack(err);
  });

  it('an invalid claim names every field', () => {
    const { code, err } = cli(['quote'], JSON.stringify(claim('SF-BAD', { fee: '-1', weightKg: 'heavy' })));
    expect(code).toBe(1);
    expect(err).toContain('invalid claim in stdin:');
    expect(err).toContain('  fee: must not be negative');
    expect(err).toContain('  weightKg: ');
    noStack(err);
  });

  it('empty input', () => {
    expect(cli(['quote'], '')).toMatchObject({ code: 1, err: 'courier-claims: stdin is empty: expected a claim as JSON\n' });
  });

  it('a case without a rule', () => {
    const { code, err } = cli(['quote', '--policy', 'cn-network-reference'], JSON.stringify(claim('SF-3P', { network: 'third-party', declaredLost: true })));
    expect(code).toBe(1);
    expect(err).toContain('no rule in force for stdin: policy cn-network-reference');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'a command is required'],
    [['quote', '--format', 'xml'], '--format must be one of json, text (got "xml")'],
    [['quote', '--colour'], "Unknown option '--colour'"],
    [['quote', '--policy', 'acme'], 'unknown policy "acme"; built-in: cn-express, cn-postal, cn-gbt27917-2011, cn-network-reference'],
    [['quote', '--as-of', 'yesterday'], '--as-of must be an ISO 8601 date or date-time'],
    [['schema', '--lang', 'en'], 'schema takes no --lang'],
    [['quote', 'a.json', 'b.json'], 'quote takes one FILE'],
  ])('%j: usage, exit 2', (args, message) => {
    const { code, err, out } = cli(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: courier-claims <command> [options]');
    expect(out).toBe('');
  });

  it('--help prints usage on stdout, exit 0', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Commands:') });
  });
});

describe('courier-claims batch', () => {
  const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(claim(`W${i}`)));
  lines[4321] = '{"waybill": "W4321", "scope": ';

  it('streams 10,000 lines from stdin in order, one bad line reported at its number, exit 1', () => {
    const { code, out, err } = cli(['batch', '--as-of', '2026-03-20'], `${lines.join('\n')}\n`);
    expect(code).toBe(1);
    expect(err).toBe('courier-claims: 9999 quoted, 1 invalid\n');
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(10_000);
    expect(rows[4321]).toEqual({ line: 4322, error: { code: 'CLAIM_INPUT', issues: [{ path: [], message: expect.stringMatching(/^not valid JSON/) }] } });
    const waybills = rows.map((r, i) => (i === 4321 ? 'W4321' : r.waybill));
    expect(waybills).toEqual(lines.map((_, i) => `W${i}`));
    expect(rows[9999]).toMatchObject({ payout: '12.00', incident: { kind: 'delay' } });
  }, HEAVY);

  it('reports an invalid claim with its issues and the line', () => {
    const input = [JSON.stringify(claim('A')), JSON.stringify(claim('B', { fee: '1.234' }))].join('\n');
    const { code, out } = cli(['batch', file('small.ndjson', input), '--policy', 'cn-gbt27917-2011']);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ waybill: 'A' }),
      { line: 2, error: { code: 'CLAIM_INPUT', issues: [{ path: ['fee'], message: 'at most 2 decimals (M-1): round it before quoting' }] } },
    ]);
  });

  it('stops quietly when the reader goes away (| head)', () => {
    const big = file('big.ndjson', `${lines.filter((_, i) => i !== 4321).join('\n')}\n`);
    const r = spawnSync('/bin/bash', ['-c', `set -o pipefail; node dist/bin.js batch ${big} | head -c 20`], { encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '{"waybill":"W0","pol', '']);
  });

  it('exits 0 when every line is valid, and reports a case without a rule with its code', () => {
    expect(cli(['batch'], `${JSON.stringify(claim('A'))}\n`).code).toBe(0);
    const noRule = cli(['batch', '--policy', 'cn-network-reference'], JSON.stringify(claim('C', { network: 'third-party', declaredLost: true })));
    expect(JSON.parse(noRule.out)).toMatchObject({ line: 1, error: { code: 'NO_RULE_IN_FORCE', case: 'loss-third-party' } });
  });
});

describe('courier-claims batch: one output line per input line, whatever the line', () => {
  /** A claim line padded with spaces (JSON allows them) to exactly `bytes` bytes. */
  const padded = (waybill: string, bytes: number) => {
    const text = JSON.stringify(claim(waybill));
    return text + ' '.repeat(bytes - text.length);
  };
  const MAX_LINE = 4 * 1024 * 1024;

  it('an oversized line gets an error of its own; the 1,000 lines around it are quoted in order (a claim of 1,000,000 items, 54 MB)', () => {
    const item = (i: number) => ({ name: `item ${i}`, quantity: 1, unitValue: '1.00' });
    const huge = JSON.stringify(claim('HUGE', { contents: { declared: Array.from({ length: 1_000_000 }, (_, i) => item(i)), received: [] } }));
    expect(huge.length).toBeGreaterThan(40_000_000);
    const good = (from: number) => Array.from({ length: 500 }, (_, i) => JSON.stringify(claim(`G${from + i}`)));
    const path = file('huge.ndjson', `${[...good(1), huge, ...good(502)].join('\n')}\n`);
    const { code, out, err } = cli(['batch', path, '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011']);
    expect(code).toBe(1);
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1001);
    expect(rows[500]).toEqual({
      line: 501,
      error: { code: 'LINE_TOO_LARGE', issues: [{ path: [], message: `the line is ${huge.length.toLocaleString('en')} bytes, over the batch bound of 4 MiB (4,194,304 bytes)` }] },
    });
    const waybills = rows.map((r, i) => (i === 500 ? 'HUGE' : r.waybill));
    expect(waybills).toEqual(Array.from({ length: 1001 }, (_, i) => (i === 500 ? 'HUGE' : `G${i + 1}`)));
    expect(err).toContain('courier-claims: line 501 is over the batch bound of 4 MiB: not quoted (LINE_TOO_LARGE)');
    expect(err).toContain('1000 quoted, 1 invalid');
  }, HEAVY);

  it('a line of exactly 4 MiB is quoted; one byte more is LINE_TOO_LARGE, as the last line without a newline too', () => {
    const input = [padded('AT-BOUND', MAX_LINE), padded('OVER', MAX_LINE + 1), JSON.stringify(claim('AFTER')), padded('LAST', MAX_LINE + 1)].join('\n');
    const { code, out } = cli(['batch', file('bound.ndjson', input), '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011']);
    expect(code).toBe(1);
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.waybill ?? `${r.line} ${r.error.code}`)).toEqual(['AT-BOUND', '2 LINE_TOO_LARGE', 'AFTER', '4 LINE_TOO_LARGE']);
  }, HEAVY);

  it('a blank line gets an error object, so output line n answers input line n', () => {
    const input = ['', JSON.stringify(claim('A')), '   ', '\r', JSON.stringify(claim('B')), ''].join('\n');
    const { code, out, err } = cli(['batch', '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011'], input);
    expect(code).toBe(1);
    const blank = (line: number) => ({ line, error: { code: 'BLANK_LINE', issues: [{ path: [], message: 'blank line: expected a claim as JSON' }] } });
    expect(out.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      blank(1),
      expect.objectContaining({ waybill: 'A' }),
      blank(3),
      blank(4),
      expect.objectContaining({ waybill: 'B' }),
    ]);
    expect(err).toBe('courier-claims: 2 quoted, 3 invalid\n');
  });

  it('the final newline ends the last line; it does not start a blank one', () => {
    const { code, out, err } = cli(['batch', '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011'], `${JSON.stringify(claim('A'))}\r\n`);
    expect([code, out.split('\n').length, err]).toEqual([0, 2, '']);
  });

  it('a line that is not UTF-8 is an error of its own, not a claim with replacement characters', () => {
    const bad = Buffer.from(JSON.stringify(claim('W\u00ff')), 'latin1'); // ÿ as the single byte 0xff
    const input = Buffer.concat([Buffer.from(`${JSON.stringify(claim('A'))}\n`), bad, Buffer.from(`\n${JSON.stringify(claim('B'))}\n`)]);
    const r = spawnSync(process.execPath, ['dist/bin.js', 'batch', '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011'], { input, encoding: 'utf8' });
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((row) => row.waybill ?? row.error)).toEqual(['A', { code: 'CLAIM_INPUT', issues: [{ path: [], message: 'not valid UTF-8' }] }, 'B']);
  });

  it('reads a UTF-8 byte order mark at the start of the input, like quote, and of any line (files joined with cat)', () => {
    const { code, out } = cli(['batch', '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011'], `\uFEFF${JSON.stringify(claim('BOM'))}\n\uFEFF${JSON.stringify(claim('MID'))}\n`);
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n').map((l) => JSON.parse(l).waybill)).toEqual(['BOM', 'MID']);
  });
});

describe('courier-claims quote: input and the default as-of', () => {
  it('reads a UTF-8 byte order mark at the start of the file, like batch', () => {
    const path = file('bom.json', `\uFEFF${JSON.stringify(claim('SF-BOM'))}`);
    const { code, out } = cli(['quote', path, '--format', 'json', '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ waybill: 'SF-BOM', payout: '12.00' });
  });

  it('input that is not UTF-8 is an error, not a claim with replacement characters', () => {
    const input = Buffer.from(JSON.stringify(claim('W\u00ff')), 'latin1');
    const r = spawnSync(process.execPath, ['dist/bin.js', 'quote', '--as-of', '2026-03-20', '--policy', 'cn-gbt27917-2011'], { input, encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', 'courier-claims: stdin is not valid UTF-8\n']);
  });

  it('an empty array quotes nothing: an error, not a payout of 0.00', () => {
    expect(cli(['quote', '--policy', 'cn-gbt27917-2011', '--as-of', '2026-03-20'], '[]')).toEqual({
      code: 1,
      out: '',
      err: 'courier-claims: stdin holds an empty array: expected a claim or claims\n',
    });
  });

  it('when --as-of defaults to now and the claim is dated after it, the message says so and how to pass --as-of', () => {
    const future = claim('SF-FUTURE', { postedAt: '2999-03-02T10:00:00+08:00', firstAttemptAt: undefined, events: {} });
    const { code, err } = cli(['quote', '--policy', 'cn-gbt27917-2011'], JSON.stringify(future));
    expect(code).toBe(1);
    expect(err).toMatch(/^ {2}asOf: is before postedAt \(--as-of was not given, so it is now, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ; pass --as-of ISO to judge the claim at another moment\)$/m);
    const batch = cli(['batch', '--policy', 'cn-gbt27917-2011'], JSON.stringify(future));
    expect(JSON.parse(batch.out).error.issues).toEqual([
      { path: ['asOf'], message: expect.stringMatching(/^is before postedAt \(--as-of was not given, so it is now, .*; pass --as-of ISO/) },
    ]);
  });

  it('says nothing of now when --as-of was given', () => {
    const future = claim('SF-FUTURE', { postedAt: '2999-03-02T10:00:00+08:00' });
    const { err } = cli(['quote', '--policy', 'cn-gbt27917-2011', '--as-of', '2026-03-20'], JSON.stringify(future));
    expect(err).toContain('  asOf: is before postedAt\n');
  });
});

describe('courier-claims test: a run that proves nothing fails', () => {
  it('a directory without fixtures: exit 1 and a message, not "0 passed, 0 failed"', () => {
    const empty = mkdtempSync(join(tmp, 'empty-'));
    const { code, out, err } = cli(['test', empty]);
    expect([code, out, err]).toEqual([1, '', `courier-claims: no fixtures in ${empty}: expected fixture files (*.json)\n`]);
  });

  it('a claim that is not a fixture is named as such, with what a fixture needs', () => {
    const path = file('good.json', JSON.stringify(claim('SF-GOOD')));
    const { code, out } = cli(['test', path]);
    expect(code).toBe(1);
    expect(out).toBe(
      [
        `✗ ${path}`,
        '  not a fixture: a fixture is a JSON object with name, claim or claims, and expect',
        '    name: required',
        '    expect: required',
        '    (file): unknown field(s) waybill, scope, fee, postedAt, firstAttemptAt, events (a claim goes under "claim")',
        '',
        '0 passed, 1 failed',
        '',
      ].join('\n'),
    );
  });

  it('a file that is not JSON is named as such', () => {
    const path = file('broken.json', '{"name": ');
    const { out } = cli(['test', path]);
    expect(out).toMatch(new RegExp(`^✗ ${path}\n {2}not a fixture: not valid JSON: .+\n\n0 passed, 1 failed\n$`));
  });
});

describe('courier-claims test', () => {
  it('runs the bundled fixtures: all pass, exit 0', () => {
    const { code, out } = cli(['test']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ passed, 0 failed\n$/);
  });

  it('prints a failure with a readable diff and the explained breakdown, exit 1', () => {
    const wrong = file('wrong.json', JSON.stringify({ name: 'delay pays the fee', claim: claim('SF-F'), expect: { payout: '13.00' } }));
    const { code, out } = cli(['test', wrong, 'fixtures/worked-examples']);
    expect(code).toBe(1);
    expect(out).toContain(`✗ ${wrong}`);
    expect(out).toContain('  at payout:\n    - expected "13.00"\n    + actual   "12.00"');
    expect(out).toContain('Payout: 12.00 CNY');
    expect(out.trimEnd().split('\n').at(-1)).toBe('12 passed, 1 failed');
  });
});

describe('courier-claims schema and policies', () => {
  it('schema prints the claim JSON Schema', () => {
    const schema = JSON.parse(cli(['schema']).out);
    expect(schema.properties.waybill).toBeDefined();
    expect(schema.required).toEqual(expect.arrayContaining(['waybill', 'scope', 'fee', 'postedAt']));
  });

  it('schema --quote prints the JSON Schema that quote --format json output meets, one quote or a batch', () => {
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(cli(['schema', '--quote']).out));
    const one = JSON.parse(cli(['quote', EXAMPLE, '--format', 'json']).out);
    const batch = JSON.parse(cli(['quote', '--format', 'json', '--as-of', '2026-03-20'], JSON.stringify([claim('B1'), claim('B2')])).out);
    expect(batch.tickets).toHaveLength(2);
    for (const output of [one, batch]) expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...one, payout: 80 })).toBe(false);
  }, 30_000);

  it('policies lists versions, effective dates and sources', () => {
    const { out } = cli(['policies']);
    expect(out).toContain('cn-network-reference — Reference inter-outlet settlement standard');
    expect(out).toContain('  versions (by posting date):\n    2013-01-01 (date unverified)\n');
    expect(JSON.parse(cli(['policies', '--format', 'json']).out).map((p: { id: string }) => p.id)).toEqual([
      'cn-express',
      'cn-postal',
      'cn-gbt27917-2011',
      'cn-network-reference',
      'sf-express',
      'zto',
      'cn-complaints',
    ]);
  });
});

describe('working days after the last published notice (W-1…W-4)', () => {
  const hk = (waybill: string) => ({
    waybill,
    scope: 'hk-macau',
    fee: '30.00',
    postedAt: '2026-12-24T10:00:00+08:00',
    events: { claimedAt: '2027-01-12T10:00:00+08:00' },
  });
  const hkFile = file('hk-2026-12-24.json', JSON.stringify(hk('HK1')));
  const quoteArgs = ['--policy', 'cn-gbt27917-2011', '--as-of', '2027-01-12T10:00:00+08:00'];
  const notice2027 = { year: 2027, source: 'a 2027 notice as transcribed', holidays: ['2026-12-31/2027-01-03'], workdays: [] };
  const holidays = file('holidays-2027.json', JSON.stringify(notice2027));
  const t1 = (out: string) => {
    const q = JSON.parse(out);
    return [q.deadlines[0].due, q.deadlines[0].warnings, q.warnings.includes('provisional-calendar:2027')];
  };

  it('quote: T-1 hk-macau posted 2026-12-24 is due 2027-01-04 10:00, provisionally, and says so in text', () => {
    const json = cli(['quote', hkFile, ...quoteArgs, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(t1(json.out)).toEqual(['2027-01-04T10:00:00+08:00', ['provisional-calendar:2027'], true]);
    const text = cli(['quote', hkFile, ...quoteArgs]).out;
    expect(text).toContain('T-1  2027-01-04 10:00 (UTC+08:00)');
    expect(text).toContain('the State Council has not yet published its 2027 holiday notice');
  });

  it('--holidays FILE: the loaded 2027 notice replaces the provisional year (12-31 off), no warning', () => {
    const { code, out } = cli(['quote', hkFile, ...quoteArgs, '--format', 'json', '--holidays', holidays]);
    expect(code).toBe(0);
    expect(t1(out)).toEqual(['2027-01-05T10:00:00+08:00', undefined, false]);
  });

  it('batch --holidays: the worker threads count with the loaded notice too', () => {
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify(hk(`HK${i}`))).join('\n');
    const dues = (args: string[]) => new Set(cli(['batch', ...quoteArgs, ...args], lines).out.trimEnd().split('\n').map((l) => JSON.parse(l).deadlines[0].due));
    expect([...dues([])]).toEqual(['2027-01-04T10:00:00+08:00']);
    expect([...dues(['--holidays', holidays])]).toEqual(['2027-01-05T10:00:00+08:00']);
  }, 30_000);

  it('test --holidays: fixtures are quoted with the loaded notice', () => {
    const fixture = 'fixtures/time-limits/t1-working-days-into-a-year-without-a-notice.json';
    expect(cli(['test', fixture]).out).toBe('1 passed, 0 failed\n');
    const { code, out } = cli(['test', fixture, '--holidays', holidays]);
    expect(code).toBe(1);
    expect(out).toContain('  at deadlines[0].due:\n    - expected "2027-01-06T10:00:00+08:00"\n    + actual   "2027-01-07T10:00:00+08:00"');
  });

  it.each([
    ['not JSON', '{', 'not valid JSON'],
    ['a notice without its source, an unknown key', JSON.stringify([{ ...notice2027, source: ' ', extra: 1 }]), '[0].source: every notice needs its source; [0]: Unrecognized key: "extra"'],
    ['a bad day', JSON.stringify({ ...notice2027, holidays: ['2027-02-30'] }), 'holidays.0: a date YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD'],
  ])('a bad --holidays file (%s) is a usage error naming the file and the problem, exit 2', (_what, text, message) => {
    const bad = file('bad-holidays.json', text);
    for (const command of ['quote', 'batch', 'test', 'calendar']) {
      const { code, err, out } = cli([command, ...(command === 'calendar' ? ['2027'] : []), '--holidays', bad]);
      expect(code).toBe(2);
      expect(err).toContain(`courier-claims: --holidays ${bad}: ${message}`);
      expect(out).toBe('');
      noStack(err);
    }
    expect(cli(['quote', '--holidays', join(tmp, 'none.json')]).err).toContain(`--holidays ${join(tmp, 'none.json')}: cannot read it: no such file`);
  }, 30_000);

  it('calendar YEAR: days off, swapped working days and whether published or provisional', () => {
    const provisional = cli(['calendar', '2027']);
    expect(provisional.code).toBe(0);
    expect(provisional.out).toContain('2027: provisional: no holiday notice for 2027 is published yet');
    expect(provisional.out).toContain('  2027-02-05 … 2027-02-08 (4 days)\n');
    expect(provisional.out).toContain('swapped working days (weekend days worked):\n  none\n');
    const published = cli(['calendar', '2026']).out;
    expect(published).toContain('2026: published');
    expect(published).toContain('  2026-02-15 … 2026-02-23 (9 days)\n');
    expect(published).toContain('  2026-02-14\n');
    const loaded = JSON.parse(cli(['calendar', '2027', '--holidays', holidays, '--format', 'json']).out);
    expect(loaded).toEqual({ year: 2027, status: 'published', sources: [notice2027.source], holidays: ['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] });
  });

  it('calendar: a year outside the data is an error naming it (exit 1); a YEAR that is none is a usage error', () => {
    expect(cli(['calendar', '2051'])).toMatchObject({ code: 1, err: expect.stringContaining('calendar cn has no holiday notice for 2051') });
    expect(cli(['calendar', 'next'])).toMatchObject({ code: 2, err: expect.stringContaining('calendar takes one YEAR (e.g. 2027)') });
    expect(cli(['schema', '--holidays', holidays])).toMatchObject({ code: 2, err: expect.stringContaining('schema takes no --holidays') });
  });
});

describe('courier-claims compare', () => {
  const lost = {
    waybill: 'SF1000000002', scope: 'domestic', fee: '20.00', postedAt: '2026-03-02T10:00:00+08:00', declaredLost: true,
    value: { amount: '500.00', evidence: 'invoice' },
  };
  it('compares the policies named, in order, as text and as JSON', () => {
    const args = ['compare', '--policy', 'sf-express', '--policy', 'cn-express', '--as-of', '2026-03-20T10:00:00+08:00'];
    const text = cli(args, JSON.stringify(lost));
    expect([text.code, text.out.split('\n')[3]]).toEqual([0, '  sf-express  2024-04-01  160.00  G-1']);
    const json = JSON.parse(cli([...args, '--format', 'json'], JSON.stringify(lost)).out);
    expect(json.rows.map((r: { policy: string; outcome: { quote: { payout: string } } }) => [r.policy, r.outcome.quote.payout])).toEqual([
      ['sf-express', '160.00'],
      ['cn-express', '520.00'],
    ]);
  });
  it('exits 1 naming the issues when no policy can quote the claim, and takes one --policy elsewhere', () => {
    const bad = cli(['compare'], JSON.stringify({ waybill: 'X' }));
    expect([bad.code, bad.err]).toEqual([1, expect.stringContaining('scope: required')]);
    const usage = cli(['quote', '--policy', 'zto', '--policy', 'cn-express'], JSON.stringify(lost));
    expect([usage.code, usage.err.split('\n')[0]]).toEqual([2, 'courier-claims: quote takes one --policy (compare takes several)']);
  });
});

describe('courier-claims --version', () => {
  it('prints the name and version package.json states, exit 0', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(cli(['--version'])).toEqual({ code: 0, out: `courier-claims ${version}\n`, err: '' });
  });
});
