/**
 * The OpenAPI 3.1 description of `courier-claims serve` (GET /openapi.json), built from the library's JSON
 * Schemas so that it cannot drift from what the endpoint accepts and answers.
 */

/** The JSON Schemas the description is built from, as claimJsonSchema(), quoteJsonSchema() and policyJsonSchema() give them. */
export interface ApiSchemas {
  claim: object;
  quote: object;
  policy: object;
}

type Json = Record<string, unknown>;

const DEFS = '#/$defs/';

/** Every `$ref` into `$defs` in `node` pointed at `prefix` + the definition's name instead. */
function rebased(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rebased(n, prefix));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith(DEFS) ? `${prefix}${value.slice(DEFS.length)}` : rebased(value, prefix),
    ]),
  );
}

/**
 * A standalone schema as components: itself under `name`, its `$defs` under `name.def`, references rebased onto
 * them. `$schema` and `$id` are left out: in the document the schemas are components, resolved against it.
 */
function components(name: string, schema: object): Record<string, unknown> {
  const { $schema: _dialect, $id: _id, $defs = {}, ...rest } = schema as Json & { $defs?: Json };
  const prefix = `#/components/schemas/${name}.`;
  return {
    [name]: rebased(rest, prefix),
    ...Object.fromEntries(Object.entries($defs).map(([def, value]) => [`${name}.${def}`, rebased(value, prefix)])),
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const text = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string' } } } });

/** The error body of every 4xx and 5xx answer. */
const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'issues'],
      properties: {
        code: { type: 'string', description: 'CLAIM_INPUT, NO_RULE_IN_FORCE, CALENDAR_RANGE, POLICY, REQUEST, NOT_FOUND, PAGE_NOT_BUILT, METHOD_NOT_ALLOWED, BODY_TOO_LARGE, TIMEOUT, BUSY, INTERNAL' },
        issues: {
          type: 'array',
          items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } } },
        },
        message: { type: 'string' },
      },
    },
  },
};

const COMPARISON = {
  type: 'object',
  required: ['claim', 'rows'],
  properties: {
    claim: { type: 'string', description: 'the waybill' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['policy', 'version', 'outcome'],
        properties: {
          policy: { type: 'string' },
          version: { type: 'string' },
          outcome: {
            oneOf: [
              { type: 'object', required: ['ok', 'quote'], properties: { ok: { const: true }, quote: ref('Quote.Quote') } },
              { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false }, error: { type: 'object' } } },
            ],
          },
        },
      },
    },
  },
};

const param = (name: string, description: string, schema: object) => ({ name, in: 'query', required: false, description, schema });
const POLICY = param('policy', 'a built-in policy id (default: the server\'s --policy, else cn-express)', { type: 'string' });
const AS_OF = param('asOf', 'the moment claims are judged at, ISO 8601 (default: now, to the second)', { type: 'string' });
const FORMAT = param('format', 'json (default) or text: the explained breakdown', { enum: ['json', 'text'] });
const LANG = param('lang', 'language of format=text', { enum: ['en', 'zh-CN'] });

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), json(ref('Error'), { 400: 'invalid input: every issue with its path', 408: 'the body did not arrive in time', 413: 'the body is over 1 MB', 503: 'as many batches as allowed are running: retry later' }[s] as string)]),
  );

const get = (summary: string, ok: object) => ({ get: { summary, responses: { 200: ok } } });

/** The OpenAPI 3.1 document of the endpoint, for the schemas given and the package `version`. */
export function openApiDocument(schemas: ApiSchemas, version: string): object {
  return {
    openapi: '3.1.0',
    info: { title: 'courier-claims', version, description: 'Compensation for express-delivery claims (快递理赔) with a cited breakdown.' },
    paths: {
      '/v1/quote': {
        post: {
          summary: 'Quote a claim, or an array of claims with batch caps',
          parameters: [POLICY, AS_OF, FORMAT, LANG],
          requestBody: { required: true, ...json({ oneOf: [ref('Claim'), { type: 'array', minItems: 1, items: ref('Claim') }] }, 'a claim, or an array of claims') },
          responses: {
            200: { description: 'the quote (the batch quote for an array)', content: { 'application/json': { schema: ref('Quote') }, 'text/plain': { schema: { type: 'string' } } } },
            ...errors(400, 408, 413),
          },
        },
      },
      '/v1/compare': {
        post: {
          summary: 'One claim under several policies side by side',
          parameters: [{ ...POLICY, description: 'repeat for each policy (default: every customer-facing policy in force at posting)', schema: { type: 'array', items: { type: 'string' } }, explode: true }, AS_OF, FORMAT, LANG],
          requestBody: { required: true, ...json(ref('Claim'), 'a claim') },
          responses: {
            200: { description: 'the comparison', content: { 'application/json': { schema: ref('Comparison') }, 'text/plain': { schema: { type: 'string' } } } },
            ...errors(400, 408, 413),
          },
        },
      },
      '/v1/batch': {
        post: {
          summary: 'NDJSON in, NDJSON out, streamed: one quote or one {"line", "error"} per input line, in order',
          parameters: [POLICY, AS_OF],
          requestBody: { required: true, ...text('application/x-ndjson', 'one claim per line (a line is at most 4 MiB)') },
          responses: { 200: text('application/x-ndjson', 'one line per input line, as `courier-claims batch` prints them'), ...errors(400, 503) },
        },
      },
      '/v1/policies': get('The built-in policies with their versions and sources', json({ type: 'array', items: { type: 'object' } }, 'as `courier-claims policies --format json`')),
      '/v1/schema/claim': get('JSON Schema of a claim', json({ type: 'object' }, 'JSON Schema (draft 2020-12)')),
      '/v1/schema/quote': get('JSON Schema of a quote', json({ type: 'object' }, 'JSON Schema (draft 2020-12)')),
      '/v1/schema/policy': get('JSON Schema of a policy document', json({ type: 'object' }, 'JSON Schema (draft 2020-12)')),
      '/openapi.json': get('This document', json({ type: 'object' }, 'OpenAPI 3.1')),
      '/healthz': get('Liveness', json({ type: 'object', properties: { status: { const: 'ok' }, version: { type: 'string' }, batches: { type: 'integer' } } }, 'the server is up; batches running')),
      '/': get('The claims-desk page', text('text/html', 'the page, when it was built')),
    },
    components: {
      schemas: {
        ...components('Claim', schemas.claim),
        ...components('Quote', schemas.quote),
        ...components('Policy', schemas.policy),
        Comparison: COMPARISON,
        Error: ERROR,
      },
    },
  };
}
