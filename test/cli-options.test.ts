import { describe, expect, it } from 'vitest';
import { parseOptions } from '../src/cli/options.js';

describe('parseOptions', () => {
  it('takes now to the second, so that reruns within a second judge at the same moment', () => {
    const at = (iso: string) => parseOptions(['quote'], new Date(iso)).now;
    expect(at('2026-03-20T02:00:00.999Z')).toBe('2026-03-20T02:00:00Z');
    expect(at('2026-03-20T02:00:00.000Z')).toBe(at('2026-03-20T02:00:00.999Z'));
    expect(at('2026-03-20T02:00:01.000Z')).toBe('2026-03-20T02:00:01Z');
  });
});
