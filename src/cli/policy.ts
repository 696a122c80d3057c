import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { loadPolicy, type Policy, type PolicyDocument, PolicyError, policyDocument } from '../index.js';
import { isPolicyFileRef, MAX_POLICY_BYTES, tooLarge } from '../policy/document.js';
import { builtinPolicy, policyFor, summarize } from '../policy/registry.js';
import { InputError } from './errors.js';
import { fileError, write } from './io.js';
import type { Options } from './options.js';
import { versionTable } from './info.js';

/** A PolicyError as readable lines: the file, then every problem with its path in the document. */
function policyFileError(error: PolicyError, file: string): InputError {
  const issues = error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(policy)'}: ${i.message}`);
  return new InputError([`invalid policy in ${file}:`, ...issues].join('\n'));
}

/** The policy in a JSON file (at most 1 MB); an InputError naming the file and each problem's path. */
export function readPolicyFile(file: string): Policy {
  try {
    const { size } = statSync(file);
    if (size > MAX_POLICY_BYTES) throw tooLarge(size);
    return loadPolicy(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof PolicyError) throw policyFileError(error, file);
    throw fileError(error, file);
  }
}

/**
 * What a `--policy` value (or a fixture's `policy`) names: a built-in policy by its id, or the policy read from
 * the JSON file it names, relative to `base` (the working directory for the command line, the fixture's
 * folder for a fixture).
 */
export function policyRef(ref: string, base = '.'): Policy {
  if (!isPolicyFileRef(ref)) return policyFor(ref);
  return readPolicyFile(isAbsolute(ref) ? ref : join(base, ref));
}

/** What quote settings carry for a policy reference: a built-in id, or the document of the file it names (plain data a worker can be sent). */
export function settingsPolicy(ref: string, base = '.'): string | PolicyDocument {
  return isPolicyFileRef(ref) ? policyDocument(policyRef(ref, base)) : ref;
}

/** The folder a fixture's relative policy file is read from: the fixture file's own (stdin: the working directory). */
export const baseOf = (file: string | undefined) => (file === undefined || file === '-' ? '.' : dirname(file));

/** The policy `policy show` prints: a built-in id or a policy file. */
function shownPolicy(ref: string): Policy {
  const found = isPolicyFileRef(ref) ? readPolicyFile(ref) : builtinPolicy(ref);
  if (!found) throw new InputError(`no built-in policy "${ref}"`);
  return found;
}

/**
 * `policy check FILE`: every problem of a policy file at once (exit 1), or its version table (exit 0).
 * `policy show ID|FILE`: the policy as a JSON document that loads back to the same policy.
 */
export async function policyCommand(options: Options): Promise<number> {
  const [action, ref] = options.positionals as [string, string];
  if (action === 'show') {
    await write(`${JSON.stringify(policyDocument(shownPolicy(ref)), null, 2)}\n`);
    return 0;
  }
  const summary = summarize(readPolicyFile(ref));
  await write(options.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : `${versionTable(summary)}\n`);
  return 0;
}
