/** A batch worker thread: quotes the chunks of NDJSON lines the main thread sends (src/cli/pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { quoteChunk } from './lines.js';

parentPort?.on('message', (task: { id: number; lines: string[]; first: number }) => {
  parentPort?.postMessage({ id: task.id, ...quoteChunk(task.lines, task.first, workerData) });
});
