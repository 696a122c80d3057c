// quote() throughput on one core: a delay, a loss and a damage claim under each built-in claims policy.
// Run with `npm run bench` (it builds first). Prints a table and one JSON line per case.
import { quote } from '../dist/index.js';
import { cases } from './claims.mjs';

const POLICIES = ['cn-gbt27917-2011', 'cn-network-reference'];
const TARGET = { policy: 'cn-gbt27917-2011', quotesPerSecond: 50_000 };
const WARMUP = 20_000;
const RUNS = 5;
const PER_RUN = 50_000;

/** Median and best quotes per second over RUNS timed runs of PER_RUN quotes, after a warm-up. */
function measure(claim, options) {
  for (let i = 0; i < WARMUP; i++) quote(claim, options);
  const rates = [];
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_RUN; i++) quote(claim, options);
    rates.push(PER_RUN / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { quotesPerSecond: Math.round(rates[Math.floor(RUNS / 2)]), best: Math.round(rates.at(-1)) };
}

const rows = [];
for (const policy of POLICIES) {
  for (const [kind, claim] of Object.entries(cases)) {
    const rate = measure(claim, { policy });
    const target = policy === TARGET.policy ? TARGET.quotesPerSecond : undefined;
    rows.push({ bench: 'quote', policy, kind, ...rate, ...(target && { target, met: rate.quotesPerSecond >= target }), runs: RUNS, perRun: PER_RUN });
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

// Cost per contents item (C-4, at most 10,000 a side): a damaged delivery with 10,000 declared and 10,000
// received items, half of them short. The target is linear cost, at most 1 µs per item (declared + received).
const ITEMS = 10_000;
const ITEM_TARGET_US = 1;
const items = Array.from({ length: ITEMS }, (_, i) => ({ name: `item ${i}`, quantity: 2, unitValue: '1.50', weightKg: '0.5' }));
const contents = {
  ...cases.damage,
  waybill: 'BENCH-C',
  contents: { declared: items, received: items.map((item, i) => ({ ...item, quantity: i % 2 })) },
};
for (let i = 0; i < 5; i++) quote(contents, { policy: TARGET.policy });
const perItem = [];
for (let r = 0; r < RUNS; r++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < 10; i++) quote(contents, { policy: TARGET.policy });
  perItem.push(Number(process.hrtime.bigint() - start) / 1e3 / 10 / (2 * ITEMS));
}
perItem.sort((a, b) => a - b);
const itemRow = {
  bench: 'quote-contents',
  policy: TARGET.policy,
  items: 2 * ITEMS,
  usPerItem: Number(perItem[Math.floor(RUNS / 2)].toFixed(3)),
  best: Number(perItem[0].toFixed(3)),
  target: ITEM_TARGET_US,
  met: perItem[Math.floor(RUNS / 2)] <= ITEM_TARGET_US,
};
console.log(`contents: ${itemRow.usPerItem} µs per item (median), ${itemRow.best} best, over ${itemRow.items} items a quote; target ≤ ${ITEM_TARGET_US} µs`);
console.log(JSON.stringify({ ...itemRow, node: process.version }));
