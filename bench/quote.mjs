// quote() throughput on one core for a delay, a loss and a damage claim under the national policy.
// Run with `npm run bench` (it builds first). Prints a table and one JSON line per case.
import { quote } from '../../dist/index.js';

const base = { waybill: 'BENCH1', scope: 'domestic', fee: '12.00', postedAt: '2026-03-02T10:00:00+08:00' };
const cases = {
  delay: { ...base, firstAttemptAt: '2026-03-06T09:00:00+08:00', events: { claimedAt: '2026-03-07T10:00:00+08:00' } },
  loss: { ...base, value: { amount: '500.00', evidence: 'invoice' }, events: { claimedAt: '2026-03-20T10:00:00+08:00' } },
  damage: {
    ...base,
    deliveredAt: '2026-03-04T10:00:00+08:00',
    damage: { extent: 'partial', lostValue: '100.00' },
    value: { amount: '300.00', evidence: 'invoice' },
    events: { claimedAt: '2026-03-07T10:00:00+08:00' },
  },
};

const WARMUP = 20_000;
const RUNS = 5;
const PER_RUN = 50_000;

const rows = [];
for (const [kind, claim] of Object.entries(cases)) {
  for (let i = 0; i < WARMUP; i++) quote(claim);
  const rates = [];
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_RUN; i++) quote(claim);
    rates.push(PER_RUN / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const median = Math.round(rates[Math.floor(RUNS / 2)]);
  rows.push({ bench: 'quote', policy: 'cn-gbt27917-2011', kind, quotesPerSecond: median, best: Math.round(rates.at(-1)), runs: RUNS, perRun: PER_RUN });
}
console.table(rows.map(({ kind, quotesPerSecond, best }) => ({ kind, 'quotes/s (median)': quotesPerSecond, 'quotes/s (best)': best })));
for (const row of rows) console.log(JSON.stringify({ ...row, node: process.version }));
