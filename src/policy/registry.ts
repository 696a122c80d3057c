import { NoRuleInForceError } from '../errors.js';
import { cnComplaints } from './builtin/cn-complaints.js';
import { cnExpress } from './builtin/cn-express.js';
import { cnGbt27917 } from './builtin/cn-gbt27917-2011.js';
import { cnNetworkReference } from './builtin/cn-network-reference.js';
import { cnPostal } from './builtin/cn-postal.js';
import { sfExpress, zto } from './builtin/carrier-terms.js';
import { definePolicy as defineWith, type Policy, type PolicySpec } from './model.js';

/** The built-in policies' specs: the regimes first, the default first of all. */
export const BUILTIN_SPECS = [cnExpress, cnPostal, cnGbt27917, cnNetworkReference, sfExpress, zto, cnComplaints] as const;

/** The ID of a built-in policy: `cn-express`, `cn-postal`, `cn-gbt27917-2011`, `cn-network-reference`, `sf-express`, `zto`, `cn-complaints`. */
export type PolicyId = (typeof BUILTIN_SPECS)[number]['id'];

const builtins = new Map<string, Policy>();
for (const spec of BUILTIN_SPECS) builtins.set(spec.id, defineWith(spec, (id) => builtins.get(id)));

/** The regime that decides a claim when the caller names none: an express company's liability under the law. */
export const DEFAULT_POLICY: PolicyId = 'cn-express';

/** Validates a policy spec (PolicyError listing every problem); `extends` may name a built-in policy. */
export function definePolicy(spec: PolicySpec): Policy {
  return defineWith(spec, (id) => builtins.get(id));
}

/** The built-in policy with this id, if there is one (claims or complaints). */
export function builtinPolicy(id: string): Policy | undefined {
  return builtins.get(id);
}

const COMPLAINTS_POLICY = 'cn-complaints';

/**
 * The policy an option names (default: `cn-express` for claims); NoRuleInForceError for an unknown
 * id, or for a policy made for the other purpose (a complaints policy cannot quote a claim, and vice versa).
 */
export function policyFor(ref: string | Policy | undefined, purpose: 'claims' | 'complaints' = 'claims'): Policy {
  const id = typeof ref === 'string' ? ref : (ref?.id ?? (purpose === 'claims' ? DEFAULT_POLICY : COMPLAINTS_POLICY));
  const found = typeof ref === 'object' ? ref : builtins.get(id);
  if (!found) {
    throw new NoRuleInForceError(id, 'unknown-policy', `no policy "${id}"; built-in: ${[...builtins.keys()].join(', ')}`);
  }
  if ((found.kind === 'complaints') !== (purpose === 'complaints')) {
    throw new NoRuleInForceError(id, `not-a-${purpose}-policy`, `policy "${id}" (${found.kind}) has no rules for ${purpose}`);
  }
  return found;
}

/** One version of a policy as `policies` lists it. */
export interface VersionSummary {
  version: string;
  effectiveFrom: string;
  /** false when no primary text confirms the date the version took effect. */
  effectiveFromVerified: boolean;
  /** What the version changed, in words, where the policy says. */
  changes?: string;
  /** The parameters with a value starting on this date. */
  changed: string[];
  /** The parameters whose value in force in this version no primary text confirms. */
  unverified: string[];
}

export interface PolicySummary {
  id: string;
  name: string;
  kind: Policy['kind'];
  zone: string;
  /** The policy this one extends, if any. */
  extends?: string;
  versions: VersionSummary[];
  /** Every distinct source the policy's values cite. */
  sources: string[];
  /** Parameters with a value that no primary text confirms, in any version. */
  unverified: string[];
}

/** A version's changes and the verification of the values in force in it. */
function summarizeVersion(policy: Policy, version: string): VersionSummary {
  const entries = [...policy.params.entries()];
  const inForce = entries.flatMap(([key, values]) => {
    const value = values.filter((d) => d.from <= version).at(-1);
    return value ? [{ key, value }] : [];
  });
  const changes = policy.changes[version];
  return {
    version,
    effectiveFrom: version,
    effectiveFromVerified: entries.every(([, values]) => values.every((d) => d.from !== version || d.fromVerified)),
    ...(changes !== undefined && { changes }),
    changed: inForce.filter(({ value }) => value.from === version).map(({ key }) => key),
    unverified: inForce.filter(({ value }) => !value.verified).map(({ key }) => key),
  };
}

export function summarize(policy: Policy): PolicySummary {
  const entries = [...policy.params.entries()];
  return {
    id: policy.id,
    name: policy.name,
    kind: policy.kind,
    zone: policy.zone,
    ...(policy.extends !== undefined && { extends: policy.extends }),
    versions: policy.versions.map((v) => summarizeVersion(policy, v)),
    sources: [...new Set(entries.flatMap(([, values]) => values.map((v) => v.source)))],
    unverified: entries.filter(([, values]) => values.some((v) => !v.verified)).map(([key]) => key),
  };
}

/** The built-in policies with their versions, effective dates and sources. */
export const policies: ReadonlyArray<PolicySummary & { id: PolicyId }> = Object.freeze(
  BUILTIN_SPECS.map((spec) => ({ ...summarize(builtins.get(spec.id) as Policy), id: spec.id })),
);
