import { z } from 'zod';
import { type InputIssue, inputIssues, NoRuleInForceError, PolicyError } from '../errors.js';
import { dayNumber, isKnownZone } from '../time/zone.js';
import { isParamKey, PARAMS, type ParamKey, type ParamValue } from './params.js';
import type { PolicyId } from './registry.js';

/** One dated value of a parameter as a policy spec writes it (OpenFisca-style: value, start date, reference). */
export interface DatedValueSpec {
  /** First local date (in the policy's zone) on which the value is in force: `YYYY-MM-DD`. */
  from: string;
  value: unknown;
  /** Where the value comes from: statute or standard and clause, a secondary source and its passage, or "decision: …". */
  source: string;
  /** false when no primary text confirms the value; a quote that uses it says so in its warnings. */
  verified?: boolean;
  /** false when no primary text confirms the start date `from`; a quote that uses the value says so. */
  fromVerified?: boolean;
}

/**
 * What the policy is for and which compensation rules it runs: claims under the law for express companies
 * (`express`: X-1…X-4, L-1/L-2), a postal enterprise's 给据邮件 (`postal`: P-1…P-8), the 2011 standard as the
 * 2013 course reads it (`national`: N-1…N-6), outlet settlement (`network`: R-1…R-13); or complaint
 * deadlines (`complaints`: K-1…K-5).
 */
export const policyKinds = ['express', 'postal', 'national', 'network', 'complaints'] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** A policy's specification; `Id` is the literal ID of a built-in one. */
export interface PolicySpec<Id extends string = string> {
  id: Id;
  name?: string;
  /** A built-in policy id, or a Policy, whose parameters this one starts from. */
  extends?: PolicyId | Policy;
  kind?: PolicyKind;
  /** IANA zone in which local dates and offset-less instants are read; default Asia/Shanghai. */
  zone?: string;
  params: Partial<Record<ParamKey, DatedValueSpec[]>>;
  /** What each version changed, in words, by its start date `YYYY-MM-DD` (shown by `policies`). */
  changes?: Record<string, string>;
  /**
   * The first local date the policy itself is in force (a carrier's terms on top of a regime): before it the
   * policy has no version, even where the policy it extends has.
   */
  from?: string;
}

/** A validated dated value. */
export interface Dated<T> {
  from: string;
  value: T;
  source: string;
  verified: boolean;
  fromVerified: boolean;
}

/** A validated policy: parameters as dated values, sorted by start date. Pass it as `QuoteOptions.policy`. */
export interface Policy {
  readonly id: string;
  readonly name: string;
  readonly kind: PolicyKind;
  readonly zone: string;
  readonly extends?: string;
  /** Start dates of the versions: every date on which some value changes, ascending. */
  readonly versions: readonly string[];
  readonly params: ReadonlyMap<ParamKey, readonly Dated<unknown>[]>;
  /** What each version changed, in words, by its start date (the parent's, then the policy's own). */
  readonly changes: Readonly<Record<string, string>>;
}

export const DEFAULT_ZONE = 'Asia/Shanghai';

export const datedEntry = z.strictObject({
  from: z.string().refine((text) => dayNumber(text) !== undefined, 'must be a date YYYY-MM-DD'),
  value: z.unknown(),
  source: z.string({ error: 'every value needs its source' }).trim().min(1, 'every value needs its source'),
  verified: z.boolean().optional(),
  fromVerified: z.boolean().optional(),
});

export const specSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, dots and dashes'),
  name: z.string().min(1).optional(),
  extends: z
    .union([z.string(), z.custom<Policy>((p) => typeof p === 'object' && p !== null && (p as Policy).params instanceof Map)], {
      error: 'a policy id or a Policy from definePolicy',
    })
    .optional(),
  kind: z.enum(policyKinds).optional(),
  zone: z.string().optional(),
  params: z.record(z.string(), z.unknown()),
  changes: z.record(z.string(), z.string().trim().min(1, 'say what the version changed')).optional(),
  from: z.string().refine((text) => dayNumber(text) !== undefined, 'must be a date YYYY-MM-DD').optional(),
});

type ParsedSpec = Partial<z.output<typeof specSchema>>;

/** The fields of a spec that are valid on their own, so that one bad field does not hide the others' issues. */
function validFields(spec: unknown): ParsedSpec {
  const raw = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(specSchema.shape)) {
    const field = schema.safeParse(raw[key]);
    if (field.success && field.data !== undefined) out[key] = field.data;
  }
  return out as ParsedSpec;
}


/**
 * Validates a policy spec and returns the policy. With `extends`, the spec's dated values are added to the
 * parent's (a value with the same start date replaces the parent's), so a carrier changes any amount,
 * rate or rule from a date on and tickets posted before keep the old value. Values may be given in any
 * order unless `checks.datesInOrder` (a policy file: each list reads oldest first).
 *
 * @example
 * const acme = definePolicy({
 *   id: 'acme-2027', extends: 'cn-gbt27917-2011',
 *   params: { 'N-2.uninsuredFeeMultiple': [{ from: '2027-01-01', value: '5', source: 'Acme terms §4.2' }] },
 * });
 * quote(claim, { policy: acme });
 */
export function definePolicy(
  spec: PolicySpec,
  lookup: (id: string) => Policy | undefined,
  checks: { datesInOrder?: boolean } = {},
): Policy {
  const issues: InputIssue[] = [];
  const parsed = specSchema.safeParse(spec);
  if (!parsed.success) issues.push(...inputIssues(parsed.error));
  const s = parsed.success ? parsed.data : validFields(spec);
  const parent = typeof s.extends === 'string' ? lookup(s.extends) : s.extends;
  if (typeof s.extends === 'string' && !parent) {
    issues.push({ path: ['extends'], message: `no built-in policy "${s.extends}"` });
  }
  const kind = s.kind ?? parent?.kind;
  if (!kind) issues.push({ path: ['kind'], message: 'required unless the policy extends another' });
  const name = s.name ?? parent?.name;
  if (!name) issues.push({ path: ['name'], message: 'required unless the policy extends another' });
  const zone = s.zone ?? parent?.zone ?? DEFAULT_ZONE;
  if (!isKnownZone(zone)) issues.push({ path: ['zone'], message: `unknown time zone "${zone}"` });

  const params = new Map<ParamKey, Dated<unknown>[]>();
  for (const [key, entries] of parent?.params ?? []) params.set(key, [...entries]);
  for (const [key, entries] of Object.entries(s.params ?? {})) {
    if (!isParamKey(key)) {
      issues.push({ path: ['params', key], message: 'unknown parameter' });
      continue;
    }
    if (!Array.isArray(entries) || entries.length === 0) {
      issues.push({ path: ['params', key], message: 'a non-empty list of dated values' });
      continue;
    }
    const own = new Set<string>();
    const merged = params.get(key) ?? [];
    let latest = '';
    entries.forEach((rawEntry: unknown, i) => {
      const at = ['params', key, i];
      const parsedEntry = datedEntry.safeParse(rawEntry);
      if (!parsedEntry.success) {
        issues.push(...inputIssues(parsedEntry.error, at));
        if (typeof rawEntry !== 'object' || rawEntry === null) return;
      } else {
        const { from } = parsedEntry.data;
        if (own.has(from)) issues.push({ path: [...at, 'from'].map(String), message: `two values from ${from}` });
        else if (checks.datesInOrder && from < latest) {
          issues.push({ path: [...at, 'from'].map(String), message: `out of order: ${from} comes after ${latest}` });
        }
        own.add(from);
        if (from > latest) latest = from;
      }
      // The value is checked even when the entry has other problems, so that every problem is listed at once.
      const value = PARAMS[key].safeParse((rawEntry as { value?: unknown }).value);
      if (!value.success) issues.push(...inputIssues(value.error, [...at, 'value']));
      if (!parsedEntry.success || !value.success) return;
      const entry = parsedEntry.data;
      const dated = {
        from: entry.from,
        value: value.data,
        source: entry.source,
        verified: entry.verified ?? true,
        fromVerified: entry.fromVerified ?? true,
      };
      const same = merged.findIndex((e) => e.from === entry.from);
      if (same >= 0) merged[same] = dated;
      else merged.push(dated);
    });
    params.set(
      key,
      merged.sort((a, b) => (a.from < b.from ? -1 : 1)),
    );
  }
  if (params.size === 0) issues.push({ path: ['params'], message: 'a policy needs at least one parameter' });
  const dates = [...new Set([...params.values()].flatMap((entries) => entries.map((e) => e.from)))].sort();
  const versions = s.from === undefined ? dates : [s.from, ...dates.filter((d) => d > (s.from as string))];
  for (const date of Object.keys(s.changes ?? {})) {
    if (!versions.includes(date)) issues.push({ path: ['changes', date], message: 'not the start date of a version' });
  }
  if (issues.length) throw new PolicyError(issues);
  return Object.freeze({
    id: s.id as string,
    name: name as string,
    kind: kind as PolicyKind,
    zone,
    ...(parent && { extends: parent.id }),
    versions,
    params,
    changes: Object.freeze(Object.fromEntries(Object.entries({ ...parent?.changes, ...s.changes }).filter(([date]) => versions.includes(date)))),
  });
}

/** The parameter values of one policy in force on one date. */
export class PolicyVersion {
  readonly policy: Policy;
  /** Start date of this version: the latest change on or before the date asked for. */
  readonly version: string;
  private readonly values = new Map<ParamKey, Dated<unknown>>();
  private readonly citations = new Map<string, string>();
  private readonly texts = new Map<string, string>();

  constructor(policy: Policy, version: string) {
    this.policy = policy;
    this.version = version;
    for (const [key, entries] of policy.params) {
      const inForce = entries.filter((e) => e.from <= version).at(-1);
      if (inForce) this.values.set(key, inForce);
    }
  }

  has(key: ParamKey): boolean {
    return this.values.has(key);
  }

  /** The value in force; NoRuleInForceError naming the policy and parameter when there is none. */
  get<K extends ParamKey>(key: K): Dated<ParamValue<K>> {
    const found = this.values.get(key);
    if (!found) {
      throw new NoRuleInForceError(
        this.policy.id,
        key,
        `policy ${this.policy.id} (version ${this.version}) has no rule in force for ${key}`,
      );
    }
    return found as Dated<ParamValue<K>>;
  }

  /**
   * One copy of a text that many quotes of this version hold (a deadline's basis, a warning code): a batch of
   * 100,000 tickets then holds it once, not 100,000 times. Only for texts made from policy values.
   */
  shared<T extends string>(text: T): T {
    const found = this.texts.get(text) as T | undefined;
    if (found !== undefined) return found;
    this.texts.set(text, text);
    return text;
  }

  /** The sources of a rule and of the values it used, as one citation (computed once per version). */
  cite(keys: readonly ParamKey[]): string {
    const id = keys.join(' ');
    let citation = this.citations.get(id);
    if (citation === undefined) {
      citation = [...new Set(keys.map((k) => this.get(k).source))].join(' | ');
      this.citations.set(id, citation);
    }
    return citation;
  }
}

const versionCache = new WeakMap<Policy, Map<string, PolicyVersion>>();

/** The version of `policy` in force on a local date `YYYY-MM-DD`; NoRuleInForceError before its first version. */
export function versionInForce(policy: Policy, localDate: string): PolicyVersion {
  let start: string | undefined;
  for (const v of policy.versions) {
    if (v > localDate) break;
    start = v;
  }
  if (!start) {
    throw new NoRuleInForceError(
      policy.id,
      'no-version',
      `policy ${policy.id} has no version in force on ${localDate}: its first version starts ${policy.versions[0]}`,
    );
  }
  let byStart = versionCache.get(policy);
  if (!byStart) {
    byStart = new Map();
    versionCache.set(policy, byStart);
  }
  let version = byStart.get(start);
  if (!version) {
    version = new PolicyVersion(policy, start);
    byStart.set(start, version);
  }
  return version;
}
