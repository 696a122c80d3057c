import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { name, version } from '../../package.json';
import { claimJsonSchema, explain, type Lang, policies, policyJsonSchema, type QuoteOptions, quoteJsonSchema } from '../index.js';
import { parseInstant } from '../time/instant.js';
import { quoteLines } from './batch.js';
import { compared } from './compare.js';
import { fileProblem } from './io.js';
import { badParameter, claimError, HttpError, jsonBody, queryOf, readBody } from './http.js';
import { openApiDocument } from './openapi.js';
import { CLAIMS_POLICIES, isClaimsPolicy, type QuoteSettings } from './options.js';
import { quoted } from './quote.js';

/** What the server was started with and keeps between requests. */
export interface ServerState {
  /** The quote settings every request starts from: the server's --policy and --holidays. */
  settings: Omit<QuoteSettings, 'asOf' | 'defaultedAsOf'>;
  /** The library's options for `settings`, made once (a policy file loaded, a calendar with the notices). */
  options: QuoteOptions;
  /** The instant a request's asOf defaults to: now, to the second. */
  now(): string;
  /** Where the claims-desk page is read from. */
  page: URL;
  /** How long a quote or compare body may take to arrive, in ms. */
  bodyTimeoutMs: number;
  /** Batches allowed at once (each has its own pool of worker threads) and those running. */
  maxBatches: number;
  batches: number;
}

/** One request being answered; `bytes` counts the body bytes sent, for the log. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  state: ServerState;
  bytes: number;
}

/** A whole answer; a streamed one (batch) is written by its handler, which returns nothing. */
export interface Reply {
  status?: number;
  type: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

type Handler = (exchange: Exchange) => Promise<Reply | undefined>;

/** JSON as the command line's --format json prints it. */
const jsonReply = (value: unknown): Reply => ({ type: 'application/json; charset=utf-8', body: `${JSON.stringify(value, null, 2)}\n` });

/** A request's query parameter `name`, when given, checked by `read`. */
function parameter<T>(query: Map<string, string[]>, name: string, read: (value: string) => T | undefined, expected: string): T | undefined {
  const value = query.get(name)?.[0];
  if (value === undefined) return undefined;
  const parsed = read(value);
  if (parsed === undefined) throw badParameter(name, `must be ${expected} (got "${value}")`);
  return parsed;
}

const instant = (text: string) => (parseInstant(text, 'UTC') === undefined ? undefined : text);
const among =
  <T extends string>(...allowed: T[]) =>
  (text: string) =>
    (allowed as string[]).includes(text) ? (text as T) : undefined;
const POLICY_IDS = `a built-in policy: ${CLAIMS_POLICIES.join(', ')}`;

/** The query of a request that quotes: policy, asOf and, for whole answers, format and lang. */
function quoteQuery(exchange: Exchange, accepts: Record<string, 'once' | 'repeated'>) {
  const query = queryOf(exchange.url, accepts);
  const policies = query.get('policy')?.map((id) => {
    if (!isClaimsPolicy(id)) throw badParameter('policy', `must be ${POLICY_IDS} (got "${id}")`);
    return id;
  });
  return {
    policies,
    policy: policies?.[0],
    asOf: parameter(query, 'asOf', instant, 'an ISO 8601 date or date-time') ?? exchange.state.now(),
    format: parameter(query, 'format', among('json', 'text'), 'json or text') ?? 'json',
    lang: parameter(query, 'lang', among<Lang>('en', 'zh-CN'), 'en or zh-CN') ?? 'en',
  };
}

/** The query parameters of the routes that answer whole (quote; compare takes `policy` repeated). */
const WHOLE = { policy: 'once', asOf: 'once', format: 'once', lang: 'once' } as const;

/** The answer of a quote or compare: JSON, or with format=text the explained breakdown in `lang`. */
function answer(result: Parameters<typeof explain>[0], query: { format: string; lang: Lang }): Reply {
  if (query.format === 'json') return jsonReply(result);
  return { type: 'text/plain; charset=utf-8', body: explain(result, { lang: query.lang }) };
}

/** POST /v1/quote: a claim (or an array of claims, batch caps applied), as `courier-claims quote` quotes it. */
const quoteRoute: Handler = async (exchange) => {
  const query = quoteQuery(exchange, WHOLE);
  const claims = jsonBody(await readBody(exchange.req, exchange.state.bodyTimeoutMs));
  if (typeof claims !== 'object' || claims === null || (Array.isArray(claims) && claims.length === 0)) {
    throw claimError('expected a claim (a JSON object) or a non-empty array of claims');
  }
  return answer(quoted(claims, { options: { ...exchange.state.options, ...(query.policy && { policy: query.policy }), asOf: query.asOf } }), query);
};

/** POST /v1/compare?policy=A&policy=B: one claim under each policy, as `courier-claims compare`. */
const compareRoute: Handler = async (exchange) => {
  const query = quoteQuery(exchange, { ...WHOLE, policy: 'repeated' });
  const claim = jsonBody(await readBody(exchange.req, exchange.state.bodyTimeoutMs));
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) {
    throw claimError('expected a claim (a JSON object)');
  }
  return answer(compared(claim, query.policies, { ...exchange.state.options, asOf: query.asOf }), query);
};

/** Resolves once `res` can take more, or has closed (the client left). */
const roomIn = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });

/**
 * POST /v1/batch: NDJSON in, NDJSON out, streamed as it is quoted, byte for byte what `courier-claims batch`
 * prints for the same input and settings. A client that leaves stops the reading and quoting, and its pool.
 */
const batchRoute: Handler = async (exchange) => {
  const { req, res, state } = exchange;
  const query = quoteQuery(exchange, { policy: 'once', asOf: 'once' });
  if (state.batches >= state.maxBatches) {
    throw new HttpError(503, 'BUSY', `${state.maxBatches} batches are running, as many as this server runs at once: retry later`, [], { 'retry-after': '1' });
  }
  state.batches += 1;
  const gone = new AbortController();
  const leave = () => {
    if (!res.writableFinished) gone.abort();
  };
  res.once('close', leave);
  try {
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
    const settings = { ...state.settings, ...(query.policy && { policy: query.policy }), asOf: query.asOf };
    await quoteLines(req, settings, {
      write(out) {
        exchange.bytes += out.length;
        return res.write(out) ? undefined : roomIn(res);
      },
      oversized() {},
      signal: gone.signal,
    });
    res.end();
  } catch (error) {
    if (!gone.signal.aborted) throw error;
  } finally {
    res.off('close', leave);
    state.batches -= 1;
  }
  return undefined;
};

/** GET /: the claims-desk page, when it was built beside the command (dist/playground/index.html). */
const pageRoute: Handler = async ({ state }) => {
  try {
    return { type: 'text/html; charset=utf-8', body: await readFile(state.page) };
  } catch (error) {
    if (fileProblem(error) === undefined) throw error;
    throw new HttpError(404, 'PAGE_NOT_BUILT', 'the claims-desk page was not built: `npm run build` writes it to dist/playground/index.html');
  }
};

/** A GET route answering `value()` as JSON; it takes no query parameters. */
const jsonRoute =
  (value: (state: ServerState) => unknown): Handler =>
  async (exchange) => {
    queryOf(exchange.url, {});
    return jsonReply(value(exchange.state));
  };

const schemas = () => ({ claim: claimJsonSchema(), quote: quoteJsonSchema(), policy: policyJsonSchema() });

/** Each path with the handler of each method it takes; HEAD is answered as GET without the body. */
export const ROUTES: Readonly<Record<string, Readonly<Partial<Record<'GET' | 'POST', Handler>>>>> = {
  '/v1/quote': { POST: quoteRoute },
  '/v1/compare': { POST: compareRoute },
  '/v1/batch': { POST: batchRoute },
  '/v1/policies': { GET: jsonRoute(() => policies) },
  '/v1/schema/claim': { GET: jsonRoute(() => claimJsonSchema()) },
  '/v1/schema/quote': { GET: jsonRoute(() => quoteJsonSchema()) },
  '/v1/schema/policy': { GET: jsonRoute(() => policyJsonSchema()) },
  '/openapi.json': { GET: jsonRoute(() => openApiDocument(schemas(), version)) },
  '/healthz': { GET: jsonRoute((state) => ({ status: 'ok', name, version, batches: state.batches })) },
  '/': { GET: pageRoute },
};
