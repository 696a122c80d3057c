import { defineConfig } from 'tsup';

// `npm run build` empties dist/ first; the two builds run side by side and must not clean it themselves.
export default defineConfig([
  {
    // The library: self-contained ESM and CJS bundles with declarations, free of Node built-ins.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    // The demo behind `npm run demo` (Node only: it reads a fixture file).
    entry: { demo: 'src/cli/demo.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
  },
]);
