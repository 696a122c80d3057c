/** A batch worker thread: quotes the chunks of NDJSON bytes the main thread sends (src/cli/pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPolicy, type QuoteOptions } from '../index.js';
import { quoteChunk } from './lines.js';

/** The main thread's quote options, a policy file's policy loaded back from its document (src/cli/pool.ts). */
const { policy, ...rest } = workerData as Omit<QuoteOptions, 'policy'> & { policy?: unknown };
const options: QuoteOptions = { ...rest, ...(policy !== undefined && { policy: typeof policy === 'string' ? policy : loadPolicy(policy) }) };

parentPort?.on('message', (task: { id: number; bytes: Uint8Array; first: number }) => {
  const result = quoteChunk(task.bytes, task.first, options);
  parentPort?.postMessage({ id: task.id, ...result }, [result.out.buffer as ArrayBuffer]);
});
