import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built command as a user runs it (npm test builds first), with optional stdin. */
function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['dist/bin.js', ...args], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const EXAMPLE = 'fixtures/worked-examples/example-2-loss-uninsured.json';
const claim = (waybill: string, extra: object = {}) => ({
  waybill,
  scope: 'domestic',
  fee: '12.00',
  postedAt: '2026-03-02T10:00:00+08:00',
  firstAttemptAt: '2026-03-06T09:00:00+08:00',
  events: { claimedAt: '2026-03-07T10:00:00+08:00' },
  ...extra,
});
const tmp = mkdtempSync(join(tmpdir(), 'courier-claims-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
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
    [['quote', '--policy', 'acme'], 'unknown policy "acme"; built-in: cn-gbt27917-2011, cn-network-reference'],
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
    expect(err).toBe('');
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(10_000);
    expect(rows[4321]).toEqual({ line: 4322, error: { code: 'CLAIM_INPUT', issues: [{ path: [], message: expect.stringMatching(/^not valid JSON/) }] } });
    const waybills = rows.map((r, i) => (i === 4321 ? 'W4321' : r.waybill));
    expect(waybills).toEqual(lines.map((_, i) => `W${i}`));
    expect(rows[9999]).toMatchObject({ payout: '12.00', incident: { kind: 'delay' } });
  });

  it('reports an invalid claim with its issues and the line, skipping blank lines but counting them', () => {
    const input = [JSON.stringify(claim('A')), '', JSON.stringify(claim('B', { fee: '1.234' }))].join('\n');
    const { code, out } = cli(['batch', file('small.ndjson', input)]);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ waybill: 'A' }),
      { line: 3, error: { code: 'CLAIM_INPUT', issues: [{ path: ['fee'], message: 'at most 2 decimals (M-1): round it before quoting' }] } },
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
    expect(out.trimEnd().split('\n').at(-1)).toBe('5 passed, 1 failed');
  });
});

describe('courier-claims schema and policies', () => {
  it('schema prints the claim JSON Schema', () => {
    const schema = JSON.parse(cli(['schema']).out);
    expect(schema.properties.waybill).toBeDefined();
    expect(schema.required).toEqual(expect.arrayContaining(['waybill', 'scope', 'fee', 'postedAt']));
  });

  it('policies lists versions, effective dates and sources', () => {
    const { out } = cli(['policies']);
    expect(out).toContain('cn-network-reference — Reference inter-outlet settlement standard');
    expect(out).toContain('versions in force from: 2013-01-01 (date unverified)');
    expect(JSON.parse(cli(['policies', '--format', 'json']).out).map((p: { id: string }) => p.id)).toEqual([
      'cn-gbt27917-2011',
      'cn-network-reference',
      'cn-complaints',
    ]);
  });
});
