import { type BatchQuote, explain, type Quote, quote, quoteBatch } from '../index.js';
import { InputError } from './errors.js';
import { inputName, parseJson, readInput, write } from './io.js';
import { type Options, quoteOptionsOf } from './options.js';

/**
 * What to quote from a document: a claim, an array of claims (a batch), or a fixture's claim(s) with its
 * policy and asOf (the command line's --policy and --as-of still win).
 */
function readDocument(doc: unknown, options: Options): { claims: unknown; options: { policy?: string; asOf: string } } {
  const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  const fixture = isObject && ('claim' in doc || 'claims' in doc) && 'expect' in doc ? (doc as Record<string, unknown>) : undefined;
  if (!fixture) return { claims: doc, options: quoteOptionsOf(options) };
  return { claims: fixture.claims ?? fixture.claim, options: quoteOptionsOf(options, fixture) };
}

/** `quote [FILE|-]`: one claim (or an array of claims, batch caps applied), as text or JSON. */
export async function quoteCommand(options: Options): Promise<number> {
  const file = options.positionals[0];
  const what = inputName(file);
  const doc = readDocument(parseJson(await readInput(file), what), options);
  if (typeof doc.claims !== 'object' || doc.claims === null) throw new InputError(`${what} holds no claim: expected a JSON object or an array of claims`);
  const opts = doc.options;
  const result: Quote | BatchQuote = Array.isArray(doc.claims) ? quoteBatch(doc.claims, opts) : quote(doc.claims as never, opts);
  if (options.format === 'json') await write(`${JSON.stringify(result, null, 2)}\n`);
  else await write(explain(result, { lang: options.lang }));
  return 0;
}
