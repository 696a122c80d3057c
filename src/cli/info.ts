import { name, version } from '../../package.json';
import { claimJsonSchema, type Policy, type PolicySummary, policies, policyDocument, policyJsonSchema, quoteJsonSchema } from '../index.js';
import { builtinPolicy } from '../policy/registry.js';
import { write } from './io.js';
import type { Options } from './options.js';

/** `schema [claim|policy]`, `schema --quote`: the JSON Schema of a claim, a policy document or a quote, from the zod schemas. */
export async function schemaCommand(options: Options): Promise<number> {
  const schema = options.quote ? quoteJsonSchema() : options.positionals[0] === 'policy' ? policyJsonSchema() : claimJsonSchema();
  await write(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}

/** A policy's versions (what each changed, which values are unverified) and sources, as `policies` prints them. */
export function versionTable(p: PolicySummary): string {
  const versions = p.versions.flatMap((v) => [
    `    ${v.effectiveFrom}${v.effectiveFromVerified ? '' : ' (date unverified)'}${v.changes ? `: ${v.changes}` : ''}`,
    ...(v.unverified.length ? [`      unverified values in force: ${v.unverified.join(', ')}`] : []),
  ]);
  return [
    `${p.id} — ${p.name}`,
    `  kind: ${p.kind}, zone: ${p.zone}${p.extends ? `, extends ${p.extends}` : ''}`,
    '  versions (by posting date):',
    ...versions,
    '  sources:',
    ...p.sources.map((s) => `    - ${s}`),
  ].join('\n');
}

/**
 * `policies`: the built-in policies with their versions and sources, as text or JSON; with `--full`, each
 * policy's whole JSON document (what `policy show` prints, loadable with `--policy FILE.json`).
 */
export async function policiesCommand(options: Options): Promise<number> {
  if (options.full) {
    const documents = policies.map((p) => policyDocument(builtinPolicy(p.id) as Policy));
    await write(`${JSON.stringify(documents, null, 2)}\n`);
  } else if (options.format === 'json') await write(`${JSON.stringify(policies, null, 2)}\n`);
  else await write(`${policies.map(versionTable).join('\n\n')}\n`);
  return 0;
}

/** `--version`: the package's name and version, as package.json states them. */
export async function versionCommand(): Promise<number> {
  await write(`${name} ${version}\n`);
  return 0;
}
