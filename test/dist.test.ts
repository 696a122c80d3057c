import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built package as users load it (npm test builds it first: see the pretest script). */
const run = (args: string[]) => execFileSync(process.execPath, args, { encoding: 'utf8' });

const QUOTE_SCRIPT = (load: string) => `
  const { quote } = ${load};
  const q = quote({ waybill: 'B1', scope: 'domestic', fee: '20.00', postedAt: '2026-03-02T10:00:00+08:00',
    value: { amount: '500.00', evidence: 'invoice' } }, { asOf: '2026-03-20' });
  console.log(q.incident.kind, q.payout);`;

describe('the build', () => {
  it('quotes through the CommonJS entry', () => {
    expect(run(['-e', QUOTE_SCRIPT("require('./dist/index.cjs')")]).trim()).toBe('loss 520.00');
  });

  it('quotes through the ESM entry', () => {
    expect(run(['--input-type=module', '-e', QUOTE_SCRIPT("await import('./dist/index.js')")]).trim()).toBe('loss 520.00');
  });

  it('runs the README demo: a bundled example through the CLI, explained in English and Chinese', () => {
    // The demo script after its build step (npm test has built already; rebuilding here would race other tests).
    const demo: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.demo;
    const commands = demo.split(' && ').filter((c) => c.startsWith('node dist/bin.js quote '));
    expect(commands).toHaveLength(2);
    const out = commands.map((c) => run(c.split(' ').slice(1))).join('\n');
    expect(out).toContain('Payout: 520.00 CNY');
    expect(out).toContain('赔偿合计：520.00 CNY');
  });

  it('exports run() from courier-claims/cli, with its declarations', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.bin).toEqual({ 'courier-claims': 'dist/bin.js' });
    expect(pkg.exports['./cli']).toEqual({
      import: { types: './dist/cli.d.ts', default: './dist/cli.js' },
      require: { types: './dist/cli.d.cts', default: './dist/cli.cjs' },
    });
    for (const types of ['dist/cli.d.ts', 'dist/cli.d.cts']) expect(readFileSync(types, 'utf8')).toContain('declare function run(');
    expect(run(['-e', "require('./dist/cli.cjs').run(['--help'])"])).toContain('Usage: courier-claims');
  });

  it('runs the batch command’s worker threads from the CommonJS entry too', () => {
    const claims = readFileSync('docs/examples/claims.ndjson', 'utf8').split('\n').filter((line) => line.startsWith('{"'));
    const file = join(mkdtempSync(join(tmpdir(), 'courier-claims-dist-')), 'many.ndjson');
    writeFileSync(file, Array.from({ length: 800 }, (_, i) => claims[i % claims.length]).join('\n'));
    const script = `require('./dist/cli.cjs').run(['batch', ${JSON.stringify(file)}, '--as-of', '2026-04-01'])`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 2 ** 20 });
    expect(statSync(file).size).toBeGreaterThan(64 * 1024);
    expect(out.trim().split('\n')).toHaveLength(800);
    expect(readFileSync('dist/bin.js', 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
