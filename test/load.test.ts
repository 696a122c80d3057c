import { describe, expect, it } from 'vitest';

// Loaded inside the test, not at the top of the file: if a built-in policy's data were invalid, loading the
// library would throw here as a failing test instead of leaving every other test file uncollected.
describe('loading', () => {
  it('the library loads with its built-in policies, each valid', async () => {
    const { policies } = await import('../src/index.js');
    expect(policies.map((p) => [p.id, p.kind, p.zone])).toEqual([
      ['cn-express', 'express', 'Asia/Shanghai'],
      ['cn-postal', 'postal', 'Asia/Shanghai'],
      ['cn-gbt27917-2011', 'national', 'Asia/Shanghai'],
      ['cn-network-reference', 'network', 'Asia/Shanghai'],
      ['sf-express', 'express', 'Asia/Shanghai'],
      ['zto', 'express', 'Asia/Shanghai'],
      ['cn-complaints', 'complaints', 'Asia/Shanghai'],
    ]);
  });
});
