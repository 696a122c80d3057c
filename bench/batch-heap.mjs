// Memory of one quoteBatch call over many tickets (defect: 100,000 tickets used 917 MB). Run by `npm run
// bench`, or `node --expose-gc bench/batch-heap.mjs [TICKETS] [--batches]` after `npm run build`; prints the
// heap the result retains after a full collection, and the process's peak resident set size (target 300 MB).
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
const TARGET = { peakRssMB: 300 };
const peakRssMB = Math.round((process.resourceUsage().maxRSS * 1024) / MB);
console.log(`quoteBatch of ${result.tickets.length.toLocaleString('en')} tickets: the result retains ${Math.round(retained / MB)} MB; process peak ${peakRssMB} MB (input claims included); target ≤ ${TARGET.peakRssMB} MB`);
console.log(
  JSON.stringify({
    bench: 'quoteBatch-memory',
    tickets: result.tickets.length,
    retainedMB: Math.round(retained / MB),
    peakRssMB,
    target: TARGET,
    met: peakRssMB <= TARGET.peakRssMB,
    node: process.version,
  }),
);
