import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cnComplaints } from '../src/policy/builtin/cn-complaints.js';
import { cnGbt27917 } from '../src/policy/builtin/cn-gbt27917-2011.js';
import { cnNetworkReference } from '../src/policy/builtin/cn-network-reference.js';

const BUILTIN = [cnGbt27917, cnNetworkReference, cnComplaints];

/** The source documents sit beside the repository (shared/seeds); CI always has them, a lone clone may not. */
const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '../../shared/seeds');
const haveSeeds = existsSync(SEEDS);

/** Every `seeds/FILE "passage"` citation: the passage (split at …) must stand verbatim in that seed file. */
function citedPassages(source: string): { file: string; fragment: string }[] {
  const out: { file: string; fragment: string }[] = [];
  for (const m of source.matchAll(/seeds\/(\d{3}_[0-9a-f]+\.txt)((?:(?!seeds\/)[^|])*)/g)) {
    const file = m[1] as string;
    for (const q of (m[2] as string).matchAll(/"([^"]+)"/g)) {
      for (const fragment of (q[1] as string).split('…').filter(Boolean)) out.push({ file, fragment });
    }
  }
  return out;
}

describe.skipIf(!haveSeeds && !process.env.CI)('policy citations quote the seed documents verbatim', () => {
  const sources = BUILTIN.flatMap((spec) =>
    Object.entries(spec.params).flatMap(([key, entries]) => (entries ?? []).map((e) => ({ key: `${spec.id} ${key}`, source: e.source }))),
  );
  const passages = sources.flatMap(({ key, source }) => citedPassages(source).map((p) => ({ key, ...p })));

  it('finds passages to check', () => {
    expect(passages.length).toBeGreaterThan(40);
  });

  it.each(passages)('$key: "$fragment" is in $file', ({ file, fragment }) => {
    const text = readFileSync(join(SEEDS, file), 'utf8');
    expect(text.includes(fragment)).toBe(true);
  });
});

/** Where a value may come from: a seed document, the standard, a statute, or a decision the rulebook records. */
const CITES = /seeds\/\d{3}_[0-9a-f]{16}\.txt|^GB\/T 27917\.[1-3]-2011|^rulebook [A-Z]-\d|^decision \(rulebook [A-Z§]|^快递暂行条例 \(2018\) Art\. \d+|^快递市场管理办法/;

describe('every value of the built-in policies names where it comes from', () => {
  it.each(BUILTIN.flatMap((spec) => Object.entries(spec.params).flatMap(([key, entries]) => (entries ?? []).map((e) => [`${spec.id} ${key}`, e.source]))))(
    '%s',
    (_key, source) => {
      expect(source).toMatch(CITES);
      // A passage in quotes is attributed to the seed file before it.
      const quoted = [...(source as string).matchAll(/"([^"]+)"/g)].length;
      expect(citedPassages(source as string).length).toBeGreaterThanOrEqual(quoted);
    },
  );
});

describe('docs/rules.md', () => {
  const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../docs/rules.md'), 'utf8');
  it.each([...new Set(BUILTIN.flatMap((spec) => Object.keys(spec.params)))])('documents the parameter %s', (key) => {
    expect(doc).toMatch(new RegExp(`\`${key.replace(/[.]/g, '\\.')}[\`.]`));
  });
});
