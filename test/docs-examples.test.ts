import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'node_modules/.cache/docs-examples');
const DOCS = ['README.md', 'docs/policies.md', 'docs/fixtures.md', 'docs/calendars.md', 'docs/schemas.md'];

/**
 * The TypeScript examples of the docs, made runnable: imported from the source, and every statement of the
 * form `expr;  // 'value'` turned into an assertion that `expr` is that value.
 */
function examples(doc: string): { name: string; code: string; checks: number }[] {
  const text = readFileSync(join(ROOT, doc), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => {
    let checks = 0;
    const body = (m[1] as string)
      .replace(/from 'courier-claims'/g, `from ${JSON.stringify(join(ROOT, 'src/index.js'))}`)
      .replace(/^(\s*)([^/\n][^\n]*?);\s*\/\/ '([^']*)'.*$/gm, (_all, indent: string, expr: string, value: string) => {
        checks += 1;
        return `${indent}expect(${expr}).toBe(${JSON.stringify(value)});`;
      });
    return { name: `${doc} example ${i + 1}`, code: `import { expect } from 'vitest';\n${body}\nexport {};\n`, checks };
  });
}

describe('examples in the docs run and print what they say', () => {
  const all = DOCS.flatMap(examples);
  it('finds the examples and their stated results', () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.reduce((n, e) => n + e.checks, 0)).toBeGreaterThanOrEqual(5);
  });
  it.each(all)('$name', async ({ name, code }) => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
    writeFileSync(file, code);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(pathToFileURL(file).href);
    } finally {
      log.mockRestore();
    }
  });
});
