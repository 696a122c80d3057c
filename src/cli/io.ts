import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from './errors.js';

/** What the user called the input, for messages: the file name, or "stdin". */
export const inputName = (file: string | undefined) => (file === undefined || file === '-' ? 'stdin' : file);

/** A readable byte stream of FILE, or of stdin for `-` or no file; read errors surface while reading (see fileError). */
export function openInput(file: string | undefined): Readable {
  return file === undefined || file === '-' ? process.stdin : createReadStream(file);
}

/** UTF-8 strictly (bytes that are not UTF-8 are an error), without the byte order mark the text may start with. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The whole of FILE (or stdin) as text, read past a leading byte order mark (as batch reads it); not UTF-8 is an InputError. */
export async function readInput(file: string | undefined): Promise<string> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of openInput(file)) chunks.push(chunk as Uint8Array);
  } catch (error) {
    throw fileError(error, inputName(file));
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    throw new InputError(`${inputName(file)} is not valid UTF-8`);
  }
}

/** A file system error in words ("no such file"), or undefined for any other error. */
export function fileProblem(error: unknown): string | undefined {
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (!syscall) return undefined;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
}

/** A file system error as an InputError in words ("cannot read x: no such file"); any other error as it is. */
export function fileError(error: unknown, name: string): unknown {
  const words = fileProblem(error);
  return words === undefined ? error : new InputError(`cannot read ${name}: ${words}`);
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
export function write(text: string | Uint8Array): Promise<void> | undefined {
  if (process.stdout.write(text)) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}
