import type { IncomingMessage } from 'node:http';
import type { InputIssue } from '../index.js';

/**
 * A request the endpoint refuses, answered with `status` and `{ error: { code, issues, message, …details } }`;
 * never a stack trace.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: InputIssue[] = [],
    readonly headers: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A problem with one query parameter: 400, with the parameter's path in the issue. */
export const badParameter = (name: string, message: string) => new HttpError(400, 'REQUEST', `${name}: ${message}`, [{ path: ['query', name], message }]);

/** The body of a JSON request (quote, compare): at most 1 MB, as the library bounds a policy document. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The 413 of a body of `bytes` bytes (when its Content-Length said so) over MAX_BODY_BYTES. */
const tooLarge = (bytes?: number) =>
  new HttpError(
    413,
    'BODY_TOO_LARGE',
    `the body is ${bytes === undefined ? '' : `${bytes.toLocaleString('en')} bytes, `}over the bound of 1 MB (${MAX_BODY_BYTES.toLocaleString('en')} bytes); send many claims to POST /v1/batch`,
  );

/**
 * The whole body of `req`, read within `timeoutMs`, as bytes. Over MAX_BODY_BYTES (by its Content-Length, or as
 * it arrives) it is a 413 without reading the rest; too slow a 408.
 */
export function readBody(req: IncomingMessage, timeoutMs: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge(declared));
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = [];
    let size = 0;
    const settle = (done: () => void) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      req.pause();
      done();
    };
    const onData = (piece: Buffer) => {
      size += piece.length;
      if (size > MAX_BODY_BYTES) settle(() => reject(tooLarge()));
      else pieces.push(piece);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(pieces, size)));
    const onError = (error: Error) => settle(() => reject(error));
    const timer = setTimeout(() => settle(() => reject(new HttpError(408, 'TIMEOUT', `the body did not arrive within ${timeoutMs / 1000} s`))), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** UTF-8 strictly, as the command line reads its input. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A 400 CLAIM_INPUT about the body as a whole, worded as a batch line's error. */
export const claimError = (message: string) => new HttpError(400, 'CLAIM_INPUT', message, [{ path: [], message }]);

/** The body as JSON (past a byte order mark); bytes that are not UTF-8, an empty body or bad JSON is a 400 CLAIM_INPUT. */
export function jsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw claimError('not valid UTF-8');
  }
  if (text.trim() === '') throw claimError('empty body: expected a claim as JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw claimError(`not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The query parameters of `url`, each name with its values, checked against what the route `accepts`: a name it
 * does not take, or a second value of a name it takes once, is a 400 (a typo must not silently change a payout).
 */
export function queryOf(url: URL, accepts: Readonly<Record<string, 'once' | 'repeated'>>): Map<string, string[]> {
  const query = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    const takes = Object.hasOwn(accepts, name) ? accepts[name] : undefined;
    if (takes === undefined) {
      const known = Object.keys(accepts);
      throw badParameter(name, `unknown parameter; ${url.pathname} takes ${known.length ? known.join(', ') : 'none'}`);
    }
    const values = query.get(name) ?? [];
    if (takes === 'once' && values.length) throw badParameter(name, 'given more than once');
    query.set(name, [...values, value]);
  }
  return query;
}
