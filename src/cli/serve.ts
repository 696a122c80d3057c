import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HolidayNotice, InputIssue, PolicyDocument, QuoteOptions } from '../index.js';
import { errorJson, InputError, isLibraryError } from './errors.js';
import { HttpError } from './http.js';
import { type Options, quoting, toTheSecond } from './options.js';
import { settingsPolicy } from './policy.js';
import { type Exchange, type Reply, ROUTES, type ServerState } from './routes.js';

/** How `courier-claims serve` answers; every field has a default. */
export interface ServeOptions {
  /** The policy a request quotes under when it names none: a built-in id or a policy document (default cn-express). */
  policy?: string | PolicyDocument;
  /** Holiday notices added to the working-day calendar of every request (as --holidays). */
  notices?: HolidayNotice[];
  /** Where GET / reads the claims-desk page (default: playground/index.html beside the command's bundle). */
  page?: URL;
  /** How long a quote or compare body may take to arrive, in ms (default 30 s). */
  bodyTimeoutMs?: number;
  /** Batches streamed at once, each with its own worker threads (default 2); one more is a 503. */
  maxBatches?: number;
  /** The clock a request's asOf defaults to (default: the system clock). */
  clock?: () => Date;
  /** Where each request's log line goes (default stderr). */
  log?: (line: string) => void;
}

/** Headers must arrive within this; a connection idle (nothing read or written) this long is closed. */
const HEADERS_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 120_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

const JSON_TYPE = 'application/json; charset=utf-8';

/** What a handler threw as an HttpError: the library's typed errors are 400, anything else a 500 that says no more. */
function httpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isLibraryError(error)) {
    const { code, issues, message, ...rest } = errorJson(error) as { code: string; issues: InputIssue[]; message?: string };
    return new HttpError(400, code, message ?? error.message, issues, {}, rest);
  }
  return new HttpError(500, 'INTERNAL', error instanceof InputError ? error.message : 'the server could not answer this request');
}

/** `{ error: { code, issues, message, … } }` with the error's status; never a stack trace. */
function errorReply(error: HttpError): Reply {
  const body = { error: { code: error.code, issues: error.issues, message: error.message, ...error.details } };
  return { status: error.status, type: JSON_TYPE, body: `${JSON.stringify(body)}\n`, headers: error.headers };
}

/** The route's handler for the request's method, or a 404 / 405 (with the Allow header) for none. */
function handlerOf(method: string | undefined, path: string) {
  const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (!route) throw new HttpError(404, 'NOT_FOUND', `no ${path}: see GET /openapi.json for the endpoints`);
  const handler = route[method === 'HEAD' ? 'GET' : (method as 'GET')];
  if (handler) return handler;
  const allow = Object.keys(route).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
  throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${path} takes ${allow}, not ${method}`, [], { allow });
}

function send(exchange: Exchange, reply: Reply): void {
  const { req, res } = exchange;
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  // A body left unread is not read to its end to keep the connection: it is closed instead.
  const close = !req.complete && req.method !== 'GET' && req.method !== 'HEAD';
  res.writeHead(reply.status ?? 200, { 'content-type': reply.type, 'content-length': String(body.length), ...reply.headers, ...(close && { connection: 'close' }) });
  res.end(body);
  exchange.bytes = req.method === 'HEAD' ? 0 : body.length;
}

/** Answers one request and logs it, once its connection is done with it, as one JSON line: never the body. */
async function respond(state: ServerState, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://localhost');
  const exchange: Exchange = { req, res, url, state, bytes: 0 };
  res.once('close', () => {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const line = { time: new Date().toISOString(), method: req.method, path: url.pathname, status: res.statusCode, ms, bytes: exchange.bytes };
    log(JSON.stringify(res.writableFinished ? line : { ...line, aborted: true }));
  });
  try {
    const reply = await handlerOf(req.method, url.pathname)(exchange);
    if (reply) send(exchange, reply);
  } catch (thrown) {
    if (res.destroyed) return; // the client went away: its log line says so
    const error = httpError(thrown);
    if (error.status >= 500) log(JSON.stringify({ time: new Date().toISOString(), path: url.pathname, error: thrown instanceof Error ? thrown.message : String(thrown) }));
    // Once an answer has begun its status cannot change: it is cut short, which the client sees as an error.
    if (res.headersSent) res.destroy();
    else send(exchange, errorReply(error));
  }
}

/** The library's options for the server's settings, made once; each request adds its asOf. */
function baseOptions(settings: ServerState['settings']): QuoteOptions {
  const { asOf: _perRequest, ...options } = quoting({ ...settings, asOf: '' }).options;
  return options;
}

/**
 * The HTTP endpoint (docs/cli.md#serve; node:http, no framework), not yet listening: call `listen(port, host)`, and
 * `shutdown(server)` to stop it. The routes are in routes.ts.
 *
 * @example
 * import { createServer } from 'courier-claims/cli';
 * createServer({ policy: 'sf-express' }).listen(8080, '127.0.0.1');
 */
export function createServer(options: ServeOptions = {}): Server {
  const settings = { ...(options.policy !== undefined && { policy: options.policy }), ...(options.notices && { notices: options.notices }) };
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const state: ServerState = {
    settings,
    options: baseOptions(settings),
    now: () => toTheSecond(clock()),
    page: options.page ?? new URL('./playground/index.html', import.meta.url),
    bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
    maxBatches: options.maxBatches ?? 2,
    batches: 0,
  };
  const server = createHttpServer((req, res) => void respond(state, req, res, log));
  // A batch's body streams in for as long as it is quoted: no bound on the whole request, but on its headers and on idleness.
  server.requestTimeout = 0;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.timeout = IDLE_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return server;
}

/**
 * Stops `server` gracefully: no new connections, requests in flight are finished (a batch's pool closes with
 * its request), idle keep-alive connections closed; whatever is still open after `graceMs` is cut.
 */
export async function shutdown(server: Server, graceMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearInterval(idle);
  clearTimeout(cut);
}

/** Resolves once `server` listens on `port` and `host`; a port in use or an address not of this machine is an InputError. */
function listening(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : error.code === 'EADDRNOTAVAIL' ? 'not an address of this machine' : error.message;
      reject(new InputError(`cannot listen on ${host}:${port}: ${why}`));
    });
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

/** Resolves on the first SIGTERM or SIGINT. */
const stopSignal = () =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop).off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop).on('SIGINT', stop);
  });

/**
 * `serve [--port N] [--host ADDRESS] [--policy ID|FILE.json] [--holidays FILE]`: the HTTP endpoint until SIGTERM
 * or SIGINT, then a graceful shutdown and exit code 0. Prints the address it listens on, then one JSON line per
 * request on stderr.
 */
export async function serveCommand(options: Options): Promise<number> {
  const server = createServer({
    ...(options.policy !== undefined && { policy: settingsPolicy(options.policy) }),
    ...(options.notices && { notices: options.notices }),
  });
  const stop = stopSignal();
  const { address, port } = await listening(server, options.port, options.host);
  process.stdout.write(`courier-claims: listening on http://${address.includes(':') ? `[${address}]` : address}:${port}/\n`);
  await stop;
  await shutdown(server);
  return 0;
}
