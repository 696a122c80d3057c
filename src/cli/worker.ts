/** A batch worker thread: quotes the chunks of NDJSON bytes the main thread sends (src/cli/pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { quoteChunk } from './lines.js';
import { quoteOptions } from './options.js';

const options = quoteOptions(workerData);

parentPort?.on('message', (task: { id: number; bytes: Uint8Array; first: number }) => {
  const result = quoteChunk(task.bytes, task.first, options);
  parentPort?.postMessage({ id: task.id, ...result }, [result.out.buffer as ArrayBuffer]);
});
