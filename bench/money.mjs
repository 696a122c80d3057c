// Exact decimals: the library's own Dec against decimal.js (bench/decimal-js.mjs), and against Dec with its
// coefficients always bigint (no safe-integer path), on the same code. Builds the library three times, once
// per decimal, into node_modules/.cache, then:
// 1. money operations: records every operation quote() performs on decimals for the benchmark claims
//    (bench/claims.mjs, both built-in claims policies), then replays them with each decimal, reading each
//    value the quotes read from its text; the replays must agree result for result;
// 2. quote() per second with each build.
// Times are the process's CPU time. The variants run in turn, round after round, each round in another order,
// so that a busy machine slows all of them alike; reported are the medians of the rates and, for the ratios
// to decimal.js, the median of each round's ratio. Run with `node bench/money.mjs` (no prior build needed).
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'tsup';
import { cases } from './claims.mjs';

const OUT = resolve('node_modules/.cache/courier-claims-bench-money');
const POLICIES = ['cn-gbt27917-2011', 'cn-network-reference'];
const ROUNDS = 15;
const REPLAYS = 1_000;
const QUOTES = 6_000;

/** src/dec.ts with the safe-integer path off: every non-zero coefficient is a bigint. */
function bigintOnly(source) {
  const edits = [
    ['const MAX_SAFE = Number.MAX_SAFE_INTEGER;', 'const MAX_SAFE = 0;'],
    ['new Dec(PARTS, s, c, point < 0', 'new Dec(PARTS, s, settle(BigInt(c)), point < 0'],
    ['all.length <= EXACT_DIGITS ? Number(all) : settle(BigInt(all))', 'settle(BigInt(all))'],
    ['Math.abs(value), 0)', 'settle(BigInt(Math.abs(value))), 0)'],
  ];
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`bench/money.mjs: src/dec.ts no longer contains ${from}`);
    return text.replace(from, to);
  }, source);
}

/** An esbuild plugin that gives src/dec.ts another content, or resolves `./dec.js` to another module. */
const decimalPlugin = (variant) => ({
  name: 'decimal-variant',
  setup(b) {
    if (variant === 'decimal.js') {
      b.onResolve({ filter: /^\.\/dec\.js$/ }, () => ({ path: resolve('bench/decimal-js.mjs') }));
    }
    if (variant === 'Dec, bigint only') {
      b.onLoad({ filter: /src[\\/]dec\.ts$/ }, (args) => ({ contents: bigintOnly(readFileSync(args.path, 'utf8')), loader: 'ts' }));
    }
  },
});

const VARIANTS = ['decimal.js', 'Dec, bigint only', 'Dec'];
rmSync(OUT, { recursive: true, force: true });
const builds = {};
for (const [i, variant] of VARIANTS.entries()) {
  const outDir = `${OUT}/${i}`;
  await build({
    entry: { index: 'src/index.ts', money: 'src/money.ts' },
    format: ['esm'],
    outDir,
    platform: 'neutral',
    target: 'es2022',
    splitting: true,
    config: false,
    silent: true,
    esbuildPlugins: [decimalPlugin(variant)],
  });
  const [{ quote }, { Dec }] = await Promise.all([import(`${outDir}/index.js`), import(`${outDir}/money.js`)]);
  builds[variant] = { quote, Dec };
}

// 1. Record the operations of the benchmark quotes, on Dec.
const METHODS = [
  'plus', 'minus', 'times', 'dividedBy', 'toDecimalPlaces', 'toSignificantDigits', 'toFixed', 'toString', 'comparedTo',
  'equals', 'lessThan', 'lessThanOrEqualTo', 'greaterThan', 'greaterThanOrEqualTo', 'isZero', 'isNegative', 'isPositive',
  'abs', 'negated', 'decimalPlaces',
];
const { Dec } = builds.Dec;
const ids = new Map();
let slots = 0;
const inputs = [];
const ops = [];
/** A value's slot: the result of an earlier operation, or a new input read from its text. */
function slot(value) {
  if (!ids.has(value)) {
    ids.set(value, slots);
    inputs.push([slots++, value.isZero() && value.isNegative() ? '-0' : value.toFixed()]);
  }
  return ids.get(value);
}
let depth = 0;
const originals = METHODS.map((name) => [name, Dec.prototype[name]]);
for (const [name, original] of originals) {
  Dec.prototype[name] = function (...args) {
    depth++;
    try {
      const result = original.apply(this, args);
      if (depth === 1) {
        // Every method the library calls takes at most one argument.
        const [arg] = args;
        const op = { name, self: slot(this), arg: arg instanceof Dec ? slot(arg) : arg, argIsValue: arg instanceof Dec };
        if (result instanceof Dec) {
          // A result may be an operand itself (abs of a positive value): it takes a new slot all the same.
          ids.set(result, slots);
          op.out = slots++;
        }
        ops.push(op);
      }
      return result;
    } finally {
      depth--;
    }
  };
}
const claims = POLICIES.flatMap((policy) => Object.values(cases).map((claim) => [claim, { policy }]));
for (const [claim, options] of claims) builds.Dec.quote(claim, options);
for (const [name, original] of originals) Dec.prototype[name] = original;

/** Replays the recorded operations with decimal D; returns every result that is not a decimal, in order. */
function replay(D, results) {
  const values = new Array(slots);
  for (const [i, text] of inputs) values[i] = new D(text);
  for (const { name, self, arg, argIsValue, out } of ops) {
    const result = values[self][name](argIsValue ? values[arg] : arg);
    if (out === undefined) results?.push(result);
    else values[out] = result;
  }
  return values.length;
}
const expected = [];
replay(builds['decimal.js'].Dec, expected);
for (const variant of VARIANTS) {
  const got = [];
  replay(builds[variant].Dec, got);
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`${variant} disagrees with decimal.js on the recorded quotes`);
}

/** Seconds of CPU (user + system) that n runs take: on a shared machine, far steadier than elapsed time. */
function time(run, n) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) run();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples = Object.fromEntries(VARIANTS.map((v) => [v, { replays: [], quotes: [] }]));
for (const variant of VARIANTS) {
  time(() => replay(builds[variant].Dec), REPLAYS);
  for (const [claim, options] of claims) time(() => builds[variant].quote(claim, options), QUOTES / 2);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [i] of VARIANTS.entries()) {
    const variant = VARIANTS[(i + round) % VARIANTS.length];
    const { Dec: D, quote } = builds[variant];
    samples[variant].replays.push(REPLAYS / time(() => replay(D), REPLAYS));
    let seconds = 0;
    for (const [claim, options] of claims) seconds += time(() => quote(claim, options), QUOTES / claims.length);
    samples[variant].quotes.push(QUOTES / seconds);
  }
}

const base = samples['decimal.js'];
const ratio = (xs, bases) => Number(median(xs.map((x, i) => x / bases[i])).toFixed(2));
const rows = VARIANTS.map((variant) => {
  const { replays, quotes } = samples[variant];
  return {
    bench: 'money',
    decimal: variant,
    operationsPerQuoteSet: ops.length,
    quoteSetsPerSecond: Math.round(median(replays)),
    opsRatio: ratio(replays, base.replays),
    quotesPerSecond: Math.round(median(quotes)),
    quoteRatio: ratio(quotes, base.quotes),
    rounds: ROUNDS,
  };
});
console.log(
  `${ops.length} operations on ${inputs.length} values read, for ${claims.length} quotes (${Object.keys(cases).join(', ')} under ${POLICIES.join(' and ')})`,
);
console.table(
  rows.map((r) => ({
    decimal: r.decimal,
    'money ops of the quotes /s': r.quoteSetsPerSecond,
    'vs decimal.js': `${r.opsRatio}×`,
    'quote() /s': r.quotesPerSecond,
    'quote() vs decimal.js': `${r.quoteRatio}×`,
  })),
);
for (const row of rows) console.log(JSON.stringify({ ...row, node: process.version }));
