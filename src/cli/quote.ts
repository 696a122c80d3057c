import { type BatchQuote, explain, type Quote, quote, quoteBatch } from '../index.js';
import { InputError, isLibraryError, withAsOfNote } from './errors.js';
import { inputName, parseJson, readInput, write } from './io.js';
import { type Options, type QuoteSettings, type Quoting, quoteSettingsOf, quoting } from './options.js';
import { baseOf } from './policy.js';

/**
 * What to quote from a document: a claim, an array of claims (a batch), or a fixture's claim(s) with its
 * policy and asOf (the command line's --policy and --as-of still win).
 */
function readDocument(doc: unknown, options: Options, base: string): { claims: unknown; settings: QuoteSettings } {
  const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  const fixture = isObject && ('claim' in doc || 'claims' in doc) && 'expect' in doc ? (doc as Record<string, unknown>) : undefined;
  if (!fixture) return { claims: doc, settings: quoteSettingsOf(options) };
  return { claims: fixture.claims ?? fixture.claim, settings: quoteSettingsOf(options, fixture, base) };
}

/** The quote of a claim, or the batch quote of an array of claims; a typed error notes an `asOf` that defaulted to now. */
export function quoted(claims: object, { options, defaultedAsOf }: Quoting): Quote | BatchQuote {
  try {
    return Array.isArray(claims) ? quoteBatch(claims, options) : quote(claims as never, options);
  } catch (error) {
    throw isLibraryError(error) ? withAsOfNote(error, defaultedAsOf) : error;
  }
}

/** `quote [FILE|-]`: one claim (or an array of claims, batch caps applied), as text or JSON. */
export async function quoteCommand(options: Options): Promise<number> {
  const file = options.positionals[0];
  const what = inputName(file);
  const doc = readDocument(parseJson(await readInput(file), what), options, baseOf(file));
  if (typeof doc.claims !== 'object' || doc.claims === null) throw new InputError(`${what} holds no claim: expected a JSON object or an array of claims`);
  if (Array.isArray(doc.claims) && doc.claims.length === 0) throw new InputError(`${what} holds an empty array: expected a claim or claims`);
  const result = quoted(doc.claims, quoting(doc.settings));
  if (options.format === 'json') await write(`${JSON.stringify(result, null, 2)}\n`);
  else await write(explain(result, { lang: options.lang }));
  return 0;
}
