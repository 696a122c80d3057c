import { claimJsonSchema, policies } from '../index.js';
import { write } from './io.js';
import type { Options } from './options.js';

/** `schema`: the JSON Schema of a claim, from the zod schema. */
export async function schemaCommand(): Promise<number> {
  await write(`${JSON.stringify(claimJsonSchema(), null, 2)}\n`);
  return 0;
}

/** `policies`: the built-in policies with their versions (what each changed, which values are unverified) and sources, as text or JSON. */
export async function policiesCommand(options: Options): Promise<number> {
  if (options.format === 'json') {
    await write(`${JSON.stringify(policies, null, 2)}\n`);
    return 0;
  }
  const blocks = policies.map((p) => {
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
  });
  await write(`${blocks.join('\n\n')}\n`);
  return 0;
}
