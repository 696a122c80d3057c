import { quote, type QuoteOptions } from '../index.js';
import { errorJson, isLibraryError } from './errors.js';

/** Quoted NDJSON lines as UTF-8 (one line per non-blank input line) and how many of them were invalid. */
export interface ChunkResult {
  out: Uint8Array;
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

/** The byte that ends an NDJSON line. */
export const NEWLINE = 0x0a;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * UTF-8 output written line by line into one buffer, so that no line's string outlives its encoding. One
 * writer per thread: its buffer grows to the largest chunk's output and is reused.
 */
class Utf8Writer {
  private buffer = new Uint8Array(64 * 1024);
  private length = 0;

  line(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = text.length * 3 + 1;
    if (this.length + room > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + room));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
    this.buffer[this.length++] = NEWLINE;
  }

  /** What was written, in a buffer of its own; the writer starts empty again. */
  take(): Uint8Array {
    const bytes = this.buffer.slice(0, this.length);
    this.length = 0;
    return bytes;
  }
}

const out = new Utf8Writer();

/**
 * Quotes consecutive NDJSON lines given as UTF-8 bytes, the first being input line `first` (1-based). Blank
 * lines are skipped but still counted, so error line numbers match the input.
 */
export function quoteChunk(bytes: Uint8Array, first: number, options: QuoteOptions): ChunkResult {
  const lines = decoder.decode(bytes).split('\n');
  if (lines.at(-1) === '') lines.pop();
  let invalid = 0;
  lines.forEach((raw, i) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    const { json, ok } = quoteLine(text, first + i, options);
    out.line(json);
    if (!ok) invalid += 1;
  });
  return { out: out.take(), invalid };
}
