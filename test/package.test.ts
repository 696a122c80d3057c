import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The files `npm pack` puts in the tarball (npm test builds dist/ first: see the pretest script). */
function packedFiles(): string[] {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  return pack.files.map((file: { path: string }) => file.path);
}

const packed = packedFiles();

const commentsOf = (code: string) => [...code.matchAll(/\/\*[\s\S]*?\*\/|\/\/.*$/gm)].map((m) => m[0]).join('\n');

/**
 * The paths the comments of `code` point at that the package does not ship: a path from `./`, `../` or a
 * folder of the repository, a Markdown file by name, or a document of the repository that is not published.
 */
function strayReferences(code: string, packed: readonly string[]): string[] {
  const comments = commentsOf(code);
  const paths = [...comments.matchAll(/(?<![\w./-])(?:\.{1,2}\/|(?:src|test|bench|scripts|docs|fixtures|dist|seeds|shared|spec)\/)[\w./-]*/g)]
    .map((m) => m[0].replace(/\.+$/, ''))
    .filter((path) => !packed.some((file) => file === path || file.startsWith(path.endsWith('/') ? path : `${path}/`)));
  const documents = [...comments.matchAll(/(?<![\w./-])[\w-]+\.md\b/g)]
    .map((m) => m[0])
    .filter((name) => !packed.some((file) => file === name || file.endsWith(`/${name}`)));
  const unpublished = [...comments.matchAll(/\b(?:RULEBOOK|DESIGN)\b/g)].map((m) => m[0]);
  return [...new Set([...paths, ...documents, ...unpublished])];
}

describe('the published declarations', () => {
  const declarations = readdirSync('dist').filter((file) => /\.d\.c?ts$/.test(file));

  it('are packed: the four entries and the chunk of declarations they share', () => {
    expect(declarations.filter((file) => /^(?:cli|index)\.d\.c?ts$/.test(file)).sort()).toEqual(['cli.d.cts', 'cli.d.ts', 'index.d.cts', 'index.d.ts']);
    for (const file of declarations) expect(packed).toContain(`dist/${file}`);
  });

  it('point only at files the package ships (docs/, README.md), never at the repository’s own', () => {
    for (const file of declarations) expect(strayReferences(readFileSync(`dist/${file}`, 'utf8'), packed), file).toEqual([]);
  });

  it('would be caught pointing at a document or a path the package does not ship', () => {
    const code = [
      '/** The contract (API.md, see ../shared/spec/API.md); DESIGN principle 2; checked in test/calendar.test.ts. */',
      '// docs/rules.md W-1, docs/examples/ and README.md are shipped; docs/missing.md and src/quote.ts are not.',
      "import { Decimal } from 'decimal.js';",
      "const text = readFileSync('acme-terms.json');",
    ].join('\n');
    expect(strayReferences(code, packed)).toEqual(['../shared/spec/API.md', 'test/calendar.test.ts', 'docs/missing.md', 'src/quote.ts', 'API.md', 'DESIGN']);
  });
});

describe('the bundles', () => {
  /** The built files that define the library's error classes: where the library's code is. */
  const definingCore = () => readdirSync('dist').filter((file) => /\.c?js$/.test(file) && /\bClaimInputError = class\b/.test(readFileSync(`dist/${file}`, 'utf8')));

  it('hold the library once per module system: the command line imports it instead of carrying a copy', () => {
    const files = definingCore();
    expect(files).toHaveLength(2);
    expect(files).toContain('index.cjs');
    const chunk = files.find((file) => file !== 'index.cjs') as string;
    expect(chunk).toMatch(/^chunk-.*\.js$/);
    const importers = readdirSync('dist').filter((file) => file.endsWith('.js') && readFileSync(`dist/${file}`, 'utf8').includes(`"./${chunk}"`));
    expect(importers).toEqual(expect.arrayContaining(['index.js', 'cli-worker.js']));
    expect(importers.some((file) => file.startsWith('chunk-'))).toBe(true); // the command line's own chunk
    expect(readFileSync('dist/cli.cjs', 'utf8')).toContain('import("./cli.js")');
  });

  it('ship no source maps (they would point into src/, which is not shipped)', () => {
    expect(packed.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const file of readdirSync('dist').filter((f) => /\.c?js$/.test(f))) {
      expect(readFileSync(`dist/${file}`, 'utf8'), file).not.toContain('sourceMappingURL');
    }
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

  it('ships the LICENSE it declares', () => {
    expect(packed).toContain('LICENSE');
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it('names the repository, and its page and issues, all of the same repository', () => {
    const repository = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository?.url)?.[1];
    expect(pkg.repository?.type).toBe('git');
    expect(pkg.homepage).toBe(`${repository}#readme`);
    expect(pkg.bugs?.url).toBe(`${repository}/issues`);
  });
});

describe('CHANGELOG.md', () => {
  const text = readFileSync('CHANGELOG.md', 'utf8');
  const versions = [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1] as string);
  const GROUPS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

  it('follows Keep a Changelog 1.1.0: an Unreleased section first, then versions newest first, each dated', () => {
    expect(text).toMatch(/^# Changelog\n\n[^\n]*\n\nThe format is based on \[Keep a Changelog\]\(https:\/\/keepachangelog\.com\/en\/1\.1\.0\/\)/);
    expect(versions[0]).toBe('[Unreleased]');
    const dated = versions.slice(1).map((heading) => /^\[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/.exec(heading));
    expect(dated.every(Boolean), versions.join(' | ')).toBe(true);
    const dates = dated.map((m) => m?.[2] as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dated[0]?.[1]).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('groups changes under Added, Changed, Deprecated, Removed, Fixed and Security only, each once a version', () => {
    for (const section of text.split(/^## /m).slice(1)) {
      const groups = [...section.matchAll(/^### (.*)$/gm)].map((m) => m[1] as string);
      expect(groups.filter((g) => !GROUPS.includes(g)), section.split('\n')[0]).toEqual([]);
      expect(new Set(groups).size, section.split('\n')[0]).toBe(groups.length);
    }
  });

  it('links every version heading at the bottom', () => {
    const links = [...text.matchAll(/^\[([^\]]+)\]: (\S+)$/gm)].map((m) => (m[1] as string).toLowerCase());
    expect(links).toEqual(versions.map((v) => (/^\[([^\]]+)\]/.exec(v)?.[1] as string).toLowerCase()));
  });
});
