// The batch command on generated claims against the floor measured in the same run (bench/floor.mjs: read,
// JSON.parse, JSON.stringify, write the same lines), with the command's peak RSS, at two input sizes to show
// that memory does not grow with the input. Run with `npm run bench` (it builds first), or
// `node bench/batch.mjs [CLAIMS]` after `npm run build`. Prints a table and one JSON line per size.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ndjson } from './claims.mjs';

const CLAIMS = Number(process.argv[2] ?? 1_000_000);
const SIZES = [Math.round(CLAIMS / 10), CLAIMS];
const TARGET = { ratioToFloor: 6, peakRssMB: 200 };
const AS_OF = '2026-04-01T00:00:00+08:00';
const here = new URL('.', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'courier-claims-bench-'));

/** Writes `count` generated claims to a file in the bench directory. */
function generate(count) {
  const file = join(dir, `claims-${count}.ndjson`);
  const fd = openSync(file, 'w');
  for (const text of ndjson(count)) writeSync(fd, text);
  closeSync(fd);
  return file;
}

/**
 * Runs node with `args`, stdout to a file; resolves to the wall time in seconds, the peak RSS in MB and the
 * CPU time over the wall time (2 when two cores were busy for the whole run).
 */
function timed(args) {
  const out = join(dir, 'out.ndjson');
  const rssFile = join(dir, 'rss');
  rmSync(rssFile, { force: true });
  const stdout = openSync(out, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', join(here, 'peak-rss.mjs'), ...args], {
    stdio: ['ignore', stdout, 'inherit'],
    env: { ...process.env, PEAK_RSS_FILE: rssFile },
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      closeSync(stdout);
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}`));
      const outputMB = statSync(out).size / 2 ** 20;
      rmSync(out);
      const [rss, cpuMicros] = readFileSync(rssFile, 'utf8').trim().split(' ').map(Number);
      resolve({ seconds, peakRssMB: Math.round(rss / 2 ** 20), cpuPerWall: +(cpuMicros / 1e6 / seconds).toFixed(2), outputMB: Math.round(outputMB) });
    });
  });
}

const rows = [];
try {
  for (const claims of SIZES) {
    const input = generate(claims);
    const floor = await timed([join(here, 'floor.mjs'), input]);
    const batch = await timed([join(here, '..', 'dist', 'bin.js'), 'batch', input, '--as-of', AS_OF]);
    rmSync(input);
    const ratio = batch.seconds / floor.seconds;
    rows.push({
      bench: 'batch',
      claims,
      seconds: +batch.seconds.toFixed(2),
      claimsPerSecond: Math.round(claims / batch.seconds),
      floorSeconds: +floor.seconds.toFixed(2),
      ratioToFloor: +ratio.toFixed(2),
      cpuPerWall: batch.cpuPerWall,
      peakRssMB: batch.peakRssMB,
      floorPeakRssMB: floor.peakRssMB,
      outputMB: batch.outputMB,
      target: TARGET,
      met: ratio <= TARGET.ratioToFloor && batch.peakRssMB <= TARGET.peakRssMB,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(
  rows.map((r) => ({
    claims: r.claims,
    seconds: r.seconds,
    'claims/s': r.claimsPerSecond,
    'floor s': r.floorSeconds,
    '× floor': r.ratioToFloor,
    'CPU ÷ wall': r.cpuPerWall,
    'peak RSS MB': r.peakRssMB,
    'output MB': r.outputMB,
  })),
);
for (const row of rows) console.log(JSON.stringify({ ...row, cpus: availableParallelism(), node: process.version }));
