// Package checks (run by .ci/run after `npm run build`): publint and attw are clean, the packed tarball
// installs into an empty project where `import`, `require` and the `courier-claims` command each quote a
// claim, the core bundle imports no Node built-in, and the core bundle stays within its size budget.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The core bundle's budget: what a browser or an edge function downloads (the ESM entry and the chunks it imports). */
const BUDGET = { raw: 215_000, gzip: 58_000 };
const CORE_BUNDLES = ['dist/index.js', 'dist/index.cjs'];
const RUNTIME_DEPENDENCIES = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies);
/** The lost parcel in docs/examples under the default cn-express: 20.00 fee waived (X-4) + the actual loss 500.00 (X-2) = 520.00. */
const EXAMPLE = resolve('docs/examples/lost-parcel.json');
const EXPECTED_PAYOUT = '520.00';

const root = process.cwd();
const failures = [];

function step(name, check) {
  const started = Date.now();
  try {
    const detail = check();
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''} (${Date.now() - started} ms)`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.message}`);
  }
}

const run = (command, args, cwd = root) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Import specifiers of a bundle: import and export statements, dynamic imports and require calls. */
function specifiersOf(code) {
  const patterns = [
    /(?:^|[;\n])\s*(?:import|export)\s[^;'"`]*?\bfrom\s*["']([^"'\n]+)["']/g,
    /(?:^|[;\n])\s*import\s*["']([^"'\n]+)["']/g,
    /\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"'\n]+)["']\s*\)/g,
  ];
  return [...new Set(patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1])))];
}

/** A bundle and the chunks it imports, transitively: the code that loads with it. */
function withChunks(file) {
  const files = new Set([file]);
  for (const f of files) for (const s of specifiersOf(readFileSync(f, 'utf8'))) if (s.startsWith('./')) files.add(join(dirname(f), s));
  return [...files];
}

step('publint', () => run(bin('publint'), ['--strict']).trim().split('\n').at(-1));

step('attw --pack', () => {
  run(bin('attw'), ['--pack', '.', '--format', 'ascii']);
  return 'no problems under node10, node16 (CJS and ESM) and bundler';
});

step('core bundle imports no Node built-in, only its runtime dependencies (it runs in browsers and edge runtimes)', () => {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const problems = [...new Set(CORE_BUNDLES.flatMap(withChunks))].flatMap((file) => {
    const specifiers = specifiersOf(readFileSync(file, 'utf8'));
    return [
      ...specifiers.filter((s) => builtins.has(s) || s.startsWith('node:')).map((s) => `${file} imports the built-in ${s}`),
      ...specifiers.filter((s) => !s.startsWith('.') && !RUNTIME_DEPENDENCIES.includes(s)).map((s) => `${file} imports ${s}`),
      ...(specifiers.length ? [] : [`${file}: no import found (is the pattern still right?)`]),
    ];
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return `${CORE_BUNDLES.join(', ')} and their chunks import ${RUNTIME_DEPENDENCIES.join(', ')}`;
});

step('core bundle size budget', () => {
  const code = Buffer.concat(withChunks('dist/index.js').map((file) => readFileSync(file)));
  const size = { raw: code.length, gzip: gzipSync(code).length };
  const figures = `${size.raw} B raw (budget ${BUDGET.raw}), ${size.gzip} B gzip (budget ${BUDGET.gzip})`;
  if (size.raw > BUDGET.raw || size.gzip > BUDGET.gzip) throw new Error(`dist/index.js with its chunks is over budget: ${figures}`);
  return figures;
});

step('packed tarball installs into an empty project; import, require and the command quote a claim', () => {
  const project = mkdtempSync(join(tmpdir(), 'courier-claims-consumer-'));
  try {
    const tarball = join(project, JSON.parse(run('npm', ['pack', '--json', '--pack-destination', project]))[0].filename);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball], project);
    const claim = JSON.stringify(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    const print = `console.log(quote(${claim}).payout);\n`;
    writeFileSync(join(project, 'esm.mjs'), `import { quote } from 'courier-claims';\n${print}`);
    writeFileSync(join(project, 'cjs.cjs'), `const { quote } = require('courier-claims');\n${print}`);
    const payouts = {
      import: run('node', ['esm.mjs'], project).trim(),
      require: run('node', ['cjs.cjs'], project).trim(),
      command: JSON.parse(run(join(project, 'node_modules', '.bin', 'courier-claims'), ['quote', EXAMPLE, '--format', 'json'], project)).payout,
    };
    const wrong = Object.entries(payouts).filter(([, payout]) => payout !== EXPECTED_PAYOUT);
    if (wrong.length) throw new Error(`expected payout ${EXPECTED_PAYOUT}, got ${JSON.stringify(payouts)}`);
    return `${JSON.stringify(payouts)} from ${tarball.split('/').at(-1)}`;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

if (failures.length) {
  console.log(`\n${failures.length} package check(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
