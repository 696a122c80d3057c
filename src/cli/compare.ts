import { type Comparison, compare, explain, type Policy, type PolicyId, type QuoteOptions } from '../index.js';
import { InputError } from './errors.js';
import { inputName, parseJson, readInput, write } from './io.js';
import { type Options, quoteSettingsOf, quoting } from './options.js';
import { policyRef } from './policy.js';

/**
 * The comparison of a claim under `named` policies (default: every customer-facing policy in force at posting).
 * A claim every policy rejects as invalid is that error, thrown.
 */
export function compared(claim: object, named: readonly (PolicyId | Policy)[] | undefined, options: QuoteOptions): Comparison {
  const comparison = compare(claim as never, named, options);
  const rejected = comparison.rows.map((r) => (r.outcome.ok ? undefined : r.outcome.error));
  if (rejected.length && rejected.every((e) => e?.code === 'CLAIM_INPUT')) throw rejected[0];
  return comparison;
}

/**
 * `compare [FILE|-]`: one claim (or a fixture's claim) under each `--policy`, in the order given (default:
 * every customer-facing policy in force at posting), as a table or JSON. A policy that is not in force is a
 * row with its error; a claim every policy rejects as invalid is an error of the run (exit 1).
 */
export async function compareCommand(options: Options): Promise<number> {
  const file = options.positionals[0];
  const what = inputName(file);
  const doc = parseJson(await readInput(file), what);
  const fixture = typeof doc === 'object' && doc !== null && 'claim' in doc && 'expect' in doc ? (doc as { claim: unknown; asOf?: unknown }) : undefined;
  const claim = fixture ? fixture.claim : doc;
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw new InputError(`${what} holds no claim: expected a JSON object`);
  // The policies are compare's own argument; the rest of the settings are those of quote.
  const { policy: _policies, ...settings } = quoteSettingsOf(options, { asOf: fixture?.asOf });
  const named = options.policies?.map((ref) => policyRef(ref));
  const comparison = compared(claim, named, quoting(settings).options);
  await write(options.format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : explain(comparison, { lang: options.lang }));
  return 0;
}
