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
    // The command line (Node only): `courier-claims/cli` exports run(); bin.js is the executable; the batch
    // command's worker threads load cli-worker.js from beside it.
    entry: { cli: 'src/cli/main.ts', bin: 'src/cli/bin.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    dts: { entry: { cli: 'src/cli/main.ts' } },
    target: 'node20',
    platform: 'node',
  },
  {
    // `courier-claims/cli` for require(); the shim gives it the module URL the worker pool resolves
    // cli-worker.js against.
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    dts: true,
    shims: true,
    target: 'node20',
    platform: 'node',
  },
]);
