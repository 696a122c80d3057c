import { quote, type QuoteOptions } from '../index.js';
import { errorJson, isLibraryError } from './errors.js';

/** Quoted NDJSON lines: the output text (one line per non-blank input line) and how many were invalid. */
export interface ChunkResult {
  out: string;
  invalid: number;
}

/** One NDJSON line quoted: the quote's JSON, or `{ line, error: { code, issues } }` for bad JSON or a claim in error. */
function quoteLine(text: string, line: number, options: QuoteOptions): { json: string; ok: boolean } {
  let claim: unknown;
  try {
    claim = JSON.parse(text);
  } catch (error) {
    const issues = [{ path: [], message: `not valid JSON: ${(error as Error).message}` }];
    return { json: JSON.stringify({ line, error: { code: 'CLAIM_INPUT', issues } }), ok: false };
  }
  try {
    return { json: JSON.stringify(quote(claim as never, options)), ok: true };
  } catch (error) {
    if (!isLibraryError(error)) throw error;
    return { json: JSON.stringify({ line, error: errorJson(error) }), ok: false };
  }
}

/**
 * Quotes consecutive NDJSON lines, the first being input line `first` (1-based). Blank lines are skipped
 * but still counted, so error line numbers match the input.
 */
export function quoteChunk(lines: readonly string[], first: number, options: QuoteOptions): ChunkResult {
  let out = '';
  let invalid = 0;
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const { json, ok } = quoteLine(text, first + i, options);
    out += `${json}\n`;
    if (!ok) invalid += 1;
  });
  return { out, invalid };
}
