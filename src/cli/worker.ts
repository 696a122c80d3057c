/** A batch worker thread: quotes the chunks of NDJSON bytes the main thread sends (src/cli/pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { quoteChunk } from './lines.js';
import { quoting } from './options.js';

const run = quoting(workerData);

parentPort?.on('message', (task: { id: number; bytes: Uint8Array; first: number }) => {
  const result = quoteChunk(task.bytes, task.first, run);
  parentPort?.postMessage({ id: task.id, ...result }, [result.out.buffer as ArrayBuffer]);
});
