import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PolicySpec } from '../src/policy/model.js';
import { BUILTIN_SPECS } from '../src/policy/registry.js';
import { COURSE, EPACKET_NOTICE, SECONDARY, SERVICE_SCRIPT, SLIDES } from '../src/policy/builtin/texts.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const doc = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');

/** Every value of every built-in policy with its source. */
const VALUES = BUILTIN_SPECS.flatMap((spec: PolicySpec) =>
  Object.entries(spec.params).flatMap(([key, entries]) => (entries ?? []).map((e) => ({ key: `${spec.id} ${key} ${e.from}`, source: e.source }))),
);

/** The document each secondary source is, in the folder of source documents given by SEEDS_DIR. */
const SECONDARY_FILES: Record<(typeof SECONDARY)[number], string> = {
  [COURSE]: '001_de98f6ac98af28a9.txt',
  [SLIDES]: '002_71a5f7dea149073e.txt',
  [EPACKET_NOTICE]: '000_5da0c631cfed4a99.txt',
  [SERVICE_SCRIPT]: '003_6659f44a9fb44a62.txt',
};

/** Every passage quoted after a secondary source's title: it must stand verbatim in that document. */
function quotedPassages(source: string): { title: string; fragment: string }[] {
  const out: { title: string; fragment: string }[] = [];
  const titles = SECONDARY.map((t) => t.replace(/[()]/g, '\\$&')).join('|');
  for (const m of source.matchAll(new RegExp(`(${titles})((?:(?!${titles})[^|])*)`, 'g'))) {
    for (const q of (m[2] as string).matchAll(/"([^"]+)"/g)) {
      for (const fragment of (q[1] as string).split('…').filter(Boolean)) out.push({ title: m[1] as string, fragment });
    }
  }
  return out;
}

const SEEDS = process.env.SEEDS_DIR;
if (!SEEDS) console.info('SEEDS_DIR is not set: the quoted passages are not checked against the source documents');

describe.skipIf(!SEEDS)('passages quoted from secondary sources stand verbatim in them (SEEDS_DIR)', () => {
  const passages = VALUES.flatMap(({ key, source }) => quotedPassages(source).map((p) => ({ key, ...p })));

  it('finds passages to check', () => {
    expect(passages.length).toBeGreaterThan(40);
  });

  it.each(passages)('$key: "$fragment" is in $title', ({ title, fragment }) => {
    const file = join(SEEDS as string, SECONDARY_FILES[title as (typeof SECONDARY)[number]]);
    expect(existsSync(file), `${file} exists`).toBe(true);
    expect(readFileSync(file, 'utf8').includes(fragment)).toBe(true);
  });
});

/** A citation starts with a primary text, a decision of docs/rules.md, or says what kind of secondary text it rests on. */
const PRIMARY_FIRST =
  /^(GB\/T 27917\.[1-3]-20(11|23)|Postal Law \(邮政法 2009\) Art\.|快递暂行条例 \(2018\) Art\.|Contract Law \(合同法 1999\) Art\.|Civil Code \(民法典 2020\) Art\.|快递市场管理办法 \(2023\) Art\.|decision DC-\d+ \(docs\/rules\.md\)|product terms of |a carrier's settlement standard |carrier practice, |complaint handling table, |a carrier's service script, |[A-Z][A-Za-z]* Express \([^)]+\) terms of carriage \(运单契约条款\), undated copy: )/;

describe('every value of the built-in policies names where it comes from', () => {
  it.each(VALUES.map((v) => [v.key, v.source]))('%s', (_key, source) => {
    expect(source).toMatch(PRIMARY_FIRST);
    expect(source).not.toMatch(/rulebook|seeds\/|\d{3}_[0-9a-f]{16}/i);
    // A quoted passage is a statute's words or attributed to the secondary source before it.
    const quotes = [...(source as string).matchAll(/"([^"]+)"/g)].length;
    const statute = (source as string).match(/(快递暂行条例 \(2018\) Art\. \d+) "/g)?.length ?? 0;
    expect(quotedPassages(source as string).length + statute).toBeGreaterThanOrEqual(quotes);
  });
});

describe('docs', () => {
  const rules = doc('rules.md');
  const sources = doc('sources.md');
  it.each([...new Set(BUILTIN_SPECS.flatMap((spec) => Object.keys(spec.params)))])('rules.md documents the parameter %s', (key) => {
    expect(rules).toMatch(new RegExp(`\`${key.replace(/[.]/g, '\\.')}[\`.]`));
  });
  it.each([...new Set(VALUES.flatMap((v) => [...v.source.matchAll(/decision (DC-\d+)/g)].map((m) => m[1] as string)))])(
    'rules.md records decision %s',
    (id) => {
      expect(rules).toMatch(new RegExp(`\\*\\*${id}\\*\\*`));
    },
  );
  it.each([
    'GB/T 27917.1-2011', 'GB/T 27917.2-2011', 'GB/T 27917.3-2011', 'GB/T 27917.1-2023', 'GB/T 27917.3-2023', 'Postal Law', '快递暂行条例', 'Contract Law',
    'Civil Code', '快递市场管理办法', '全国年节及纪念日放假办法', ...SECONDARY,
  ])('sources.md lists %s', (text) => {
    expect(sources).toContain(text);
  });
});
