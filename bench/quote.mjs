// quote() throughput on one core under cn-express and cn-network-reference: each kind of claim (delay, loss,
// damage, mismatch) and the four in turn (the mix, which the target is set on), then the cost per contents
// item at two sizes. Run with `npm run bench` (it builds first). Prints tables and one JSON line per case.
import { quote } from '../dist/index.js';
import { cases, claimAt } from './claims.mjs';

const POLICIES = ['cn-express', 'cn-network-reference'];
const TARGET = { quotesPerSecond: 100_000 };
const POOL = 4096;
const WARMUP = 20_000;
const RUNS = 5;
const PER_RUN = 40_000;
const kinds = Object.keys(cases);

/**
 * Claims as the batch command sees them: parsed from JSON text, so that no two share a string, and varied
 * (bench/claims.mjs). `kind` picks one kind, or undefined the kinds in turn.
 */
function pool(kind) {
  const claims = [];
  for (let i = 0; claims.length < POOL; i++) {
    if (kind === undefined || kinds[i % kinds.length] === kind) claims.push(JSON.parse(JSON.stringify(claimAt(i))));
  }
  return claims;
}

/** Median and best quotes per second over RUNS timed runs of PER_RUN quotes, after a warm-up. */
function measure(claims, options) {
  const mask = claims.length - 1;
  for (let i = 0; i < WARMUP; i++) quote(claims[i & mask], options);
  const rates = [];
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_RUN; i++) quote(claims[i & mask], options);
    rates.push(PER_RUN / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { quotesPerSecond: Math.round(rates[Math.floor(RUNS / 2)]), best: Math.round(rates.at(-1)) };
}

const rows = [];
for (const policy of POLICIES) {
  const options = { policy, asOf: '2026-04-01T00:00:00+08:00' };
  for (const kind of [...kinds, 'mix']) {
    const rate = measure(pool(kind === 'mix' ? undefined : kind), options);
    const target = kind === 'mix' ? { target: TARGET.quotesPerSecond, met: rate.quotesPerSecond >= TARGET.quotesPerSecond } : {};
    rows.push({ bench: 'quote', policy, kind, ...rate, ...target, runs: RUNS, perRun: PER_RUN });
  }
}
console.table(
  rows.map(({ policy, kind, quotesPerSecond, best, target }) => ({
    policy,
    kind,
    'quotes/s (median)': quotesPerSecond,
    'quotes/s (best)': best,
    target: target ?? '',
  })),
);
for (const row of rows) console.log(JSON.stringify({ ...row, node: process.version }));

// Cost per contents item (C-4, at most 10,000 a side): a damaged delivery with N declared and N received
// items, half of them short, at N = 1,000 and N = 10,000. The target is linear cost (the same per item at
// both sizes), at most 1 µs per item (declared + received).
const ITEM_TARGET_US = 1;

/** Median and best µs per item over RUNS runs of `quotes` quotes of a claim with `n` items a side. */
function perItem(n, quotes) {
  const items = Array.from({ length: n }, (_, i) => ({ name: `item ${i}`, quantity: 2, unitValue: '1.50', weightKg: '0.5' }));
  const claim = {
    ...cases.damage,
    waybill: 'BENCH-C',
    contents: { declared: items, received: items.map((item, i) => ({ ...item, quantity: i % 2 })) },
  };
  const options = { policy: 'cn-express' };
  for (let i = 0; i < quotes; i++) quote(claim, options);
  const us = [];
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < quotes; i++) quote(claim, options);
    us.push(Number(process.hrtime.bigint() - start) / 1e3 / quotes / (2 * n));
  }
  us.sort((a, b) => a - b);
  return { usPerItem: Number(us[Math.floor(RUNS / 2)].toFixed(3)), best: Number(us[0].toFixed(3)) };
}

const itemRows = [
  [1_000, 100],
  [10_000, 10],
].map(([n, quotes]) => {
  const cost = perItem(n, quotes);
  return { bench: 'quote-contents', policy: 'cn-express', items: 2 * n, ...cost, target: ITEM_TARGET_US, met: cost.usPerItem <= ITEM_TARGET_US };
});
console.table(itemRows.map(({ items, usPerItem, best }) => ({ 'items a quote': items, 'µs per item (median)': usPerItem, 'µs per item (best)': best })));
const [small, large] = itemRows;
console.log(`contents: ${(large.usPerItem / small.usPerItem).toFixed(2)}× the cost per item at ten times the items (linear: 1); target ≤ ${ITEM_TARGET_US} µs per item`);
for (const row of itemRows) console.log(JSON.stringify({ ...row, node: process.version }));
