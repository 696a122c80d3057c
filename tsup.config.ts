import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', demo: 'src/cli/demo.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'neutral',
});
