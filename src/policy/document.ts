import { z } from 'zod';
import { ArgumentError, type InputIssue, PolicyError } from '../errors.js';
import { Dec } from '../money.js';
import { type DatedValueSpec, datedEntry, definePolicy, type Policy, type PolicyKind, specSchema } from './model.js';
import { PARAMS } from './params.js';
import { builtinPolicy } from './registry.js';

/** The largest policy document `loadPolicy` reads as text: 1 MiB of UTF-8. */
export const MAX_POLICY_BYTES = 1024 * 1024;

/** Keys that could reach an object's prototype when a document is copied: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A policy as a JSON document: the PolicySpec that `definePolicy` takes, with `extends` a built-in id. */
export interface PolicyDocument {
  $schema?: string;
  id: string;
  name?: string;
  extends?: string;
  kind?: PolicyKind;
  zone?: string;
  params: Record<string, DatedValueSpec[]>;
  changes?: Record<string, string>;
  from?: string;
}

/**
 * A `--policy` value or a fixture's `policy` that names a file rather than a built-in id: it ends in
 * `.json` or holds a path separator (built-in ids have neither).
 */
export function isPolicyFileRef(ref: string): boolean {
  return /\.json$/i.test(ref) || /[\\/]/.test(ref);
}

const issue = (message: string, path: string[] = []): InputIssue => ({ path, message });

/** The error for a document of `bytes` bytes, over MAX_POLICY_BYTES (also for a file too large to read). */
export function tooLarge(bytes: number): PolicyError {
  return new PolicyError([issue(`larger than 1 MB: ${bytes} bytes, at most ${MAX_POLICY_BYTES}`)]);
}

/** The length of `text` in UTF-8 bytes (a lone surrogate counts as the 3 bytes of its replacement). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) i++;
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
  }
  return bytes;
}

/** JSON text parsed, after the size check; PolicyError when it is too large or not JSON. */
function parseText(text: string): unknown {
  // Each UTF-16 unit is at least one UTF-8 byte, so a longer text is too large without counting.
  const bytes = text.length > MAX_POLICY_BYTES ? text.length : utf8Length(text);
  if (bytes > MAX_POLICY_BYTES) throw tooLarge(bytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyError([issue(`not valid JSON: ${(error as Error).message}`)]);
  }
}

const isPlainObject = (value: object) => [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * Where a document is not plain JSON data (a function, a class instance, a number that is not finite) or
 * holds a key that could reach a prototype. Walks with its own stack, so nesting depth cannot overflow it.
 */
function jsonDataIssues(root: unknown): InputIssue[] {
  interface Node {
    value: unknown;
    parent?: Node;
    key?: string;
  }
  const pathOf = (node: Node): string[] => {
    const path: string[] = [];
    for (let at = node; at.parent; at = at.parent) path.push(at.key as string);
    return path.reverse();
  };
  const issues: InputIssue[] = [];
  const stack: Node[] = [{ value: root }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value } = node;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    if (typeof value !== 'object' || !(Array.isArray(value) || isPlainObject(value))) {
      issues.push(issue('not JSON data', pathOf(node)));
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = { value: (value as Record<string, unknown>)[key], parent: node, key };
      if (FORBIDDEN_KEYS.has(key)) issues.push(issue(`the key "${key}" is not allowed`, pathOf(child)));
      else stack.push(child);
    }
  }
  return issues;
}

/**
 * A policy from its JSON document: JSON text (at most 1 MB) or the parsed value, the same
 * PolicySpec `definePolicy` validates, `extends` naming a built-in policy, each parameter's values listed
 * oldest first. A PolicyError lists every problem with its path. The document is data only: nothing in it
 * is fetched or run, and keys that could reach a prototype (`__proto__`, `constructor`, `prototype`) are refused.
 *
 * @example
 * const acme = loadPolicy(readFileSync('acme-terms.json', 'utf8'));
 * quote(claim, { policy: acme });
 */
export function loadPolicy(json: unknown): Policy {
  const doc = typeof json === 'string' ? parseText(json) : json;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new PolicyError([issue('a policy document is a JSON object')]);
  }
  const issues = jsonDataIssues(doc);
  if (issues.length) throw new PolicyError(issues);
  const { $schema, ...spec } = doc as Record<string, unknown>;
  if ($schema !== undefined && typeof $schema !== 'string') throw new PolicyError([issue('a URL or path', ['$schema'])]);
  return definePolicy(spec as never, builtinPolicy, { datesInOrder: true });
}

/** A validated value back in its document form: decimals as plain decimal strings, band bounds too. */
function documentValue(value: unknown): unknown {
  if (value instanceof Dec) return value.toFixed();
  if (Array.isArray(value)) return value.map(documentValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, documentValue(v)]));
  }
  return value;
}

/**
 * A policy as a self-contained JSON document that `loadPolicy` reads back to the same policy: the same id,
 * its first version (`from`), every parameter's dated values in full (a parent's included, so no
 * `extends`), and what each version changed.
 */
export function policyDocument(policy: Policy): PolicyDocument {
  if (typeof policy !== 'object' || policy === null || !((policy as { params?: unknown }).params instanceof Map)) {
    throw new ArgumentError('policyDocument', [{ path: ['policy'], message: 'a Policy from definePolicy or loadPolicy (not an id)' }]);
  }
  const params = Object.fromEntries(
    [...policy.params].map(([key, entries]) => [
      key,
      entries.map((d) => ({
        from: d.from,
        value: documentValue(d.value),
        source: d.source,
        ...(!d.verified && { verified: false }),
        ...(!d.fromVerified && { fromVerified: false }),
      })),
    ]),
  );
  const changes = Object.keys(policy.changes).length ? { changes: { ...policy.changes } } : {};
  // `from` is the first version, which a policy on top of another starts later than the values it inherits.
  const from = policy.versions[0] as string;
  return { id: policy.id, name: policy.name, kind: policy.kind, zone: policy.zone, from, params, ...changes };
}

/**
 * JSON Schema (draft 2020-12) of a policy document, each parameter with the schema of its value, for
 * editors. Checks a schema cannot state (bands without gaps, dates in order, known zones) are `loadPolicy`'s.
 */
export function policyJsonSchema(): object {
  const from = datedEntry.shape.from.meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  const params = Object.fromEntries(
    Object.entries(PARAMS).map(([key, value]) => [key, z.array(datedEntry.extend({ from, value })).min(1).optional()]),
  );
  const document = specSchema.extend({
    $schema: z.string().optional(),
    extends: z.string().optional().meta({ description: 'a built-in policy id whose parameters this one starts from' }),
    params: z.strictObject(params),
  });
  return z.toJSONSchema(document, { io: 'input' });
}
