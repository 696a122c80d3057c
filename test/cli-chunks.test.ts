import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteChunks, type Chunk } from '../src/cli/batch.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The chunks of `pieces` read as a stream, with chunk size `size` and line bound `maxLine`. */
async function chunksOf(pieces: Uint8Array[], size: number, maxLine: number): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of byteChunks(Readable.from(pieces, { objectMode: false }), size, maxLine)) chunks.push(chunk);
  return chunks;
}

/** `text` cut at the given offsets into the pieces a stream would deliver. */
function cut(text: string, offsets: number[]): Uint8Array[] {
  const bytes = encoder.encode(text);
  const ends = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...ends, bytes.length].map((end, i, all) => bytes.subarray(i ? (all[i - 1] as number) : 0, end)).filter((p) => p.length);
}

describe('byteChunks (batch input)', () => {
  it('gives every line once, in order, whole; a line over the bound only as its size; however the stream is cut', async () => {
    const line = fc.oneof(fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, '')), fc.constant(''), fc.constant('x'.repeat(20)));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 40 }), async (lines, finalNewline, offsets, size) => {
        const maxLine = 16;
        const text = lines.join('\n') + (finalNewline && lines.length ? '\n' : '');
        const chunks = await chunksOf(cut(text, offsets), size, maxLine);
        const seen = chunks.flatMap((c) => {
          if ('oversized' in c) return [`<${c.oversized} bytes>`];
          const body = decoder.decode(c.bytes);
          expect(c.bytes.at(-1) === 0x0a || c === chunks.at(-1)).toBe(true);
          const split = body.split('\n');
          if (split.at(-1) === '') split.pop();
          expect(split).toHaveLength(c.lines);
          return split;
        });
        const expected = (text === '' ? [] : text.replace(/\n$/, '').split('\n')).map((l) => {
          const length = encoder.encode(l).length;
          return length > maxLine ? `<${length} bytes>` : l;
        });
        expect(seen).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a line of exactly the bound; one byte more is oversized', async () => {
    const chunks = await chunksOf([encoder.encode(`${'a'.repeat(16)}\n${'b'.repeat(17)}\nc`)], 4, 16);
    expect(chunks.map((c) => ('oversized' in c ? c.oversized : decoder.decode(c.bytes)))).toEqual([`${'a'.repeat(16)}\n`, 17, 'c']);
  });
});
