import { Worker } from 'node:worker_threads';
import { InputError } from './errors.js';
import type { ChunkResult } from './lines.js';
import type { QuoteSettings } from './options.js';

interface Task {
  id: number;
  bytes: Uint8Array;
  first: number;
  resolve: (result: ChunkResult) => void;
  reject: (error: Error) => void;
}

/**
 * Each worker's heap. A small young generation keeps the batch command's peak RSS under 200 MB on two
 * cores (docs/performance.md). Lines are bounded (MAX_LINE_BYTES), so the old generation's bound is only a
 * guard: should a line still exhaust it, its chunk fails with a message instead of exhausting the machine.
 */
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 256 };

const outOfMemory = (error: Error) => (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
const tooLarge = (first: number) =>
  new InputError(`line ${first} or one of the lines after it is too large for a batch worker: quote it with \`courier-claims quote\``);

/** Worker threads quoting chunks of NDJSON bytes, each chunk answered by its own promise; bytes move, never copied. */
export class ChunkPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 0;

  constructor(size: number, settings: QuoteSettings) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./cli-worker.js', import.meta.url), { workerData: settings, resourceLimits: HEAP_LIMITS });
      worker.on('message', (result: ChunkResult & { id: number }) => this.done(worker, result));
      worker.on('error', (error) => {
        const task = this.busy.get(worker);
        task?.reject(outOfMemory(error) ? tooLarge(task.first) : error);
      });
      this.idle.push(worker);
    }
  }

  /** Quotes a chunk whose first line is input line `first`; the chunk's buffer is handed over to the worker. */
  run(bytes: Uint8Array, first: number): Promise<ChunkResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, first, resolve, reject });
      this.dispatch();
    });
  }

  close(): Promise<number[]> {
    return Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop() as Worker;
      const task = this.queue.shift() as Task;
      this.busy.set(worker, task);
      worker.postMessage({ id: task.id, bytes: task.bytes, first: task.first }, [task.bytes.buffer as ArrayBuffer]);
    }
  }

  private done(worker: Worker, result: ChunkResult & { id: number }): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    task?.resolve({ out: result.out, invalid: result.invalid });
    this.dispatch();
  }
}
