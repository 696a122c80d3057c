// Memory of one quoteBatch call over many tickets (defect: 100,000 tickets used 917 MB). Run with
// `node --expose-gc bench/batch-heap.mjs [TICKETS]` after `npm run build`; prints one JSON line: the heap
// the result retains after a full collection, and the process's peak resident set size.
import { quoteBatch } from '../dist/index.js';
import { claimAt } from './claims.mjs';

const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const batches = process.argv.includes('--batches');
const claims = Array.from({ length: count }, (_, i) => (batches ? { ...claimAt(i), batch: `B${i % 1000}` } : claimAt(i)));
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const result = quoteBatch(claims, { policy: 'cn-network-reference', asOf: '2026-04-01' });
globalThis.gc?.();
const retained = process.memoryUsage().heapUsed - before;
const MB = 1024 * 1024;
console.log(
  JSON.stringify({
    bench: 'quoteBatch-memory',
    tickets: result.tickets.length,
    retainedMB: Math.round(retained / MB),
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    node: process.version,
  }),
);
