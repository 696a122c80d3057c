import { Worker } from 'node:worker_threads';
import type { QuoteOptions } from '../index.js';
import type { ChunkResult } from './lines.js';

interface Task {
  id: number;
  lines: string[];
  first: number;
  resolve: (result: ChunkResult) => void;
  reject: (error: Error) => void;
}

/** Worker threads quoting chunks of NDJSON lines, each chunk answered by its own promise. */
export class ChunkPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 0;

  constructor(size: number, options: QuoteOptions) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./cli-worker.js', import.meta.url), { workerData: options });
      worker.on('message', (result: ChunkResult & { id: number }) => this.done(worker, result));
      worker.on('error', (error) => this.busy.get(worker)?.reject(error));
      this.idle.push(worker);
    }
  }

  /** Quotes a chunk whose first line is input line `first`. */
  run(lines: string[], first: number): Promise<ChunkResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, lines, first, resolve, reject });
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
      worker.postMessage({ id: task.id, lines: task.lines, first: task.first });
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
