import { NoRuleInForceError } from '../errors.js';
import { cnComplaints } from './builtin/cn-complaints.js';
import { cnGbt27917 } from './builtin/cn-gbt27917-2011.js';
import { cnNetworkReference } from './builtin/cn-network-reference.js';
import { definePolicy as defineWith, type Policy, type PolicySpec } from './model.js';

const builtins: ReadonlyMap<string, Policy> = new Map(
  [cnGbt27917, cnNetworkReference, cnComplaints].map((spec) => {
    const policy = defineWith(spec, () => undefined);
    return [policy.id, policy];
  }),
);

export const DEFAULT_POLICY = 'cn-gbt27917-2011';

/** Validates a policy spec (PolicyError listing every problem); `extends` may name a built-in policy. */
export function definePolicy(spec: PolicySpec): Policy {
  return defineWith(spec, (id) => builtins.get(id));
}

const COMPLAINTS_POLICY = 'cn-complaints';

/**
 * The policy an option names (default: the national standard for claims); NoRuleInForceError for an unknown
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

export interface PolicySummary {
  id: string;
  name: string;
  kind: Policy['kind'];
  zone: string;
  /** `effectiveFromVerified` is false when no primary text confirms the date a version took effect. */
  versions: { version: string; effectiveFrom: string; effectiveFromVerified: boolean }[];
  /** Every distinct source the policy's values cite. */
  sources: string[];
  /** Parameters with a value that no primary text confirms. */
  unverified: string[];
}

export function summarize(policy: Policy): PolicySummary {
  const entries = [...policy.params.entries()];
  return {
    id: policy.id,
    name: policy.name,
    kind: policy.kind,
    zone: policy.zone,
    versions: policy.versions.map((v) => ({
      version: v,
      effectiveFrom: v,
      effectiveFromVerified: entries.every(([, values]) => values.every((d) => d.from !== v || d.fromVerified)),
    })),
    sources: [...new Set(entries.flatMap(([, values]) => values.map((v) => v.source)))],
    unverified: entries.filter(([, values]) => values.some((v) => !v.verified)).map(([key]) => key),
  };
}

/** The built-in policies with their versions, effective dates and sources. */
export const policies: ReadonlyArray<PolicySummary> = Object.freeze([...builtins.values()].map(summarize));
