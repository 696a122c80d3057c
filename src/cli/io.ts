import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from './errors.js';

/** What the user called the input, for messages: the file name, or "stdin". */
export const inputName = (file: string | undefined) => (file === undefined || file === '-' ? 'stdin' : file);

/** A readable stream of FILE, or of stdin for `-` or no file; a missing or unreadable file is an InputError. */
export function openInput(file: string | undefined): Readable {
  if (file === undefined || file === '-') return process.stdin;
  const stream = createReadStream(file, { encoding: 'utf8' });
  return stream;
}

/** The whole of FILE (or stdin) as text. */
export async function readInput(file: string | undefined): Promise<string> {
  if (file !== undefined && file !== '-') {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${reason(error)}`);
    }
  }
  const chunks: string[] = [];
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) chunks.push(chunk as string);
  return chunks.join('');
}

/** A file system error in words: "no such file", "is a directory", … */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

/** JSON text parsed, or an InputError naming the input and where the JSON breaks. */
export function parseJson(text: string, what: string): unknown {
  if (text.trim() === '') throw new InputError(`${what} is empty: expected a claim as JSON`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Writes to stdout, waiting when the pipe is full, so that output never piles up in memory. */
export function write(text: string): Promise<void> | undefined {
  if (process.stdout.write(text)) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}
