import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { fileError, inputName, openInput, write } from './io.js';
import { type ChunkResult, quoteChunk } from './lines.js';
import { type Options, quoteOptionsOf } from './options.js';
import { ChunkPool } from './pool.js';

/** Lines per chunk; input that fits in one chunk is quoted on the main thread, larger input by workers. */
const CHUNK_LINES = 1000;

/** The lines of a stream as it arrives, in arrays of at most `size`; the stream is read only as fast as they are taken. */
async function* lineChunks(input: Readable, size: number): AsyncGenerator<string[]> {
  let rest = '';
  let lines: string[] = [];
  for await (const piece of input) {
    const parts = (rest + (piece as string)).split('\n');
    rest = parts.pop() as string;
    for (const part of parts) {
      lines.push(part.endsWith('\r') ? part.slice(0, -1) : part);
      if (lines.length === size) {
        yield lines;
        lines = [];
      }
    }
  }
  if (rest !== '') lines.push(rest);
  if (lines.length) yield lines;
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

/**
 * `batch [FILE|-]`: NDJSON in, NDJSON out in the same order. Reads as it writes (constant memory): at most a
 * few chunks per worker are in flight; input larger than one chunk is spread over worker threads, one per core.
 * Exit code 1 when any line was invalid.
 */
export async function batchCommand(options: Options): Promise<number> {
  const file = options.positionals[0];
  const input = openInput(file);
  const quoteOptions = quoteOptionsOf(options);
  const workers = availableParallelism();
  const inFlight: { result: Promise<ChunkResult>; lines: number }[] = [];
  const progress = progressReporter();
  let pool: ChunkPool | undefined;
  let invalid = 0;
  let next = 1;
  const drainOne = async () => {
    const chunk = inFlight.shift() as (typeof inFlight)[number];
    const result = await chunk.result;
    await write(result.out);
    invalid += result.invalid;
    progress.add(chunk.lines);
  };
  try {
    for await (const lines of lineChunks(input, CHUNK_LINES)) {
      const first = next;
      next += lines.length;
      if (first === 1) inFlight.push({ result: Promise.resolve(quoteChunk(lines, first, quoteOptions)), lines: lines.length });
      else {
        pool ??= new ChunkPool(workers, quoteOptions);
        inFlight.push({ result: pool.run(lines, first), lines: lines.length });
      }
      while (inFlight.length > workers * 2) await drainOne();
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
