import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

// `npm run build` empties dist/ first; the builds run side by side and must not clean it themselves.
// No source maps: they would point into src/, which the package does not ship, and the bundles are not
// minified, so a stack trace reads as it is.

/** The CommonJS `courier-claims/cli` imports the ESM command line (dist/cli.js) instead of bundling a copy. */
const esmCommandLine: Plugin = {
  name: 'esm-command-line',
  setup(build) {
    build.onResolve({ filter: /^\.\/main\.js$/ }, () => ({ path: './cli.js', external: true }));
  },
};

export default defineConfig([
  {
    // ESM, the library and the command line in one build: the command line imports the library's code
    // from the chunk they share (free of Node built-ins: scripts/check-package.mjs checks it).
    // `courier-claims/cli` exports run(); bin.js is the executable; the batch command's worker threads
    // load cli-worker.js from beside the chunk that starts them.
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', bin: 'src/cli/bin.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'node',
  },
  {
    // The library for require(): one self-contained bundle.
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    target: 'es2022',
    platform: 'neutral',
  },
  {
    // `courier-claims/cli` for require(): run() loads the ESM command line above.
    entry: { cli: 'src/cli/require.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    esbuildPlugins: [esmCommandLine],
  },
  {
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
    format: ['esm', 'cjs'],
    dts: { only: true },
  },
]);
