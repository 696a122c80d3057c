import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../package.json';
import { openApiDocument } from '../src/cli/openapi.js';
import { claimJsonSchema, compare, policies, policyJsonSchema, quote, quoteJsonSchema } from '../src/index.js';
import { lateClaim as claim } from './helpers.js';

// The server as built (npm test builds first): a batch's worker threads load dist/cli-worker.js beside it.
const { createServer, shutdown } = (await import('../dist/cli.js' as string)) as typeof import('../src/cli/serve.js');

const AS_OF = '2026-04-01T00:00:00+08:00';
const EXAMPLE_5 = JSON.parse(readFileSync('fixtures/worked-examples/example-5-express-loss-uninsured.json', 'utf8')).claim;
/** The time allowed to a test that streams megabytes or spawns the command, on a loaded machine (not a speed assertion). */
const HEAVY = 60_000;
const tmp = mkdtempSync(join(tmpdir(), 'courier-claims-serve-'));

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
  text: string;
  json: () => any;
}

/** One request to `base` with node:http (no keep-alive), the whole answer read. */
function call(base: string, method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, headers, agent: false }, (res) => {
      const pieces: Buffer[] = [];
      res.on('data', (piece: Buffer) => pieces.push(piece));
      res.on('end', () => {
        const all = Buffer.concat(pieces);
        resolve({ status: res.statusCode as number, headers: res.headers, body: all, text: all.toString('utf8'), json: () => JSON.parse(all.toString('utf8')) });
      });
      res.on('error', reject);
    });
    // The server may answer (413) and close before the whole body is sent: the answer is what counts.
    req.on('error', reject);
    req.end(body);
  });
}

/** The built command as a user runs it, with stdin. */
const cli = (args: string[], input: string | Uint8Array) => spawnSync(process.execPath, ['dist/bin.js', ...args], { input, maxBuffer: 256 * 1024 * 1024 });

/** NDJSON of `count` claims, every seventh invalid, every eleventh blank. */
function ndjson(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 11 === 10) lines.push('');
    else lines.push(JSON.stringify(i % 7 === 6 ? claim(`SF${i}`, { fee: '-1' }) : claim(`SF${i}`, { fee: `${10 + (i % 50)}.00` })));
  }
  return `${lines.join('\n')}\n`;
}

let server: Server;
let base: string;
const logged: string[] = [];
const page = join(tmp, 'index.html');

beforeAll(async () => {
  server = createServer({ clock: () => new Date(AS_OF), log: (line) => logged.push(line), page: pathToFileURL(page), bodyTimeoutMs: 1_000 });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => shutdown(server));

describe('serve: the endpoints', () => {
  it('GET /healthz answers ok with the version and no batch running', async () => {
    const r = await call(base, 'GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.json()).toEqual({ status: 'ok', name: 'courier-claims', version, batches: 0 });
  });

  it('POST /v1/quote answers what quote() gives, as JSON, with asOf from the query', async () => {
    const r = await call(base, 'POST', '/v1/quote?asOf=2026-04-01', JSON.stringify(EXAMPLE_5));
    expect(r.status).toBe(200);
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(quote(EXAMPLE_5, { asOf: '2026-04-01' }))));
    expect(r.json().payout).toBe('520.00');
    const marked = await call(base, 'POST', '/v1/quote?asOf=2026-04-01', `\uFEFF${JSON.stringify(EXAMPLE_5)}`, { 'content-type': 'text/plain' });
    expect(marked.body.equals(r.body)).toBe(true);
  });

  it('POST /v1/quote answers byte for byte what `courier-claims quote --format json` prints', async () => {
    const r = await call(base, 'POST', `/v1/quote?policy=sf-express&asOf=${encodeURIComponent(AS_OF)}`, JSON.stringify(EXAMPLE_5));
    const printed = cli(['quote', '--format', 'json', '--policy', 'sf-express', '--as-of', AS_OF], JSON.stringify(EXAMPLE_5));
    expect(r.body.equals(printed.stdout)).toBe(true);
  });

  it('judges at the server clock, to the second, when asOf is not given', async () => {
    const undelivered = { ...claim('SF-NOW'), firstAttemptAt: undefined, events: {} };
    const r = await call(base, 'POST', '/v1/quote', JSON.stringify(undelivered));
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(quote(undelivered as never, { asOf: AS_OF }))));
    expect(r.json().incident.kind).toBe('loss');
    const early = await call(base, 'POST', '/v1/quote?asOf=2026-03-04', JSON.stringify(undelivered));
    expect(early.json().incident.kind).not.toBe('loss');
  });

  it('quotes an array of claims as a batch quote, and explains in either language with format=text', async () => {
    const batch = await call(base, 'POST', '/v1/quote', JSON.stringify([claim('SF-A', { batch: 'B1' }), claim('SF-B', { batch: 'B1' })]));
    expect(batch.json().tickets.map((t: { waybill: string }) => t.waybill)).toEqual(['SF-A', 'SF-B']);
    const zh = await call(base, 'POST', '/v1/quote?format=text&lang=zh-CN', JSON.stringify(EXAMPLE_5));
    expect(zh.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(zh.text).toContain('赔偿合计：520.00 CNY');
    const en = await call(base, 'POST', '/v1/quote?format=text', JSON.stringify(EXAMPLE_5));
    expect(en.text).toContain('Payout: 520.00 CNY');
  });

  it('POST /v1/compare answers each policy named, in order, or every customer-facing one', async () => {
    const named = await call(base, 'POST', '/v1/compare?policy=sf-express&policy=cn-express', JSON.stringify(EXAMPLE_5));
    expect(named.status).toBe(200);
    expect(named.json().rows.map((r: { policy: string }) => r.policy)).toEqual(['sf-express', 'cn-express']);
    const all = await call(base, 'POST', '/v1/compare', JSON.stringify(EXAMPLE_5));
    expect(all.json().rows.length).toBeGreaterThan(2);
    const table = await call(base, 'POST', '/v1/compare?policy=cn-express&policy=sf-express&format=text', JSON.stringify(EXAMPLE_5));
    expect(table.text).toMatch(/sf-express\s+2024-04-01\s+160\.00/);
  });

  it('GET /v1/policies, /v1/schema/claim, /v1/schema/quote and /v1/schema/policy answer the library’s', async () => {
    expect((await call(base, 'GET', '/v1/policies')).json()).toEqual(JSON.parse(JSON.stringify(policies)));
    expect((await call(base, 'GET', '/v1/schema/claim')).json()).toEqual(claimJsonSchema());
    expect((await call(base, 'GET', '/v1/schema/policy')).json()).toEqual(policyJsonSchema());
    expect((await call(base, 'GET', '/v1/schema/quote')).json()).toEqual(quoteJsonSchema());
  });

  it('GET /openapi.json describes every path, with components that validate claims and quotes', async () => {
    const doc = (await call(base, 'GET', '/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(version);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/', '/healthz', '/openapi.json', '/v1/batch', '/v1/compare', '/v1/policies', '/v1/quote', '/v1/schema/claim', '/v1/schema/policy', '/v1/schema/quote'].sort(),
    );
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ ...doc, $id: 'openapi' });
    const validClaim = ajv.getSchema('openapi#/components/schemas/Claim');
    expect(validClaim?.(EXAMPLE_5)).toBe(true);
    expect(validClaim?.({ ...EXAMPLE_5, fees: '12.00' })).toBe(false);
    const validQuote = ajv.getSchema('openapi#/components/schemas/Quote');
    const quoted = JSON.parse(JSON.stringify(quote(EXAMPLE_5, { asOf: '2026-11-25T00:00:00+08:00' })));
    expect(validQuote?.(quoted)).toBe(true);
    expect(validQuote?.({ ...quoted, payout: '520' })).toBe(false);
    const validComparison = ajv.getSchema('openapi#/components/schemas/Comparison');
    const comparison = JSON.parse(JSON.stringify(compare(EXAMPLE_5, ['cn-express', 'cn-postal'], { asOf: '2026-11-25T00:00:00+08:00' })));
    expect(validComparison?.(comparison)).toBe(true);
    expect(validComparison?.({ ...comparison, rows: [{ ...comparison.rows[0], outcome: { ok: true, quote: { ...quoted, payout: 520 } } }] })).toBe(false);
  });

  it('GET / serves the page when built, HEAD its headers only, and a JSON 404 when it is not', async () => {
    const missing = await call(base, 'GET', '/');
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe('PAGE_NOT_BUILT');
    writeFileSync(page, '<!doctype html><title>claims desk</title>');
    const r = await call(base, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.text).toBe('<!doctype html><title>claims desk</title>');
    const head = await call(base, 'HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(r.body.length));
    expect(head.body.length).toBe(0);
  });
});

describe('serve: refusals', () => {
  const refused = async (r: Answer, status: number, code: string) => {
    expect(r.status).toBe(status);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const { error } = r.json();
    expect(error.code).toBe(code);
    expect(Array.isArray(error.issues)).toBe(true);
    expect(r.text).not.toMatch(/^\s+at /m);
    return error as { code: string; issues: { path: string[]; message: string }[]; message: string };
  };

  it('400 for a body that is not JSON, not UTF-8, empty, or not a claim', async () => {
    const bad = await refused(await call(base, 'POST', '/v1/quote', '{"waybill": '), 400, 'CLAIM_INPUT');
    expect(bad.issues[0]).toMatchObject({ path: [], message: expect.stringMatching(/^not valid JSON: /) });
    const latin = await refused(await call(base, 'POST', '/v1/quote', Uint8Array.of(0x7b, 0xff, 0x7d)), 400, 'CLAIM_INPUT');
    expect(latin.issues[0]?.message).toBe('not valid UTF-8');
    await refused(await call(base, 'POST', '/v1/quote', ''), 400, 'CLAIM_INPUT');
    await refused(await call(base, 'POST', '/v1/quote', '[]'), 400, 'CLAIM_INPUT');
    await refused(await call(base, 'POST', '/v1/quote', '"SF1"'), 400, 'CLAIM_INPUT');
    await refused(await call(base, 'POST', '/v1/compare', JSON.stringify([EXAMPLE_5])), 400, 'CLAIM_INPUT');
  });

  it('400 for an invalid claim, with every issue and its path', async () => {
    const error = await refused(await call(base, 'POST', '/v1/quote', JSON.stringify(claim('SF1', { fee: '-1', scope: 'moon' }))), 400, 'CLAIM_INPUT');
    expect(error.issues.map((i) => i.path.join('.')).sort()).toEqual(['fee', 'scope']);
    const compared = await refused(await call(base, 'POST', '/v1/compare', JSON.stringify(claim('SF1', { fee: '-1' }))), 400, 'CLAIM_INPUT');
    expect(compared.issues.map((i) => i.path.join('.'))).toEqual(['fee']);
  });

  it('400 for an unknown query parameter, a bad value, or one given twice, with the parameter as the path', async () => {
    const body = JSON.stringify(EXAMPLE_5);
    const unknown = await refused(await call(base, 'POST', '/v1/quote?as-of=2026-04-01', body), 400, 'REQUEST');
    expect(unknown.issues).toEqual([{ path: ['query', 'as-of'], message: 'unknown parameter; /v1/quote takes policy, asOf, format, lang' }]);
    expect((await refused(await call(base, 'POST', '/v1/quote?policy=nope', body), 400, 'REQUEST')).issues[0]?.path).toEqual(['query', 'policy']);
    expect((await refused(await call(base, 'POST', '/v1/quote?policy=cn-complaints', body), 400, 'REQUEST')).issues[0]?.path).toEqual(['query', 'policy']);
    expect((await refused(await call(base, 'POST', '/v1/compare?policy=cn-express&policy=nope', body), 400, 'REQUEST')).issues[0]?.message).toMatch(/"nope"/);
    expect((await refused(await call(base, 'POST', '/v1/quote?asOf=yesterday', body), 400, 'REQUEST')).issues[0]?.path).toEqual(['query', 'asOf']);
    expect((await refused(await call(base, 'POST', '/v1/quote?format=xml', body), 400, 'REQUEST')).issues[0]?.path).toEqual(['query', 'format']);
    expect((await refused(await call(base, 'POST', '/v1/quote?lang=fr', body), 400, 'REQUEST')).issues[0]?.path).toEqual(['query', 'lang']);
    expect((await refused(await call(base, 'POST', '/v1/quote?policy=zto&policy=zto', body), 400, 'REQUEST')).issues[0]?.message).toBe('given more than once');
    expect((await refused(await call(base, 'POST', '/v1/batch?format=text', '\n'), 400, 'REQUEST')).issues[0]?.path).toEqual(['query', 'format']);
    expect((await refused(await call(base, 'GET', '/healthz?verbose=1'), 400, 'REQUEST')).issues[0]?.message).toBe('unknown parameter; /healthz takes none');
  });

  it('400 with the library’s code when no rule is in force', async () => {
    const old = claim('SF-1999', { postedAt: '1999-03-02T10:00:00+08:00', firstAttemptAt: '1999-03-06T09:00:00+08:00', events: {} });
    await refused(await call(base, 'POST', '/v1/quote?policy=sf-express&asOf=1999-04-01', JSON.stringify(old)), 400, 'NO_RULE_IN_FORCE');
  });

  it('404 for an unknown path, 405 with the Allow header for a method a path does not take', async () => {
    await refused(await call(base, 'GET', '/v2/quote'), 404, 'NOT_FOUND');
    await refused(await call(base, 'GET', '/v1/quote/'), 404, 'NOT_FOUND');
    const get = await call(base, 'GET', '/v1/quote');
    await refused(get, 405, 'METHOD_NOT_ALLOWED');
    expect(get.headers.allow).toBe('POST');
    const post = await call(base, 'POST', '/healthz', '{}');
    await refused(post, 405, 'METHOD_NOT_ALLOWED');
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await call(base, 'DELETE', '/v1/batch')).headers.allow).toBe('POST');
  });

  it('413 over 1 MB, by Content-Length or as the body streams, and the server goes on', async () => {
    const big = `{"waybill": "${'x'.repeat(1024 * 1024)}"}`;
    const declared = await refused(await call(base, 'POST', '/v1/quote', big), 413, 'BODY_TOO_LARGE');
    expect(declared.message).toMatch(/^the body is 1,048,5\d\d bytes, over the bound of 1 MB/);
    expect((await call(base, 'POST', '/v1/quote', big)).headers.connection).toBe('close');
    const streamed = await refused(await call(base, 'POST', '/v1/compare', big, { 'transfer-encoding': 'chunked' }), 413, 'BODY_TOO_LARGE');
    expect(streamed.message).toMatch(/^the body is over the bound of 1 MB/);
    const atBound = JSON.stringify(EXAMPLE_5).padEnd(1024 * 1024, ' ');
    expect((await call(base, 'POST', '/v1/quote', atBound)).status).toBe(200);
    expect((await call(base, 'GET', '/healthz')).status).toBe(200);
  });

  it('408 when a body does not arrive in time', async () => {
    const r = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(new URL('/v1/quote', base), { method: 'POST', agent: false, headers: { 'content-length': '100' } }, (res) => {
        const pieces: Buffer[] = [];
        res.on('data', (p: Buffer) => pieces.push(p)).on('end', () => {
          const all = Buffer.concat(pieces);
          resolve({ status: res.statusCode as number, headers: res.headers, body: all, text: all.toString(), json: () => JSON.parse(all.toString()) });
        });
      });
      req.on('error', reject);
      req.write('{"waybill":');
    });
    await refused(r, 408, 'TIMEOUT');
  });
});

describe('serve: POST /v1/batch', () => {
  const batch = (args: string[], input: string | Uint8Array) => cli(['batch', ...args], input).stdout as Buffer;

  it('streams byte for byte what `courier-claims batch` prints: invalid, blank, BOM, CRLF, not UTF-8 lines', async () => {
    const input = Buffer.concat([
      Buffer.from(`\uFEFF${JSON.stringify(claim('SF1'))}\r\n\n{"waybill":\n`),
      Uint8Array.of(0xff, 0x0a),
      Buffer.from(`${JSON.stringify(claim('SF2', { fee: '-1' }))}\n${JSON.stringify(claim('SF3'))}`),
    ]);
    const r = await call(base, 'POST', `/v1/batch?asOf=${encodeURIComponent(AS_OF)}`, input);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(r.text.split('\n')).toHaveLength(7);
    expect(r.body.equals(batch(['--as-of', AS_OF], input))).toBe(true);
  });

  it('streams a large input through the worker pool, byte for byte as the command, under a policy', async () => {
    const input = ndjson(3_000); // about 700 KB: many chunks, quoted by worker threads
    const r = await call(base, 'POST', `/v1/batch?policy=zto&asOf=${encodeURIComponent(AS_OF)}`, input);
    expect(r.text.split('\n')).toHaveLength(3_001);
    expect(r.body.equals(batch(['--policy', 'zto', '--as-of', AS_OF], input))).toBe(true);
    expect((await call(base, 'GET', '/healthz')).json().batches).toBe(0);
  }, HEAVY);

  it('answers an empty body with nothing', async () => {
    const r = await call(base, 'POST', '/v1/batch', '');
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
  });

  it('stops reading and quoting when the client leaves mid-batch, closes its pool, and stays healthy', async () => {
    const lines = ndjson(2_000);
    let received = 0;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(new URL('/v1/batch', base), { method: 'POST', agent: false }, (res) => {
        res.on('data', (piece: Buffer) => {
          received += piece.length;
          req.destroy(); // gone after the first answers, with most of the input unsent
          resolve();
        });
      });
      req.on('error', () => {});
      // Input goes on for as long as the client is there: the batch never ends by itself.
      const feed = () => {
        if (!req.destroyed) req.write(lines, () => setTimeout(feed, 5));
      };
      feed();
      setTimeout(() => reject(new Error('no answer streamed')), HEAVY);
    });
    expect(received).toBeGreaterThan(0);
    const deadline = Date.now() + HEAVY;
    while ((await call(base, 'GET', '/healthz')).json().batches !== 0) {
      if (Date.now() > deadline) throw new Error('the batch did not stop');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logged.some((l) => JSON.parse(l).path === '/v1/batch' && JSON.parse(l).aborted === true)).toBe(true);
    const after = await call(base, 'POST', '/v1/batch', ndjson(500));
    expect(after.text.split('\n')).toHaveLength(501);
  }, HEAVY);

  it('answers 503 with Retry-After beyond the batches allowed at once', async () => {
    const one = createServer({ maxBatches: 1, log: () => {} });
    one.listen(0, '127.0.0.1');
    await once(one, 'listening');
    const url = `http://127.0.0.1:${(one.address() as AddressInfo).port}/`;
    const held = httpRequest(new URL('/v1/batch', url), { method: 'POST', agent: false });
    held.on('error', () => {});
    const answered = new Promise<IncomingMessage>((resolve) => held.on('response', resolve));
    held.write(`${JSON.stringify(claim('SF1'))}\n`);
    held.flushHeaders();
    // The first batch holds its slot while its body is open.
    while ((await call(url, 'GET', '/healthz')).json().batches !== 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const busy = await call(url, 'POST', '/v1/batch', `${JSON.stringify(claim('SF2'))}\n`);
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.json().error.code).toBe('BUSY');
    held.end();
    expect((await answered).statusCode).toBe(200);
    await shutdown(one);
  });
});

describe('serve: concurrency and logs', () => {
  it('answers concurrent quotes and batches each with its own', async () => {
    const quotes = Array.from({ length: 40 }, (_, i) => call(base, 'POST', '/v1/quote', JSON.stringify(claim(`SF-C${i}`, { fee: `${i + 1}.00` }))));
    const batches = Array.from({ length: 2 }, (_, i) => call(base, 'POST', '/v1/batch', ndjson(300 + i)));
    const answers = await Promise.all(quotes);
    answers.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.json()).toEqual(JSON.parse(JSON.stringify(quote(claim(`SF-C${i}`, { fee: `${i + 1}.00` }) as never, { asOf: AS_OF }))));
    });
    const streamed = await Promise.all(batches);
    streamed.forEach((r, i) => expect(r.text.split('\n')).toHaveLength(301 + i));
  }, HEAVY);

  it('logs one JSON line per request: method, path, status, ms, bytes, never the body or the query', async () => {
    const before = logged.length;
    await call(base, 'POST', '/v1/quote?asOf=2026-04-01', JSON.stringify(claim('SF-SECRET-WAYBILL')));
    await call(base, 'GET', '/nowhere');
    const lines = logged.slice(before).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/v1/quote', status: 200 });
    expect(lines[0].bytes).toBeGreaterThan(1000);
    expect(typeof lines[0].ms).toBe('number');
    expect(lines[1]).toMatchObject({ method: 'GET', path: '/nowhere', status: 404 });
    expect(logged.slice(before).join('\n')).not.toMatch(/SF-SECRET-WAYBILL|asOf/);
  });
});

describe('openApiDocument', () => {
  it('hoists each schema’s $defs into components and points its references there', () => {
    const quoteSchema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.org/quote',
      type: 'object',
      properties: { payout: { $ref: '#/$defs/money' }, lines: { type: 'array', items: { $ref: '#/$defs/line' } } },
      $defs: { money: { type: 'string', pattern: '^\\d+\\.\\d{2}$' }, line: { type: 'object', properties: { amount: { $ref: '#/$defs/money' } } } },
    };
    const doc = openApiDocument({ claim: claimJsonSchema(), quote: quoteSchema, policy: policyJsonSchema() }, '9.9.9') as any;
    const { schemas } = doc.components;
    expect(schemas.Quote).toEqual({
      type: 'object',
      properties: { payout: { $ref: '#/components/schemas/Quote.money' }, lines: { type: 'array', items: { $ref: '#/components/schemas/Quote.line' } } },
    });
    expect(schemas['Quote.line']).toEqual({ type: 'object', properties: { amount: { $ref: '#/components/schemas/Quote.money' } } });
    expect(schemas.Claim.$schema).toBeUndefined();
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ ...doc, $id: 'openapi' });
    const valid = ajv.getSchema('openapi#/components/schemas/Quote');
    expect(valid?.({ payout: '1.00', lines: [{ amount: '1.00' }] })).toBe(true);
    expect(valid?.({ payout: '1.00', lines: [{ amount: '1' }] })).toBe(false);
  });
});

describe('courier-claims serve (the built command)', () => {
  /** Starts `courier-claims serve` with `args`; resolves to the process and its base URL once it listens. */
  async function started(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
    const child = spawn(process.execPath, ['dist/bin.js', 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    let out = '';
    for await (const piece of child.stdout as AsyncIterable<Buffer>) {
      out += piece.toString();
      const m = /listening on (http:\/\/\S+)\n/.exec(out);
      if (m) return { child, url: m[1] as string, stderr: () => err };
    }
    throw new Error(`serve did not start: ${err}`);
  }

  it('prints where it listens, finishes a request in flight on SIGTERM, then exits 0', async () => {
    const { child, url, stderr } = await started(['--policy', 'sf-express']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await call(url, 'POST', '/v1/quote', JSON.stringify(EXAMPLE_5))).json().policy.id).toBe('sf-express');
    const inFlight = httpRequest(new URL('/v1/batch', url), { method: 'POST', agent: false });
    const answer = new Promise<string>((resolve, reject) => {
      inFlight.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
        });
        res.on('end', () => resolve(text));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(`${JSON.stringify(claim('SF-1'))}\n`);
    inFlight.flushHeaders();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    inFlight.end(`${JSON.stringify(claim('SF-2'))}\n`);
    const lines = (await answer).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.waybill)).toEqual(['SF-1', 'SF-2']);
    const [code] = await exited;
    expect(code).toBe(0);
    const logLines = stderr().trim().split('\n').map((l) => JSON.parse(l));
    expect(logLines.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual(['POST /v1/quote 200', 'POST /v1/batch 200']);
  }, HEAVY);

  it('refuses a bad --port or an argument (exit 2), and a port in use (exit 1)', async () => {
    const bad = cli(['serve', '--port', '70000'], '');
    expect(bad.status).toBe(2);
    expect(bad.stderr.toString()).toContain('--port must be a TCP port, 0 to 65535 (got "70000")');
    expect(cli(['serve', 'now'], '').status).toBe(2);
    expect(cli(['serve', '--format', 'json'], '').status).toBe(2);
    const port = (server.address() as AddressInfo).port;
    const taken = cli(['serve', '--port', String(port)], '');
    expect(taken.status).toBe(1);
    expect(taken.stderr.toString()).toBe(`courier-claims: cannot listen on 127.0.0.1:${port}: the port is in use\n`);
  }, HEAVY);
});
