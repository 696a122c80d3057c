import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { fileError, inputName, openInput, write } from './io.js';
import { type ChunkResult, NEWLINE, quoteChunk } from './lines.js';
import { type Options, quoteOptions, quoteSettingsOf } from './options.js';
import { ChunkPool } from './pool.js';

/**
 * Bytes per chunk (about 120 claims, about 0.35 MB of quotes). Input that fits in one chunk is quoted on the
 * main thread; larger input by one worker thread per core while the main thread only moves bytes.
 * Measured in docs/performance.md: smaller chunks keep less in memory at no cost in speed.
 */
const CHUNK_BYTES = 32 * 1024;

/** A run of whole input lines as UTF-8 in a buffer of its own (so it can be moved to a worker), and how many lines it holds. */
interface Chunk {
  bytes: Uint8Array;
  lines: number;
}

/** A chunk of `bytes`: its lines are its newlines, plus the input's last line if that has none. */
function chunkOf(bytes: Uint8Array): Chunk {
  let lines = bytes.at(-1) === NEWLINE ? 0 : 1;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) lines += 1;
  return { bytes, lines };
}

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
 * The input in chunks of whole lines, each of `size` bytes or a little more (up to the end of the line
 * that reaches `size`), the last one shorter; the stream is read only as fast as chunks are taken. Pieces
 * without a newline wait uncopied, so a very long line costs one copy, not one per piece.
 */
async function* byteChunks(input: Readable, size: number): AsyncGenerator<Chunk> {
  let pending: Uint8Array[] = [];
  let length = 0;
  for await (const piece of input) {
    pending.push(piece as Uint8Array);
    length += (piece as Uint8Array).length;
    if (length < size || !(piece as Uint8Array).includes(NEWLINE)) continue;
    const buffered = joined(pending, length);
    let start = 0;
    for (let end = buffered.indexOf(NEWLINE, start + size - 1); end !== -1; end = buffered.indexOf(NEWLINE, start + size - 1)) {
      yield chunkOf(buffered.slice(start, end + 1));
      start = end + 1;
    }
    pending = [buffered.subarray(start)];
    length -= start;
  }
  if (length > 0) yield chunkOf(joined(pending, length));
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

/**
 * `batch [FILE|-]`: NDJSON in, NDJSON out in the same order. Reads as it writes, so memory does not grow with
 * the input: at most PER_WORKER chunks per worker are in flight. Exit code 1 when any line was invalid.
 */
export async function batchCommand(options: Options): Promise<number> {
  const file = options.positionals[0];
  const chunks = byteChunks(openInput(file), CHUNK_BYTES);
  const settings = quoteSettingsOf(options);
  const workers = availableParallelism();
  const inFlight: { result: ChunkResult | Promise<ChunkResult>; lines: number }[] = [];
  const progress = progressReporter();
  let pool: ChunkPool | undefined;
  let invalid = 0;
  const drainOne = async () => {
    const chunk = inFlight.shift() as (typeof inFlight)[number];
    const result = await chunk.result;
    await write(result.out);
    invalid += result.invalid;
    progress.add(chunk.lines);
  };
  try {
    let next = await chunks.next();
    let first = 1;
    while (!next.done) {
      const { bytes, lines } = next.value;
      next = await chunks.next();
      if (first === 1 && next.done) inFlight.push({ result: quoteChunk(bytes, first, quoteOptions(settings)), lines });
      else {
        pool ??= new ChunkPool(workers, settings);
        inFlight.push({ result: pool.run(bytes, first), lines });
      }
      first += lines;
      while (inFlight.length >= workers * PER_WORKER) await drainOne();
    }
    while (inFlight.length) await drainOne();
  } catch (error) {
    throw fileError(error, inputName(file));
  } finally {
    progress.end();
    await pool?.close();
  }
  return invalid > 0 ? 1 : 0;
}
