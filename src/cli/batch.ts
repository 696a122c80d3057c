import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { fileError, inputName, openInput, write } from './io.js';
import { type ChunkResult, MAX_LINE_BYTES, MAX_LINE_TEXT, NEWLINE, oversizedLine, quoteChunk } from './lines.js';
import { type Options, type QuoteSettings, quoteSettingsOf, quoting } from './options.js';
import { ChunkPool } from './pool.js';

/**
 * Bytes per chunk (about 120 claims, about 0.35 MB of quotes). Input that fits in one chunk is quoted on the
 * main thread; larger input by one worker thread per core while the main thread only moves bytes.
 * Measured in docs/performance.md: smaller chunks keep less in memory at no cost in speed.
 */
const CHUNK_BYTES = 32 * 1024;

/**
 * What the input is cut into: a run of whole lines as UTF-8 in a buffer of its own (so it can be moved to a
 * worker) with how many lines it holds, or one line over MAX_LINE_BYTES, of which only the size was kept.
 */
export type Chunk = { bytes: Uint8Array; lines: number } | { oversized: number; lines: 1 };

/** The first `length` bytes of `pieces` copied into a buffer of their own. */
function joined(pieces: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    const part = piece.subarray(0, length - at);
    bytes.set(part, at);
    at += part.length;
    if (at === length) break;
  }
  return bytes;
}

/**
 * The input in chunks of whole lines, each of `size` bytes or a little more (up to the end of the line that
 * reaches `size`), the last one shorter; the stream is read only as fast as chunks are taken. A line longer
 * than `maxLine` bytes (its newline not counted) is counted as it streams past, never held: it comes out as
 * an `oversized` chunk of its own, after the lines before it. So memory stays within `size + maxLine`.
 */
export async function* byteChunks(input: Readable, size: number, maxLine: number): AsyncGenerator<Chunk> {
  let pending: Uint8Array[] = []; // the chunk so far: whole lines, then the start of the current line
  let whole = 0; // bytes of the whole lines in pending
  let lines = 0; // whole lines in pending
  let lineBytes = 0; // bytes of the current line so far, whether kept in pending or (over maxLine) dropped
  function* flush(): Generator<Chunk> {
    if (lines > 0) yield { bytes: joined(pending, whole), lines };
    pending = [];
    whole = 0;
    lines = 0;
  }
  for await (const data of input) {
    const piece = data as Uint8Array;
    let from = 0; // the start of this piece's bytes not yet in pending nor dropped
    for (let start = 0; start < piece.length; ) {
      const newline = piece.indexOf(NEWLINE, start);
      const end = newline === -1 ? piece.length : newline + 1;
      const wasOversized = lineBytes > maxLine;
      lineBytes += (newline === -1 ? end : newline) - start;
      if (lineBytes > maxLine) {
        if (!wasOversized) {
          pending.push(piece.subarray(from, start));
          yield* flush();
        }
        from = end;
      }
      start = end;
      if (newline === -1) continue;
      if (lineBytes > maxLine) yield { oversized: lineBytes, lines: 1 };
      else {
        lines += 1;
        whole += lineBytes + 1;
        if (whole >= size) {
          pending.push(piece.subarray(from, end));
          from = end;
          yield* flush();
        }
      }
      lineBytes = 0;
    }
    if (from < piece.length) pending.push(piece.subarray(from));
  }
  if (lineBytes > maxLine) yield { oversized: lineBytes, lines: 1 };
  else if (lineBytes > 0) {
    lines += 1;
    whole += lineBytes;
  }
  yield* flush();
}

/** Lines written and their rate on stderr, when stderr is a terminal; never on stdout. */
function progressReporter(): { add(lines: number): void; end(): void } {
  if (!process.stderr.isTTY) return { add() {}, end() {} };
  const started = Date.now();
  let done = 0;
  const show = () => {
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`\r${done.toLocaleString('en')} lines, ${Math.round(done / Math.max(seconds, 0.001)).toLocaleString('en')} lines/s `);
  };
  const timer = setInterval(show, 250);
  timer.unref();
  return {
    add(lines) {
      done += lines;
    },
    end() {
      clearInterval(timer);
      show();
      process.stderr.write('\n');
    },
  };
}

/** Chunks in flight per worker (one being quoted, one waiting, one being written) so that no worker waits for the main thread. */
const PER_WORKER = 3;

/** Where quoted lines go: the batch command's stdout, or the HTTP endpoint's response. */
export interface LineSink {
  /** Takes the answer to the next `lines` input lines; a promise when the reader is behind, settled when it has room again. */
  write(out: Uint8Array, lines: number): Promise<void> | undefined;
  /** Told of an input line over MAX_LINE_BYTES before its error line is written. */
  oversized(line: number): void;
  /** Aborted when the reader has gone: no more input is read nor quoted. */
  signal?: AbortSignal;
}

/**
 * NDJSON bytes from `input` quoted in order into `sink`, one output line per input line: at most PER_WORKER
 * chunks per worker are in flight, so memory does not grow with the input, and a line over MAX_LINE_BYTES is
 * answered with an error without being held. Input that fits in one chunk is quoted on this thread, larger
 * input by a pool of worker threads that is closed when the input ends, fails or the sink's signal aborts.
 * Resolves to the number of lines and how many of them were invalid.
 */
export async function quoteLines(input: Readable, settings: QuoteSettings, sink: LineSink): Promise<{ total: number; invalid: number }> {
  const chunks = byteChunks(input, CHUNK_BYTES, MAX_LINE_BYTES);
  const workers = availableParallelism();
  const inFlight: { result: ChunkResult | Promise<ChunkResult>; lines: number }[] = [];
  let pool: ChunkPool | undefined;
  let total = 0;
  let invalid = 0;
  const drainOne = async () => {
    const chunk = inFlight.shift() as (typeof inFlight)[number];
    const result = await chunk.result;
    await sink.write(result.out, chunk.lines);
    total += chunk.lines;
    invalid += result.invalid;
  };
  /** A chunk's answer: quoted here when it is the whole input, else by a worker; an oversized line's error at once. */
  const answer = (chunk: Chunk, first: number, last: boolean): ChunkResult | Promise<ChunkResult> => {
    if ('oversized' in chunk) {
      sink.oversized(first);
      return oversizedLine(first, chunk.oversized);
    }
    if (first === 1 && last) return quoteChunk(chunk.bytes, first, quoting(settings));
    pool ??= new ChunkPool(workers, settings);
    return pool.run(chunk.bytes, first);
  };
  const stopped = () => sink.signal?.aborted === true;
  try {
    let next = await chunks.next();
    let first = 1;
    while (!next.done && !stopped()) {
      const chunk = next.value;
      next = await chunks.next();
      inFlight.push({ result: answer(chunk, first, next.done === true), lines: chunk.lines });
      first += chunk.lines;
      while (inFlight.length >= workers * PER_WORKER && !stopped()) await drainOne();
    }
    while (inFlight.length && !stopped()) await drainOne();
  } finally {
    // Chunks left in flight (the reader went away, or a chunk failed) are not waited for: a failure of theirs is no one's.
    for (const left of inFlight) Promise.resolve(left.result).catch(() => {});
    await chunks.return(undefined);
    await pool?.close();
  }
  return { total, invalid };
}

/**
 * `batch [FILE|-]`: NDJSON in, NDJSON out in the same order, one output line per input line (quoteLines).
 * Exit code 1 when any line was invalid, with the counts on stderr.
 */
export async function batchCommand(options: Options): Promise<number> {
  const file = options.positionals[0];
  const progress = progressReporter();
  let counts: { total: number; invalid: number };
  try {
    counts = await quoteLines(openInput(file), quoteSettingsOf(options), {
      write(out, lines) {
        progress.add(lines);
        return write(out);
      },
      oversized(line) {
        process.stderr.write(`courier-claims: line ${line} is over the batch bound of ${MAX_LINE_TEXT}: not quoted (LINE_TOO_LARGE)\n`);
      },
    });
  } catch (error) {
    throw fileError(error, inputName(file));
  } finally {
    progress.end();
  }
  if (counts.invalid === 0) return 0;
  process.stderr.write(`courier-claims: ${counts.total - counts.invalid} quoted, ${counts.invalid} invalid\n`);
  return 1;
}
