import { quote } from '../index.js';
import { errorJson, isLibraryError, withAsOfNote } from './errors.js';
import type { Quoting } from './options.js';

/** Quoted NDJSON lines as UTF-8 (one line per input line) and how many of them were invalid. */
export interface ChunkResult {
  out: Uint8Array;
  invalid: number;
}

/**
 * The most bytes a batch line may hold before its newline: 4 MiB, room for a claim at the library's bound on
 * contents (10,000 declared and 10,000 received items) written at up to 200 bytes an item. A longer line is
 * answered by a LINE_TOO_LARGE error without being kept in memory (docs/cli.md).
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
/** MAX_LINE_BYTES as people read it, for messages. */
export const MAX_LINE_TEXT = `${MAX_LINE_BYTES / 2 ** 20} MiB`;

/** The error line of an input line that was not quoted: `{ line, error: { code, issues: [{ path: [], message }] } }`. */
const errorLine = (line: number, code: string, message: string) => JSON.stringify({ line, error: { code, issues: [{ path: [], message }] } });

/**
 * One NDJSON line quoted (`undefined` for a line that is not UTF-8): the quote's JSON, or
 * `{ line, error: { code, issues } }` for a line that is not UTF-8, blank, not JSON, or a claim in error.
 */
function quoteLine(text: string | undefined, line: number, run: Quoting): { json: string; ok: boolean } {
  if (text === undefined) return { json: errorLine(line, 'CLAIM_INPUT', 'not valid UTF-8'), ok: false };
  if (text.trim() === '') return { json: errorLine(line, 'BLANK_LINE', 'blank line: expected a claim as JSON'), ok: false };
  let claim: unknown;
  try {
    claim = JSON.parse(text);
  } catch (error) {
    return { json: errorLine(line, 'CLAIM_INPUT', `not valid JSON: ${(error as Error).message}`), ok: false };
  }
  try {
    return { json: JSON.stringify(quote(claim as never, run.options)), ok: true };
  } catch (error) {
    if (!isLibraryError(error)) throw error;
    return { json: JSON.stringify({ line, error: errorJson(withAsOfNote(error, run.defaultedAsOf)) }), ok: false };
  }
}

/** The byte that ends an NDJSON line. */
export const NEWLINE = 0x0a;

/**
 * Bytes that are not UTF-8 are an error, not replacement characters in a claim. A byte order mark is read
 * past at the start of any line, not only of the input, so that files joined with `cat` read as they are.
 */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
const encoder = new TextEncoder();
const BOM = '\uFEFF';

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

/** The lines of UTF-8 bytes, split at each newline; a line that is not UTF-8 is `undefined`. */
function linesOf(bytes: Uint8Array): (string | undefined)[] {
  try {
    return decoder.decode(bytes).split('\n');
  } catch {
    const lines: (string | undefined)[] = [];
    for (let start = 0, end = 0; end !== -1; start = end + 1) {
      end = bytes.indexOf(NEWLINE, start);
      try {
        lines.push(decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end)));
      } catch {
        lines.push(undefined);
      }
    }
    return lines;
  }
}

/**
 * Quotes consecutive NDJSON lines given as UTF-8 bytes, the first being input line `first` (1-based): one
 * output line per input line, blank lines included, so output line n answers input line n.
 */
export function quoteChunk(bytes: Uint8Array, first: number, run: Quoting): ChunkResult {
  const lines = linesOf(bytes);
  if (lines.at(-1) === '') lines.pop();
  let invalid = 0;
  lines.forEach((raw, i) => {
    const unmarked = raw?.startsWith(BOM) ? raw.slice(BOM.length) : raw;
    const text = unmarked?.endsWith('\r') ? unmarked.slice(0, -1) : unmarked;
    const { json, ok } = quoteLine(text, first + i, run);
    out.line(json);
    if (!ok) invalid += 1;
  });
  return { out: out.take(), invalid };
}

/** The answer to line `line`, of `bytes` bytes, over MAX_LINE_BYTES: a LINE_TOO_LARGE error line. */
export function oversizedLine(line: number, bytes: number): ChunkResult {
  const message = `the line is ${bytes.toLocaleString('en')} bytes, over the batch bound of ${MAX_LINE_TEXT} (${MAX_LINE_BYTES.toLocaleString('en')} bytes)`;
  out.line(errorLine(line, 'LINE_TOO_LARGE', message));
  return { out: out.take(), invalid: 1 };
}
