import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
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
    expect(run(['-e', QUOTE_SCRIPT("require('./dist/index.cjs')")]).trim()).toBe('loss 80.00');
  });

  it('quotes through the ESM entry', () => {
    expect(run(['--input-type=module', '-e', QUOTE_SCRIPT("await import('./dist/index.js')")]).trim()).toBe('loss 80.00');
  });

  it('keeps the core free of Node built-ins (it runs in browsers and edge runtimes)', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const code = readFileSync(file, 'utf8');
      const specifiers = [
        ...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
        ...code.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g),
      ].map((m) => m[1] as string);
      expect(specifiers.length).toBeGreaterThan(0);
      const builtins = specifiers.filter((s) => s.startsWith('node:') || builtinModules.includes(s));
      expect(builtins).toEqual([]);
      expect(new Set(specifiers.filter((s) => !s.startsWith('.')))).toEqual(new Set(['zod', 'decimal.js', '@date-fns/tz']));
    }
  });

  it('runs the README demo: a bundled example through the CLI, explained in English and Chinese', () => {
    // The demo script after its build step (npm test has built already; rebuilding here would race other tests).
    const demo: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.demo;
    const commands = demo.split(' && ').filter((c) => c.startsWith('node dist/bin.js quote '));
    expect(commands).toHaveLength(2);
    const out = commands.map((c) => run(c.split(' ').slice(1))).join('\n');
    expect(out).toContain('Payout: 80.00 CNY');
    expect(out).toContain('赔偿合计: 80.00 CNY');
  });

  it('exports run() from courier-claims/cli, with its declarations', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.bin).toEqual({ 'courier-claims': 'dist/bin.js' });
    expect(pkg.exports['./cli']).toEqual({ types: './dist/cli.d.ts', default: './dist/cli.js' });
    expect(readFileSync('dist/cli.d.ts', 'utf8')).toContain('declare function run(');
    expect(readFileSync('dist/bin.js', 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
