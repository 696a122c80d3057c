import { claimJsonSchema, policies } from '../index.js';
import { write } from './io.js';
import type { Options } from './options.js';

/** `schema`: the JSON Schema of a claim, from the zod schema. */
export async function schemaCommand(): Promise<number> {
  await write(`${JSON.stringify(claimJsonSchema(), null, 2)}\n`);
  return 0;
}

/** `policies`: the built-in policies with versions, effective dates and sources, as text or JSON. */
export async function policiesCommand(options: Options): Promise<number> {
  if (options.format === 'json') {
    await write(`${JSON.stringify(policies, null, 2)}\n`);
    return 0;
  }
  const blocks = policies.map((p) => {
    const versions = p.versions.map((v) => `${v.effectiveFrom}${v.effectiveFromVerified ? '' : ' (date unverified)'}`);
    return [
      `${p.id} — ${p.name}`,
      `  kind: ${p.kind}, zone: ${p.zone}`,
      `  versions in force from: ${versions.join(', ')}`,
      ...(p.unverified.length ? [`  unverified values: ${p.unverified.join(', ')}`] : []),
      '  sources:',
      ...p.sources.map((s) => `    - ${s}`),
    ].join('\n');
  });
  await write(`${blocks.join('\n\n')}\n`);
  return 0;
}
