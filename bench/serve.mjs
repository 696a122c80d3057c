// `courier-claims serve` on loopback: POST /v1/quote requests per second from a keep-alive client (16
// connections, 16 requests in flight), a delay, a loss and a damage claim in turn, against quote() of the same
// claims in this process (one core), and GET /healthz (HTTP with next to no work), so that the cost of HTTP per
// request can be read off the same run. The three alternate over ROUNDS rounds (a busy machine slows all alike)
// and the medians are reported.
// Run with `npm run bench` (it builds first), or `node bench/serve.mjs [REQUESTS]` after `npm run build`.
// Prints a table and one JSON line.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { quote } from '../dist/index.js';
import { cases } from './claims.mjs';

const REQUESTS = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = 16;
const WARMUP = 2_000;
const ROUNDS = 5;
const AS_OF = '2026-04-01T00:00:00+08:00';
const bodies = Object.values(cases).map((claim) => JSON.stringify(claim));

/** Starts the built server on a free port (its log to /dev/null); resolves to the process and its base URL. */
async function started() {
  const child = spawn(process.execPath, ['dist/bin.js', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  for await (const piece of child.stdout) {
    out += piece;
    const m = /listening on (http:\/\/\S+)\n/.exec(out);
    if (m) return { child, url: m[1] };
  }
  throw new Error('serve did not start');
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One request, a POST when it has a body; resolves to its latency in ms. */
function send(url, body) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body === undefined ? 'GET' : 'POST', agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `count` requests (quotes, or GETs without `bodies`), CONCURRENCY at a time, each latency added to `latencies`; resolves to requests per second. */
async function load(url, count, latencies = [], bodies = []) {
  let next = 0;
  const started = process.hrtime.bigint();
  const client = async () => {
    while (next < count) latencies.push(await send(url, bodies[next++ % bodies.length]));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** quote() of the same claims, in turn, on this thread: quotes per second over `count`. */
function floor(count) {
  const claims = Object.values(cases);
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) quote(claims[i % claims.length], { asOf: AS_OF });
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { child, url } = await started();
const endpoint = `${url}v1/quote?asOf=${encodeURIComponent(AS_OF)}`;
const health = `${url}healthz`;
try {
  await load(endpoint, WARMUP, [], bodies);
  await load(health, WARMUP);
  floor(WARMUP);
  const latencies = [];
  const served = [];
  const quoted = [];
  const bare = [];
  for (let round = 0; round < ROUNDS; round++) {
    served.push(await load(endpoint, REQUESTS / ROUNDS, latencies, bodies));
    quoted.push(floor(REQUESTS / ROUNDS));
    bare.push(await load(health, REQUESTS / ROUNDS));
  }
  latencies.sort((a, b) => a - b);
  const perSecond = median(served);
  const quotesPerSecond = median(quoted);
  const at = (q) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2));
  const row = {
    bench: 'serve',
    endpoint: 'POST /v1/quote',
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    requestsPerSecond: Math.round(perSecond),
    best: Math.round(Math.max(...served)),
    p50ms: at(0.5),
    p99ms: at(0.99),
    quotesPerSecond: Math.round(quotesPerSecond),
    healthzPerSecond: Math.round(median(bare)),
    httpUsPerRequest: Math.round(1e6 / perSecond - 1e6 / quotesPerSecond),
  };
  console.log(`serve: ${row.requestsPerSecond.toLocaleString('en')} requests/s to ${row.endpoint} (median of ${ROUNDS} rounds, best ${row.best.toLocaleString('en')}; ${REQUESTS.toLocaleString('en')} requests, ${CONCURRENCY} at a time, keep-alive)`);
  console.log(`  latency p50 ${row.p50ms} ms, p99 ${row.p99ms} ms; quote() alone ${row.quotesPerSecond.toLocaleString('en')}/s, so HTTP adds ${row.httpUsPerRequest} µs a request (GET /healthz: ${row.healthzPerSecond.toLocaleString('en')} requests/s)`);
  console.log(JSON.stringify({ ...row, node: process.version }));
} finally {
  agent.destroy();
  child.kill('SIGTERM');
}
